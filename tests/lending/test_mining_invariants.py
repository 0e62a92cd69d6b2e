"""Stateful fuzzing of lending liquidity mining against fivefold/nft/model_farm.py's accumulator:
mining pays out exactly what was emitted.

Random deposits, redemptions, voucher transfers, borrows, repayments, claims on either stream,
funding, rate changes and time jumps in the mined USD market, by three accounts. After every step,
to the wei:
- each stream's recorded shares equal the market's own figures (vouchers; debt principal
  normalised by its index), so every change was reported;
- every `earned` and `unallocated` equal the model's, and funded == paid + sum(earned) + dust +
  unallocated with dust >= 0 (the accumulator's conservation);
- each stream holds exactly funded - paid of CC.
"""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from test_mining import BUDGET, RATE, USD, cc, funder, streams  # noqa: F401 (fixtures)

from fivefold.lending import model as lending
from fivefold.nft.model_farm import Accumulator
from fivefold.units import WAD


def test_mining__random_operations__pays_exactly_what_was_emitted(
    streams,  # noqa: F811
    usd_market,
    cc,  # noqa: F811
    funder,  # noqa: F811
    governance,
    supplier,
    borrower,
    liquidator,
    supply,
    position,
    chain,
    system,
    deployer,
):
    import ape

    actors = [supplier, borrower, liquidator]
    names = [a.address for a in actors]
    usd = ape.Contract(usd_market.asset())
    supply(usd_market, supplier, 1_000_000 * USD)  # cash to borrow
    for account in (borrower, liquidator):
        position(account, {"CC": 10_000 * WAD})  # $15,000 borrowable each
        usd.approve(usd_market, 2**256 - 1, sender=account)
    usd.approve(usd_market, 2**256 - 1, sender=supplier)
    for stream in streams:
        cc.approve(stream, 2**256 - 1, sender=funder)

    def normalised(account):
        index = usd_market.debt_index(account)
        return usd_market.debt_principal(account) * WAD // index if index else 0

    class MiningMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.now = chain.blocks.head.timestamp + 1
            chain.mine(timestamp=self.now)
            self.models = []
            for stream in streams:
                acc = Accumulator(last=self.now, rate=stream.reward_rate(), funded=stream.funded(), paid=0)
                acc.rpt = stream.reward_per_token()
                acc.unallocated = stream.unallocated()
                for a in names:
                    acc.shares[a] = stream.shares(a)
                    acc.total += acc.shares[a]
                    acc.owed[a] = stream.earned(a)
                    acc.paid_rpt[a] = acc.rpt
                self.models.append(acc)
            self.paid0 = [acc.funded - cc.balanceOf(s) for acc, s in zip(self.models, streams, strict=True)]
            for acc, p in zip(self.models, self.paid0, strict=True):
                acc.paid = p

        def teardown(self):
            chain.restore(self.snapshot)

        def _at(self):
            chain.pending_timestamp = self.now
            return self.now

        def _sync(self, t):
            """Applies the shares the streams recorded in this transaction to the models."""
            for acc, stream in zip(self.models, streams, strict=True):
                for a in names:
                    new, old = stream.shares(a), acc.shares[a]
                    if new > old:
                        acc.deposit(a, new - old, t)
                    elif new < old:
                        acc.withdraw(a, old - new, t)

        @rule(seconds=st.sampled_from([0, 1, 60, 3_000]))
        def advance(self, seconds):
            if seconds:
                self.now += seconds
                chain.mine(timestamp=self.now)
                # the feeds answer again, dated now: they go stale after an hour, and a longer
                # sequence (`make fuzz`, 2.5 h of jumps) then had a voucher transfer of an account
                # with debt refused with "feed_reader: stale price", a refusal that is right but not
                # what this machine tests
                for feed in system.feeds.values():
                    self._at()
                    lending.set_local_answer(feed, feed.answer(), deployer, updated_at=self.now)

        @rule(i=st.integers(0, 2), amount=st.integers(1, 10_000 * USD))
        def deposit(self, i, amount):
            t = self._at()
            usd_market.deposit(amount, actors[i], sender=actors[i])
            self._sync(t)

        @rule(i=st.integers(0, 2), share=st.integers(1, 4))
        def redeem(self, i, share):
            shares = usd_market.balanceOf(actors[i]) * share // 8
            if usd_market.convertToAssets(shares) == 0:
                return
            t = self._at()
            usd_market.redeem(shares, actors[i], actors[i], sender=actors[i])
            self._sync(t)

        @rule(i=st.integers(0, 2), j=st.integers(0, 2), share=st.integers(1, 4))
        def transfer(self, i, j, share):
            t = self._at()
            amount = usd_market.balanceOf(actors[i]) * share // 8
            usd_market.transfer(actors[j], amount, sender=actors[i])
            if i == j and amount:
                # to oneself the market reports the debit and then the credit (Market._transfer): the
                # shares end as they were, but the account is settled on the way, rounding down once
                # more (the deep run found the 1-wei difference against a model that skipped it)
                self.models[0].withdraw(names[i], amount, t)
                self.models[0].deposit(names[i], amount, t)
            self._sync(t)

        @rule(i=st.integers(1, 2), amount=st.integers(1, 1_000 * USD))
        def borrow(self, i, amount):
            t = self._at()
            usd_market.borrow(amount, actors[i], sender=actors[i])
            self._sync(t)

        @rule(i=st.integers(1, 2), share=st.integers(1, 4))
        def repay(self, i, share):
            debt = usd_market.debt_of(actors[i])
            if debt == 0:
                return
            t = self._at()
            usd_market.repay(max(1, debt * share // 4), actors[i], sender=actors[i])
            self._sync(t)

        @rule(k=st.integers(0, 1), amount=st.integers(1, 10**21))
        def fund(self, k, amount):
            t = self._at()
            streams[k].fund(amount, sender=funder)
            self.models[k].fund(amount, t)

        @rule(k=st.integers(0, 1), rate=st.sampled_from([0, 1, 10**15, RATE]))
        def set_rate(self, k, rate):
            t = self._at()
            streams[k].set_reward_rate(rate, sender=governance)
            self.models[k].set_rate(rate, t)

        @rule(k=st.integers(0, 1), i=st.integers(0, 2))
        def claim(self, k, i):
            t = self._at()
            before = cc.balanceOf(actors[i])
            tx = streams[k].claim(sender=actors[i])
            expected = self.models[k].claim(names[i], t)
            assert tx.return_value == expected == cc.balanceOf(actors[i]) - before

        @invariant()
        def reported_and_conserved(self):
            t = chain.blocks.head.timestamp
            for a in names:
                assert streams[0].shares(a) == usd_market.balanceOf(a)
                assert streams[1].shares(a) == normalised(a)
            for acc, stream in zip(self.models, streams, strict=True):
                assert stream.unallocated() == acc.streamed(t)[1]
                earned = [stream.earned(a) for a in names]
                assert earned == [acc.earned(a, t) for a in names]
                dust = acc.funded - acc.paid - sum(earned) - stream.unallocated()
                assert dust == acc.dust(t) >= 0
                assert stream.funded() == acc.funded
                assert cc.balanceOf(stream) == acc.funded - acc.paid

    profile = settings()
    run_state_machine_as_test(
        MiningMachine,
        settings=settings(
            profile,
            max_examples=max(1, profile.max_examples // 10),
            stateful_step_count=profile.stateful_step_count,
        ),
    )

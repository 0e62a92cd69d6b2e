"""AdCampaigns under random sequences of campaigns in three assets (native, CMDT, USDT), reveals,
attestations, time and withdrawals: per campaign budget = paid + left + withdrawn, and per asset the
contract holds exactly the sum of its campaigns' remaining budgets, to the wei."""

from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fivefold.ads import model
from tests.tests_support import machine_settings

from .conftest import DAY, NATIVE, VERIFIER_KEY

# Each step is one to three transactions; scale the loaded profile (ci or deep) to the time budget.
MACHINE_SETTINGS = machine_settings(10, min_steps=10)
KEYWORD = "stateful"


def test_ads__random_operations__balance_equals_remaining_budgets(
    ads, ads_cmdt, ads_usdt, ads_advertiser, ads_verifier, owner, accounts, chain
):
    advertisers = [ads_advertiser, owner]
    for token in (ads_cmdt, ads_usdt):
        token.transfer(owner, token.balanceOf(ads_advertiser) // 2, sender=ads_advertiser)
        for a in advertisers:
            token.approve(ads, 2**256 - 1, sender=a)
    consumers = list(accounts[3:9])
    assets = {"native": NATIVE, "CMDT": ads_cmdt.address, "USDT": ads_usdt.address}
    units = {"native": 10**12, "CMDT": 10**15, "USDT": 10**3}

    def held(asset: str) -> int:
        if asset == NATIVE:
            return ads.balance
        return (ads_cmdt if asset == ads_cmdt.address else ads_usdt).balanceOf(ads)

    class Machine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.campaigns = []  # dicts: id, book, end, advertiser, rewarded

        def teardown(self):
            chain.restore(self.snapshot)

        @rule(
            symbol=st.sampled_from(sorted(assets)),
            who=st.integers(0, 1),
            reward=st.integers(1, 1_000),
            count=st.integers(1, 4),
            duration=st.sampled_from([600, DAY]),
        )
        def create(self, symbol, who, reward, count, duration):
            asset, r = assets[symbol], reward * units[symbol]
            budget, now = r * count, chain.pending_timestamp
            kw = dict(value=budget) if asset == NATIVE else {}
            tx = ads.create(
                asset,
                r,
                budget,
                now,
                now + duration,
                ads_verifier.address,
                model.keyword_hash(KEYWORD),
                sender=advertisers[who],
                **kw,
            )
            self.campaigns.append(
                dict(
                    id=tx.return_value,
                    book=model.Book(asset, r, budget),
                    end=now + duration,
                    advertiser=advertisers[who],
                    rewarded=set(),
                )
            )

        def _payable(self):
            now = chain.pending_timestamp
            return [c for c in self.campaigns if now < c["end"] and c["book"].left and len(c["rewarded"]) < 6]

        @precondition(lambda self: self._payable())
        @rule(data=st.data(), attested=st.booleans())
        def prove(self, data, attested):
            c = data.draw(st.sampled_from(self._payable()))
            consumer = data.draw(st.sampled_from([x for x in consumers if x.address not in c["rewarded"]]))
            if attested:
                sig = model.sign_attestation(
                    VERIFIER_KEY, chain.chain_id, ads.address, c["id"], consumer.address, 2**40
                )
                tx = ads.claim_attested(c["id"], consumer, 2**40, sig, sender=consumer)
            else:
                digest, salt = model.keyword_digest(KEYWORD), b"\x44" * 32
                ads.commit(
                    c["id"], model.commitment(c["id"], consumer.address, digest, salt), sender=consumer
                )
                if chain.pending_timestamp >= c["end"]:  # the commit's block reached the end
                    return
                tx = ads.claim(c["id"], digest, salt, sender=consumer)
            assert tx.return_value == c["book"].pay()
            c["rewarded"].add(consumer.address)

        @rule(seconds=st.sampled_from([60, 900, DAY]))
        def wait(self, seconds):
            chain.pending_timestamp += seconds

        def _withdrawable(self):
            now = chain.pending_timestamp
            return [c for c in self.campaigns if now >= c["end"] and c["book"].left]

        @precondition(lambda self: self._withdrawable())
        @rule(data=st.data())
        def withdraw(self, data):
            c = data.draw(st.sampled_from(self._withdrawable()))
            tx = ads.withdraw(c["id"], sender=c["advertiser"])
            assert tx.return_value == c["book"].withdraw()

        @invariant()
        def balance_is_the_sum_of_remaining_budgets(self):
            for c in self.campaigns:
                stats, book = ads.stats(c["id"]), c["book"]
                assert (stats.interactions, stats.paid, stats.left) == (
                    book.interactions,
                    book.paid,
                    book.left,
                )
                assert book.conserved()
            for asset in assets.values():
                assert held(asset) == sum(c["book"].left for c in self.campaigns if c["book"].asset == asset)

    run_state_machine_as_test(Machine, settings=MACHINE_SETTINGS)

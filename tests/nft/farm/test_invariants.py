"""Stateful fuzzing of LiquidityFarm against fivefold/nft/model_farm.py: farming pays out exactly
what was emitted.

Random stakes, unstakes, funding, rate changes, claims and time jumps (zero seconds included, so
several changes share one second), by two farmers and one account that never stakes. After every
step, to the wei:
- every `earned`, `unallocated` and every payment equal the model's;
- funded == paid + sum(earned) + dust + unallocated with dust >= 0 (the accumulator's
  conservation), and emitted (funded - unallocated) == paid + sum(earned) + dust;
- the farm holds exactly the staked LP tokens, and funded - paid of CC.
"""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.nft.model_farm import Farm


def test_farm__random_operations__pays_exactly_what_was_emitted(
    farm, pair, cc, owner, funder, farmer, second_farmer, trader, chain
):
    actors = [farmer, second_farmer, trader]  # the trader holds no LP token: it never stakes
    names = [a.address for a in actors]
    lp = [pair.balanceOf(a) for a in actors[:2]]

    class FarmMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.now = chain.blocks.head.timestamp + 1
            chain.mine(timestamp=self.now)
            self.model = Farm.start(self.now)

        def teardown(self):
            chain.restore(self.snapshot)

        def _at(self):
            chain.pending_timestamp = self.now
            return self.now

        @rule(seconds=st.sampled_from([0, 0, 1, 7, 300, 5000]))
        def advance(self, seconds):
            if seconds:
                self.now += seconds
                chain.mine(timestamp=self.now)

        @rule(i=st.integers(0, 1), share=st.integers(1, 1_000))
        def stake(self, i, share):
            free = lp[i] - self.model.acc.shares[names[i]]
            amount = free * share // 1_000
            if amount == 0:
                return
            t = self._at()
            farm.stake(amount, sender=actors[i])
            self.model.stake(names[i], amount, t)

        @rule(i=st.integers(0, 1), share=st.integers(1, 4))
        def unstake(self, i, share):
            amount = self.model.acc.shares[names[i]] * share // 4
            if amount == 0:
                return
            t = self._at()
            farm.unstake(amount, sender=actors[i])
            self.model.unstake(names[i], amount, t)

        @rule(amount=st.integers(1, 10**21))
        def fund(self, amount):
            t = self._at()
            farm.fund(amount, sender=funder)
            self.model.fund(amount, t)

        @rule(rate=st.sampled_from([0, 1, 10**15, 3 * 10**17 + 1]))
        def set_rate(self, rate):
            t = self._at()
            farm.set_reward_rate(rate, sender=owner)
            self.model.set_rate(rate, t)

        @rule(i=st.integers(0, 2))
        def claim(self, i):
            t = self._at()
            before = cc.balanceOf(actors[i])
            tx = farm.claim(sender=actors[i])
            expected = self.model.claim(names[i], t)
            assert tx.return_value == expected == cc.balanceOf(actors[i]) - before

        @invariant()
        def pays_what_was_emitted(self):
            t = chain.blocks.head.timestamp
            acc = self.model.acc
            assert farm.unallocated() == acc.streamed(t)[1]
            earned = [farm.earned(a) for a in actors]
            assert earned == [acc.earned(a, t) for a in names]
            dust = acc.funded - acc.paid - sum(earned) - farm.unallocated()
            assert dust == acc.dust(t) >= 0
            assert self.model.emitted(t) == acc.paid + sum(earned) + dust
            assert farm.funded() == acc.funded
            assert cc.balanceOf(farm) == self.model.reward_held
            assert pair.balanceOf(farm) == farm.total_shares() == self.model.lp_held

    profile = settings()
    run_state_machine_as_test(
        FarmMachine,
        settings=settings(
            profile,
            max_examples=max(1, profile.max_examples // 5),
            stateful_step_count=profile.stateful_step_count,
        ),
    )

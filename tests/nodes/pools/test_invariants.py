"""Stateful fuzzing of both pools against fivefold/nodes/model_pools.py, many nodes over several seasons.

Random deposits, top-ups and withdrawals (valid ones, and ones refused by the phase), zero-amount
calls, claims (with and without something to claim), funding, reward changes, CPC force-sent to both
pools, RNode deposits and withdrawals, and time jumps (to the next phase boundaries, or by up to 200
days) that cross raising, lock and settlement of several seasons. After
every step, to the wei:
- Economy Pool: CPC balance == total deposits + outstanding + surplus, outstanding == sum of
  claimable + dust + unallocated with dust >= 0, every node's deposit and claimable equal to the
  model's, unallocated and the settled-season count equal to the model's;
- RNode Pool: CPC balance == total deposits + surplus, every deposit equal to the model's;
- NodeVotes: each node's votes are its deposits in both pools.
"""

import ape
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import ECON_MIN, RNODE_MIN

JUMPS = [0, 1, 3_600, model.DAY, 30 * model.DAY, 84 * model.DAY, 200 * model.DAY]


def test_pools__random_operations__balances_and_claims_match_the_model(
    econ_pool, rnode_pool, node_votes, pools_cpc, pools_nodes, pools_funder, owner, econ_genesis, chain
):
    names = [n.address for n in pools_nodes]

    class PoolsMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.now = chain.blocks.head.timestamp + 1
            self.econ = model.EconomyModel(genesis=econ_genesis)
            self.econ_surplus = 0
            self.rnode = dict.fromkeys(names, 0)
            self.unlock = dict.fromkeys(names, 0)
            self.rnode_surplus = 0
            self._at()
            econ_pool.fund(2 * model.REWARD_PER_SEASON, sender=pools_funder)
            self.econ.fund(2 * model.REWARD_PER_SEASON, self.now)

        def teardown(self):
            chain.restore(self.snapshot)

        def _at(self):
            # a reverted call may have mined a block at the node's own clock: never go back in time
            self.now = max(self.now, chain.blocks.head.timestamp + 1)
            chain.pending_timestamp = self.now
            return self.now

        def _raising(self):
            return model.phase(econ_genesis, self.now) == model.RAISING

        # time

        @rule(seconds=st.sampled_from(JUMPS))
        def advance(self, seconds):
            if seconds:
                self.now = max(self.now + seconds, chain.blocks.head.timestamp + 1)
                chain.mine(timestamp=self.now)

        @rule(boundaries=st.integers(1, 6), offset=st.sampled_from([0, 1, 3_600]))
        def next_phases(self, boundaries, offset):
            """Jumps to `offset` seconds after the `boundaries`-th next phase boundary."""
            starts = (0, model.LOCK_START, model.SETTLEMENT_START)
            t = max(self.now, econ_genesis)
            for _ in range(boundaries):
                base = econ_genesis + model.season(econ_genesis, t) * model.SEASON
                t = min([base + s for s in starts if base + s > t] + [base + model.SEASON])
            self.now = max(t + offset, chain.blocks.head.timestamp + 1)
            chain.mine(timestamp=self.now)

        # Economy Pool

        @rule(i=st.integers(0, 4), amount=st.sampled_from([1, 10**18, ECON_MIN, 3 * ECON_MIN + 7]))
        def deposit(self, i, amount):
            t = self._at()
            if self.econ.deposits[names[i]] + amount < ECON_MIN:
                return
            if not self._raising():
                with ape.reverts("economy_pool: not raising"):
                    econ_pool.deposit(amount, sender=pools_nodes[i])
                return
            econ_pool.deposit(amount, sender=pools_nodes[i])
            self.econ.deposit(names[i], amount, t)

        @rule(i=st.integers(0, 4), quarters=st.integers(1, 4))
        def withdraw(self, i, quarters):
            d = self.econ.deposits[names[i]]
            amount = d * quarters // 4
            if amount == 0 or (d - amount and d - amount < ECON_MIN):
                return
            t = self._at()
            if not self._raising():
                with ape.reverts("economy_pool: not raising"):
                    econ_pool.withdraw(amount, sender=pools_nodes[i])
                return
            econ_pool.withdraw(amount, sender=pools_nodes[i])
            self.econ.withdraw(names[i], amount, t)

        @rule(i=st.integers(0, 4))
        def zero_amounts(self, i):
            self._at()
            with ape.reverts("economy_pool: zero amount"):
                econ_pool.withdraw(0, sender=pools_nodes[i])
            with ape.reverts("rnode_pool: zero amount"):
                rnode_pool.withdraw(0, sender=pools_nodes[i])

        @rule(i=st.integers(0, 4))
        def claim(self, i):
            t = self._at()
            if self.econ.claimable(names[i], t) == 0:
                with ape.reverts("economy_pool: nothing to claim"):
                    econ_pool.claim(sender=pools_nodes[i])
                return
            tx = econ_pool.claim(sender=pools_nodes[i])
            assert tx.return_value == self.econ.claim(names[i], t)

        @rule(amount=st.sampled_from([1, 10**24 + 1, model.REWARD_PER_SEASON]))
        def fund(self, amount):
            t = self._at()
            econ_pool.fund(amount, sender=pools_funder)
            self.econ.fund(amount, t)

        @rule(reward=st.sampled_from([0, 10**18 + 1, model.REWARD_PER_SEASON]))
        def set_reward(self, reward):
            t = self._at()
            econ_pool.set_reward_per_season(reward, sender=owner)
            self.econ.set_reward(reward, t)

        @rule(i=st.integers(0, 4), amount=st.sampled_from([1, 10**18]), economy=st.booleans())
        def force_send(self, i, amount, economy):
            self._at()
            pools_cpc.transfer(econ_pool if economy else rnode_pool, amount, sender=pools_nodes[i])
            if economy:
                self.econ_surplus += amount
            else:
                self.rnode_surplus += amount

        # RNode Pool

        @rule(i=st.integers(0, 4), amount=st.sampled_from([1, RNODE_MIN]))
        def rnode_deposit(self, i, amount):
            if self.rnode[names[i]] + amount < RNODE_MIN:
                return
            t = self._at()
            rnode_pool.deposit(amount, sender=pools_nodes[i])
            self.rnode[names[i]] += amount
            self.unlock[names[i]] = model.rnode_unlock_time(t, model.DEFAULT_LOCK_MINUTES)

        @rule(i=st.integers(0, 4))
        def rnode_withdraw(self, i):
            amount = self.rnode[names[i]]
            if amount == 0:
                return
            self._at()
            if self.now < self.unlock[names[i]]:
                with ape.reverts("rnode_pool: deposit locked"):
                    rnode_pool.withdraw(amount, sender=pools_nodes[i])
                return
            rnode_pool.withdraw(amount, sender=pools_nodes[i])
            self.rnode[names[i]] = 0

        # invariants

        @invariant()
        def economy_conserved(self):
            t = chain.blocks.head.timestamp
            deposits = [econ_pool.deposit_of(n) for n in names]
            assert deposits == [self.econ.deposits[n] for n in names]
            assert econ_pool.total_deposits() == sum(deposits) == self.econ.total
            claimable = [econ_pool.claimable(n) for n in names]
            assert claimable == [self.econ.claimable(n, t) for n in names]
            unallocated = econ_pool.unallocated()
            assert unallocated == self.econ.advanced(t)[1]
            assert econ_pool.settled_seasons() == model.settlements_begun(econ_genesis, t)
            outstanding = econ_pool.outstanding()
            assert outstanding == self.econ.outstanding == self.econ.funded - self.econ.paid
            dust = outstanding - sum(claimable) - unallocated
            assert dust == self.econ.dust(t) >= 0
            assert econ_pool.surplus() == self.econ_surplus
            assert pools_cpc.balanceOf(econ_pool) == sum(deposits) + outstanding + self.econ_surplus

        @invariant()
        def rnode_conserved_and_votes_summed(self):
            deposits = [rnode_pool.deposit_of(n) for n in names]
            assert deposits == [self.rnode[n] for n in names]
            assert pools_cpc.balanceOf(rnode_pool) == sum(deposits) + self.rnode_surplus
            assert [node_votes.getVotes(n) for n in names] == [
                self.rnode[n] + self.econ.deposits[n] for n in names
            ]

    profile = settings()
    run_state_machine_as_test(
        PoolsMachine,
        settings=settings(
            profile,
            max_examples=max(1, profile.max_examples // 6),
            stateful_step_count=3 * profile.stateful_step_count // 2,
        ),
    )

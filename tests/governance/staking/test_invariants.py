"""Stateful fuzzing of Staking against fivefold/governance/model.py.

Random stakes, unstakes, NFT stakes, identities, delegations, exclusions, funding, rate changes,
claims and time jumps (zero seconds included, so several changes share one second). After every
step, to the wei:
- at every timepoint that has just become past: each account's getPastVotes equals the model's,
  their sum equals getPastTotalSupply, which equals the total staked weight minus what exclusion
  removes (computed from weights, delegations and the list, not from delegated-in amounts); one
  older timepoint is read again each step, so nothing rewrites the past;
- funded == paid + sum(earned) + dust + unallocated, with unallocated, every earned and every
  payment equal to the model's and dust >= 0;
- the staking contract holds exactly the staked tokens + funded - paid.
"""

import random

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.governance.model import Accumulator, Votes
from tests.governance.staking.conftest import delegate

NFT_IDS = (1, 2, 3)


def test_staking__random_operations__votes_and_income_conserved(
    staking, cc, collection, identity, owner, funder, staker, second_staker, exchange, delegatee, chain
):
    actors = [staker, second_staker, exchange, delegatee]  # the last holds no CC
    names = [a.address for a in actors]
    nft_owner0 = {1: staker.address, 2: staker.address, 3: second_staker.address}

    class StakingMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.now = chain.blocks.head.timestamp + 1
            chain.mine(timestamp=self.now)
            self.acc = Accumulator(last=self.now)
            self.votes = Votes()
            self.expected = {}  # timepoint -> expected total after its last change
            self.checked = set()
            self.nft_holder = dict(nft_owner0)
            self.nft_staked = {}  # token id -> (staker, weight)
            self.weight = staking.collection_weight(collection)
            self.members = {}  # account -> token id
            self.identity_weight_of = {}  # member -> weight issued with
            self.paid = 0
            self.rng = random.Random(0)

        def teardown(self):
            chain.restore(self.snapshot)

        def _at(self):
            chain.pending_timestamp = self.now
            return self.now

        def _done(self, tx):
            """Records the expected total of the transaction's second, after the model's update."""
            assert tx.timestamp == self.now
            self.expected[self.now] = self.votes.expected_total()

        # rules

        @rule(seconds=st.sampled_from([0, 0, 1, 7, 300, 5000]))
        def advance(self, seconds):
            if seconds:
                self.now += seconds
                chain.mine(timestamp=self.now)

        @rule(i=st.integers(0, 2), amount=st.integers(1, 10**22))
        def stake(self, i, amount):
            t = self._at()
            tx = staking.stake(amount, sender=actors[i])
            self.acc.deposit(names[i], amount, t)
            self.votes.change_weight(names[i], amount, t)
            self._done(tx)

        @rule(i=st.integers(0, 2), share=st.integers(1, 4))
        def unstake(self, i, share):
            amount = self.acc.shares[names[i]] * share // 4
            if amount == 0:
                return
            t = self._at()
            tx = staking.unstake(amount, sender=actors[i])
            self.acc.withdraw(names[i], amount, t)
            self.votes.change_weight(names[i], -amount, t)
            self._done(tx)

        @rule(token_id=st.sampled_from(NFT_IDS))
        def toggle_nft(self, token_id):
            t = self._at()
            if token_id in self.nft_staked:
                holder, weight = self.nft_staked.pop(token_id)
                tx = staking.unstake_nft(collection, token_id, sender=holder)
                self.votes.change_weight(holder, -weight, t)
                self._done(tx)
            elif self.weight:
                holder = self.nft_holder[token_id]
                tx = staking.stake_nft(collection, token_id, sender=holder)
                self.nft_staked[token_id] = (holder, self.weight)
                self.votes.change_weight(holder, self.weight, t)
                self._done(tx)

        @rule(weight=st.sampled_from([0, 10**18, 123 * 10**18]))
        def set_collection_weight(self, weight):
            self._at()
            staking.set_collection_weight(collection, weight, sender=owner)
            self.weight = weight

        @rule(j=st.integers(0, 3), weight=st.sampled_from([10**18, 2000 * 10**18]))
        def toggle_identity(self, j, weight):
            t = self._at()
            if names[j] in self.members:
                tx = identity.revoke(self.members.pop(names[j]), sender=owner)
                self.votes.change_weight(names[j], -self.identity_weight_of[names[j]], t)
                self._done(tx)
            else:
                staking.set_identity_weight(weight, sender=owner)
                self._at()  # a pinned timestamp holds for one block only
                tx = identity.issue(actors[j], sender=owner)
                self.members[names[j]] = identity.next_id() - 1
                self.identity_weight_of[names[j]] = weight
                self.votes.change_weight(names[j], weight, t)
                self._done(tx)

        @rule(i=st.integers(0, 3), j=st.integers(0, 3))
        def delegate_to(self, i, j):
            t = self._at()
            tx = delegate(staking, actors[j], actors[i])
            self.votes.delegate(names[i], names[j], t)
            self._done(tx)

        @rule(j=st.integers(0, 3))
        def toggle_exclusion(self, j):
            t = self._at()
            excluded = names[j] not in self.votes.excluded
            tx = staking.set_excluded(actors[j], excluded, sender=owner)
            self.votes.set_excluded(names[j], excluded, t)
            self._done(tx)

        @rule(amount=st.integers(1, 10**21))
        def fund(self, amount):
            t = self._at()
            staking.fund(amount, sender=funder)
            self.acc.fund(amount, t)

        @rule(rate=st.sampled_from([0, 1, 10**15, 3 * 10**17 + 1]))
        def set_rate(self, rate):
            t = self._at()
            staking.set_reward_rate(rate, sender=owner)
            self.acc.set_rate(rate, t)

        @rule(i=st.integers(0, 3))
        def claim(self, i):
            t = self._at()
            tx = staking.claim(sender=actors[i])
            expected = self.acc.claim(names[i], t)
            assert tx.return_value == expected
            self.paid += expected

        # invariants

        @invariant()
        def votes_at_past_timepoints(self):
            head = chain.blocks.head.timestamp
            past = sorted(t for t in self.expected if t < head)
            fresh = [t for t in past if t not in self.checked]
            older = [t for t in past if t in self.checked]
            for t in fresh + ([self.rng.choice(older)] if older else []):
                votes = [staking.getPastVotes(a, t) for a in actors]
                assert votes == [self.votes.past_votes(a, t) for a in names]
                assert sum(votes) == staking.getPastTotalSupply(t) == self.expected[t]
                assert self.votes.past_total(t) == self.expected[t]
                self.checked.add(t)

        @invariant()
        def income_conserved(self):
            t = chain.blocks.head.timestamp
            assert staking.unallocated() == self.acc.streamed(t)[1]
            earned = [staking.earned(a) for a in actors]
            assert earned == [self.acc.earned(a, t) for a in names]
            dust = self.acc.funded - self.acc.paid - sum(earned) - staking.unallocated()
            assert dust == self.acc.dust(t) >= 0
            assert staking.funded() == self.acc.funded
            assert cc.balanceOf(staking) == staking.total_shares() + self.acc.funded - self.paid

    profile = settings()
    run_state_machine_as_test(
        StakingMachine,
        settings=settings(
            profile,
            max_examples=max(1, profile.max_examples // 5),
            stateful_step_count=profile.stateful_step_count,
        ),
    )

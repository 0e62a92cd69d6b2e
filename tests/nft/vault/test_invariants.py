"""Stateful fuzzing of an MTokenVault, from deposit to redemption, against fivefold/nft/model_vault.py.

From a vault with three lots, not issued: random removals by the creator and the issue, then
random bids (at the minimum or above), withdrawals, votes and unvotes, MToken transfers, time jumps,
settlements and claims. After every step, to the wei:
- the vault's native balance == refundable bids + leading bids of unsold lots + proceeds_total -
  claimed_total, and every term equals the model's (refunds, leaders, proceeds, claims);
- each holder's claimable proceeds equal the model's, and what the floors left (dust) is >= 0;
- every NFT is in the vault unless its lot was sold, and then it belongs to the lot's winning bidder,
  or removed before issue, and then it is the creator's.
"""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fivefold.nft.model_vault import Proceeds, min_next_bid, threshold_reached
from tests.nft.vault.conftest import (
    DAY,
    HOLDER_SHARE,
    LOT_AMOUNT,
    MULTI_ID,
    SUPPLY,
    THRESHOLD,
    issue,
    stock,
)

MARGIN = 60  # seconds kept from a deadline, so a view's second and the next block's agree
SLOTS = (0, 1, 2)
NFT_OF_SLOT = {0: 4, 1: 5}  # slot 2 is the ERC-1155 lot


def test_vault__random_operations__balances_and_nfts_conserved(
    project, factory, collection, multi, vault_creator, holder, stranger, bidder, second_bidder, chain
):
    holders = [vault_creator, holder, stranger]
    bidders = [bidder, second_bidder, stranger]

    class VaultMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            # A fresh vault of NFTs 4 and 5 and the ERC-1155 lot, not issued yet.
            self.v = stock(project, factory, collection, multi, vault_creator, (4, 5))
            self.issued = False
            self.removed = set()
            self.proceeds = Proceeds(SUPPLY, {})
            self.balance = {}  # held MToken
            self.leader = {s: (None, 0) for s in SLOTS}
            self.votes = {s: {} for s in SLOTS}
            self.deadline = {s: 0 for s in SLOTS}
            self.sold = set()
            self.refunds = {}

        def teardown(self):
            chain.restore(self.snapshot)

        def _now(self):
            return chain.blocks.head.timestamp

        def _open(self, slot):
            """Bids and votes are certainly accepted in the next block."""
            d = self.deadline[slot]
            live = self.issued and slot not in self.sold and slot not in self.removed
            return live and (d == 0 or self._now() + MARGIN < d)

        @precondition(lambda self: not self.issued)
        @rule(slot=st.sampled_from(SLOTS))
        def remove(self, slot):
            """Before issue the creator takes lots back (the only way out besides a sale)."""
            if self.issued or slot in self.removed or len(self.removed) == len(SLOTS) - 1:
                return
            self.v.remove(slot, sender=vault_creator)
            self.removed.add(slot)

        @precondition(lambda self: not self.issued)
        @rule()
        def issue(self):
            if self.issued:
                return
            issue(self.v, vault_creator)
            self.v.transfer(holder, HOLDER_SHARE, sender=vault_creator)
            self.issued = True
            names = {vault_creator.address: SUPPLY - HOLDER_SHARE, holder.address: HOLDER_SHARE}
            self.proceeds = Proceeds(SUPPLY, dict(names))
            self.balance = dict(names)

        @rule(seconds=st.sampled_from([0, 900, DAY + 1]))
        def advance(self, seconds):
            if seconds:
                chain.mine(deltatime=seconds)

        @precondition(lambda self: self.issued)
        @rule(i=st.integers(0, 2), slot=st.sampled_from(SLOTS), factor=st.sampled_from([1, 1, 3]))
        def bid(self, i, slot, factor):
            if not self._open(slot):
                return
            account = bidders[i]
            amount = min_next_bid(self.leader[slot][1], 500) * factor + (10**15 if factor > 1 else 0)
            self.v.bid(slot, amount, value=amount, sender=account)
            previous, leading = self.leader[slot]
            if previous is not None:
                self.refunds[previous] = self.refunds.get(previous, 0) + leading
            self.leader[slot] = (account.address, amount)

        @precondition(lambda self: self.issued)
        @rule(i=st.integers(0, 2))
        def withdraw(self, i):
            account = bidders[i]
            if self.refunds.get(account.address, 0) == 0:
                return
            tx = self.v.withdraw(sender=account)
            assert tx.decode_logs(self.v.Withdrawn)[0].amount == self.refunds.pop(account.address)
            assert self.v.refunds(account) == 0

        @precondition(lambda self: self.issued)
        @rule(j=st.integers(0, 2), slot=st.sampled_from(SLOTS), quarter=st.integers(1, 4))
        def vote(self, j, slot, quarter):
            account = holders[j]
            amount = self.balance.get(account.address, 0) * quarter // 4
            if amount == 0 or not self._open(slot) or self.leader[slot][0] is None:
                return
            tx = self.v.vote(slot, amount, sender=account)
            self.balance[account.address] -= amount
            votes = self.votes[slot]
            votes[account.address] = votes.get(account.address, 0) + amount
            if self.deadline[slot] == 0 and threshold_reached(sum(votes.values()), THRESHOLD, SUPPLY):
                self.deadline[slot] = tx.timestamp + DAY
            assert self.v.deadline(slot) == self.deadline[slot]

        @precondition(lambda self: self.issued)
        @rule(j=st.integers(0, 2), slot=st.sampled_from(SLOTS))
        def unvote(self, j, slot):
            account = holders[j]
            amount = self.votes[slot].get(account.address, 0)
            if amount == 0 or (self.deadline[slot] != 0 and slot not in self.sold):
                return
            self.v.unvote(slot, amount, sender=account)
            self.votes[slot][account.address] = 0
            self.balance[account.address] += amount

        @precondition(lambda self: self.issued)
        @rule(j=st.integers(0, 2), k=st.integers(0, 2), quarter=st.integers(1, 4))
        def transfer(self, j, k, quarter):
            sender, receiver = holders[j], holders[k]
            amount = self.balance.get(sender.address, 0) * quarter // 4
            if amount == 0:
                return
            self.v.transfer(receiver, amount, sender=sender)
            self.proceeds.transfer(sender.address, receiver.address, amount)
            self.balance[sender.address] -= amount
            self.balance[receiver.address] = self.balance.get(receiver.address, 0) + amount

        @precondition(lambda self: self.issued)
        @rule(slot=st.sampled_from(SLOTS))
        def settle(self, slot):
            d = self.deadline[slot]
            if not self.issued or slot in self.sold or d == 0 or self._now() < d:
                return
            self.v.settle(slot, sender=stranger)
            self.sold.add(slot)
            if slot == 2:  # the ERC-1155 lot, whole, to its winner
                assert multi.balanceOf(self.leader[2][0], MULTI_ID) >= LOT_AMOUNT
            self.proceeds.distribute(self.leader[slot][1])

        @rule(slot=st.sampled_from(SLOTS), i=st.integers(0, 2))
        def sale(self, slot, i):
            """The whole path at once (rarely reached step by step): issued if not yet, a bid if
            none, every holder's votes, the countdown waited out, the settlement."""
            self.issue()
            if self._open(slot) and self.leader[slot][0] is None:
                self.bid(i, slot, 1)
            for j in range(3):
                if self.deadline[slot] == 0:
                    self.vote(j, slot, 4)
            if self.deadline[slot] != 0:
                self.advance(DAY + 1)
                self.settle(slot)

        @precondition(lambda self: self.issued)
        @rule(j=st.integers(0, 2))
        def claim(self, j):
            account = holders[j]
            tx = self.v.claim(sender=account)
            expected = self.proceeds.claim(account.address)
            paid = [e.amount for e in tx.decode_logs(self.v.ProceedsClaimed)]
            assert paid == ([expected] if expected else [])

        @invariant()
        def payment_asset_conserved(self):
            refunds = sum(self.refunds.values())
            leading = sum(self.leader[s][1] for s in SLOTS if s not in self.sold)
            assert self.v.proceeds_total() == self.proceeds.total
            assert self.v.claimed_total() == self.proceeds.claimed
            assert chain.provider.get_balance(self.v.address) == (
                refunds + leading + self.proceeds.total - self.proceeds.claimed
            )

        @invariant()
        def proceeds_match_the_model(self):
            for account in holders:
                assert self.v.proceeds_of(account) == self.proceeds.earned(account.address)
            assert self.proceeds.dust() >= 0

        @invariant()
        def nfts_leave_only_to_winners(self):
            for slot, token_id in NFT_OF_SLOT.items():
                owner = self.leader[slot][0] if slot in self.sold else self.v.address
                owner = vault_creator.address if slot in self.removed else owner
                assert collection.ownerOf(token_id) == owner
            gone = 2 in self.sold or 2 in self.removed
            assert multi.balanceOf(self.v, MULTI_ID) == (0 if gone else LOT_AMOUNT)

    # A fifth of the profile's examples (ci: 5, deep: 80): each step checks a dozen views, and the
    # domain's tests have about 25 worker-seconds in all.
    budget = settings(settings.default, max_examples=max(1, settings.default.max_examples // 5))
    run_state_machine_as_test(VaultMachine, settings=budget)

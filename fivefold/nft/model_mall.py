"""The NFT mall's money rules in Python, with the contract's integer operations and rounding: the split
of a sale, the minimum next bid, the end after a late bid, and a ledger of what the mall must hold
(the oracle of tests/nft/mall's stateful invariant)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

BPS = 10_000
MAX_FEE_BPS = 1_000  # the platform fee's on-chain cap: 10%
MAX_ROYALTY_BPS = 1_000  # a royalty above 10% of the price is cut to 10%
MIN_INCREMENT_BPS = 500  # 5%
EXTENSION = 15 * 60  # a bid in the last 15 minutes moves the end to 15 minutes after it
MIN_DURATION = 15 * 60
MAX_DURATION = 30 * 86_400


def capped_royalty(price: int, answered: int) -> int:
    """ERC-2981's answer cut to 10% of the price (floor)."""
    return min(answered, price * MAX_ROYALTY_BPS // BPS)


def split(price: int, royalty_answer: int, fee_bps: int) -> tuple[int, int, int]:
    """(royalty, fee, seller) of a sale at `price`: both floors favour the seller."""
    royalty = capped_royalty(price, royalty_answer)
    fee = price * fee_bps // BPS
    return royalty, fee, price - royalty - fee


def min_bid(reserve: int, top_bid: int, has_bid: bool) -> int:
    """The lowest acceptable bid: max(reserve, 1) first, then the top bid plus 5% rounded up."""
    if not has_bid:
        return max(reserve, 1)
    return top_bid + (top_bid * MIN_INCREMENT_BPS + BPS - 1) // BPS


def end_after_bid(end: int, now: int) -> int:
    """The auction's end after a bid at `now` (< end)."""
    return now + EXTENSION if end - now < EXTENSION else end


@dataclass
class Ledger:
    """What the mall owes, per asset: credits per account and the live auctions' top bids."""

    pending: dict = field(default_factory=lambda: defaultdict(int))  # (account, asset) -> amount
    top_bids: dict = field(default_factory=dict)  # auction id -> (asset, bidder, amount)

    def credit(self, account: str, asset: str, amount: int) -> None:
        if amount:
            self.pending[(account, asset)] += amount

    def bid(self, auction: int, asset: str, bidder: str, amount: int) -> None:
        """A new top bid: the previous one becomes its bidder's credit."""
        if auction in self.top_bids:
            _, previous, previous_amount = self.top_bids[auction]
            self.credit(previous, asset, previous_amount)
        self.top_bids[auction] = (asset, bidder, amount)

    def settle(
        self,
        auction: int,
        seller: str,
        royalty_to: str | None,
        royalty_answer: int,
        fee_bps: int,
        treasury: str,
    ) -> None:
        """Settlement: the top bid becomes the seller's, the royalty receiver's and the treasury's."""
        if auction not in self.top_bids:
            return
        asset, _, price = self.top_bids.pop(auction)
        royalty, fee, proceeds = split(price, royalty_answer if royalty_to else 0, fee_bps)
        self.credit(royalty_to, asset, royalty)
        self.credit(treasury, asset, fee)
        self.credit(seller, asset, proceeds)

    def withdraw(self, account: str, asset: str) -> int:
        return self.pending.pop((account, asset), 0)

    def owed(self, asset: str) -> int:
        """What the mall must hold in `asset`: every credit plus every live top bid."""
        credits = sum(v for (_, a), v in self.pending.items() if a == asset)
        return credits + sum(amount for a, _, amount in self.top_bids.values() if a == asset)

"""The Python mirror of the payments contracts, the tests' oracle.

`Tips` mirrors contracts/payments/AnchorTips.vy: per asset, what arrived is split into the platform's
share (amount * bps // 10,000, rounded down: the anchor gets the floor's wei) and the anchor's part;
CC tips add what arrived to the tipper's shares in the reward stream, whose integer mirror is
fivefold/governance/model.py's `Accumulator` (imported, not written twice). Conservation, per asset:

    held(X) == sum anchors(X) + platform(X) + [X == CC] * (funded - paid)

`Invoices` mirrors contracts/payments/MerchantInvoices.vy's books: escrow per asset and pull
balances per account, so that held(X) == escrowed(X) + sum balances(X).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from fivefold.governance.model import Accumulator

BPS = 10_000


def platform_share(amount: int, bps: int) -> int:
    """The platform's share of a tip: amount * bps // 10,000, rounded down (favours the anchor)."""
    return amount * bps // BPS


@dataclass
class Tips:
    """One AnchorTips contract: anchors' balances, the platform's, the reward stream."""

    cc: str
    acc: Accumulator
    anchors: dict = field(default_factory=lambda: defaultdict(int))  # (anchor, asset) -> amount
    platform: dict = field(default_factory=lambda: defaultdict(int))  # asset -> amount
    bps: dict = field(default_factory=lambda: defaultdict(int))  # asset -> platform share

    @classmethod
    def start(cls, cc: str, now: int) -> Tips:
        return cls(cc, Accumulator(last=now))

    def tip(self, tipper: str, anchor: str, asset: str, received: int, now: int) -> int:
        """Books a tip of `received` (what arrived); returns the platform's share."""
        fee = platform_share(received, self.bps[asset])
        self.platform[asset] += fee
        self.anchors[(anchor, asset)] += received - fee
        if asset == self.cc:
            self.acc.deposit(tipper, received, now)
        return fee

    def withdraw(self, anchor: str, asset: str) -> int:
        return self.anchors.pop((anchor, asset), 0)

    def collect(self, asset: str) -> int:
        return self.platform.pop(asset, 0)

    def claim(self, tipper: str, now: int) -> int:
        return self.acc.claim(tipper, now)

    def held(self, asset: str) -> int:
        """What the contract must hold of `asset`, to the wei."""
        owed = sum(v for (_, a), v in self.anchors.items() if a == asset) + self.platform[asset]
        if asset == self.cc:
            owed += self.acc.funded - self.acc.paid
        return owed


@dataclass
class Invoices:
    """One MerchantInvoices contract's books."""

    escrowed: dict = field(default_factory=lambda: defaultdict(int))  # asset -> amount
    balances: dict = field(default_factory=lambda: defaultdict(int))  # (account, asset) -> amount
    escrows: dict = field(default_factory=dict)  # (merchant, id) -> (payer, asset, amount, refund_deadline)

    def pay(
        self, merchant: str, id: int, payer: str, asset: str, amount: int, refund_deadline: int, now: int
    ):
        if now < refund_deadline:
            self.escrowed[asset] += amount
            self.escrows[(merchant, id)] = (payer, asset, amount, refund_deadline)
        else:
            self.balances[(merchant, asset)] += amount

    def refund(self, merchant: str, id: int) -> None:
        payer, asset, amount, _ = self.escrows.pop((merchant, id))
        self.escrowed[asset] -= amount
        self.balances[(payer, asset)] += amount

    def release(self, merchant: str, id: int) -> None:
        _, asset, amount, _ = self.escrows.pop((merchant, id))
        self.escrowed[asset] -= amount
        self.balances[(merchant, asset)] += amount

    def withdraw(self, account: str, asset: str) -> int:
        return self.balances.pop((account, asset), 0)

    def held(self, asset: str) -> int:
        return self.escrowed[asset] + sum(v for (_, a), v in self.balances.items() if a == asset)

"""Pure Python mirror of contracts/nft/MTokenVault.vy's money math (same integer operations, same
rounding): the minimum next bid and the proceeds accumulator. The vault tests use it as their oracle.

Glossary as in the contract: S supply, K = SCALE, D dividend per token, c carry, d_a and o_a a
holder's settled dividend and owed proceeds; a holder's earning shares are its held plus its locked
MToken.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BPS = 10_000
SCALE = 10**36
DEFAULT_INCREMENT_BPS = 500
MIN_INCREMENT_BPS = 100
MAX_INCREMENT_BPS = 5_000
DAY = 86_400
DEFAULT_COUNTDOWN = DAY
MIN_COUNTDOWN = 3_600
MAX_COUNTDOWN = 7 * DAY

PHASE_NONE, PHASE_DEPOSITED, PHASE_OPEN, PHASE_COUNTDOWN, PHASE_ENDED, PHASE_SOLD, PHASE_REMOVED = range(7)


def min_next_bid(leading: int, increment_bps: int) -> int:
    """1 without a bid, else leading + ceil(leading * bps / BPS)."""
    if leading == 0:
        return 1
    return leading + (leading * increment_bps + BPS - 1) // BPS


def threshold_reached(votes: int, threshold_percent: int, supply: int) -> bool:
    """votes / supply >= threshold / 100, without division."""
    return votes * 100 >= threshold_percent * supply


@dataclass
class Proceeds:
    """The accumulator: `distribute` at each settlement, `settle` before a holder's shares change,
    `claim` pays what is owed. `shares[a]` is a's held plus locked MToken."""

    supply: int
    shares: dict[str, int] = field(default_factory=dict)
    dpt: int = 0
    carry: int = 0
    paid: dict[str, int] = field(default_factory=dict)
    owed: dict[str, int] = field(default_factory=dict)
    total: int = 0  # every price distributed
    claimed: int = 0

    def distribute(self, price: int) -> None:
        numerator = price * SCALE + self.carry
        inc = numerator // self.supply  # rounds down: holders get at most the price
        self.carry = numerator - inc * self.supply
        self.dpt += inc
        self.total += price

    def pending(self, account: str) -> int:
        return self.shares.get(account, 0) * (self.dpt - self.paid.get(account, 0)) // SCALE

    def settle(self, account: str) -> None:
        if self.paid.get(account, 0) != self.dpt:
            self.owed[account] = self.owed.get(account, 0) + self.pending(account)
            self.paid[account] = self.dpt

    def earned(self, account: str) -> int:
        return self.owed.get(account, 0) + self.pending(account)

    def transfer(self, sender: str, receiver: str, amount: int) -> None:
        if self.dpt:
            self.settle(sender)
            self.settle(receiver)
        self.shares[sender] = self.shares.get(sender, 0) - amount
        self.shares[receiver] = self.shares.get(receiver, 0) + amount

    def claim(self, account: str) -> int:
        self.settle(account)
        amount = self.owed.get(account, 0)
        self.owed[account] = 0
        self.claimed += amount
        return amount

    def burn(self, account: str, amount: int) -> int:
        """`redeem`: settle, burn, pay everything owed."""
        self.settle(account)
        self.shares[account] -= amount
        self.supply -= amount
        return self.claim(account)

    def dust(self) -> int:
        """What the floors left unclaimable: total - claimed - everything still claimable (>= 0)."""
        return self.total - self.claimed - sum(self.earned(a) for a in self.shares)

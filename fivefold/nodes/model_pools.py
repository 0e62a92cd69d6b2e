"""Nodes: a mirror of the Economy Pool's seasons and reward index (contracts/nodes/EconomyPool.vy),
integer for integer, and the RNode Pool's lock (contracts/nodes/RNodePool.vy).

`EconomyModel` reproduces every floor and ceiling of the contract, so its `claimable(n)` equals the
contract's to the wei and `dust()` is the conservation equation's last term:

    outstanding == sum(claimable) + dust + unallocated
    CPC balance == total deposits + outstanding + surplus
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

WAD = 10**18
DAY = 86_400
SEASON = 90 * DAY
LOCK_START = 3 * DAY
SETTLEMENT_START = 87 * DAY
ECONOMY_MIN_DEPOSIT = 20_000 * WAD
RNODE_MIN_DEPOSIT = 200_000 * WAD
REWARD_PER_SEASON = 1_250_000 * WAD
MAX_REWARD_PER_SEASON = 12_500_000 * WAD
DEFAULT_LOCK_MINUTES = 100
MAX_LOCK_MINUTES = 1_440

BEFORE_GENESIS, RAISING, LOCK, SETTLEMENT = 0, 1, 2, 3
PHASE_NAMES = {BEFORE_GENESIS: "before genesis", RAISING: "raising", LOCK: "lock", SETTLEMENT: "settlement"}


def phase(genesis: int, t: int) -> int:
    """The phase at `t` (EconomyPool._phase)."""
    if t < genesis:
        return BEFORE_GENESIS
    offset = (t - genesis) % SEASON
    if offset < LOCK_START:
        return RAISING
    return LOCK if offset < SETTLEMENT_START else SETTLEMENT


def season(genesis: int, t: int) -> int:
    """The season at `t`, from 0 at genesis (0 before it)."""
    return 0 if t < genesis else (t - genesis) // SEASON


def settlements_begun(genesis: int, t: int) -> int:
    """How many seasons' settlements have begun by `t` (L)."""
    if t < genesis + SETTLEMENT_START:
        return 0
    return (t - genesis - SETTLEMENT_START) // SEASON + 1


def season_start(genesis: int, s: int) -> int:
    """When season `s`'s raising begins."""
    return genesis + s * SEASON


@dataclass
class EconomyModel:
    """The pool's reward state (see the contract's glossary)."""

    genesis: int
    reward: int = REWARD_PER_SEASON
    index: int = 0
    unallocated: int = 0
    outstanding: int = 0
    seasons: int = 0
    funded: int = 0
    paid: int = 0
    total: int = 0
    deposits: dict = field(default_factory=lambda: defaultdict(int))
    paid_index: dict = field(default_factory=lambda: defaultdict(int))
    owed: dict = field(default_factory=lambda: defaultdict(int))

    def advanced(self, now: int) -> tuple[int, int, int]:
        """(index, unallocated, seasons) with every season settled by `now` accounted, not written."""
        settled = settlements_begun(self.genesis, now)
        index, unallocated = self.index, self.unallocated
        if settled != self.seasons and self.total and unallocated:
            pay = min((settled - self.seasons) * self.reward, unallocated)
            inc = pay * WAD // self.total  # down: nodes get at most pay
            index += inc
            unallocated -= -(-inc * self.total // WAD)  # up: charged at least what nodes can claim
        return index, unallocated, settled

    def advance(self, now: int) -> int:
        self.index, self.unallocated, self.seasons = self.advanced(now)
        return self.index

    def claimable(self, node: str, now: int) -> int:
        index, _, _ = self.advanced(now)
        return self.owed[node] + self.deposits[node] * (index - self.paid_index[node]) // WAD

    def settle(self, node: str, now: int) -> None:
        index = self.advance(now)
        self.owed[node] += self.deposits[node] * (index - self.paid_index[node]) // WAD
        self.paid_index[node] = index

    def deposit(self, node: str, amount: int, now: int) -> None:
        self.settle(node, now)
        self.deposits[node] += amount
        self.total += amount

    def withdraw(self, node: str, amount: int, now: int) -> None:
        self.settle(node, now)
        self.deposits[node] -= amount
        self.total -= amount

    def claim(self, node: str, now: int) -> int:
        self.settle(node, now)
        amount, self.owed[node] = self.owed[node], 0
        self.outstanding -= amount
        self.paid += amount
        return amount

    def fund(self, amount: int, now: int) -> None:
        self.advance(now)
        self.unallocated += amount
        self.outstanding += amount
        self.funded += amount

    def set_reward(self, reward: int, now: int) -> None:
        self.advance(now)
        self.reward = reward

    def dust(self, now: int) -> int:
        """What the floors left unclaimable: outstanding - sum(claimable) - unallocated."""
        _, unallocated, _ = self.advanced(now)
        return self.outstanding - sum(self.claimable(n, now) for n in list(self.deposits)) - unallocated


def rnode_unlock_time(deposit_time: int, lock_minutes: int) -> int:
    """When an RNode deposit made at `deposit_time` under `lock_minutes` can be withdrawn."""
    return deposit_time + lock_minutes * 60

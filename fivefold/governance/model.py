"""Governance: a mirror of the reward accumulator (contracts/shared/reward_accumulator.vy) and of
Staking's checkpointed votes (contracts/governance/Staking.vy), integer for integer.

`Accumulator` reproduces every floor and ceiling of the contract, so its `earned(a)` equals the
contract's to the wei and its `dust()` is the conservation equation's last term:

    funded == paid + sum(earned) + dust + unallocated

`Votes` keeps weights, delegations and the exclusion list the contract's way (delegated-in amounts
per account, effective votes written into checkpoints) and answers `past_votes` / `past_total`
like `getPastVotes` / `getPastTotalSupply`; `expected_total()` is the invariant's right-hand side
computed from first principles (total weight minus what exclusion removes), never from the
delegated-in amounts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

WAD = 10**18
YEAR = 365 * 86_400
MAX_FUNDED = 2**96 - 1
MAX_RATE = 2**96 - 1
MAX_WEIGHT = 2**80
TOTAL = "0x0000000000000000000000000000000000000000"


@dataclass
class Accumulator:
    """Reward-per-share stream paid from a funded budget (see the module's glossary)."""

    last: int
    rate: int = 0
    rpt: int = 0
    unallocated: int = 0
    funded: int = 0
    paid: int = 0
    total: int = 0
    shares: dict = field(default_factory=lambda: defaultdict(int))
    paid_rpt: dict = field(default_factory=lambda: defaultdict(int))
    owed: dict = field(default_factory=lambda: defaultdict(int))

    def streamed(self, now: int) -> tuple[int, int]:
        """(rpt, unallocated) streamed up to `now`, not written."""
        if now == self.last or self.total == 0 or self.unallocated == 0 or self.rate == 0:
            return self.rpt, self.unallocated
        accrual = min(self.rate * (now - self.last), self.unallocated)
        inc = accrual * WAD // self.total  # down: holders get at most what streamed
        used = -(-inc * self.total // WAD)  # up: the budget pays at least what holders can claim
        return self.rpt + inc, self.unallocated - used

    def update(self, now: int) -> int:
        self.rpt, self.unallocated = self.streamed(now)
        self.last = now
        return self.rpt

    def earned(self, account: str, now: int) -> int:
        rpt, _ = self.streamed(now)
        return self.owed[account] + self.shares[account] * (rpt - self.paid_rpt[account]) // WAD

    def checkpoint(self, account: str, now: int) -> None:
        rpt = self.update(now)
        self.owed[account] += self.shares[account] * (rpt - self.paid_rpt[account]) // WAD
        self.paid_rpt[account] = rpt

    def deposit(self, account: str, amount: int, now: int) -> None:
        self.checkpoint(account, now)
        self.shares[account] += amount
        self.total += amount

    def withdraw(self, account: str, amount: int, now: int) -> None:
        self.checkpoint(account, now)
        self.shares[account] -= amount
        self.total -= amount

    def claim(self, account: str, now: int) -> int:
        self.checkpoint(account, now)
        amount, self.owed[account] = self.owed[account], 0
        self.paid += amount
        return amount

    def fund(self, amount: int, now: int) -> None:
        self.update(now)
        assert self.funded + amount <= MAX_FUNDED
        self.funded += amount
        self.unallocated += amount

    def set_rate(self, rate: int, now: int) -> None:
        self.update(now)
        self.rate = rate

    def apy(self) -> int:
        if self.total == 0 or self.unallocated == 0:
            return 0
        return self.rate * YEAR * WAD // self.total

    def dust(self, now: int) -> int:
        """What the floors left unclaimable: funded - paid - sum(earned) - unallocated (>= 0)."""
        _, unallocated = self.streamed(now)
        owed = sum(self.earned(a, now) for a in list(self.shares))
        return self.funded - self.paid - owed - unallocated


@dataclass
class Votes:
    """Weights, delegation, exclusion and checkpoints, kept as Staking keeps them."""

    weight: dict = field(default_factory=lambda: defaultdict(int))
    delegatee: dict = field(default_factory=dict)
    excluded: set = field(default_factory=set)
    delegated_in: dict = field(default_factory=lambda: defaultdict(int))
    checkpoints: dict = field(default_factory=lambda: defaultdict(list))  # key -> [(t, value)]

    def delegates(self, account: str) -> str:
        return self.delegatee.get(account, account)

    def votes(self, account: str) -> int:
        return 0 if account in self.excluded else self.delegated_in[account]

    def total(self) -> int:
        return sum(self.votes(a) for a in list(self.delegated_in))

    def _write(self, key: str, value: int, now: int) -> None:
        points = self.checkpoints[key]
        if points and points[-1][0] == now:
            points[-1] = (now, value)
        else:
            points.append((now, value))

    def _sync(self, keys, now: int) -> None:
        """Writes a checkpoint for every key whose effective votes changed, and for the total."""
        for key in keys:
            value = self.votes(key)
            points = self.checkpoints[key]
            if (points[-1][1] if points else 0) != value:
                self._write(key, value, now)
        points = self.checkpoints[TOTAL]
        total = self.total()
        if (points[-1][1] if points else 0) != total:
            self._write(TOTAL, total, now)

    def change_weight(self, account: str, delta: int, now: int) -> None:
        self.weight[account] += delta
        if account not in self.excluded:
            self.delegated_in[self.delegates(account)] += delta
        self._sync([self.delegates(account)], now)

    def delegate(self, account: str, to: str, now: int) -> None:
        old = self.delegates(account)
        if account not in self.excluded:
            self.delegated_in[old] -= self.weight[account]
            self.delegated_in[to] += self.weight[account]
        self.delegatee[account] = to
        self._sync([old, to], now)

    def set_excluded(self, account: str, excluded: bool, now: int) -> None:
        d = self.delegates(account)
        if excluded:
            self.delegated_in[d] -= self.weight[account]
            self.excluded.add(account)
        else:
            self.excluded.discard(account)
            self.delegated_in[d] += self.weight[account]
        self._sync([account, d], now)

    def _lookup(self, key: str, t: int) -> int:
        points = self.checkpoints[key]
        i = bisect_right([p[0] for p in points], t)
        return points[i - 1][1] if i else 0

    def past_votes(self, account: str, t: int) -> int:
        return self._lookup(account, t)

    def past_total(self, t: int) -> int:
        return self._lookup(TOTAL, t)

    def expected_total(self) -> int:
        """Total weight minus what exclusion removes: the weight of excluded accounts and the
        weight of everybody who delegates to an excluded account."""
        return sum(
            w
            for a, w in self.weight.items()
            if a not in self.excluded and self.delegates(a) not in self.excluded
        )

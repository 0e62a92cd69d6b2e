"""The Python mirror of CappedToken's ERC-7281 bridges and home accounting (contracts/tokens/
CappedToken.vy, contracts/tokens/rate_limit.vy): the same integer operations, the same order of
checks, the same revert reasons. The tests' oracle, to the wei.

Glossary (one limit): M the max, c the current limit at t0, t0 the last update, D = DURATION = 1 day,
r = M // D the refill per second (rounded down, as the reference xERC20's ratePerSecond).
    available(t) = c if c == M; M if t - t0 >= D; min(c + (t - t0) * r, M) otherwise
Home accounting: on the home chain a bridge burn adds to `bridged_out`, a bridge mint takes from it
(at most what it holds); every other mint checks total + bridged_out + amount <= cap.
`released` counts what the home chain let into existence: the initial supply and minter mints,
less what holders burnt there. On the home chain, total + bridged_out == released <= cap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DURATION = 86_400
MAX_LIMIT = 2**104 - 1


class Refused(Exception):
    """The contract would revert with this reason (`str(exc)`)."""


def require(condition: bool, reason: str) -> None:
    """Raises `Refused(reason)` when `condition` fails, as the contract's `assert`."""
    if not condition:
        raise Refused(reason)


@dataclass
class Limit:
    """One direction of one bridge: max M, current c at `timestamp` t0 (0: never set)."""

    max: int = 0
    current: int = 0
    timestamp: int = 0

    def available(self, now: int) -> int:
        """What can be minted or burnt at `now`: c refilled at M // D per second, never above M."""
        if self.current == self.max:
            return self.current
        elapsed = now - self.timestamp
        if elapsed >= DURATION:
            return self.max
        return min(self.current + elapsed * (self.max // DURATION), self.max)

    def check(self, amount: int, now: int, reason: str) -> None:
        """Refuses with `reason` if `amount` is above the limit available at `now`."""
        require(amount <= self.available(now), reason)

    def spend(self, amount: int, now: int) -> None:
        """Spends `amount` (already checked) at `now`: c := available - amount, t0 := now."""
        self.current, self.timestamp = self.available(now) - amount, now

    def set_max(self, new_max: int, now: int) -> None:
        """A new max at `now`: the current limit moves by the difference, never below zero."""
        available = self.available(now)
        if new_max >= self.max:
            self.current = available + (new_max - self.max)
        else:
            self.current = max(available - (self.max - new_max), 0)
        self.max, self.timestamp = new_max, now

    @property
    def is_set(self) -> bool:
        """The contract's word is nonzero: limits were set at least once."""
        return self.timestamp != 0


@dataclass
class TokenModel:
    """One CappedToken on one chain: balances, supply, bridges' limits and `bridged_out`."""

    cap: int
    home: bool
    total: int = 0
    bridged_out: int = 0
    released: int = 0
    balances: dict[str, int] = field(default_factory=dict)
    allowances: dict[tuple[str, str], int] = field(default_factory=dict)
    minting: dict[str, Limit] = field(default_factory=dict)
    burning: dict[str, Limit] = field(default_factory=dict)

    def balance(self, account: str) -> int:
        return self.balances.get(account, 0)

    def _credit(self, account: str, amount: int) -> None:
        self.balances[account] = self.balance(account) + amount

    def _debit(self, account: str, amount: int) -> None:
        require(self.balance(account) >= amount, "capped_token: burn amount exceeds balance")
        self.balances[account] = self.balance(account) - amount

    def set_limits(self, bridge: str, minting: int, burning: int, now: int) -> None:
        """`setLimits` (the writer and contract checks are the tests' own)."""
        require(minting <= MAX_LIMIT and burning <= MAX_LIMIT, "capped_token: limit too large")
        self.minting.setdefault(bridge, Limit()).set_max(minting, now)
        self.burning.setdefault(bridge, Limit()).set_max(burning, now)

    def minter_mint(self, user: str, amount: int) -> None:
        """`mint` by a minter contract (home chain only: the token refuses a minter elsewhere)."""
        require(amount != 0, "capped_token: zero amount")
        require(self.total + self.bridged_out + amount <= self.cap, "capped_token: cap exceeded")
        self.total += amount
        self.released += amount
        self._credit(user, amount)

    def bridge_mint(self, bridge: str, user: str, amount: int, now: int) -> None:
        """`mint` by a bridge: its minting limit, then home (`bridged_out`) or the cap. Every check
        comes before any change, as a reverted transaction changes nothing."""
        limit = self.minting.get(bridge, Limit())
        require(limit.is_set, "capped_token: caller is not a minter")
        require(amount != 0, "capped_token: zero amount")
        limit.check(amount, now, "capped_token: minting limit exceeded")
        if self.home:
            require(amount <= self.bridged_out, "capped_token: mint exceeds bridged out")
        else:
            require(self.total + amount <= self.cap, "capped_token: cap exceeded")
        limit.spend(amount, now)
        if self.home:
            self.bridged_out -= amount
        self.total += amount
        self._credit(user, amount)

    def bridge_burn(self, bridge: str, user: str, amount: int, now: int) -> None:
        """`burn(user, amount)` by a bridge: `user`'s allowance unless it is the bridge, its burning
        limit, and on the home chain `bridged_out` grows. Checks first, then changes."""
        require(amount != 0, "capped_token: zero amount")
        limit = self.burning.get(bridge, Limit())
        if not limit.is_set:
            require(user == bridge, "capped_token: caller is not a bridge")
            self.holder_burn(user, amount)
            return
        allowance = self.allowances.get((user, bridge), 0) if user != bridge else None
        if allowance is not None and allowance != 2**256 - 1:
            require(allowance >= amount, "erc20: insufficient allowance")
        limit.check(amount, now, "capped_token: burning limit exceeded")
        require(self.balance(user) >= amount, "capped_token: burn amount exceeds balance")
        if allowance is not None and allowance != 2**256 - 1:
            self.allowances[(user, bridge)] = allowance - amount
        limit.spend(amount, now)
        self._debit(user, amount)
        self.total -= amount
        if self.home:
            self.bridged_out += amount

    def holder_burn(self, user: str, amount: int) -> None:
        """A holder burns its own tokens: the supply shrinks, so does what the home chain released."""
        self._debit(user, amount)
        self.total -= amount
        if self.home:
            self.released -= amount

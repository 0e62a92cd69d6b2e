"""The resource market's integer rules in Python (contracts/resources/ResourceMarket.vy): the tests'
oracle and the status command's arithmetic."""

from __future__ import annotations

from dataclasses import dataclass

from eth_account import Account

BPS = 10_000
HPC = 10**18
PERIOD = 86_400
KINDS = ("storage", "compute", "bandwidth")
OPEN, SERVED, FAULTY = 0, 1, 2
MAX_SIGNERS = 16


@dataclass(frozen=True)
class Curve:
    """Usage tiers (basis points) and their rates (HPC wei per proven unit)."""

    low_usage_bps: int = 3_000
    high_usage_bps: int = 5_000
    low_rate: int = 2 * HPC // 10  # 10 units under 30% usage earn 2 HPC (Smart 4.3)
    mid_rate: int = HPC // 10
    high_rate: int = 6 * HPC // 100  # 50 units above 50% usage earn 3 HPC

    def rate(self, usage_bps: int) -> int:
        if usage_bps < self.low_usage_bps:
            return self.low_rate
        if usage_bps <= self.high_usage_bps:
            return self.mid_rate
        return self.high_rate

    def as_args(self) -> list[int]:
        return [self.low_usage_bps, self.high_usage_bps, self.low_rate, self.mid_rate, self.high_rate]


DEFAULT_CURVE = Curve()
DEFAULT_QUORUM = 1
DEFAULT_SLASH_BPS = 1_000
DEFAULT_REPORT_WINDOW = PERIOD
DEFAULT_STAKE_PER_UNIT = HPC


def usage_bps(used: int, capacity: int) -> int:
    """ceil(used * BPS / capacity); zero without capacity."""
    return 0 if capacity == 0 else -(-used * BPS // capacity)


def reward(units: int, usage: int, budget: int, curve: Curve = DEFAULT_CURVE) -> int:
    """A served period's reward: units * rate(usage), capped by the budget."""
    return min(units * curve.rate(usage), budget)


def slashed(stake: int, slash_bps: int) -> int:
    return stake * slash_bps // BPS


def compensation(slash: int, amount: int, escrow: int) -> int:
    """An order's share of its period's slashed stake (rounds down)."""
    return slash * amount // escrow


def period_of(timestamp: int, genesis: int) -> int:
    return (timestamp - genesis) // PERIOD


def period_end(period: int, genesis: int) -> int:
    return genesis + (period + 1) * PERIOD


def sign_report(market, provider: str, period: int, served: bool, keys: list) -> list[bytes]:
    """The authenticators' signatures of a report, sorted by signer (what `prove` wants). `keys` are
    private keys; the digest comes from the contract's `report_digest`."""
    digest = market.report_digest(provider, period, served)
    signed = sorted(
        ((Account.from_key(k).address, Account.unsafe_sign_hash(digest, k).signature) for k in keys),
        key=lambda pair: int(pair[0], 16),
    )
    return [bytes(sig) for _, sig in signed]

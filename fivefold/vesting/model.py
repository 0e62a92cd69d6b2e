"""Vesting: the plans of SPEC.md's tables and a mirror of VestingVault's amount formula.

`vested_amount(plan, total, start, t)` is, to the wei, what
`VestingVault.vested_amount` returns for an unrevoked schedule; the tests use it
as their oracle and the deployment script uses `PLANS` and `CC_ALLOCATIONS` to
add the plans and create the schedules:

    for key, plan in PLANS.items():
        vault.add_plan(*plan.encode_args(), sender=owner)

Readings of SPEC.md (also in the contract's NatSpec and docs/vesting.md):
"month" = 30 days, start = TGE, the TGE share unlocks at start, tranche k of a
plan with cliff c unlocks at start + (c + k) periods, and the final tranche
releases everything the basis points leave over (Seed's 1%, rounding dust).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from fivefold.units import BPS, MONTH, YEAR, to_wei

# Bounds enforced by `VestingVault.add_plan` and `create_schedules`.
MIN_PERIOD = 86_400
MAX_PERIOD = 4 * YEAR
MAX_PERIODS = 255
MAX_TOTAL = 2**96 - 1
MAX_START = 2**40 - 1
MAX_BATCH = 32


@dataclass(frozen=True)
class Plan:
    """A vesting curve: `tge_bps` at start, then `phase1_count` tranches of
    `phase1_bps` and `phase2_count` of `phase2_bps`, one per `period` seconds,
    the first `cliff_periods + 1` periods after start."""

    period: int
    tge_bps: int = 0
    cliff_periods: int = 0
    phase1_count: int = 0
    phase1_bps: int = 0
    phase2_count: int = 0
    phase2_bps: int = 0

    @property
    def tranches(self) -> int:
        return self.phase1_count + self.phase2_count

    @property
    def bps_sum(self) -> int:
        """Basis points the plan names; the final tranche adds BPS - bps_sum."""
        return self.tge_bps + self.phase1_count * self.phase1_bps + self.phase2_count * self.phase2_bps

    def encode_args(self) -> tuple[int, ...]:
        """The arguments of `VestingVault.add_plan`, in order."""
        return (
            self.period,
            self.tge_bps,
            self.cliff_periods,
            self.phase1_count,
            self.phase1_bps,
            self.phase2_count,
            self.phase2_bps,
        )

    def unlock_time(self, start: int, k: int) -> int:
        """When tranche k (1 .. tranches) unlocks; k = 0 is the TGE share at start."""
        if not 0 <= k <= self.tranches:
            raise ValueError(f"tranche {k} outside 0..{self.tranches}")
        return start if k == 0 else start + (self.cliff_periods + k) * self.period

    def end(self, start: int) -> int:
        """When the schedule is fully vested."""
        return self.unlock_time(start, self.tranches)

    def validate(self) -> None:
        """Raises ValueError where `add_plan` would revert."""
        if not MIN_PERIOD <= self.period <= MAX_PERIOD:
            raise ValueError("period out of range")
        if self.cliff_periods > MAX_PERIODS or max(self.phase1_count, self.phase2_count) > MAX_PERIODS:
            raise ValueError("cliff or tranche count too large")
        if (self.phase1_count == 0) != (self.phase1_bps == 0) or (self.phase2_count == 0) != (
            self.phase2_bps == 0
        ):
            raise ValueError("phase count and bps disagree")
        if self.phase1_count == 0 and (self.phase2_count or self.cliff_periods):
            raise ValueError("phase 2 or cliff without phase 1")
        if max(self.tge_bps, self.phase1_bps, self.phase2_bps) > BPS or self.bps_sum > BPS:
            raise ValueError("plan exceeds 100%")
        if self.tge_bps + self.phase1_bps + self.phase2_bps == 0:
            raise ValueError("plan unlocks nothing")


def tranches_unlocked(plan: Plan, start: int, t: int) -> int:
    """Tranches unlocked at time t (0 .. plan.tranches); meaningless before start."""
    elapsed = (t - start) // plan.period
    return 0 if elapsed <= plan.cliff_periods else min(elapsed - plan.cliff_periods, plan.tranches)


def vested_amount(plan: Plan, total: int, start: int, t: int) -> int:
    """Wei of `total` vested at time t: VestingVault's formula, rounding down."""
    if t < start:
        return 0
    k = tranches_unlocked(plan, start, t)
    if k == plan.tranches:
        return total
    bps = (
        plan.tge_bps
        + min(k, plan.phase1_count) * plan.phase1_bps
        + max(k - plan.phase1_count, 0) * plan.phase2_bps
    )
    return total * bps // BPS


def unlock_times(plan: Plan, start: int) -> list[int]:
    """Every time something unlocks: start (if the plan has a TGE share or no tranches), then each tranche."""
    first = 0 if plan.tge_bps or not plan.tranches else 1
    return [plan.unlock_time(start, k) for k in range(first, plan.tranches + 1)]


# SPEC.md "CC allocation and vesting" (CloudChat 5.2) and the CPC row of the token table.
_SEED = Plan(MONTH, cliff_periods=12, phase1_count=12, phase1_bps=375, phase2_count=12, phase2_bps=450)

PLANS: dict[str, Plan] = {
    # 12-month cliff, 12 x 3.75% then 12 x 4.5% (99%); the last 1% with the final tranche (month 36)
    "cc.seed": _SEED,
    "cc.institutional": _SEED,
    # 2-month cliff, 10 x 10% (months 3 .. 12)
    "cc.strategic": Plan(MONTH, cliff_periods=2, phase1_count=10, phase1_bps=1_000),
    # 100% at TGE
    "cc.public_whitelist": Plan(MONTH, tge_bps=10_000),
    # 20% at TGE, then 4 x 20% (months 1 .. 4)
    "cc.public": Plan(MONTH, tge_bps=2_000, phase1_count=4, phase1_bps=2_000),
    # 23-month cliff, 35 x 2.8% then 1 x 2% (months 24 .. 59)
    "cc.developer_team": Plan(
        MONTH, cliff_periods=23, phase1_count=35, phase1_bps=280, phase2_count=1, phase2_bps=200
    ),
    # 4% at TGE, then 24 x 4% (months 1 .. 24)
    "cc.marketing": Plan(MONTH, tge_bps=400, phase1_count=24, phase1_bps=400),
    # CPC team: nothing in year 1, then 25% at each anniversary 1 .. 4
    "cpc.team": Plan(YEAR, phase1_count=4, phase1_bps=2_500),
}

# The vested CC rows, in wei (the other rows of the table, Airdrop, Dex & Cex and
# Ecosystem, do not vest and are not the vault's).
CC_ALLOCATIONS: dict[str, int] = {
    "cc.seed": to_wei(1_000_000_000),
    "cc.institutional": to_wei(1_250_000_000),
    "cc.strategic": to_wei(875_000_000),
    "cc.public_whitelist": to_wei(175_000_000),
    "cc.public": to_wei(200_000_000),
    "cc.developer_team": to_wei(500_000_000),
    "cc.marketing": to_wei(300_000_000),
}

CPC_TEAM_ALLOCATION = to_wei(200_000_000)

# Stable schedule ids (one vault per token, so CC and CPC ids may overlap). Small
# numbers keep `release` calldata cheap; fixed ids make a re-run deployment revert
# with "vesting_vault: duplicate schedule" instead of creating a schedule twice.
SCHEDULE_IDS: dict[str, int] = {row: i + 1 for i, row in enumerate(CC_ALLOCATIONS)} | {"cpc.team": 1}


class ScheduleRequest(NamedTuple):
    """One element of `VestingVault.create_schedules`' batch, in ABI order."""

    schedule_id: int
    beneficiary: str
    plan_id: int
    total: int
    start: int
    revocable: bool = False

for _plan in PLANS.values():
    _plan.validate()

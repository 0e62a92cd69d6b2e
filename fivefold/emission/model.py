"""Emission schedules: the Python mirror of HalvingEmitter.vy and MaintenanceRewards.vy.

Pure functions of (parameters, start time, timestamp), wei-exact, used by the tests as the
oracle, by the deploy script for the constructor arguments and by the demo's tables.
Symbols follow the contracts' glossaries (C, L, N, T0, R_e, E_e).
"""

from __future__ import annotations

from dataclasses import dataclass

from fivefold.units import DAY, WAD


@dataclass(frozen=True)
class Halving:
    """Constructor arguments of one HalvingEmitter (the same on every chain)."""

    symbol: str
    cap: int  # C, wei
    era_length: int  # L, seconds
    n_eras: int  # N

    def args(self, token: str, owner: str) -> tuple:
        """`HalvingEmitter.deploy(*args)`: (token, cap, era_length, n_eras, owner)."""
        return (token, self.cap, self.era_length, self.n_eras, owner)


MAX_ERAS = 64
MAX_ERA_LENGTH = 100 * 366 * DAY
MAX_CAP = 2**128
MAX_START_DELAY = 366 * DAY

# HPC: halves every 4 years (of 1461 days, one leap day in four), 32 eras = 128 years.
HPC = Halving("HPC", 210_000_000 * WAD, 1461 * DAY, 32)

# CARTY: era 0 must run at 32,256 CARTY/day so that era 3 runs at 4,032/day. Era 0 emits
# C / 2 = 44,000,000 CARTY, so L = 44,000,000 / 32,256 days = 825,000,000 / 7 s exactly,
# which is not a whole number of seconds: round to 117,857,143 s (rates 1.2 ppb lower).
CARTY_DAILY_ERA3 = 4_032
CARTY_DAILY_ERA0 = CARTY_DAILY_ERA3 * 8  # 32,256
CARTY = Halving("CARTY", 88_000_000 * WAD, 117_857_143, 32)

HALVINGS = {h.symbol: h for h in (HPC, CARTY)}


def remaining_at_era(p: Halving, era: int) -> int:
    """R_e = C >> e: what remains to be emitted when era e begins (0 from era N on)."""
    return 0 if era >= p.n_eras else p.cap >> era


def era_emission(p: Halving, era: int) -> int:
    """E_e: half of what remains rounded up; the last era takes all that remains."""
    if era >= p.n_eras:
        return 0
    r = p.cap >> era
    return r if era == p.n_eras - 1 else r - (r >> 1)


def emitted_at(p: Halving, start: int, t: int) -> int:
    """Cumulative emission due at t, wei (0 if not started, i.e. start == 0)."""
    if start == 0 or t <= start:
        return 0
    elapsed = t - start
    era = elapsed // p.era_length
    if era >= p.n_eras:
        return p.cap
    return p.cap - (p.cap >> era) + era_emission(p, era) * (elapsed % p.era_length) // p.era_length


def era_at(p: Halving, start: int, t: int) -> int:
    """The era running at t; 0 before the start, N after the last era."""
    if start == 0 or t < start:
        return 0
    return min((t - start) // p.era_length, p.n_eras)


def rate_at(p: Halving, start: int, t: int) -> int:
    """Nominal rate E_e // L, wei per second; 0 outside [start, end)."""
    if start == 0 or t < start:
        return 0
    era = (t - start) // p.era_length
    return era_emission(p, era) // p.era_length if era < p.n_eras else 0


def end_time(p: Halving, start: int) -> int:
    return start + p.n_eras * p.era_length


def daily_rate(p: Halving, era: int) -> float:
    """Whole tokens per day in an era (for the docs and demo tables; not wei-exact)."""
    return era_emission(p, era) * DAY / p.era_length / WAD


# CPChain 5.1.3, Table 1: proposer-committee rewards per 10-second block, five years.
BLOCK_TIME = 10
MAINTENANCE_REWARD_PER_BLOCK = (
    12_650_000_000_000_000_000,  # 12.65 CPC, year 1
    9_510_000_000_000_000_000,  # 9.51 CPC, year 2
    7_130_000_000_000_000_000,  # 7.13 CPC, year 3
    5_390_000_000_000_000_000,  # 5.39 CPC, year 4
    4_030_000_000_000_000_000,  # 4.03 CPC, year 5
)
# 366 / 365 / 365 / 365 / 366 days of 8,640 blocks.
MAINTENANCE_YEAR_BLOCKS = (3_162_240, 3_153_600, 3_153_600, 3_153_600, 3_162_240)
MAINTENANCE_YEAR_TOTALS = tuple(
    r * b for r, b in zip(MAINTENANCE_REWARD_PER_BLOCK, MAINTENANCE_YEAR_BLOCKS, strict=True)
)
MAINTENANCE_TOTAL = 122_219_971_200_000_000_000_000_000  # 122,219,971.2 CPC
MAINTENANCE_DURATION = sum(MAINTENANCE_YEAR_BLOCKS) * BLOCK_TIME
assert sum(MAINTENANCE_YEAR_TOTALS) == MAINTENANCE_TOTAL


def maintenance_accrued(start: int, t: int) -> int:
    """Cumulative maintenance rewards due at t, wei: full years plus whole blocks of the current one."""
    if start == 0 or t <= start:
        return 0
    blocks = (t - start) // BLOCK_TIME
    total = 0
    for reward, year_blocks in zip(MAINTENANCE_REWARD_PER_BLOCK, MAINTENANCE_YEAR_BLOCKS, strict=True):
        if blocks < year_blocks:
            return total + reward * blocks
        total += reward * year_blocks
        blocks -= year_blocks
    return total


def maintenance_year_at(start: int, t: int) -> int:
    """The reward year (1..5) running at t; 0 before the start, 6 after year 5."""
    if start == 0 or t < start:
        return 0
    blocks = (t - start) // BLOCK_TIME
    for year, year_blocks in enumerate(MAINTENANCE_YEAR_BLOCKS, start=1):
        if blocks < year_blocks:
            return year
        blocks -= year_blocks
    return len(MAINTENANCE_YEAR_BLOCKS) + 1

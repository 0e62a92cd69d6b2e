"""fivefold.vesting: the plans read from SPEC.md, checked without a chain."""

from fivefold.units import BPS, MONTH, YEAR, to_wei
from fivefold.vesting.model import (
    CC_ALLOCATIONS,
    CPC_TEAM_ALLOCATION,
    PLANS,
    SCHEDULE_IDS,
    ScheduleRequest,
    unlock_times,
    vested_amount,
)

START = 1_800_000_000

# (row, months at which something unlocks, bps named by the paper)
EXPECTED = {
    "cc.seed": (list(range(13, 37)), 9_900),
    "cc.institutional": (list(range(13, 37)), 9_900),
    "cc.strategic": (list(range(3, 13)), 10_000),
    "cc.public_whitelist": ([0], 10_000),
    "cc.public": (list(range(0, 5)), 10_000),
    "cc.developer_team": (list(range(24, 60)), 10_000),
    "cc.marketing": (list(range(0, 25)), 10_000),
}


def test_cc_allocations__table__amounts_in_wei():
    assert CC_ALLOCATIONS == {
        "cc.seed": to_wei(1_000_000_000),
        "cc.institutional": to_wei(1_250_000_000),
        "cc.strategic": to_wei(875_000_000),
        "cc.public_whitelist": to_wei(175_000_000),
        "cc.public": to_wei(200_000_000),
        "cc.developer_team": to_wei(500_000_000),
        "cc.marketing": to_wei(300_000_000),
    }
    assert CPC_TEAM_ALLOCATION == to_wei(200_000_000)


def test_plans__every_row__unlocks_in_the_stated_months_and_sums_to_its_allocation():
    for row, (months, bps) in EXPECTED.items():
        plan, total = PLANS[row], CC_ALLOCATIONS[row]
        assert plan.period == MONTH and plan.bps_sum == bps
        unlock_months = [m for m in range(61) if vested_amount(plan, total, START, START + m * MONTH)
                         > vested_amount(plan, total, START, START + m * MONTH - 1)]
        assert unlock_months == months, row
        assert [(t - START) // MONTH for t in unlock_times(plan, START)] == months
        deltas = [
            vested_amount(plan, total, START, START + m * MONTH)
            - vested_amount(plan, total, START, START + m * MONTH - 1)
            for m in range(61)
        ]
        assert sum(deltas) == total


def _month_unlock(plan, total: int, m: int) -> int:
    """What `plan` unlocks of `total` in month m (from START + (m - 1) months to START + m months)."""
    return vested_amount(plan, total, START, START + m * MONTH) - vested_amount(
        plan, total, START, START + (m - 1) * MONTH
    )


def test_plans__two_phase_schedules__3_75_then_4_5_percent():
    plan, total = PLANS["cc.seed"], CC_ALLOCATIONS["cc.seed"]

    def step(m):
        return _month_unlock(plan, total, m)

    assert [step(m) for m in range(13, 25)] == [total * 375 // BPS] * 12
    assert [step(m) for m in range(25, 36)] == [total * 450 // BPS] * 11
    assert step(36) == total * 550 // BPS  # the last 4.5% and the remaining 1%


def test_plans__developer_team__2_8_percent_x_35_then_2_percent():
    plan, total = PLANS["cc.developer_team"], CC_ALLOCATIONS["cc.developer_team"]

    def step(m):
        return _month_unlock(plan, total, m)

    assert [step(m) for m in range(24, 59)] == [total * 280 // BPS] * 35
    assert step(59) == total * 200 // BPS


def test_plans__cpc_team__25_percent_at_each_anniversary():
    plan = PLANS["cpc.team"]
    assert plan.period == YEAR
    assert [vested_amount(plan, 100, START, START + y * YEAR) for y in range(6)] == [0, 25, 50, 75, 100, 100]
    assert vested_amount(plan, 100, START, START + YEAR - 1) == 0


def test_vested_amount__rounding__down_until_the_final_tranche():
    plan = PLANS["cc.strategic"]
    assert vested_amount(plan, 999, START, START + 3 * MONTH) == 99  # 10% of 999 rounds down
    assert vested_amount(plan, 999, START, START + 12 * MONTH) == 999  # the final tranche takes the dust


def test_schedule_ids__rows__distinct_and_small():
    cc = [SCHEDULE_IDS[row] for row in CC_ALLOCATIONS]
    assert len(set(cc)) == len(cc) and max(cc) < 256
    assert SCHEDULE_IDS["cpc.team"] == 1


def test_schedule_request__fields__in_abi_order():
    request = ScheduleRequest(1, "0x" + "11" * 20, 2, 3, 4)
    assert tuple(request) == (1, "0x" + "11" * 20, 2, 3, 4, False)

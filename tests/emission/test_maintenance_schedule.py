"""MaintenanceRewards schedule views against CPChain's Table 1, to the wei (no transactions)."""

from fivefold.emission import model as emission
from fivefold.units import to_wei

TABLE_1 = [  # CPC per block, blocks, year total (SPEC.md)
    ("12.65", 3_162_240, "40002336"),
    ("9.51", 3_153_600, "29990736"),
    ("7.13", 3_153_600, "22485168"),
    ("5.39", 3_153_600, "16997904"),
    ("4.03", 3_162_240, "12743827.2"),
]


def _year_starts(t0):
    starts, t = [], t0
    for blocks in emission.MAINTENANCE_YEAR_BLOCKS:
        starts.append(t)
        t += blocks * emission.BLOCK_TIME
    return starts + [t]


def test_mirror__table_1__rewards_blocks_and_totals_to_the_wei():
    assert emission.MAINTENANCE_REWARD_PER_BLOCK == tuple(to_wei(r) for r, _, _ in TABLE_1)
    assert emission.MAINTENANCE_YEAR_BLOCKS == tuple(b for _, b, _ in TABLE_1)
    assert emission.MAINTENANCE_YEAR_BLOCKS == tuple(days * 8_640 for days in (366, 365, 365, 365, 366))
    assert emission.MAINTENANCE_YEAR_TOTALS == tuple(to_wei(total) for _, _, total in TABLE_1)
    assert (
        emission.MAINTENANCE_TOTAL == to_wei("122219971.2") == sum(to_wei(total) for _, _, total in TABLE_1)
    )


def test_accrued_at__each_year__equals_table_1_to_the_wei(started_maintenance):
    contract, t0 = started_maintenance
    bounds = _year_starts(t0)
    per_year = [
        contract.accrued_at(b) - contract.accrued_at(a) for a, b in zip(bounds, bounds[1:], strict=False)
    ]
    assert per_year == [to_wei(total) for _, _, total in TABLE_1]
    assert contract.accrued_at(bounds[-1]) == emission.MAINTENANCE_TOTAL == contract.TOTAL_REWARDS()


def test_accrued_at__after_year_5__nothing_more(started_maintenance):
    contract, t0 = started_maintenance
    end = t0 + emission.MAINTENANCE_DURATION
    assert contract.end_time() == end
    assert contract.accrued_at(end - 1) == emission.MAINTENANCE_TOTAL - to_wei("4.03")
    assert contract.accrued_at(end) == emission.MAINTENANCE_TOTAL
    assert contract.accrued_at(end + 200 * 366 * 86_400) == emission.MAINTENANCE_TOTAL
    assert contract.accrued_at(2**256 - 1) == emission.MAINTENANCE_TOTAL


def test_accrued_at__within_a_block__whole_blocks_only(started_maintenance):
    contract, t0 = started_maintenance
    assert contract.accrued_at(t0) == 0
    assert contract.accrued_at(t0 + 9) == 0
    assert contract.accrued_at(t0 + 10) == to_wei("12.65")
    assert contract.accrued_at(t0 + 25) == 2 * to_wei("12.65")
    assert contract.accrued_at(t0 - 1) == 0


def test_accrued_at__first_block_of_year_2__earns_year_2_reward(started_maintenance):
    contract, t0 = started_maintenance
    year_2 = _year_starts(t0)[1]
    assert contract.accrued_at(year_2 + 10) - contract.accrued_at(year_2) == to_wei("9.51")
    assert contract.accrued_at(year_2) - contract.accrued_at(year_2 - 10) == to_wei("12.65")


def test_year_at__boundaries__counts_from_one_then_six(started_maintenance):
    contract, t0 = started_maintenance
    bounds = _year_starts(t0)
    assert contract.year_at(t0 - 1) == 0
    assert [contract.year_at(b) for b in bounds] == [1, 2, 3, 4, 5, 6]
    assert [contract.year_at(b - 1) for b in bounds[1:]] == [1, 2, 3, 4, 5]


def test_reward_per_block__each_year__table_1_then_zero(maintenance):
    assert [maintenance.reward_per_block(y) for y in range(7)] == [
        0,
        *emission.MAINTENANCE_REWARD_PER_BLOCK,
        0,
    ]
    assert maintenance.reward_per_block(2**256 - 1) == 0


def test_views__not_started__zero(maintenance):
    assert maintenance.accrued_at(10**10) == 0
    assert maintenance.year_at(10**10) == 0
    assert maintenance.releasable() == 0

"""MaintenanceRewards.release: anyone releases what the schedule accrued, from the funded balance."""

import ape

from fivefold.emission import model as emission
from fivefold.units import DAY, to_wei

REWARD_Y1 = to_wei("12.65")


def test_release__one_day_after_start__transfers_8640_blocks_to_the_recipient(
    started_maintenance, cpc, at, stranger, beneficiary
):
    contract, t0 = started_maintenance
    at(t0 + DAY)
    receipt = contract.release(sender=stranger)
    expected = 8_640 * REWARD_Y1
    assert emission.maintenance_accrued(t0, t0 + DAY) == expected
    assert cpc.balanceOf(beneficiary) == expected
    assert cpc.balanceOf(contract) == emission.MAINTENANCE_TOTAL - expected
    assert contract.released() == expected
    assert contract.last_release_time() == t0 + DAY
    assert receipt.return_value == expected
    assert receipt.events.filter(contract.Released) == [
        contract.Released(recipient=beneficiary, amount=expected, released=expected)
    ]


def test_release__after_year_5__whole_total_and_balance_empty(
    started_maintenance, cpc, at, stranger, beneficiary
):
    contract, t0 = started_maintenance
    at(t0 + emission.MAINTENANCE_DURATION + 365 * DAY)
    contract.release(sender=stranger)
    assert cpc.balanceOf(beneficiary) == emission.MAINTENANCE_TOTAL
    assert cpc.balanceOf(contract) == 0
    assert contract.shortfall() == contract.excess() == 0


def test_release__after_everything_released__nothing_to_release(started_maintenance, at, stranger):
    contract, t0 = started_maintenance
    end = t0 + emission.MAINTENANCE_DURATION
    at(end)
    contract.release(sender=stranger)
    at(end + 365 * DAY)
    with ape.reverts("maintenance_rewards: nothing to release"):
        contract.release(sender=stranger)


def test_release__within_the_same_block__nothing_to_release(started_maintenance, at, stranger):
    contract, t0 = started_maintenance
    at(t0 + 20)
    contract.release(sender=stranger)
    at(t0 + 29)
    with ape.reverts("maintenance_rewards: nothing to release"):
        contract.release(sender=stranger)


def test_release__not_started__reverts(maintenance, stranger):
    with ape.reverts("schedule_clock: not started"):
        maintenance.release(sender=stranger)


def test_release__before_start_time__reverts(started_maintenance, at, stranger):
    contract, t0 = started_maintenance
    at(t0 - 1)
    with ape.reverts("schedule_clock: before start time"):
        contract.release(sender=stranger)


def test_release__unfunded__reverts_insufficient_balance(
    maintenance, at, chain, owner, stranger, beneficiary
):
    t0 = chain.pending_timestamp + 100
    maintenance.start(t0, beneficiary, sender=owner)
    at(t0 + DAY)
    with ape.reverts("maintenance_rewards: insufficient balance"):
        maintenance.release(sender=stranger)


def test_release__partly_funded__pays_until_the_balance_runs_short(
    maintenance, fund, at, chain, owner, stranger, beneficiary
):
    t0 = chain.pending_timestamp + 100
    maintenance.start(t0, beneficiary, sender=owner)
    fund(maintenance, 10_000 * REWARD_Y1)
    at(t0 + DAY)
    maintenance.release(sender=stranger)
    assert maintenance.shortfall() == emission.MAINTENANCE_TOTAL - 10_000 * REWARD_Y1
    at(t0 + 2 * DAY)
    with ape.reverts("maintenance_rewards: insufficient balance"):
        maintenance.release(sender=stranger)


def test_releasable__one_day_after_start__equals_the_next_release(started_maintenance, chain):
    contract, t0 = started_maintenance
    chain.mine(timestamp=t0 + DAY)
    assert contract.releasable() == emission.maintenance_accrued(t0, t0 + DAY)


def test_shortfall_and_excess__funding__what_the_schedule_lacks_or_has_beyond(maintenance, fund):
    assert maintenance.shortfall() == emission.MAINTENANCE_TOTAL
    assert maintenance.excess() == 0
    fund(maintenance, emission.MAINTENANCE_TOTAL - 1)
    assert maintenance.shortfall() == 1
    fund(maintenance, 6)
    assert maintenance.shortfall() == 0
    assert maintenance.excess() == 5


def test_releasable__before_start_time__zero(started_maintenance):
    """Started with a future T0: nothing is releasable until then."""
    contract, _ = started_maintenance
    assert contract.releasable() == 0


def test_releasable__a_day_after_a_release__only_the_accrual_since(started_maintenance, at, chain, stranger):
    contract, t0 = started_maintenance
    at(t0 + DAY)
    contract.release(sender=stranger)
    chain.mine(timestamp=t0 + 2 * DAY)
    expected = emission.maintenance_accrued(t0, t0 + 2 * DAY) - emission.maintenance_accrued(t0, t0 + DAY)
    assert contract.releasable() == expected

"""MaintenanceRewards.set_recipient: the owner redirects future rewards; accrued rewards go to the old
recipient."""

import ape

from fivefold.emission import model as emission
from fivefold.units import DAY

ZERO = "0x0000000000000000000000000000000000000000"


def test_set_recipient__accrued_rewards__released_to_outgoing_recipient_first(
    started_maintenance, cpc, at, owner, stranger, beneficiary, holder
):
    contract, t0 = started_maintenance
    at(t0 + DAY)
    receipt = contract.set_recipient(holder, sender=owner)
    first = emission.maintenance_accrued(t0, t0 + DAY)
    assert cpc.balanceOf(beneficiary) == first
    assert contract.recipient() == holder
    assert receipt.events == [
        cpc.Transfer(sender=contract, receiver=beneficiary, value=first),
        contract.Released(recipient=beneficiary, amount=first, released=first),
        contract.RecipientChanged(previous_recipient=beneficiary, new_recipient=holder),
    ]
    at(t0 + 2 * DAY)
    contract.release(sender=stranger)
    assert cpc.balanceOf(holder) == emission.maintenance_accrued(t0, t0 + 2 * DAY) - first


def test_set_recipient__before_start_time__nothing_released(
    started_maintenance, cpc, at, owner, beneficiary, holder
):
    contract, t0 = started_maintenance
    at(t0 - 10)
    receipt = contract.set_recipient(holder, sender=owner)
    assert cpc.balanceOf(beneficiary) == 0
    assert contract.last_release_time() == t0
    assert receipt.events == [contract.RecipientChanged(previous_recipient=beneficiary, new_recipient=holder)]


def test_set_recipient__unfunded_with_accrued_rewards__reverts(
    maintenance, at, chain, owner, beneficiary, holder
):
    t0 = chain.pending_timestamp + 100
    maintenance.start(t0, beneficiary, sender=owner)
    at(t0 + DAY)
    with ape.reverts("maintenance_rewards: insufficient balance"):
        maintenance.set_recipient(holder, sender=owner)


def test_set_recipient__non_owner__reverts(started_maintenance, non_owner, holder):
    contract, _ = started_maintenance
    with ape.reverts("ownable: caller is not the owner"):
        contract.set_recipient(holder, sender=non_owner)


def test_set_recipient__zero_address__reverts(started_maintenance, owner):
    contract, _ = started_maintenance
    with ape.reverts("schedule_clock: zero recipient"):
        contract.set_recipient(ZERO, sender=owner)


def test_set_recipient__not_started__reverts(maintenance, owner, holder):
    with ape.reverts("schedule_clock: not started"):
        maintenance.set_recipient(holder, sender=owner)


def test_set_recipient__after_a_release__outgoing_recipient_gets_only_the_accrual_since(
    started_maintenance, cpc, at, owner, stranger, beneficiary, holder
):
    """A release at one day, the switch at two: the outgoing recipient receives the second day's
    accrual on top of the first (faults trial 13's order: a release, later the switch)."""
    contract, t0 = started_maintenance
    at(t0 + DAY)
    contract.release(sender=stranger)
    first = emission.maintenance_accrued(t0, t0 + DAY)
    at(t0 + 2 * DAY)
    receipt = contract.set_recipient(holder, sender=owner)
    total = emission.maintenance_accrued(t0, t0 + 2 * DAY)
    assert cpc.balanceOf(beneficiary) == total
    assert receipt.events.filter(contract.Released) == [
        contract.Released(recipient=beneficiary, amount=total - first, released=total)
    ]


def test_set_recipient__balance_exactly_the_accrual__switches(
    maintenance, cpc, fund, at, chain, owner, beneficiary, holder
):
    """A balance equal to what accrued is enough: the switch pays it all and leaves 0."""
    t0 = chain.pending_timestamp + 100
    maintenance.start(t0, beneficiary, sender=owner)
    accrued = emission.maintenance_accrued(t0, t0 + DAY)
    fund(maintenance, accrued)
    at(t0 + DAY)
    maintenance.set_recipient(holder, sender=owner)
    assert cpc.balanceOf(beneficiary) == accrued
    assert cpc.balanceOf(maintenance) == 0

"""MaintenanceRewards.recover_excess: the owner takes back CPC beyond what the schedule still owes,
never less."""

import ape

from fivefold.emission import model as emission
from fivefold.units import DAY

ZERO = "0x0000000000000000000000000000000000000000"


def test_recover_excess__overfunded__returns_only_the_excess(started_maintenance, fund, cpc, owner, treasury):
    contract, _ = started_maintenance
    fund(contract, 1_000)
    before = cpc.balanceOf(treasury)
    receipt = contract.recover_excess(treasury, sender=owner)
    assert cpc.balanceOf(treasury) == before + 1_000
    assert cpc.balanceOf(contract) == emission.MAINTENANCE_TOTAL
    assert receipt.return_value == 1_000
    recovered = contract.ExcessRecovered(receiver=treasury, amount=1_000)
    assert receipt.events.filter(contract.ExcessRecovered) == [recovered]


def test_recover_excess__after_releases__keeps_what_is_still_owed(
    started_maintenance, fund, cpc, at, owner, stranger, treasury
):
    contract, t0 = started_maintenance
    at(t0 + DAY)
    contract.release(sender=stranger)
    fund(contract, 7)
    at(t0 + 2 * DAY)
    contract.recover_excess(treasury, sender=owner)
    assert cpc.balanceOf(contract) == emission.MAINTENANCE_TOTAL - contract.released()


def test_recover_excess__exactly_funded__no_excess(started_maintenance, owner, treasury):
    contract, _ = started_maintenance
    with ape.reverts("maintenance_rewards: no excess"):
        contract.recover_excess(treasury, sender=owner)


def test_recover_excess__non_owner__reverts(started_maintenance, fund, non_owner):
    contract, _ = started_maintenance
    fund(contract, 1)
    with ape.reverts("ownable: caller is not the owner"):
        contract.recover_excess(non_owner, sender=non_owner)


def test_recover_excess__zero_receiver__reverts(started_maintenance, fund, owner):
    contract, _ = started_maintenance
    fund(contract, 1)
    with ape.reverts("maintenance_rewards: zero receiver"):
        contract.recover_excess(ZERO, sender=owner)

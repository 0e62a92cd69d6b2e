import ape

from fivefold import units
from tests.tests_support import ZERO


def test_initialize_supply__allocations__minted_once(capped, owner, holder, treasury):
    capped.initialize_supply([holder, treasury], [units.to_wei(300), units.to_wei(700)], sender=owner)
    assert capped.balanceOf(holder) == units.to_wei(300)
    assert capped.balanceOf(treasury) == units.to_wei(700)
    assert capped.totalSupply() == capped.cap()
    assert capped.supply_initialized()


def test_initialize_supply__emits_total(capped, owner, holder):
    tx = capped.initialize_supply([holder], [units.to_wei(5)], sender=owner)
    assert [e.total for e in tx.events.filter(capped.SupplyInitialized)] == [units.to_wei(5)]


def test_initialize_supply__second_call__reverts(capped, owner, holder):
    capped.initialize_supply([holder], [1], sender=owner)
    with ape.reverts("token: supply already initialized"):
        capped.initialize_supply([holder], [1], sender=owner)


def test_initialize_supply__non_owner__reverts(capped, non_owner, holder):
    with ape.reverts("ownable: caller is not the owner"):
        capped.initialize_supply([holder], [1], sender=non_owner)


def test_initialize_supply__over_cap__reverts(capped, owner, holder, treasury):
    with ape.reverts("token: cap exceeded"):
        capped.initialize_supply([holder, treasury], [units.to_wei(500), units.to_wei(500) + 1], sender=owner)


def test_initialize_supply__length_mismatch__reverts(capped, owner, holder):
    with ape.reverts("token: length mismatch"):
        capped.initialize_supply([holder], [1, 2], sender=owner)


def test_initialize_supply__empty__reverts(capped, owner):
    with ape.reverts("token: empty allocation"):
        capped.initialize_supply([], [], sender=owner)


def test_initialize_supply__zero_amount__reverts(capped, owner, holder):
    with ape.reverts("token: zero amount"):
        capped.initialize_supply([holder], [0], sender=owner)


def test_initialize_supply__zero_recipient__reverts(capped, owner):
    with ape.reverts("token: zero recipient"):
        capped.initialize_supply([ZERO], [1], sender=owner)

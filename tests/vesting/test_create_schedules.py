"""VestingVault.create_schedules: batches, funding check, every bad input."""

import ape
import pytest

from fivefold.units import to_wei
from fivefold.vesting.model import PLANS

ZERO = "0x0000000000000000000000000000000000000000"
TOTAL = to_wei(1_000_000)


@pytest.fixture(scope="module")
def funded(project, deployer, owner, holder, vest_token):
    """A vault with one plan (cc.public, id 0), funded with 10 x TOTAL and no schedule."""
    vault = project.VestingVault.deploy(vest_token.address, owner, sender=deployer)
    vault.add_plan(*PLANS["cc.public"].encode_args(), sender=owner)
    vest_token.transfer(vault, 10 * TOTAL, sender=holder)
    return vault


@pytest.fixture
def plan_id():
    return 0


def test_create_schedules__batch__stores_every_field_and_logs(
    funded, plan_id, owner, beneficiary, stranger, start
):
    vault = funded
    batch = [
        (7, beneficiary.address, plan_id, TOTAL, start, False),
        (2**256 - 1, stranger.address, plan_id, 3 * TOTAL, start + 1, True),
    ]
    receipt = vault.create_schedules(batch, sender=owner)
    events = receipt.events.filter(vault.ScheduleCreated)
    assert [(e.schedule_id, e.beneficiary, e.plan_id, e.total, e.start, e.revocable) for e in events] == batch
    assert tuple(vault.schedule(7)) == (beneficiary.address, plan_id, TOTAL, 0, 0, start, False, False)
    assert tuple(vault.schedule(2**256 - 1)) == (
        stranger.address,
        plan_id,
        3 * TOTAL,
        0,
        0,
        start + 1,
        True,
        False,
    )
    assert vault.committed() == 4 * TOTAL
    assert vault.unallocated() == 6 * TOTAL


def test_create_schedules__exactly_the_unallocated_balance__accepted(
    funded, plan_id, owner, beneficiary, start
):
    funded.create_schedules([(1, beneficiary.address, plan_id, 10 * TOTAL, start, False)], sender=owner)
    assert funded.unallocated() == 0


def test_create_schedules__transfer_in_later__funds_more(
    funded, vest_token, plan_id, owner, holder, beneficiary, start
):
    funded.create_schedules([(1, beneficiary.address, plan_id, 10 * TOTAL, start, False)], sender=owner)
    vest_token.transfer(funded, TOTAL, sender=holder)
    assert funded.unallocated() == TOTAL
    funded.create_schedules([(2, beneficiary.address, plan_id, TOTAL, start, False)], sender=owner)
    assert funded.committed() == 11 * TOTAL


def test_create_schedules__start_in_the_past__vests_at_once(funded, plan_id, owner, beneficiary, chain):
    past = chain.pending_timestamp - 10 * 365 * 86_400
    funded.create_schedules([(1, beneficiary.address, plan_id, TOTAL, past, False)], sender=owner)
    assert funded.releasable(1) == TOTAL


def test_create_schedules__non_owner__reverts(funded, plan_id, non_owner, start):
    with ape.reverts("ownable: caller is not the owner"):
        funded.create_schedules([(1, non_owner.address, plan_id, TOTAL, start, False)], sender=non_owner)


def test_create_schedules__empty_batch__reverts(funded, owner):
    with ape.reverts("vesting_vault: empty batch"):
        funded.create_schedules([], sender=owner)


def test_create_schedules__zero_beneficiary__reverts(funded, plan_id, owner, start):
    with ape.reverts("vesting_vault: zero beneficiary"):
        funded.create_schedules([(1, ZERO, plan_id, TOTAL, start, False)], sender=owner)


def test_create_schedules__vault_as_beneficiary__reverts(funded, plan_id, owner, start):
    with ape.reverts("vesting_vault: vault as beneficiary"):
        funded.create_schedules([(1, funded.address, plan_id, TOTAL, start, False)], sender=owner)


def test_create_schedules__zero_amount__reverts(funded, plan_id, owner, beneficiary, start):
    with ape.reverts("vesting_vault: zero amount"):
        funded.create_schedules([(1, beneficiary.address, plan_id, 0, start, False)], sender=owner)


def test_create_schedules__amount_above_96_bits__reverts(funded, plan_id, owner, beneficiary, start):
    with ape.reverts("vesting_vault: amount too large"):
        funded.create_schedules([(1, beneficiary.address, plan_id, 2**96, start, False)], sender=owner)


def test_create_schedules__zero_start__reverts(funded, plan_id, owner, beneficiary):
    with ape.reverts("vesting_vault: zero start"):
        funded.create_schedules([(1, beneficiary.address, plan_id, TOTAL, 0, False)], sender=owner)


def test_create_schedules__start_above_40_bits__reverts(funded, plan_id, owner, beneficiary):
    with ape.reverts("vesting_vault: start out of range"):
        funded.create_schedules([(1, beneficiary.address, plan_id, TOTAL, 2**40, False)], sender=owner)


def test_create_schedules__unknown_plan__reverts(funded, plan_id, owner, beneficiary, start):
    with ape.reverts("vesting_vault: unknown plan"):
        funded.create_schedules([(1, beneficiary.address, plan_id + 1, TOTAL, start, False)], sender=owner)


def test_create_schedules__id_already_used__reverts(funded, plan_id, owner, beneficiary, stranger, start):
    funded.create_schedules([(1, beneficiary.address, plan_id, TOTAL, start, False)], sender=owner)
    with ape.reverts("vesting_vault: duplicate schedule"):
        funded.create_schedules([(1, stranger.address, plan_id, TOTAL, start, False)], sender=owner)


def test_create_schedules__id_twice_in_one_batch__reverts(funded, plan_id, owner, beneficiary, start):
    request = (1, beneficiary.address, plan_id, TOTAL, start, False)
    with ape.reverts("vesting_vault: duplicate schedule"):
        funded.create_schedules([request, request], sender=owner)


def test_create_schedules__beyond_unallocated_balance__reverts(funded, plan_id, owner, beneficiary, start):
    funded.create_schedules([(1, beneficiary.address, plan_id, 4 * TOTAL, start, False)], sender=owner)
    batch = [
        (2, beneficiary.address, plan_id, 3 * TOTAL, start, False),
        (3, beneficiary.address, plan_id, 3 * TOTAL + 1, start, False),
    ]
    with ape.reverts("vesting_vault: insufficient unallocated balance"):
        funded.create_schedules(batch, sender=owner)


def test_create_schedules__after_unreconciled_release__refuses_the_released_room(
    funded, plan_id, owner, beneficiary, stranger, chain, start
):
    """A release lowers the balance but not `committed` until reconciled: never over-commits."""
    funded.create_schedules([(1, beneficiary.address, plan_id, 5 * TOTAL, start, False)], sender=owner)
    chain.pending_timestamp = start
    funded.release(1, sender=stranger)  # 20% of 5 x TOTAL
    assert funded.unallocated() == 4 * TOTAL
    with ape.reverts("vesting_vault: insufficient unallocated balance"):
        funded.create_schedules([(2, beneficiary.address, plan_id, 5 * TOTAL, start, False)], sender=owner)
    funded.reconcile([1], sender=stranger)
    assert funded.unallocated() == 5 * TOTAL
    funded.create_schedules([(2, beneficiary.address, plan_id, 5 * TOTAL, start, False)], sender=owner)
    assert funded.unallocated() == 0

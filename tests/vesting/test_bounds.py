"""VestingVault at its limits: each bound accepted at exactly its value, packed fields read back at
values whose top bits are set, and the paths no other test reached (the survivors of mutation
testing, docs/assurance.md)."""

import ape
import pytest

from fivefold.units import DAY, MONTH
from fivefold.vesting.model import PLANS, vested_amount
from tests.tests_support import write_slot_holding

# Set the module's ready vault up first, so no test adds a module fixture later (an ape rebase).
pytestmark = pytest.mark.usefixtures("vault")

BPS = 10_000
MAX_PLANS = 65_536  # plan ids have 16 bits
MAX_TOTAL = 2**96 - 1  # a schedule's total and released amount have 96 bits
MAX_START = 2**40 - 1  # a schedule's start has 40 bits
SEED = PLANS["cc.seed"]
SEED_TOTAL = 10**27  # the ready vault's revocable schedule (conftest)


def test_add_plan__last_plan_id__accepted_then_the_limit_refused(vault, owner, beneficiary, start, chain):
    """With 65,535 plans registered the next one gets id 65,535 and a schedule on it reads that id
    back; the plan after it is refused. The counter is written in storage: 65,535 transactions would
    take an hour."""
    write_slot_holding(chain, vault, vault.plan_count, MAX_PLANS - 1)
    assert vault.plan_count() == MAX_PLANS - 1
    receipt = vault.add_plan(DAY, BPS, 0, 0, 0, 0, 0, sender=owner)
    assert receipt.return_value == MAX_PLANS - 1 and vault.plan_count() == MAX_PLANS
    assert tuple(vault.plan(MAX_PLANS - 1)) == (DAY, BPS, 0, 0, 0, 0, 0)
    with ape.reverts("vesting_vault: too many plans"):
        vault.add_plan(DAY, BPS, 0, 0, 0, 0, 0, sender=owner)
    vault.create_schedules([(77, beneficiary, MAX_PLANS - 1, 10**18, start, False)], sender=owner)
    assert vault.schedule(77).plan_id == MAX_PLANS - 1


def test_add_plan__bps_whose_sum_would_overflow__refused_with_the_reason(vault, owner):
    """A tranche's bps so large that count x bps overflows is refused by the bound on each bps, with
    the contract's reason rather than an arithmetic panic."""
    with ape.reverts("vesting_vault: plan exceeds 100%"):
        vault.add_plan(DAY, 0, 0, 255, 2**256 - 1, 0, 0, sender=owner)


def test_add_plan__one_tranche_of_100_percent__accepted_and_vests_after_its_period(
    vault, owner, beneficiary, start
):
    """A plan of one phase-1 tranche of exactly 100% is accepted; its schedule vests nothing before
    the tranche's period has passed and everything from then on."""
    plan_id = vault.add_plan(DAY, 0, 0, 1, BPS, 0, 0, sender=owner).return_value
    total = 3 * 10**18 + 1
    vault.create_schedules([(78, beneficiary, plan_id, total, start, False)], sender=owner)
    vested = [vault.vested_amount(78, t) for t in (start, start + DAY - 1, start + DAY)]
    assert vested == [0, 0, total]


def test_add_plan__top_bits_of_the_packed_fields__read_back(vault, owner, beneficiary, start):
    """The plan word read back where a field's neighbour has its top bit set: 200 phase-2 tranches
    (bit 7) under an even bps, and an odd period (bit 0, under the schedule's start in word B); a
    phase-2 tranche of 90% (bit 13 of its bps, the plan word's top bit) vests in full."""
    first = vault.add_plan(DAY + 1, 0, 0, 1, 1, 200, 48, sender=owner).return_value
    second = vault.add_plan(DAY, 0, 0, 1, 1_000, 1, 9_000, sender=owner).return_value
    assert tuple(vault.plan(first)) == (DAY + 1, 0, 0, 1, 1, 200, 48)
    assert tuple(vault.plan(second)) == (DAY, 0, 0, 1, 1_000, 1, 9_000)
    total = 10**18
    vault.create_schedules(
        [(79, beneficiary, first, total, start, False), (80, beneficiary, second, total, start, False)],
        sender=owner,
    )
    assert vault.schedule(79).start == vault.schedule(80).start == start
    assert vault.vested_amount(79, start + DAY + 1) == total // BPS
    assert vault.vested_amount(80, start + 2 * DAY) == total


def test_create_schedules__largest_total_and_latest_start__accepted_and_read_back(
    project, create_vault, owner, holder, beneficiary, stranger, chain
):
    """A total of 2**96 - 1 wei released in full reads back total and released whole; a start of
    2**40 - 1 is accepted and read back."""
    token = project.CappedToken.deploy(
        "Wide", "WIDE", 2**96, owner, "Wide", "1", chain.chain_id, sender=owner
    )
    token.initialize_supply([holder.address], [2**96], sender=owner)
    vault = create_vault(token)
    plan_id = vault.add_plan(DAY, BPS, 0, 0, 0, 0, 0, sender=owner).return_value
    token.transfer(vault, 2**96, sender=holder)
    now = chain.pending_timestamp
    batch = [(1, beneficiary, plan_id, MAX_TOTAL, now, False), (2, beneficiary, plan_id, 1, MAX_START, False)]
    vault.create_schedules(batch, sender=owner)
    vault.release(1, sender=stranger)
    first, second = vault.schedule(1), vault.schedule(2)
    assert (
        (first.total, first.released) == (MAX_TOTAL, MAX_TOTAL) == (MAX_TOTAL, token.balanceOf(beneficiary))
    )
    assert (second.total, second.start) == (1, MAX_START)


def test_revoke__mid_schedule__vested_amount_frozen_from_the_revocation_on(
    vault, revocable_schedule, owner, stranger, chain, start
):
    """After a revocation the schedule's vested amount is what had vested then, at every time from
    the revocation on: the plan no longer applies to it."""
    chain.pending_timestamp = start + 15 * MONTH + 5
    revoked_at = vault.revoke(revocable_schedule, sender=owner).timestamp
    vested = vested_amount(SEED, SEED_TOTAL, start, revoked_at)
    assert 0 < vested < SEED_TOTAL
    assert [vault.vested_amount(revocable_schedule, t) for t in (revoked_at, revoked_at + MONTH)] == [
        vested
    ] * 2
    assert vault.releasable(revocable_schedule) == vested


def test_revoke__after_a_reconciliation__commitment_drops_by_the_returned_part(
    vault, revocable_schedule, owner, stranger, chain, start
):
    """Released and reconciled before the revocation: the revocation takes only the returned part
    off `committed` (the released part left it at the reconciliation)."""
    chain.pending_timestamp = start + 14 * MONTH
    vault.release(revocable_schedule, sender=stranger)
    vault.reconcile([revocable_schedule], sender=stranger)
    committed = vault.committed()
    receipt = vault.revoke(revocable_schedule, sender=owner)
    (event,) = receipt.events.filter(vault.Revoked)
    assert vault.committed() == committed - event.returned

"""VestingVault.release: anyone calls, the beneficiary is paid exactly what vested."""

import ape

from fivefold.units import MONTH, to_wei
from fivefold.vesting.model import PLANS, vested_amount

SEED_TOTAL = to_wei(1_000_000_000)  # the ready vault's revocable schedule (conftest)

TOTAL = to_wei(200_000_000)
PLAN = PLANS["cc.public"]


def test_release__at_tge__pays_the_tge_share_to_the_beneficiary(
    vault, vest_token, public_schedule, beneficiary, stranger, chain, start
):
    chain.pending_timestamp = start
    receipt = vault.release(public_schedule, sender=stranger)
    (event,) = receipt.events.filter(vault.Released)
    assert event.schedule_id == public_schedule and event.amount == TOTAL // 5
    assert vest_token.balanceOf(beneficiary) == TOTAL // 5
    assert vest_token.balanceOf(stranger) == 0
    assert vault.schedule(public_schedule).released == TOTAL // 5
    # release leaves `committed` to `reconcile`
    assert vault.committed() == TOTAL + SEED_TOTAL


def test_release__by_the_beneficiary__pays(vault, vest_token, public_schedule, beneficiary, chain, start):
    chain.pending_timestamp = start + MONTH
    vault.release(public_schedule, sender=beneficiary)
    assert vest_token.balanceOf(beneficiary) == 2 * TOTAL // 5


def test_release__two_tranches_at_once__pays_both(
    vault, vest_token, public_schedule, beneficiary, stranger, chain, start
):
    chain.pending_timestamp = start + 2 * MONTH + 17
    vault.release(public_schedule, sender=stranger)
    assert (
        vest_token.balanceOf(beneficiary)
        == vested_amount(PLAN, TOTAL, start, start + 2 * MONTH)
        == 3 * TOTAL // 5
    )


def test_release__after_the_end__pays_the_total_and_empties(
    vault, vest_token, public_schedule, beneficiary, stranger, chain, start
):
    chain.pending_timestamp = start + 10 * MONTH
    vault.release(public_schedule, sender=stranger)
    assert vest_token.balanceOf(beneficiary) == TOTAL
    assert vault.releasable(public_schedule) == 0
    vault.reconcile([public_schedule], sender=stranger)
    assert vault.committed() == SEED_TOTAL


def test_release__before_start__reverts(vault, public_schedule, stranger, chain, start):
    chain.pending_timestamp = start - 1
    with ape.reverts("vesting_vault: nothing to release"):
        vault.release(public_schedule, sender=stranger)


def test_release__twice_in_one_tranche__reverts(vault, public_schedule, stranger, chain, start):
    chain.pending_timestamp = start + MONTH
    vault.release(public_schedule, sender=stranger)
    chain.pending_timestamp = start + 2 * MONTH - 1
    with ape.reverts("vesting_vault: nothing to release"):
        vault.release(public_schedule, sender=stranger)


def test_release__after_full_release__reverts(vault, public_schedule, stranger, chain, start):
    chain.pending_timestamp = start + 4 * MONTH
    vault.release(public_schedule, sender=stranger)
    chain.pending_timestamp = start + 40 * MONTH
    with ape.reverts("vesting_vault: nothing to release"):
        vault.release(public_schedule, sender=stranger)


def test_release__unknown_schedule__reverts(vault, public_schedule, stranger):
    with ape.reverts("vesting_vault: unknown schedule"):
        vault.release(999, sender=stranger)

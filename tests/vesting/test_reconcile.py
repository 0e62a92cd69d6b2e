"""VestingVault.reconcile: deducts releases from `committed`, callable by anyone."""

import ape

from fivefold.units import MONTH, to_wei

SEED_TOTAL = to_wei(1_000_000_000)  # the ready vault's revocable schedule (conftest)

TOTAL = to_wei(200_000_000)


def test_reconcile__after_releases__deducts_exactly_the_released_amount(
    vault, vest_token, public_schedule, stranger, chain, start
):
    chain.pending_timestamp = start
    vault.release(public_schedule, sender=stranger)
    chain.pending_timestamp = start + 2 * MONTH
    vault.release(public_schedule, sender=stranger)
    assert vault.committed() == TOTAL + SEED_TOTAL
    assert vault.unallocated() == TOTAL + SEED_TOTAL - 3 * TOTAL // 5
    receipt = vault.reconcile([public_schedule], sender=stranger)
    (event,) = receipt.events.filter(vault.Reconciled)
    assert event.freed == 3 * TOTAL // 5
    assert vault.committed() == 2 * TOTAL // 5 + SEED_TOTAL
    assert vault.schedule(public_schedule).reconciled == 3 * TOTAL // 5
    assert vault.unallocated() == vest_token.balanceOf(vault) - vault.committed() == TOTAL + SEED_TOTAL


def test_reconcile__repeated_id__counts_once(vault, public_schedule, stranger, chain, start):
    chain.pending_timestamp = start
    vault.release(public_schedule, sender=stranger)
    receipt = vault.reconcile([public_schedule, public_schedule], sender=stranger)
    assert receipt.events.filter(vault.Reconciled)[0].freed == TOTAL // 5
    assert vault.committed() == TOTAL - TOTAL // 5 + SEED_TOTAL


def test_reconcile__nothing_released_since__reverts(vault, public_schedule, stranger, chain, start):
    chain.pending_timestamp = start
    vault.release(public_schedule, sender=stranger)
    vault.reconcile([public_schedule], sender=stranger)
    with ape.reverts("vesting_vault: nothing to reconcile"):
        vault.reconcile([public_schedule], sender=stranger)


def test_reconcile__empty_batch__reverts(vault, public_schedule, stranger):
    with ape.reverts("vesting_vault: empty batch"):
        vault.reconcile([], sender=stranger)


def test_reconcile__unknown_schedule__reverts(vault, public_schedule, stranger, chain, start):
    chain.pending_timestamp = start
    vault.release(public_schedule, sender=stranger)
    with ape.reverts("vesting_vault: unknown schedule"):
        vault.reconcile([public_schedule, 999], sender=stranger)

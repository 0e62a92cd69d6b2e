"""VestingVault.revoke: vested part stays the beneficiary's, unvested part returns to the treasury."""

import ape

from fivefold.units import MONTH, to_wei
from fivefold.vesting.model import PLANS, vested_amount

PUBLIC_TOTAL = to_wei(200_000_000)  # the ready vault's irrevocable schedule (conftest)

TOTAL = to_wei(1_000_000_000)
SEED = PLANS["cc.seed"]


def test_revoke__mid_schedule__splits_vested_and_unvested(
    vault, vest_token, revocable_schedule, owner, treasury, beneficiary, stranger, chain, start
):
    chain.pending_timestamp = start + 14 * MONTH
    vault.release(revocable_schedule, sender=stranger)  # 2 x 3.75%
    released = vest_token.balanceOf(beneficiary)
    assert released == TOTAL * 750 // 10_000
    committed_before = vault.committed()
    chain.pending_timestamp = start + 15 * MONTH + 5
    receipt = vault.revoke(revocable_schedule, sender=owner)
    vested = vested_amount(SEED, TOTAL, start, start + 15 * MONTH)
    (event,) = receipt.events.filter(vault.Revoked)
    assert (event.schedule_id, event.vested, event.returned) == (revocable_schedule, vested, TOTAL - vested)
    assert vest_token.balanceOf(treasury) == TOTAL - vested
    # revoke also reconciles the schedule: committed is now exactly what it owes
    assert committed_before == TOTAL + PUBLIC_TOTAL
    assert vault.committed() == PUBLIC_TOTAL + vested - released
    schedule = vault.schedule(revocable_schedule)
    assert (schedule.total, schedule.released, schedule.reconciled, schedule.revoked) == (
        vested,
        released,
        released,
        True,
    )
    # the vested, unreleased tranche stays releasable, and nothing more ever vests
    chain.pending_timestamp = start + 40 * MONTH
    vault.release(revocable_schedule, sender=stranger)
    assert vest_token.balanceOf(beneficiary) == vested
    assert vault.vested_amount(revocable_schedule, start + 100 * MONTH) == vested
    vault.reconcile([revocable_schedule], sender=stranger)
    assert vault.committed() == PUBLIC_TOTAL
    with ape.reverts("vesting_vault: nothing to release"):
        vault.release(revocable_schedule, sender=stranger)


def test_revoke__before_start__returns_everything(
    vault, vest_token, revocable_schedule, owner, treasury, stranger, chain, start
):
    chain.pending_timestamp = start - 1
    vault.revoke(revocable_schedule, sender=owner)
    assert vest_token.balanceOf(treasury) == TOTAL
    assert vault.schedule(revocable_schedule).total == 0
    assert vault.committed() == PUBLIC_TOTAL
    chain.pending_timestamp = start + 40 * MONTH
    with ape.reverts("vesting_vault: nothing to release"):
        vault.release(revocable_schedule, sender=stranger)


def test_revoke__non_owner__reverts(vault, revocable_schedule, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        vault.revoke(revocable_schedule, sender=non_owner)


def test_revoke__irrevocable_schedule__reverts(vault, public_schedule, owner):
    with ape.reverts("vesting_vault: schedule not revocable"):
        vault.revoke(public_schedule, sender=owner)


def test_revoke__twice__reverts(vault, revocable_schedule, owner):
    vault.revoke(revocable_schedule, sender=owner)
    with ape.reverts("vesting_vault: already revoked"):
        vault.revoke(revocable_schedule, sender=owner)


def test_revoke__fully_vested__reverts(vault, revocable_schedule, owner, chain, start):
    chain.pending_timestamp = start + 36 * MONTH
    with ape.reverts("vesting_vault: nothing to revoke"):
        vault.revoke(revocable_schedule, sender=owner)


def test_revoke__treasury_unset__reverts(create_vault, vest_token, owner, holder, beneficiary, start):
    vault = create_vault(vest_token, set_treasury=False)
    vest_token.transfer(vault, TOTAL, sender=holder)
    vault.add_plan(*SEED.encode_args(), sender=owner)
    vault.create_schedules([(1, beneficiary.address, 0, TOTAL, start, True)], sender=owner)
    with ape.reverts("vesting_vault: treasury not set"):
        vault.revoke(1, sender=owner)


def test_revoke__unknown_schedule__reverts(vault, revocable_schedule, owner):
    with ape.reverts("vesting_vault: unknown schedule"):
        vault.revoke(revocable_schedule + 1, sender=owner)

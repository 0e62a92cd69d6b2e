"""VestingVault.transfer_beneficiary: only the beneficiary hands the schedule over."""

import ape

from fivefold.units import MONTH, to_wei

ZERO = "0x0000000000000000000000000000000000000000"
TOTAL = to_wei(200_000_000)


def test_transfer_beneficiary__by_beneficiary__future_releases_go_to_the_new_one(
    vault, vest_token, public_schedule, beneficiary, spender, stranger, chain, start
):
    chain.pending_timestamp = start
    vault.release(public_schedule, sender=stranger)
    receipt = vault.transfer_beneficiary(public_schedule, spender, sender=beneficiary)
    (event,) = receipt.events.filter(vault.BeneficiaryTransferred)
    assert (event.schedule_id, event.previous_beneficiary, event.new_beneficiary) == (
        public_schedule,
        beneficiary.address,
        spender.address,
    )
    schedule = vault.schedule(public_schedule)
    assert schedule.beneficiary == spender.address
    assert schedule.released == TOTAL // 5
    chain.pending_timestamp = start + MONTH
    vault.release(public_schedule, sender=stranger)
    assert vest_token.balanceOf(beneficiary) == TOTAL // 5
    assert vest_token.balanceOf(spender) == TOTAL // 5


def test_transfer_beneficiary__unreleased_part__moves_with_the_schedule(
    vault, vest_token, public_schedule, beneficiary, spender, stranger, chain, start
):
    chain.pending_timestamp = start + MONTH
    vault.transfer_beneficiary(public_schedule, spender, sender=beneficiary)
    vault.release(public_schedule, sender=stranger)
    assert vest_token.balanceOf(spender) == 2 * TOTAL // 5
    assert vest_token.balanceOf(beneficiary) == 0


def test_transfer_beneficiary__previous_beneficiary__reverts(vault, public_schedule, beneficiary, spender):
    vault.transfer_beneficiary(public_schedule, spender, sender=beneficiary)
    with ape.reverts("vesting_vault: caller is not the beneficiary"):
        vault.transfer_beneficiary(public_schedule, beneficiary, sender=beneficiary)


def test_transfer_beneficiary__stranger__reverts(vault, public_schedule, stranger):
    with ape.reverts("vesting_vault: caller is not the beneficiary"):
        vault.transfer_beneficiary(public_schedule, stranger, sender=stranger)


def test_transfer_beneficiary__zero_address__reverts(vault, public_schedule, beneficiary):
    with ape.reverts("vesting_vault: zero beneficiary"):
        vault.transfer_beneficiary(public_schedule, ZERO, sender=beneficiary)


def test_transfer_beneficiary__to_the_vault__reverts(vault, public_schedule, beneficiary):
    with ape.reverts("vesting_vault: vault as beneficiary"):
        vault.transfer_beneficiary(public_schedule, vault.address, sender=beneficiary)


def test_transfer_beneficiary__to_itself__reverts(vault, public_schedule, beneficiary):
    with ape.reverts("vesting_vault: same beneficiary"):
        vault.transfer_beneficiary(public_schedule, beneficiary, sender=beneficiary)


def test_transfer_beneficiary__unknown_schedule__reverts(vault, public_schedule, beneficiary, spender):
    with ape.reverts("vesting_vault: unknown schedule"):
        vault.transfer_beneficiary(999, spender, sender=beneficiary)

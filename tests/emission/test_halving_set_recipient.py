"""HalvingEmitter.set_recipient: the owner redirects future emission; what accrued goes to the old
recipient."""

import ape

from fivefold.emission import model as emission
from fivefold.units import DAY

ZERO = "0x0000000000000000000000000000000000000000"
HPC = emission.HPC


def test_set_recipient__accrued_emission__minted_to_outgoing_recipient_first(
    started_hpc, at, owner, treasury, beneficiary, stranger
):
    token, emitter, t0 = started_hpc
    at(t0 + DAY)
    receipt = emitter.set_recipient(beneficiary, sender=owner)
    first = emission.emitted_at(HPC, t0, t0 + DAY)
    assert token.balanceOf(treasury) == first
    assert emitter.recipient() == beneficiary
    assert emitter.last_mint_time() == t0 + DAY
    assert receipt.events == [
        token.Transfer(sender=ZERO, receiver=treasury, value=first),
        emitter.Minted(recipient=treasury, amount=first, minted=first),
        emitter.RecipientChanged(previous_recipient=treasury, new_recipient=beneficiary),
    ]
    at(t0 + 2 * DAY)
    emitter.mint(sender=stranger)
    assert token.balanceOf(beneficiary) == emission.emitted_at(HPC, t0, t0 + 2 * DAY) - first


def test_set_recipient__before_start_time__nothing_minted(started_hpc, at, owner, treasury, beneficiary):
    token, emitter, t0 = started_hpc
    at(t0 - 10)
    receipt = emitter.set_recipient(beneficiary, sender=owner)
    assert token.totalSupply() == 0
    assert emitter.last_mint_time() == t0
    assert receipt.events == [
        emitter.RecipientChanged(previous_recipient=treasury, new_recipient=beneficiary)
    ]
    assert emitter.recipient() == beneficiary


def test_set_recipient__right_after_a_mint__nothing_minted(
    started_hpc, at, owner, stranger, beneficiary, treasury
):
    token, emitter, t0 = started_hpc
    at(t0 + DAY)
    emitter.mint(sender=stranger)
    supply = token.totalSupply()
    at(t0 + DAY)  # same second as the mint: nothing has accrued
    emitter.set_recipient(beneficiary, sender=owner)
    assert token.totalSupply() == supply


def test_set_recipient__non_owner__reverts(started_hpc, non_owner, beneficiary):
    _, emitter, _ = started_hpc
    with ape.reverts("ownable: caller is not the owner"):
        emitter.set_recipient(beneficiary, sender=non_owner)


def test_set_recipient__zero_address__reverts(started_hpc, owner):
    _, emitter, _ = started_hpc
    with ape.reverts("schedule_clock: zero recipient"):
        emitter.set_recipient(ZERO, sender=owner)


def test_set_recipient__not_started__reverts(hpc, owner, beneficiary):
    _, emitter = hpc
    with ape.reverts("schedule_clock: not started"):
        emitter.set_recipient(beneficiary, sender=owner)

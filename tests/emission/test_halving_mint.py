"""HalvingEmitter.mint: anyone mints what the schedule released since the previous mint."""

import ape

from fivefold.emission import model as emission
from fivefold.units import DAY

HPC = emission.HPC


def test_mint__one_day_after_start__mints_the_schedule_to_the_recipient(started_hpc, at, stranger, treasury):
    token, emitter, t0 = started_hpc
    at(t0 + DAY)
    receipt = emitter.mint(sender=stranger)
    expected = emission.emitted_at(HPC, t0, t0 + DAY)
    assert expected == 105_000_000 * 10**18 * DAY // HPC.era_length
    assert token.balanceOf(treasury) == expected
    assert token.totalSupply() == expected
    assert emitter.minted() == expected
    assert emitter.last_mint_time() == t0 + DAY
    assert receipt.return_value == expected
    minted_event = emitter.Minted(recipient=treasury, amount=expected, minted=expected)
    assert receipt.events.filter(emitter.Minted) == [minted_event]


def test_mint__second_mint__mints_only_the_difference(started_hpc, at, stranger, treasury):
    token, emitter, t0 = started_hpc
    at(t0 + DAY)
    emitter.mint(sender=stranger)
    at(t0 + 3 * DAY)
    receipt = emitter.mint(sender=stranger)
    expected = emission.emitted_at(HPC, t0, t0 + 3 * DAY) - emission.emitted_at(HPC, t0, t0 + DAY)
    assert receipt.return_value == expected
    assert token.balanceOf(treasury) == emission.emitted_at(HPC, t0, t0 + 3 * DAY)


def test_mint__across_many_eras_in_one_call__mints_the_whole_gap(started_hpc, at, stranger, treasury):
    token, emitter, t0 = started_hpc
    at(t0 + 5 * HPC.era_length + 12_345)
    emitter.mint(sender=stranger)
    assert token.balanceOf(treasury) == emission.emitted_at(HPC, t0, t0 + 5 * HPC.era_length + 12_345)


def test_mint__200_years_after_start__mints_exactly_the_cap(started_hpc, at, stranger, treasury):
    token, emitter, t0 = started_hpc
    at(t0 + 200 * 366 * DAY)
    emitter.mint(sender=stranger)
    assert token.balanceOf(treasury) == HPC.cap == token.cap()
    assert emitter.minted() == HPC.cap


def test_mint__after_cap_reached__nothing_to_mint(started_hpc, at, stranger):
    _, emitter, t0 = started_hpc
    end = t0 + HPC.n_eras * HPC.era_length
    at(end)
    emitter.mint(sender=stranger)
    at(end + 365 * DAY)
    with ape.reverts("halving_emitter: nothing to mint"):
        emitter.mint(sender=stranger)
    assert emitter.mintable() == 0


def test_mint__at_start_time__nothing_to_mint(started_hpc, at, stranger):
    _, emitter, t0 = started_hpc
    at(t0)
    with ape.reverts("halving_emitter: nothing to mint"):
        emitter.mint(sender=stranger)


def test_mint__not_started__reverts(hpc, stranger):
    _, emitter = hpc
    with ape.reverts("schedule_clock: not started"):
        emitter.mint(sender=stranger)


def test_mint__before_start_time__reverts(started_hpc, at, stranger):
    _, emitter, t0 = started_hpc
    at(t0 - 1)
    with ape.reverts("schedule_clock: before start time"):
        emitter.mint(sender=stranger)


def test_mint__emitter_not_a_minter__token_reverts(started_hpc, at, owner, stranger):
    token, emitter, t0 = started_hpc
    token.set_minter(emitter, False, sender=owner)
    at(t0 + DAY)
    with ape.reverts("capped_token: caller is not a minter"):
        emitter.mint(sender=stranger)


def test_mint__by_owner_or_recipient__same_amount_as_anyone(started_hpc, at, owner, treasury):
    token, emitter, t0 = started_hpc
    at(t0 + DAY)
    emitter.mint(sender=owner)
    at(t0 + 2 * DAY)
    emitter.mint(sender=treasury)
    assert token.balanceOf(treasury) == emission.emitted_at(HPC, t0, t0 + 2 * DAY)


def test_mintable__one_day_after_start__equals_the_next_mint(started_hpc, chain):
    _, emitter, t0 = started_hpc
    chain.mine(timestamp=t0 + DAY)
    assert emitter.mintable() == emission.emitted_at(HPC, t0, t0 + DAY)


def test_mintable__not_started_or_before_start__zero(hpc, start_emitter, chain):
    _, emitter = hpc
    assert emitter.mintable() == 0
    start_emitter(emitter, delay=1_000)
    assert emitter.mintable() == 0

"""HalvingEmitter.start: the owner sets the chain-specific start time and recipient, once."""

import ape

from fivefold.emission import model as emission

ZERO = "0x0000000000000000000000000000000000000000"


def test_start__owner_future_time__sets_start_and_recipient(hpc, chain, owner, treasury):
    _, emitter = hpc
    t0 = chain.pending_timestamp + 3_600
    receipt = emitter.start(t0, treasury, sender=owner)
    assert emitter.start_time() == t0
    assert emitter.recipient() == treasury
    assert emitter.last_mint_time() == t0
    assert emitter.end_time() == t0 + 32 * emission.HPC.era_length
    assert receipt.events == [emitter.Started(start_time=t0, recipient=treasury)]


def test_start__current_block_time__accepted(hpc, at, chain, owner, treasury):
    _, emitter = hpc
    t0 = chain.pending_timestamp + 10
    at(t0)
    emitter.start(t0, treasury, sender=owner)
    assert emitter.start_time() == t0


def test_start__latest_allowed_time__accepted(hpc, at, chain, owner, treasury):
    _, emitter = hpc
    now = chain.pending_timestamp + 10
    at(now)
    emitter.start(now + emission.MAX_START_DELAY, treasury, sender=owner)
    assert emitter.start_time() == now + emission.MAX_START_DELAY


def test_start__non_owner__reverts(hpc, chain, non_owner, treasury):
    _, emitter = hpc
    with ape.reverts("ownable: caller is not the owner"):
        emitter.start(chain.pending_timestamp + 100, treasury, sender=non_owner)


def test_start__twice__reverts(started_hpc, chain, owner, treasury):
    _, emitter, _ = started_hpc
    with ape.reverts("schedule_clock: already started"):
        emitter.start(chain.pending_timestamp + 100, treasury, sender=owner)


def test_start__zero_recipient__reverts(hpc, chain, owner):
    _, emitter = hpc
    with ape.reverts("schedule_clock: zero recipient"):
        emitter.start(chain.pending_timestamp + 100, ZERO, sender=owner)


def test_start__past_time__reverts(hpc, at, chain, owner, treasury):
    _, emitter = hpc
    now = chain.pending_timestamp + 10
    at(now)
    with ape.reverts("schedule_clock: start in the past"):
        emitter.start(now - 1, treasury, sender=owner)


def test_start__zero_time__reverts(hpc, owner, treasury):
    _, emitter = hpc
    with ape.reverts("schedule_clock: start in the past"):
        emitter.start(0, treasury, sender=owner)


def test_start__beyond_max_delay__reverts(hpc, at, chain, owner, treasury):
    _, emitter = hpc
    now = chain.pending_timestamp + 10
    at(now)
    with ape.reverts("schedule_clock: start too far"):
        emitter.start(now + emission.MAX_START_DELAY + 1, treasury, sender=owner)

"""Governor at its limits: every packed field read back at the bit next to its neighbour (tallies at
2**96 - 1, an odd voting period, the longest one, an odd expiry, an odd quorum), the phases at their
boundary seconds, the quorum exact and counting both sides, the flags the `proposal` view reports, the
committee's removal rule at the selector's length, the registry named at deployment, and the quorum
history searched at its documented capacity (the survivors of mutation testing, docs/assurance.md)."""

import ape
import pytest

from fivefold.governance import model_dao
from fivefold.units import DAY, to_wei
from tests.governance.conftest import (
    ACTIVE,
    AGAINST,
    CANCELED,
    DEFEATED,
    EXECUTED,
    FOR,
    GRACE_PERIOD,
    OPPONENT_POWER,
    PENDING,
    PROPOSER_POWER,
    QUORUM_BPS,
    SUCCEEDED,
    THRESHOLD,
    TIMELOCK_DELAY,
    VOTER_POWER,
    VOTING_DELAY,
    VOTING_PERIOD,
)
from tests.tests_support import map_entry_slot, set_storage_word, storage_word

MAX_TALLY = 2**96 - 1
TIME_MASK = 2**40 - 1
BPS_SHIFT = 40  # a quorum checkpoint: since (40 bits) | bps
# The quorum history's documented capacity (Governor.vy `_SEARCH_STEPS`: 2**32 changes), in checkpoints.
CAPACITY = 2**32


@pytest.fixture(scope="module", autouse=True)
def governor_bounds_fixtures(
    governor,
    votes,
    timelock,
    as_timelock,
    make_proposal,
    passed,
    queued,
    deploy_dao,
    proposer,
    voter,
    opponent,
    member,
    owner,
    deployer,
    stranger,
):
    """Requests the module's fixtures before its first test (ape's isolation would otherwise rebase
    them when a later test first asks for one)."""


def _at(chain, second: int) -> int:
    """Mines a block at exactly `second` and returns the head's timestamp (read afresh)."""
    chain.mine(timestamp=second)
    return chain.blocks.head.timestamp


def _quorum_history(chain, governor) -> tuple[int, int]:
    """(slot of the checkpoint map, slot of the checkpoint count) of a Governor whose quorum never
    changed: the map's entry 0 holds the constructor's checkpoint (the bps in force), the count (the
    next declared variable) holds 1. Found rather than assumed: the layout moves with the EVM
    version's reentrancy lock."""
    bps = governor.quorum_bps()
    for base in range(16):
        first = storage_word(chain, governor, map_entry_slot(base, 0))
        if first & TIME_MASK and first >> BPS_SHIFT == bps and storage_word(chain, governor, base + 1) == 1:
            return base, base + 1
    raise AssertionError("no quorum history found in the Governor's first 16 slots")


def _search_reads(count: int, in_force: int) -> list[int]:
    """The checkpoints a binary search over `count` of them reads to find that the first `in_force`
    are at or before its timepoint and the rest after it."""
    reads, low, high = [], 0, count
    while low < high:
        mid = (low + high) // 2
        reads.append(mid)
        if mid >= in_force:
            high = mid
        else:
            low = mid + 1
    return reads


def _write_history(chain, governor, base: int, indices, in_force: int, timepoint: int, bps: int, other: int):
    """Writes checkpoints `indices` (never the constructor's, 0) of a history in which checkpoint
    `in_force - 1` was written at `timepoint` with `bps`: the ones before it one second apart before
    `timepoint`, the ones after it one second apart after; all but the one in force carry `other`."""
    indices = sorted(set(indices) - {0})
    below = [i for i in indices if i < in_force - 1]
    above = [i for i in indices if i > in_force - 1]
    for rank, i in enumerate(reversed(below), start=1):
        set_storage_word(chain, governor, map_entry_slot(base, i), (timepoint - rank) | (other << BPS_SHIFT))
    for rank, i in enumerate(above, start=1):
        set_storage_word(chain, governor, map_entry_slot(base, i), (timepoint + rank) | (other << BPS_SHIFT))
    if in_force - 1 in indices:
        set_storage_word(chain, governor, map_entry_slot(base, in_force - 1), timepoint | (bps << BPS_SHIFT))
    return len(above)


# --- the proposal word: tallies, snapshot, period, canceled ---------------------------------------


def test_cast_vote__both_tallies_at_their_top__read_back_apart(
    governor, votes, owner, make_proposal, voter, opponent, chain
):
    """Each tally holds 96 bits: 2**96 - 1 for, then 2**96 - 1 against, are both counted and read back
    whole, the for side's top bit never spilling into the against side nor the against side into the
    snapshot."""
    votes.set_votes(voter, MAX_TALLY, sender=owner)
    votes.set_votes(opponent, MAX_TALLY, sender=owner)
    chain.mine(deltatime=1)
    proposal = make_proposal()
    created = governor.proposal(proposal.id)
    chain.pending_timestamp = created.snapshot + 1
    governor.castVote(proposal.id, FOR, sender=voter)
    info = governor.proposal(proposal.id)
    assert (info.for_votes, info.against_votes) == (MAX_TALLY, 0)
    governor.castVote(proposal.id, AGAINST, sender=opponent)
    info = governor.proposal(proposal.id)
    assert (info.for_votes, info.against_votes) == (MAX_TALLY, MAX_TALLY)
    assert (info.snapshot, info.deadline, info.canceled) == (created.snapshot, created.deadline, False)
    assert governor.receipt(proposal.id, opponent) == (True, AGAINST, MAX_TALLY)


def test_propose__odd_voting_period__snapshot_and_deadline_exact(governor, as_timelock, make_proposal, chain):
    """The period's lowest bit lies right above the snapshot's top bit: with an odd period (3,601 s)
    the snapshot is still creation + delay, the deadline the snapshot + 3,601, and the phase turns
    there."""
    governor.set_voting_period(3_601, sender=as_timelock)
    proposal = make_proposal()
    snapshot = proposal.receipt.timestamp + VOTING_DELAY
    info = governor.proposal(proposal.id)
    assert (info.snapshot, info.deadline) == (snapshot, snapshot + 3_601)
    assert _at(chain, snapshot + 3_601) == snapshot + 3_601
    assert governor.state(proposal.id) == ACTIVE
    _at(chain, snapshot + 3_602)
    assert governor.state(proposal.id) == DEFEATED


def test_propose__longest_voting_period__pending_not_canceled(governor, as_timelock, make_proposal, chain):
    """The longest period, 30 days, sets the period field's top bit (2**21 s, 24.3 days), the bit
    below the canceled flag: the proposal is pending, not canceled, and active to its last second."""
    governor.set_voting_period(30 * DAY, sender=as_timelock)
    proposal = make_proposal()
    assert governor.state(proposal.id) == PENDING
    info = governor.proposal(proposal.id)
    assert (info.canceled, info.deadline - info.snapshot) == (False, 30 * DAY)
    _at(chain, info.deadline)
    assert governor.state(proposal.id) == ACTIVE


def test_propose__created_event__deadline_is_snapshot_plus_period(governor, make_proposal):
    """ProposalCreated tells an indexer when voting ends: the snapshot plus the voting period."""
    proposal = make_proposal()
    log = proposal.receipt.decode_logs(governor.ProposalCreated)[0]
    assert log.snapshot == proposal.receipt.timestamp + VOTING_DELAY
    assert log.deadline == log.snapshot + VOTING_PERIOD == governor.proposal(proposal.id).deadline


def test_proposal__canceled__flag_reads_true(governor, make_proposal, proposer):
    """The `proposal` view reports the canceled flag a cancellation stores (not only `state`)."""
    proposal = make_proposal()
    assert not governor.proposal(proposal.id).canceled
    governor.cancel(*proposal.args, sender=proposer)
    assert governor.proposal(proposal.id).canceled
    assert governor.state(proposal.id) == CANCELED


# --- phases at their boundary seconds and the tally against the quorum ----------------------------


def test_state__at_snapshot_second__pending_then_active(governor, votes, make_proposal, chain):
    """The snapshot second is still pending (its power is not final); the next one is active."""
    proposal = make_proposal()
    snapshot = governor.proposal(proposal.id).snapshot
    assert _at(chain, snapshot) == snapshot
    assert votes.clock() == snapshot  # views run at the head's second
    assert governor.state(proposal.id) == PENDING
    _at(chain, snapshot + 1)
    assert governor.state(proposal.id) == ACTIVE


def test_state__against_votes__count_toward_quorum(
    governor, as_timelock, make_proposal, voter, opponent, chain
):
    """The quorum counts for + against: at 50% (8,500 of 17,000), 10,000 for and 5,000 against
    (15,000 cast, a margin of only 5,000) succeed."""
    governor.set_quorum_bps(5_000, sender=as_timelock)
    proposal = make_proposal()
    info = governor.proposal(proposal.id)
    chain.pending_timestamp = info.snapshot + 1
    governor.castVote(proposal.id, FOR, sender=voter)
    governor.castVote(proposal.id, AGAINST, sender=opponent)
    _at(chain, info.deadline + 1)
    total = PROPOSER_POWER + VOTER_POWER + OPPONENT_POWER
    assert governor.quorum(info.snapshot) == model_dao.quorum(total, 5_000) == to_wei(8_500)
    assert VOTER_POWER - OPPONENT_POWER < to_wei(8_500) <= VOTER_POWER + OPPONENT_POWER
    assert governor.state(proposal.id) == SUCCEEDED


def test_quorum__exact_fraction__not_rounded_up(
    governor, votes, owner, make_proposal, voter, opponent, stranger, chain
):
    """Rounding up adds nothing to an exact fraction: 4% of 250,000 is 10,000 to the wei, and a lone
    voter holding exactly 10,000 carries the proposal."""
    votes.set_votes(opponent, to_wei(250_000) - PROPOSER_POWER - VOTER_POWER, sender=owner)
    chain.mine(deltatime=1)
    proposal = make_proposal()
    info = governor.proposal(proposal.id)
    chain.pending_timestamp = info.snapshot + 1
    governor.castVote(proposal.id, FOR, sender=voter)
    _at(chain, info.deadline + 1)
    assert votes.getPastTotalSupply(info.snapshot) == to_wei(250_000)
    assert governor.quorum(info.snapshot) == VOTER_POWER == to_wei(10_000)
    assert governor.state(proposal.id) == SUCCEEDED


# --- the queue word: eta, expiry, executed ---------------------------------------------------------


def test_queue__odd_expiry__eta_and_expiry_read_back(governor, as_timelock, passed, stranger, chain):
    """Expiry's lowest bit lies right above eta's top bit: with a grace period of a day and a second
    and an even eta, the expiry is odd, and eta and expiry still read back exact; the proposal runs
    at eta."""
    governor.set_grace_period(DAY + 1, sender=as_timelock)
    proposal = passed()
    second = chain.blocks.head.timestamp + 1
    second += second % 2
    chain.pending_timestamp = second
    receipt = governor.queue(*proposal.args, sender=stranger)
    eta = receipt.timestamp + TIMELOCK_DELAY
    assert (eta % 2, (eta + DAY + 1) % 2) == (0, 1)
    info = governor.proposal(proposal.id)
    assert (info.eta, info.expiry) == (eta, eta + DAY + 1)
    chain.pending_timestamp = eta
    governor.execute(*proposal.args, sender=stranger)
    assert governor.state(proposal.id) == EXECUTED


def test_proposal__executed__flag_reads_true(governor, queued, stranger, chain):
    """The `proposal` view reports the executed flag `execute` stores, eta and expiry unchanged."""
    proposal, eta = queued()
    assert not governor.proposal(proposal.id).executed
    chain.pending_timestamp = eta
    governor.execute(*proposal.args, sender=stranger)
    info = governor.proposal(proposal.id)
    assert (info.executed, info.eta, info.expiry) == (True, eta, eta + GRACE_PERIOD)


def test_execute__two_calls_with_value__only_what_was_sent_reaches_the_timelock(
    governor, timelock, queued, stranger, chain
):
    """The coin sent with `execute` goes with the first call only: two calls paying 1 coin each,
    2 coins sent, the payee gets 2 and the timelock ends with its own balance (the Governor, which
    holds nothing, sends nothing with the second call)."""
    payee = "0x000000000000000000000000000000000000dEaD"
    before = chain.provider.get_balance(payee)
    proposal, eta = queued(calls=[(payee, b""), (payee, b"")], description="pay twice", value=10**18)
    chain.pending_timestamp = eta
    governor.execute(*proposal.args, sender=stranger, value=2 * 10**18)
    assert chain.provider.get_balance(payee) == before + 2 * 10**18
    assert chain.provider.get_balance(timelock.address) == 10**18  # the fixture's funding only
    assert chain.provider.get_balance(governor.address) == 0


# --- the params word -----------------------------------------------------------------------------


def test_set_voting_period__odd_value__every_parameter_reads_back(governor, as_timelock):
    """The period's lowest bit lies right above the voting delay's field: an odd period (3,601 s)
    reads back with the delay, grace period and threshold untouched."""
    governor.set_voting_period(3_601, sender=as_timelock)
    assert (governor.voting_delay(), governor.voting_period()) == (VOTING_DELAY, 3_601)
    assert (governor.grace_period(), governor.proposal_threshold()) == (GRACE_PERIOD, THRESHOLD)


def test_constructor__parameter_registry_named__registry_alone_writes(
    project, deployer, votes, timelock, accounts
):
    """A registry named at deployment is the only writer from the start: the timelock is refused,
    the registry sets the parameter."""
    governor = project.Governor.deploy(
        votes,
        timelock,
        VOTING_DELAY,
        VOTING_PERIOD,
        THRESHOLD,
        QUORUM_BPS,
        GRACE_PERIOD,
        votes,
        sender=deployer,
    )
    assert governor.parameter_registry() == votes.address
    with ape.reverts("governor: caller is not the parameter registry"):
        governor.set_voting_delay(7_200, sender=accounts[timelock.address])
    governor.set_voting_delay(7_200, sender=accounts[votes.address])
    assert governor.voting_delay() == 7_200


# --- the committee's removal rule at the selector's length ----------------------------------------


def test_cancel__member_on_remove_member_selector_alone__reverts(governor, make_proposal, member):
    """A call to the Governor whose calldata is `remove_member`'s 4-byte selector and nothing else is
    a removal to the committee's rule: a member cannot cancel it."""
    selector = bytes(governor.remove_member.encode_input(member))[:4]
    proposal = make_proposal(calls=[(governor.address, selector)], description="selector only")
    with ape.reverts("governor: committee cannot cancel its removal"):
        governor.cancel(*proposal.args, sender=member)


def test_cancel__member_on_three_byte_call__canceled(governor, make_proposal, member):
    """Calldata shorter than a selector (the first 3 bytes of `remove_member`'s) is no removal: a
    member cancels it."""
    prefix = bytes(governor.remove_member.encode_input(member))[:3]
    proposal = make_proposal(calls=[(governor.address, prefix)], description="three bytes")
    governor.cancel(*proposal.args, sender=member)
    assert governor.state(proposal.id) == CANCELED


# --- the quorum history ----------------------------------------------------------------------------


def test_set_quorum_bps__odd_value__in_force_at_once(governor, as_timelock, make_proposal, chain):
    """The bps field's lowest bit lies right above the checkpoint's second: an odd quorum (401 bps)
    is in force from its own second and judges a proposal made after it."""
    tx = governor.set_quorum_bps(401, sender=as_timelock)
    assert chain.blocks.head.timestamp == tx.timestamp
    assert governor.quorum_bps() == 401
    proposal = make_proposal()
    snapshot = governor.proposal(proposal.id).snapshot
    _at(chain, snapshot + 1)
    assert governor.quorum(snapshot) == model_dao.quorum(PROPOSER_POWER + VOTER_POWER + OPPONENT_POWER, 401)


def test_quorum__before_deployment__constructors_quorum(deploy_dao, votes, accounts, chain):
    """The constructor's checkpoint covers the seconds before deployment too: the quorum at the
    second before it is the first quorum's, not a later change's."""
    new_timelock, governor = deploy_dao()
    deployed_at = chain.blocks.head.timestamp
    chain.set_balance(new_timelock.address, 10**18)
    chain.pending_timestamp = deployed_at + 10
    governor.set_quorum_bps(1_000, sender=accounts[new_timelock.address])
    chain.mine(deltatime=1)
    total = votes.getPastTotalSupply(deployed_at - 1)
    assert total == PROPOSER_POWER + VOTER_POWER + OPPONENT_POWER
    assert governor.quorum(deployed_at - 1) == model_dao.quorum(total, QUORUM_BPS)
    assert governor.quorum(deployed_at + 10) == model_dao.quorum(total, 1_000)


def test_quorum_bps__history_of_2_32_minus_1_checkpoints__newest_found(governor, as_timelock, chain):
    """With 2**32 - 2 checkpoints (count written in storage; the older ones read as older still), a
    change appends the 2**32 - 1st: it is the quorum in force, found in the search's 32 halvings,
    and the change it replaced is the one the event reports."""
    base, count_slot = _quorum_history(chain, governor)
    before = _at(chain, chain.blocks.head.timestamp + 10)
    set_storage_word(chain, governor, count_slot, CAPACITY - 2)
    set_storage_word(chain, governor, map_entry_slot(base, CAPACITY - 3), before | (2_000 << BPS_SHIFT))
    assert governor.quorum_bps() == 2_000
    chain.pending_timestamp = before + 100
    tx = governor.set_quorum_bps(1_000, sender=as_timelock)
    assert tx.decode_logs(governor.ParameterChanged)[0].previous_value == 2_000
    assert storage_word(chain, governor, count_slot) == CAPACITY - 1
    assert governor.quorum_bps() == 1_000


def test_set_quorum_bps__twice_in_one_second_at_capacity__one_checkpoint(governor, votes, as_timelock, chain):
    """The history at its capacity: 2**32 - 1 checkpoints (count written in storage; the test writes
    the ones a binary search reads, around checkpoint 2**31 + 1, in force at second t). Two changes
    in one second add one checkpoint: the second replaces the first, the history holds 2**32, the
    quorum in force is the second change's, and the quorum at t is still checkpoint 2**31 + 1's."""
    base, count_slot = _quorum_history(chain, governor)
    t = _at(chain, chain.blocks.head.timestamp + 10)
    in_force = 2**31 + 2
    reads = set()
    for count in (CAPACITY - 1, CAPACITY, CAPACITY + 1):
        reads |= {i for i in _search_reads(count, in_force) if i < CAPACITY - 1}
    after = _write_history(chain, governor, base, reads, in_force, t, 1_000, 2_000)
    set_storage_word(chain, governor, count_slot, CAPACITY - 1)
    second = t + after + 100
    chain.pending_timestamp = second
    first = governor.set_quorum_bps(3_000, sender=as_timelock)
    chain.pending_timestamp = second
    last = governor.set_quorum_bps(4_000, sender=as_timelock)
    assert (first.timestamp, last.timestamp) == (second, second)
    assert storage_word(chain, governor, count_slot) == CAPACITY
    assert governor.quorum_bps() == 4_000
    total = votes.getPastTotalSupply(t)
    assert governor.quorum(t) == model_dao.quorum(total, 1_000)


def test_quorum__after_2_32_changes__first_change_read_at_its_second(governor, votes, as_timelock, chain):
    """The history after 2**32 changes (2**32 checkpoints written in storage, the test writing the
    ones a binary search reads; the last change made for real): at the second of the first change,
    the quorum is that change's, not the constructor's."""
    base, count_slot = _quorum_history(chain, governor)
    t = _at(chain, chain.blocks.head.timestamp + 10)
    reads = [i for i in _search_reads(CAPACITY + 1, 2) if i < CAPACITY]
    after = _write_history(chain, governor, base, reads + [1], 2, t, 1_000, 2_000)
    set_storage_word(chain, governor, count_slot, CAPACITY)
    chain.pending_timestamp = t + after + 100
    governor.set_quorum_bps(3_000, sender=as_timelock)
    assert storage_word(chain, governor, count_slot) == CAPACITY + 1
    assert governor.quorum_bps() == 3_000
    total = votes.getPastTotalSupply(t)
    assert governor.quorum(t) == model_dao.quorum(total, 1_000)

"""Governor.propose: threshold or committee seat, bounded calls, one proposal per id."""

import ape
from eth_utils import keccak

from tests.governance.conftest import PENDING, THRESHOLD, VOTING_DELAY, VOTING_PERIOD


def test_propose__above_threshold__stores_snapshot_and_logs_calls(governor, make_proposal, proposer):
    """The id is OZ's hash with the proposer appended; the snapshot is creation + voting delay and
    the calls are in the event, not in storage."""
    proposal = make_proposal()
    assert proposal.id == governor.hash_proposal(*proposal.args)
    info = governor.proposal(proposal.id)
    assert info.deadline == info.snapshot + VOTING_PERIOD
    assert (info.for_votes, info.against_votes, info.eta, info.canceled, info.executed) == (
        0,
        0,
        0,
        False,
        False,
    )
    assert governor.state(proposal.id) == PENDING
    log = proposal.receipt.decode_logs(governor.ProposalCreated)[0]
    assert (log.proposal_id, log.proposer, log.snapshot) == (proposal.id, proposer.address, info.snapshot)
    assert (log.targets, log.values, log.calldatas) == (proposal.targets, proposal.values, proposal.calldatas)
    assert log.description == proposal.description
    assert info.snapshot == proposal.receipt.timestamp + VOTING_DELAY


def test_propose__power_exactly_threshold__allowed(governor, votes, owner, stranger, make_proposal, chain):
    """Power equal to the threshold one second before is enough."""
    votes.set_votes(stranger, THRESHOLD, sender=owner)
    chain.mine(deltatime=1)
    assert make_proposal(sender=stranger).id != 0


def test_propose__power_below_threshold__reverts(governor, votes, owner, stranger, chain):
    """One wei under the threshold, and not a member: refused."""
    votes.set_votes(stranger, THRESHOLD - 1, sender=owner)
    chain.mine(deltatime=1)
    with ape.reverts("governor: proposer below threshold"):
        governor.propose([governor.address], [0], [b""], "x", sender=stranger)


def test_attack__power_gained_in_the_same_second__cannot_propose(governor, votes, owner, stranger, chain):
    """Power read is one second old: power staked (or flash-borrowed) in the proposing block does
    not count."""
    second = chain.pending_timestamp + 10
    chain.pending_timestamp = second
    votes.set_votes(stranger, 10 * THRESHOLD, sender=owner)
    # The proposal lands in a block of the same second.
    chain.pending_timestamp = second
    with ape.reverts("governor: proposer below threshold"):
        governor.propose([governor.address], [0], [b""], "x", sender=stranger)


def test_propose__committee_member_without_power__allowed(governor, member, make_proposal):
    """A committee member proposes without any power."""
    assert make_proposal(sender=member).proposer == member.address


def test_propose__no_calls__reverts(governor, proposer):
    with ape.reverts("governor: empty proposal"):
        governor.propose([], [], [], "nothing", sender=proposer)


def test_propose__lengths_differ__reverts(governor, proposer):
    with ape.reverts("governor: length mismatch"):
        governor.propose([governor.address], [0, 0], [b""], "x", sender=proposer)
    with ape.reverts("governor: length mismatch"):
        governor.propose([governor.address], [0], [b"", b""], "x", sender=proposer)


def test_propose__same_calls_description_and_proposer__reverts(governor, make_proposal):
    """The id covers calls, description and proposer: the same triple cannot be proposed twice."""
    make_proposal()
    with ape.reverts("governor: proposal exists"):
        make_proposal()


def test_propose__same_calls_other_proposer__distinct_id(governor, make_proposal, member):
    """Two proposers with the same calls and description get two proposals."""
    assert make_proposal().id != make_proposal(sender=member).id


def test_propose__more_than_max_calls__reverts(governor, proposer):
    """MAX_CALLS bounds the list (the ABI decoder rejects an eleventh call)."""
    assert governor.MAX_CALLS() == 10
    with ape.reverts():
        governor.propose([governor.address] * 11, [0] * 11, [b""] * 11, "x", sender=proposer)


def test_hash_proposal__description_hash__matches_keccak(governor, proposer):
    """hash_proposal takes keccak256(description), as queue/execute/cancel do."""
    a = governor.hash_proposal([governor.address], [0], [b""], keccak(text="a"), proposer)
    b = governor.hash_proposal([governor.address], [0], [b""], keccak(text="b"), proposer)
    assert a != b

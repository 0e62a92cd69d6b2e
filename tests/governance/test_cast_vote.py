"""Governor.castVote: power at the snapshot, once per account, only while active."""

import ape

from tests.governance.conftest import (
    AGAINST,
    FOR,
    OPPONENT_POWER,
    VOTER_POWER,
    VOTING_DELAY,
    VOTING_PERIOD,
)

MAX_TALLY = 2**96 - 1


def _open(governor, make_proposal, chain):
    proposal = make_proposal()
    snapshot = governor.proposal(proposal.id).snapshot
    chain.pending_timestamp = snapshot + 1
    return proposal, snapshot


def test_cast_vote__for_and_against__tallies_and_receipts(governor, make_proposal, voter, opponent, chain):
    """Each vote adds the voter's snapshot power to its side and leaves a receipt."""
    proposal, _ = _open(governor, make_proposal, chain)
    governor.castVote(proposal.id, FOR, sender=voter)
    tx = governor.castVote(proposal.id, AGAINST, sender=opponent)
    info = governor.proposal(proposal.id)
    assert (info.for_votes, info.against_votes) == (VOTER_POWER, OPPONENT_POWER)
    assert governor.receipt(proposal.id, voter) == (True, FOR, VOTER_POWER)
    assert governor.receipt(proposal.id, opponent) == (True, AGAINST, OPPONENT_POWER)
    assert governor.hasVoted(proposal.id, voter) and not governor.hasVoted(proposal.id, governor)
    log = tx.decode_logs(governor.VoteCast)[0]
    assert (log.voter, log.support, log.weight) == (opponent.address, AGAINST, OPPONENT_POWER)


def test_cast_vote__twice__reverts(governor, make_proposal, voter, chain):
    """An account votes at most once per proposal, whichever side."""
    proposal, _ = _open(governor, make_proposal, chain)
    governor.castVote(proposal.id, FOR, sender=voter)
    with ape.reverts("governor: already voted"):
        governor.castVote(proposal.id, AGAINST, sender=voter)


def test_cast_vote__at_snapshot_second__reverts(governor, make_proposal, voter, chain):
    """Voting opens at snapshot + 1: at the snapshot second the power is not final yet."""
    proposal = make_proposal()
    chain.pending_timestamp = governor.proposal(proposal.id).snapshot
    with ape.reverts("governor: voting not open"):
        governor.castVote(proposal.id, FOR, sender=voter)


def test_cast_vote__at_deadline__counts_and_after__reverts(governor, make_proposal, voter, opponent, chain):
    """The deadline second is the last one that counts."""
    proposal = make_proposal()
    deadline = governor.proposal(proposal.id).deadline
    chain.pending_timestamp = deadline
    governor.castVote(proposal.id, FOR, sender=voter)
    chain.pending_timestamp = deadline + 1
    with ape.reverts("governor: voting closed"):
        governor.castVote(proposal.id, AGAINST, sender=opponent)


def test_cast_vote__unknown_proposal__reverts(governor, voter):
    with ape.reverts("governor: unknown proposal"):
        governor.castVote(1234, FOR, sender=voter)


def test_cast_vote__support_two__reverts(governor, make_proposal, voter, chain):
    """No abstain: support is 0 (against) or 1 (for)."""
    proposal, _ = _open(governor, make_proposal, chain)
    with ape.reverts("governor: invalid support"):
        governor.castVote(proposal.id, 2, sender=voter)


def test_cast_vote__canceled_proposal__reverts(governor, make_proposal, proposer, voter, chain):
    proposal, _ = _open(governor, make_proposal, chain)
    governor.cancel(*proposal.args, sender=proposer)
    with ape.reverts("governor: proposal canceled"):
        governor.castVote(proposal.id, FOR, sender=voter)


def test_cast_vote__no_power_at_snapshot__reverts(governor, make_proposal, stranger, chain):
    proposal, _ = _open(governor, make_proposal, chain)
    with ape.reverts("governor: no voting power"):
        governor.castVote(proposal.id, FOR, sender=stranger)


def test_attack__power_gained_after_snapshot__counts_nothing(
    governor, votes, owner, make_proposal, stranger, voter, chain
):
    """Beanstalk: power staked (or flash-borrowed) after the snapshot never counts, and power
    dropped after it still does."""
    proposal, snapshot = _open(governor, make_proposal, chain)
    votes.set_votes(stranger, 10**30, sender=owner)
    votes.set_votes(voter, 0, sender=owner)
    with ape.reverts("governor: no voting power"):
        governor.castVote(proposal.id, FOR, sender=stranger)
    assert governor.castVote(proposal.id, FOR, sender=voter).return_value == VOTER_POWER


def test_cast_vote__tally_beyond_96_bits__reverts(
    governor, votes, owner, make_proposal, stranger, voter, opponent, chain
):
    """Each tally holds 96 bits: a vote that would overflow either side reverts."""
    votes.set_votes(stranger, MAX_TALLY, sender=owner)
    chain.mine(deltatime=1)
    proposal = make_proposal()
    chain.pending_timestamp = governor.proposal(proposal.id).snapshot + 1
    governor.castVote(proposal.id, FOR, sender=stranger)
    with ape.reverts("governor: tally overflow"):
        governor.castVote(proposal.id, FOR, sender=voter)
    other = make_proposal(description="other")
    chain.pending_timestamp = governor.proposal(other.id).snapshot + 1
    governor.castVote(other.id, AGAINST, sender=stranger)
    with ape.reverts("governor: tally overflow"):
        governor.castVote(other.id, AGAINST, sender=opponent)
    assert VOTING_DELAY + VOTING_PERIOD > 0

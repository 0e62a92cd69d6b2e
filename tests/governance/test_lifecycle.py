"""The full lifecycle: propose, vote, queue, execute through the timelock."""

from tests.governance.conftest import (
    ACTIVE,
    EXECUTED,
    FOR,
    PENDING,
    QUEUED,
    SUCCEEDED,
    TIMELOCK_DELAY,
    VOTER_POWER,
    VOTING_DELAY,
    VOTING_PERIOD,
)


def test_lifecycle__passed_proposal__timelock_runs_the_call(governor, make_proposal, voter, stranger, chain):
    """A proposal moves pending -> active -> succeeded -> queued -> executed, and its call
    (set_voting_delay) runs from the timelock."""
    proposal = make_proposal()
    assert governor.state(proposal.id) == PENDING
    chain.pending_timestamp += VOTING_DELAY + 1
    chain.mine()
    assert governor.state(proposal.id) == ACTIVE
    assert governor.castVote(proposal.id, FOR, sender=voter).return_value == VOTER_POWER
    chain.pending_timestamp += VOTING_PERIOD
    chain.mine()
    assert governor.state(proposal.id) == SUCCEEDED
    governor.queue(*proposal.args, sender=stranger)
    assert governor.state(proposal.id) == QUEUED
    chain.pending_timestamp += TIMELOCK_DELAY
    governor.execute(*proposal.args, sender=stranger)
    assert governor.state(proposal.id) == EXECUTED
    assert governor.voting_delay() == 7_200

"""Governor.cancel: the proposer before voting ends; the committee as guardian, never for its
own removal; nobody else."""

import ape

from tests.governance.conftest import CANCELED, DEFEATED, EXECUTED, FOR


def test_cancel__proposer_while_pending__canceled(governor, make_proposal, proposer):
    proposal = make_proposal()
    tx = governor.cancel(*proposal.args, sender=proposer)
    assert governor.state(proposal.id) == CANCELED
    assert tx.decode_logs(governor.ProposalCanceled)[0].canceler == proposer.address


def test_cancel__proposer_while_active__canceled(governor, make_proposal, proposer, chain):
    proposal = make_proposal()
    chain.pending_timestamp = governor.proposal(proposal.id).deadline
    governor.cancel(*proposal.args, sender=proposer)
    assert governor.state(proposal.id) == CANCELED


def test_cancel__proposer_after_voting__reverts(governor, passed, proposer):
    """Once voting has ended the proposer (not a member) can no longer cancel."""
    proposal = passed()
    with ape.reverts("governor: too late to cancel"):
        governor.cancel(*proposal.args, sender=proposer)


def test_cancel__stranger__reverts(governor, make_proposal, stranger):
    proposal = make_proposal()
    with ape.reverts("governor: caller cannot cancel"):
        governor.cancel(*proposal.args, sender=stranger)


def test_cancel__member_on_queued__cancels_timelock_operation(
    governor, timelock, queued, member, stranger, chain
):
    """The guardian cancels a queued proposal: the timelock operation is gone, execution fails."""
    proposal, eta = queued()
    tx = governor.cancel(*proposal.args, sender=member)
    assert governor.state(proposal.id) == CANCELED
    assert len(tx.decode_logs(timelock.Cancelled)) == 1
    chain.pending_timestamp = eta
    with ape.reverts("governor: proposal not queued"):
        governor.execute(*proposal.args, sender=stranger)


def test_cancel__member_on_active__canceled(governor, make_proposal, member, chain):
    """The guardian may also stop a proposal while it is pending or active."""
    proposal = make_proposal()
    chain.pending_timestamp = governor.proposal(proposal.id).snapshot + 1
    governor.cancel(*proposal.args, sender=member)
    assert governor.state(proposal.id) == CANCELED


def test_cancel__member_on_defeated__reverts(governor, make_proposal, member, chain):
    proposal = make_proposal()
    chain.pending_timestamp = governor.proposal(proposal.id).deadline + 1
    chain.mine()
    assert governor.state(proposal.id) == DEFEATED
    with ape.reverts("governor: too late to cancel"):
        governor.cancel(*proposal.args, sender=member)


def test_cancel__member_on_executed__reverts(governor, queued, member, stranger, chain):
    proposal, eta = queued()
    chain.pending_timestamp = eta
    governor.execute(*proposal.args, sender=stranger)
    assert governor.state(proposal.id) == EXECUTED
    with ape.reverts("governor: too late to cancel"):
        governor.cancel(*proposal.args, sender=member)


def test_attack__committee_cancels_its_own_removal__reverts(governor, queued, member, stranger, chain):
    """A proposal that removes a committee member cannot be vetoed by the committee; it runs."""
    call = (governor.address, governor.remove_member.encode_input(member))
    proposal, eta = queued(calls=[call], description="remove the member")
    with ape.reverts("governor: committee cannot cancel its removal"):
        governor.cancel(*proposal.args, sender=member)
    chain.pending_timestamp = eta
    governor.execute(*proposal.args, sender=stranger)
    assert not governor.is_member(member)


def test_attack__committee_queues_or_executes__reverts(governor, make_proposal, member, voter, chain):
    """A member has no power to move a proposal on: queue and execute follow the phases only."""
    proposal = make_proposal(sender=member)
    chain.pending_timestamp = governor.proposal(proposal.id).snapshot + 1
    governor.castVote(proposal.id, FOR, sender=voter)
    with ape.reverts("governor: proposal not successful"):
        governor.queue(*proposal.args, sender=member)
    with ape.reverts("governor: proposal not queued"):
        governor.execute(*proposal.args, sender=member)
    with ape.reverts("governor: caller is not the timelock"):
        governor.set_quorum_bps(100, sender=member)

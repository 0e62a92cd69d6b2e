"""Governor.queue and Governor.execute: only succeeded proposals, never before the timelock's
delay nor after the grace period; the timelock obeys the Governor alone."""

import ape

from fivefold.governance import model_dao
from tests.governance.conftest import (
    ACTIVE,
    AGAINST,
    DEFEATED,
    EXECUTED,
    EXPIRED,
    FOR,
    GRACE_PERIOD,
    OPPONENT_POWER,
    PROPOSER_POWER,
    QUEUED,
    QUORUM_BPS,
    SUCCEEDED,
    TIMELOCK_DELAY,
    VOTER_POWER,
    VOTING_PERIOD,
)


def test_queue__succeeded__schedules_each_call_with_eta_and_expiry(governor, timelock, queued):
    """Queue stores eta = now + timelock delay and expiry = eta + grace; each call is a timelock
    operation waiting until eta."""
    proposal, eta = queued()
    info = governor.proposal(proposal.id)
    assert (info.eta, info.expiry) == (eta, eta + GRACE_PERIOD)
    assert governor.state(proposal.id) == QUEUED
    assert proposal.receipt.decode_logs(timelock.CallScheduled)[0].delay == TIMELOCK_DELAY
    log = proposal.receipt.decode_logs(governor.ProposalQueued)[0]
    assert (log.eta, log.expiry) == (eta, eta + GRACE_PERIOD)


def test_queue__still_active__reverts(governor, make_proposal, voter, stranger, chain):
    proposal = make_proposal()
    chain.pending_timestamp = governor.proposal(proposal.id).snapshot + 1
    governor.castVote(proposal.id, FOR, sender=voter)
    assert governor.state(proposal.id) == ACTIVE
    with ape.reverts("governor: proposal not successful"):
        governor.queue(*proposal.args, sender=stranger)


def test_queue__tie__defeated(governor, votes, owner, make_proposal, voter, opponent, stranger, chain):
    """for == against is not a majority."""
    votes.set_votes(opponent, votes.getVotes(voter), sender=owner)
    chain.mine(deltatime=1)
    proposal = make_proposal()
    chain.pending_timestamp = governor.proposal(proposal.id).snapshot + 1
    governor.castVote(proposal.id, FOR, sender=voter)
    governor.castVote(proposal.id, AGAINST, sender=opponent)
    chain.pending_timestamp = governor.proposal(proposal.id).deadline + 1
    chain.mine()
    assert governor.state(proposal.id) == DEFEATED
    with ape.reverts("governor: proposal not successful"):
        governor.queue(*proposal.args, sender=stranger)


def test_queue__quorum_edge__one_wei_decides(governor, votes, owner, make_proposal, member, stranger, chain):
    """Quorum = ceil(total * bps / 10_000) at the snapshot: a lone voter holding exactly the
    quorum succeeds, one wei less is defeated."""
    others = PROPOSER_POWER + VOTER_POWER + OPPONENT_POWER

    def quorum(weight):
        return model_dao.quorum(others + weight, QUORUM_BPS)

    weight = quorum(0)
    while weight < quorum(weight):
        weight = quorum(weight)
    for power, expected in ((weight, SUCCEEDED), (weight - 1, DEFEATED)):
        votes.set_votes(stranger, power, sender=owner)
        chain.mine(deltatime=1)
        proposal = make_proposal(sender=member, description=f"edge {power}")
        snapshot = governor.proposal(proposal.id).snapshot
        chain.pending_timestamp = snapshot + 1
        governor.castVote(proposal.id, FOR, sender=stranger)
        chain.pending_timestamp = snapshot + VOTING_PERIOD + 1
        chain.mine()
        assert governor.quorum(snapshot) == quorum(power)
        assert governor.state(proposal.id) == expected


def test_execute__at_eta__runs_the_calls(governor, queued, stranger, chain):
    """At eta exactly the calls run from the timelock."""
    proposal, eta = queued()
    chain.pending_timestamp = eta
    governor.execute(*proposal.args, sender=stranger)
    assert governor.state(proposal.id) == EXECUTED
    assert governor.voting_delay() == 7_200
    with ape.reverts("governor: proposal not queued"):
        governor.execute(*proposal.args, sender=stranger)


def test_execute__before_eta__reverts(governor, queued, stranger, chain):
    """Nothing executes before the timelock's delay."""
    proposal, eta = queued()
    chain.pending_timestamp = eta - 1
    with ape.reverts("governor: timelock delay not passed"):
        governor.execute(*proposal.args, sender=stranger)


def test_execute__after_expiry__reverts(governor, queued, stranger, chain):
    """Nothing executes after eta + grace period; the phase is expired."""
    proposal, eta = queued()
    chain.pending_timestamp = eta + GRACE_PERIOD + 1
    chain.mine()
    assert governor.state(proposal.id) == EXPIRED
    with ape.reverts("governor: proposal expired"):
        governor.execute(*proposal.args, sender=stranger)


def test_execute__at_expiry__runs(governor, queued, stranger, chain):
    """The expiry second is the last one allowed."""
    proposal, eta = queued()
    chain.pending_timestamp = eta + GRACE_PERIOD
    governor.execute(*proposal.args, sender=stranger)
    assert governor.state(proposal.id) == EXECUTED


def test_execute__not_queued__reverts(governor, passed, stranger):
    proposal = passed()
    with ape.reverts("governor: proposal not queued"):
        governor.execute(*proposal.args, sender=stranger)


def test_execute__failing_call__bubbles_reason_and_stays_queued(governor, queued, stranger, chain):
    """A call that reverts reverts the whole execution with its reason."""
    proposal, eta = queued(
        calls=[(governor.address, governor.set_voting_delay.encode_input(0))], description="bad"
    )
    chain.pending_timestamp = eta
    with ape.reverts("governor: voting delay out of bounds"):
        governor.execute(*proposal.args, sender=stranger)
    assert governor.state(proposal.id) == QUEUED


def test_attack__eoa_calls_timelock_directly__missing_role(
    timelock, governor, queued, member, stranger, chain
):
    """Neither a stranger nor a committee member can schedule, execute or cancel in the timelock,
    even an operation the Governor queued and whose delay has passed; after expiry the Governor
    refuses too, so an expired operation never runs."""
    proposal, eta = queued()
    chain.pending_timestamp = eta + GRACE_PERIOD + 1
    chain.mine()
    salt = _salt(proposal.id, 0)
    target, payload = proposal.targets[0], proposal.calldatas[0]
    op = timelock.hash_operation(target, 0, payload, b"\x00" * 32, salt)
    assert timelock.is_operation_ready(op)
    for account in (stranger, member):
        with ape.reverts("access_control: account is missing role"):
            timelock.execute(target, 0, payload, b"\x00" * 32, salt, sender=account)
        with ape.reverts("access_control: account is missing role"):
            timelock.schedule(target, 0, payload, b"\x00" * 32, b"\x01" * 32, TIMELOCK_DELAY, sender=account)
        with ape.reverts("access_control: account is missing role"):
            timelock.cancel(op, sender=account)
    with ape.reverts("governor: proposal expired"):
        governor.execute(*proposal.args, sender=stranger)


def _salt(proposal_id: int, index: int) -> bytes:
    from eth_abi import encode
    from eth_utils import keccak

    return keccak(encode(["uint256", "uint256"], [proposal_id, index]))


def test_execute__call_with_value__timelock_pays_what_was_sent(governor, timelock, queued, stranger, chain):
    """Native coin sent with `execute` reaches the timelock, which pays the call's value."""
    payee = "0x000000000000000000000000000000000000dEaD"
    before = chain.provider.get_balance(payee)
    proposal, eta = queued(calls=[(payee, b"")], description="pay", value=10**18)
    chain.pending_timestamp = eta
    governor.execute(*proposal.args, sender=stranger, value=10**18)
    assert chain.provider.get_balance(payee) == before + 10**18
    assert chain.provider.get_balance(timelock.address) == 10**18  # the fixture's funding only
    assert governor.state(proposal.id) == EXECUTED

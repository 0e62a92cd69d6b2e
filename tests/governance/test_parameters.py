"""Governor parameters: only the timelock sets them (the parameter registry once named), each within
constant bounds; the quorum in force at a proposal's snapshot is the one that judges it."""

import ape
import pytest

from tests.governance.conftest import (
    DEFEATED,
    FOR,
    GRACE_PERIOD,
    QUORUM_BPS,
    SUCCEEDED,
    THRESHOLD,
    VOTING_DELAY,
    VOTING_PERIOD,
)

DAY = 86_400
ZERO = "0x0000000000000000000000000000000000000000"
# setter, getter, lower bound, upper bound, revert reason
PARAMETERS = [
    ("set_voting_delay", "voting_delay", 1, 14 * DAY, "governor: voting delay out of bounds"),
    ("set_voting_period", "voting_period", 3_600, 30 * DAY, "governor: voting period out of bounds"),
    ("set_proposal_threshold", "proposal_threshold", 1, 2**96 - 1, "governor: threshold out of bounds"),
    ("set_quorum_bps", "quorum_bps", 100, 5_000, "governor: quorum out of bounds"),
    ("set_grace_period", "grace_period", DAY, 30 * DAY, "governor: grace period out of bounds"),
]


@pytest.mark.parametrize("setter,getter,low,high,reason", PARAMETERS, ids=[p[0] for p in PARAMETERS])
def test_set_parameter__bounds__inside_set_outside_reverts(
    governor, as_timelock, setter, getter, low, high, reason
):
    """Both bounds are accepted, one beyond either is refused; the others stay untouched."""
    before = {p[1]: getattr(governor, p[1])() for p in PARAMETERS}
    with ape.reverts(reason):
        getattr(governor, setter)(low - 1, sender=as_timelock)
    with ape.reverts(reason):
        getattr(governor, setter)(high + 1, sender=as_timelock)
    getattr(governor, setter)(high, sender=as_timelock)
    assert getattr(governor, getter)() == high
    tx = getattr(governor, setter)(low, sender=as_timelock)
    assert getattr(governor, getter)() == low
    assert {k: v for k, v in before.items() if k != getter} == {
        p[1]: getattr(governor, p[1])() for p in PARAMETERS if p[1] != getter
    }
    log = tx.decode_logs(governor.ParameterChanged)[0]
    assert (log.name, log.previous_value, log.new_value) == (getter, high, low)


@pytest.mark.parametrize("setter", [p[0] for p in PARAMETERS])
def test_set_parameter__not_timelock__reverts(governor, member, setter):
    """Not even a committee member sets a parameter."""
    with ape.reverts("governor: caller is not the timelock"):
        getattr(governor, setter)(1_000, sender=member)


def test_parameters__constructor__as_given(governor, votes, timelock):
    assert (governor.voting_delay(), governor.voting_period(), governor.proposal_threshold()) == (
        VOTING_DELAY,
        VOTING_PERIOD,
        THRESHOLD,
    )
    assert (governor.quorum_bps(), governor.grace_period()) == (QUORUM_BPS, GRACE_PERIOD)
    assert (governor.votes(), governor.timelock()) == (votes.address, timelock.address)


def test_set_quorum_bps__during_a_vote__applies_from_now(
    governor, as_timelock, make_proposal, proposer, chain
):
    """A quorum raised after a proposal's snapshot does not judge it; one raised before does."""
    proposal = make_proposal()
    snapshot = governor.proposal(proposal.id).snapshot
    chain.pending_timestamp = snapshot + 1
    governor.castVote(proposal.id, FOR, sender=proposer)
    governor.set_quorum_bps(5_000, sender=as_timelock)
    later = make_proposal(description="later")
    chain.pending_timestamp = governor.proposal(later.id).snapshot + 1
    governor.castVote(later.id, FOR, sender=proposer)
    chain.pending_timestamp = governor.proposal(later.id).deadline + 1
    chain.mine()
    # 2,000 of 17,000 votes: above 4%, below 50%.
    assert governor.state(proposal.id) == SUCCEEDED
    assert governor.state(later.id) == DEFEATED


@pytest.mark.parametrize(
    "index,value,reason",
    [
        (2, 0, "governor: voting delay out of bounds"),
        (3, 30 * DAY + 1, "governor: voting period out of bounds"),
        (4, 0, "governor: threshold out of bounds"),
        (5, 99, "governor: quorum out of bounds"),
        (6, 30 * DAY + 1, "governor: grace period out of bounds"),
    ],
)
def test_constructor__parameter_out_of_bounds__reverts(
    project, deployer, votes, timelock, index, value, reason
):
    args = [votes, timelock, VOTING_DELAY, VOTING_PERIOD, THRESHOLD, QUORUM_BPS, GRACE_PERIOD, ZERO]
    args[index] = value
    with ape.reverts(reason):
        project.Governor.deploy(*args, sender=deployer)


def test_constructor__zero_addresses__revert(project, deployer, votes, timelock):
    zero = "0x0000000000000000000000000000000000000000"
    params = [VOTING_DELAY, VOTING_PERIOD, THRESHOLD, QUORUM_BPS, GRACE_PERIOD, zero]
    with ape.reverts("governor: zero votes source"):
        project.Governor.deploy(zero, timelock, *params, sender=deployer)
    with ape.reverts("governor: zero timelock"):
        project.Governor.deploy(votes, zero, *params, sender=deployer)


def test_proposal__unknown__reverts(governor):
    with ape.reverts("governor: unknown proposal"):
        governor.proposal(42)
    with ape.reverts("governor: unknown proposal"):
        governor.state(42)


def test_set_parameter_registry__named__registry_alone_writes(governor, as_timelock, votes, accounts):
    """Once the timelock names the registry (a contract), a proposal calling a setter directly is
    refused: only the registry, which checks its own bounds, writes."""
    governor.set_parameter_registry(votes, sender=as_timelock)
    assert governor.parameter_registry() == votes.address
    with ape.reverts("governor: caller is not the parameter registry"):
        governor.set_voting_delay(2 * VOTING_DELAY, sender=as_timelock)
    governor.set_voting_delay(2 * VOTING_DELAY, sender=accounts[votes.address])
    assert governor.voting_delay() == 2 * VOTING_DELAY


def test_set_parameter_registry__an_account__reverts(governor, as_timelock, stranger):
    with ape.reverts("governor: registry is not a contract"):
        governor.set_parameter_registry(stranger, sender=as_timelock)


def test_set_parameter_registry__not_timelock__reverts(governor, votes, stranger):
    with ape.reverts("governor: caller is not the timelock"):
        governor.set_parameter_registry(votes, sender=stranger)

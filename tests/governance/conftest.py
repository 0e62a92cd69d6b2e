"""Governance (DAO side) fixtures: a votes source, the timelock and the Governor wired to it.

Deployments are module-scoped: ape snapshots each fixture scope and reverts every test to it.
Every Governor test reads its voting power from the one `votes` fixture: today the MockVotes
test double, tomorrow the real Staking (a one-line change here).
"""

from dataclasses import dataclass

import pytest
from eth_utils import keccak

from fivefold.units import DAY, to_wei

VOTING_DELAY = 3_600
VOTING_PERIOD = 3 * DAY
THRESHOLD = to_wei(1_000)
QUORUM_BPS = 400
GRACE_PERIOD = 7 * DAY
TIMELOCK_DELAY = 2 * DAY

PROPOSER_POWER = to_wei(2_000)
VOTER_POWER = to_wei(10_000)
OPPONENT_POWER = to_wei(5_000)

# Phases, as Governor.state returns them.
PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXPIRED, EXECUTED = range(8)
AGAINST, FOR = 0, 1


@pytest.fixture(scope="module")
def proposer(accounts):
    """Holds power above the proposal threshold."""
    return accounts[4]


@pytest.fixture(scope="module")
def voter(accounts):
    """Holds the largest power; votes for."""
    return accounts[5]


@pytest.fixture(scope="module")
def opponent(accounts):
    """Votes against."""
    return accounts[6]


@pytest.fixture(scope="module")
def member(accounts):
    """A committee member with no voting power."""
    return accounts[8]


@pytest.fixture(scope="module")
def bootstrap(accounts):
    """The deploy's one-time timelock account."""
    return accounts[9]


@pytest.fixture(scope="module")
def votes(project, owner, proposer, voter, opponent, chain):
    """The votes source the Governor reads (MockVotes until Staking lands), with power set one
    hour in the past so that every read of `now - 1` sees it."""
    source = project.MockVotes.deploy(sender=owner)
    source.set_votes(proposer, PROPOSER_POWER, sender=owner)
    source.set_votes(voter, VOTER_POWER, sender=owner)
    source.set_votes(opponent, OPPONENT_POWER, sender=owner)
    chain.mine(deltatime=3_600)
    return source


@pytest.fixture(scope="module")
def deploy_dao(project, deployer, votes):
    """Deploys a Timelock and its Governor (whose address the timelock is given in advance)."""

    def deploy(delay=TIMELOCK_DELAY, bootstrap_account=None):
        nonce = deployer.nonce
        predicted = deployer.get_deployment_address(nonce + 1)
        zero = "0x0000000000000000000000000000000000000000"
        timelock = project.Timelock.deploy(delay, predicted, bootstrap_account or zero, sender=deployer)
        governor = project.Governor.deploy(
            votes, timelock, VOTING_DELAY, VOTING_PERIOD, THRESHOLD, QUORUM_BPS, GRACE_PERIOD, zero,
            sender=deployer,
        )
        assert governor.address == predicted
        return timelock, governor

    return deploy


@pytest.fixture(scope="module")
def dao(deploy_dao):
    return deploy_dao()


@pytest.fixture(scope="module")
def timelock(dao):
    return dao[0]


@pytest.fixture(scope="module")
def governor(dao, member, accounts, chain):
    """The Governor with `member` on its committee (added as the timelock would)."""
    timelock, governor = dao
    chain.set_balance(timelock.address, 10**18)
    governor.add_member(member, sender=accounts[timelock.address])
    return governor


@pytest.fixture(scope="module")
def as_timelock(accounts, timelock):
    """The timelock as a sender (impersonated): what an executed proposal does."""
    return accounts[timelock.address]


@dataclass
class Proposal:
    """A proposal's calls as the Governor hashes them."""

    targets: list
    values: list
    calldatas: list
    description: str
    proposer: str
    id: int = 0
    receipt: object = None  # the propose transaction (then the queue one, once queued)

    @property
    def description_hash(self) -> bytes:
        return keccak(text=self.description)

    @property
    def args(self) -> tuple:
        """(targets, values, calldatas, description hash, proposer): queue/execute/cancel's."""
        return (self.targets, self.values, self.calldatas, self.description_hash, self.proposer)


@pytest.fixture(scope="module")
def make_proposal(governor, proposer):
    """`make_proposal(calls=[(target, calldata)], description=..., sender=...)` proposes and
    returns the Proposal; by default one call: the Governor's `set_voting_delay(7200)`."""

    def make(calls=None, description="set the voting delay to two hours", sender=None, value=0):
        sender = sender or proposer
        if calls is None:
            calls = [(governor.address, governor.set_voting_delay.encode_input(7_200))]
        proposal = Proposal(
            [t for t, _ in calls],
            [value] * len(calls),
            [bytes(c) for _, c in calls],
            description,
            sender.address,
        )
        receipt = governor.propose(
            proposal.targets, proposal.values, proposal.calldatas, description, sender=sender
        )
        proposal.id = receipt.return_value
        proposal.receipt = receipt
        return proposal

    return make


@pytest.fixture(scope="module")
def passed(governor, make_proposal, voter, chain):
    """A proposal that succeeded (voter for, voting period over), not queued yet."""

    def make(**kwargs):
        proposal = make_proposal(**kwargs)
        chain.pending_timestamp += VOTING_DELAY + 1
        governor.castVote(proposal.id, FOR, sender=voter)
        chain.pending_timestamp += VOTING_PERIOD
        chain.mine()
        return proposal

    return make


@pytest.fixture(scope="module")
def queued(governor, passed, stranger):
    """A succeeded proposal queued by a stranger; returns (proposal, eta)."""

    def make(**kwargs):
        proposal = passed(**kwargs)
        proposal.receipt = governor.queue(*proposal.args, sender=stranger)
        return proposal, proposal.receipt.timestamp + TIMELOCK_DELAY

    return make

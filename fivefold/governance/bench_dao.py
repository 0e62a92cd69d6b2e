"""Gas of the DAO's hot paths: propose, vote, queue, execute (see fivefold/gas.py).

Measured against the MockVotes test double (contracts/mocks/MockVotes.vy: one checkpoint per
account, binary-searched) until Staking is the votes source; the lead merges these keys with the
staking helper's bench.py. Timings: voting delay 1 hour, voting period 3 days, timelock delay
2 days, grace period 7 days; the proposal is one call (the Governor's `set_voting_delay`,
36 bytes of calldata) with a 33-byte description.
"""

from eth_utils import keccak

from fivefold.gas import Bench, operation

DAY = 86_400
WAD = 10**18
VOTING_DELAY = 3_600
VOTING_PERIOD = 3 * DAY
TIMELOCK_DELAY = 2 * DAY
DESCRIPTION = "set the voting delay to two hours"
ZERO = "0x0000000000000000000000000000000000000000"


def _dao(b: Bench):
    """MockVotes (user 0: 2,000 votes, user 1: 10,000), a Timelock and its Governor (threshold
    1,000 votes, quorum 4%), power set an hour before the measurement."""
    votes = b.project.MockVotes.deploy(sender=b.owner)
    votes.set_votes(b.user(0), 2_000 * WAD, sender=b.owner)
    votes.set_votes(b.user(1), 10_000 * WAD, sender=b.owner)
    predicted = b.deployer.get_deployment_address(b.deployer.nonce + 1)
    timelock = b.project.Timelock.deploy(TIMELOCK_DELAY, predicted, ZERO, sender=b.deployer)
    governor = b.project.Governor.deploy(
        votes, timelock, VOTING_DELAY, VOTING_PERIOD, 1_000 * WAD, 400, 7 * DAY, sender=b.deployer
    )
    b.chain.pending_timestamp += 3_600
    return governor


def _calls(governor):
    return [governor.address], [0], [bytes(governor.set_voting_delay.encode_input(7_200))]


def _propose(b: Bench, governor):
    targets, values, calldatas = _calls(governor)
    return governor.propose(targets, values, calldatas, DESCRIPTION, sender=b.user(0))


def _voted(b: Bench):
    """A proposal voted for by user 1, its voting period over; returns (governor, queue args)."""
    governor = _dao(b)
    proposal_id = _propose(b, governor).return_value
    b.chain.pending_timestamp += VOTING_DELAY + 1
    governor.castVote(proposal_id, 1, sender=b.user(1))
    b.chain.pending_timestamp += VOTING_PERIOD
    return governor, (*_calls(governor), keccak(text=DESCRIPTION), b.user(0).address)


@operation(
    "dao.propose",
    "one call (36 bytes), 33-byte description; proposer above the threshold (checked: one "
    "getPastVotes on MockVotes, one checkpoint), not a committee member",
    target=75_000,
)
def propose(b: Bench):
    return _propose(b, _dao(b))


@operation(
    "dao.vote",
    "castVote(for): the first vote on the proposal, voter's first vote ever (one getPastVotes on "
    "MockVotes, one checkpoint)",
    target=65_000,
)
def vote(b: Bench):
    governor = _dao(b)
    proposal_id = _propose(b, governor).return_value
    b.chain.pending_timestamp += VOTING_DELAY + 1
    return governor.castVote(proposal_id, 1, sender=b.user(1))


@operation(
    "dao.queue",
    "a succeeded one-call proposal scheduled in the Timelock (quorum read: getPastTotalSupply on "
    "MockVotes), by a third party",
)
def queue(b: Bench):
    governor, args = _voted(b)
    return governor.queue(*args, sender=b.user(2))


@operation(
    "dao.execute",
    "a queued one-call proposal (set_voting_delay on the Governor) executed through the Timelock "
    "at its eta, by a third party",
)
def execute(b: Bench):
    governor, args = _voted(b)
    governor.queue(*args, sender=b.user(2))
    b.chain.pending_timestamp += TIMELOCK_DELAY
    return governor.execute(*args, sender=b.user(2))

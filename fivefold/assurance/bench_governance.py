"""Governor rows: the suite's Governor with Staking as its votes source (fivefold/governance/bench.py's
`dao.propose` and `dao.vote`) beside OpenZeppelin's Governor (Settings, CountingSimple, Votes,
VotesQuorumFraction, TimelockControl; bench/references/BenchGovernor.sol) with an ERC20Votes token
(timestamp clock, bench/references/BenchVotesToken.sol) and a TimelockController.

The same DAO on both sides: voting delay 1 hour, voting period 3 days, timelock delay 2 days,
proposal threshold 1,000 votes, quorum 4%; user 0 has 2,000 votes and user 1 10,000, acquired an
hour before the measurement (the suite: staked, self-delegated by default; OpenZeppelin: held and
self-delegated, as ERC20Votes counts nothing until a holder delegates). The proposal is one call to
the governor itself (set the voting delay to 7,200: 36 bytes of calldata) with the same 33-byte
description; the vote is the first on it, the voter's first ever, for, right after voting opens.
"""

from fivefold.assurance import build_bench
from fivefold.assurance.bench import comparison
from fivefold.gas import Bench
from fivefold.governance import bench as dao_bench
from fivefold.units import to_wei

QUORUM_PERCENT = 4


def _oz_dao(b: Bench):
    """Token, timelock and governor deployed, votes delegated, an hour passed; returns the governor."""
    token = build_bench.compiled("BenchVotesToken").deploy(
        "CloudChat", "CC", [b.user(0), b.user(1)], [to_wei(2_000), to_wei(10_000)], sender=b.deployer
    )
    for i in (0, 1):
        # `delegate` is also an attribute of Ape's contract instances: call the method by name
        token.invoke_transaction("delegate", b.user(i), sender=b.user(i))
    governor_address = b.deployer.get_deployment_address(b.deployer.nonce + 1)
    timelock = build_bench.compiled("TimelockController").deploy(
        dao_bench.TIMELOCK_DELAY, [governor_address], [dao_bench.ZERO], dao_bench.ZERO, sender=b.deployer
    )
    governor = build_bench.compiled("BenchGovernor").deploy(
        token,
        timelock,
        dao_bench.VOTING_DELAY,
        dao_bench.VOTING_PERIOD,
        to_wei(1_000),
        QUORUM_PERCENT,
        sender=b.deployer,
    )
    assert governor.address == governor_address
    b.chain.pending_timestamp += 3_600
    return governor


def _oz_propose(b: Bench, governor):
    calldata = bytes(governor.setVotingDelay.encode_input(7_200))
    return governor.propose([governor.address], [0], [calldata], dao_bench.DESCRIPTION, sender=b.user(0))


@comparison(
    "governor.propose.openzeppelin",
    operation="governor propose",
    condition="one call (36 bytes), 33-byte description, the proposer's 2,000 votes above the 1,000 "
    "threshold (one past-votes read), the governor's first proposal",
    suite="dao.propose",
    reference="OpenZeppelin Governor + ERC20Votes + TimelockController",
)
def propose(b: Bench):
    return _oz_propose(b, _oz_dao(b))


@comparison(
    "governor.castvote.openzeppelin",
    operation="governor castVote",
    condition="castVote(for): the first vote on a one-call proposal right after voting opens, the "
    "voter's first vote ever, 10,000 votes (one past-votes read of the voter's one checkpoint)",
    suite="dao.vote",
    reference="OpenZeppelin Governor + ERC20Votes + TimelockController",
)
def cast_vote(b: Bench):
    governor = _oz_dao(b)
    proposal_id = _oz_propose(b, governor).return_value
    b.chain.pending_timestamp += dao_bench.VOTING_DELAY + 1
    return governor.castVote(proposal_id, 1, sender=b.user(1))

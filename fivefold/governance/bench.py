"""Governance gas (see fivefold/gas.py), each in the condition its key names: staking (stake, delegate,
claim), the DAO's hot paths (propose, vote, queue, execute) with Staking as the votes source, and a
parameter change through the registry.

DAO timings: voting delay 1 hour, voting period 3 days, timelock delay 2 days, grace period 7 days;
the proposal is one call (the Governor's `set_voting_delay`, 36 bytes of calldata) with a 33-byte
description.

2026-12-03: Staking's checkpoint history and past reads moved to contracts/shared/checkpoints.vy
(shared with the node pools); one internal call more per checkpoint written or read: `dao.stake`
+296, `dao.delegate` +231, `dao.vote`/`dao.propose` +121, `dao.queue` +118 (each at most +0.27%).
"""

from eth_utils import keccak

from fivefold.gas import Bench, operation
from fivefold.governance.registry import entry
from fivefold.tokens.bench import capped_token
from fivefold.units import DAY, to_wei

STAKE = to_wei(10_000)
RATE = to_wei(1) // 10  # 0.1 CC per second for all stakers
BUDGET = to_wei(1_000_000)
VOTING_DELAY = 3_600
VOTING_PERIOD = 3 * DAY
TIMELOCK_DELAY = 2 * DAY
DESCRIPTION = "set the voting delay to two hours"
ZERO = "0x0000000000000000000000000000000000000000"


def _staking(b: Bench, staker_balance: int):
    """CC (a CappedToken) staked for CC income: the budget funded, the rate set, user(0) holding
    `staker_balance` and every user having approved the staking contract for everything."""
    token = capped_token(b, "CloudChat", "CC", 10**28)
    users = [b.user(i) for i in range(3)]
    token.initialize_supply(
        [b.treasury.address] + [u.address for u in users],
        [BUDGET, staker_balance, STAKE, STAKE],
        sender=b.owner,
    )
    staking = b.project.Staking.deploy(token, token, b.owner, "CloudChat Staking", "1", sender=b.deployer)
    for account in [b.treasury] + users:
        token.approve(staking, 2**256 - 1, sender=account)
    staking.fund(BUDGET, sender=b.treasury)
    staking.set_reward_rate(RATE, sender=b.owner)
    staking.stake(STAKE, sender=b.user(1))  # another staker: the total is not zero
    # Income streams for a minute before anyone else stakes, so a later staker's settled reward per
    # token is not zero (as on any live contract after its first seconds).
    b.chain.pending_timestamp = b.chain.pending_timestamp + 60
    return token, staking


@operation(
    "dao.stake",
    "stake CC by an account already staking (self-delegated by default, the default needs no "
    "transaction), a later second than its last stake: income settled, a new checkpoint for its "
    "votes and for the total",
)
def stake(b: Bench):
    _, staking = _staking(b, 2 * STAKE)
    staking.stake(STAKE, sender=b.user(0))
    b.chain.pending_timestamp = b.chain.pending_timestamp + 60
    return staking.stake(STAKE, sender=b.user(0))


@operation(
    "dao.delegate",
    "first delegation of a staker's whole weight (its own stake, self-delegated by default) to "
    "another account without votes: a new checkpoint for each, the total unchanged "
    "(OpenZeppelin ERC20Votes' first self-delegation: 95,654)",
    target=95_654,
)
def delegate(b: Bench):
    _, staking = _staking(b, STAKE)
    staking.stake(STAKE, sender=b.user(0))
    b.chain.pending_timestamp = b.chain.pending_timestamp + 60
    return staking.invoke_transaction("delegate", b.user(2), sender=b.user(0))


@operation(
    "staking.claim",
    "first claim of income streamed for a day, by a staker whose CC balance is zero (it staked all "
    "of it, a minute after streaming began): the balance goes from zero (Synthetix StakingRewards "
    "getReward: 92,837)",
    target=85_000,
)
def claim(b: Bench):
    _, staking = _staking(b, STAKE)
    staking.stake(STAKE, sender=b.user(0))
    b.chain.pending_timestamp = b.chain.pending_timestamp + 86_400
    return staking.claim(sender=b.user(0))


OTHER_STAKERS = 10_000
STAKER_BATCH = 50


def _dao(b: Bench, other_stakers: int = 0):
    """Staking of CC (user 0 stakes 2,000, user 1 10,000, each once), a Timelock and its Governor
    (threshold 1,000 votes, quorum 4%), the stakes an hour before the measurement."""
    token = capped_token(b, "CloudChat", "CC", 10**28)
    holders, amounts = [b.user(0).address, b.user(1).address], [to_wei(2_000), to_wei(10_000)]
    if other_stakers:
        holders, amounts = [*holders, b.user(2).address], [*amounts, to_wei(other_stakers)]
    token.initialize_supply(holders, amounts, sender=b.owner)
    votes = b.project.Staking.deploy(token, token, b.owner, "CloudChat Staking", "1", sender=b.deployer)
    for i, amount in ((0, to_wei(2_000)), (1, to_wei(10_000))):
        token.approve(votes, amount, sender=b.user(i))
        votes.stake(amount, sender=b.user(i))
    if other_stakers:
        # each other staker: a distinct account staking 1 CC through the ordinary `stake`
        account = b.project.StakerAccount.deploy(sender=b.deployer)
        batcher = b.project.StakingBatchStaker.deploy(account, sender=b.deployer)
        token.transfer(batcher, to_wei(other_stakers), sender=b.user(2))
        for _ in range(other_stakers // STAKER_BATCH):
            batcher.stake_many(STAKER_BATCH, token, votes, to_wei(1), sender=b.deployer, gas=15_000_000)
            b.chain.pending_timestamp += 1  # one total-supply checkpoint per batch
        assert batcher.created() == other_stakers
    predicted = b.deployer.get_deployment_address(b.deployer.nonce + 1)
    timelock = b.project.Timelock.deploy(TIMELOCK_DELAY, predicted, ZERO, sender=b.deployer)
    governor = b.project.Governor.deploy(
        votes, timelock, VOTING_DELAY, VOTING_PERIOD, to_wei(1_000), 400, 7 * DAY, ZERO, sender=b.deployer
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
    "getPastVotes on Staking, the proposer's one checkpoint), not a committee member",
    target=75_000,
)
def propose(b: Bench):
    return _propose(b, _dao(b))


@operation(
    "dao.vote",
    "castVote(for): the first vote on the proposal, voter's first vote ever (one getPastVotes on "
    "Staking, the voter's one checkpoint)",
    target=65_000,
)
def vote(b: Bench):
    return _vote(b, _dao(b))


@operation(
    "dao.vote.10000stakers",
    f"dao.vote with {OTHER_STAKERS:,} other stakers in the same Staking (distinct accounts, opened by "
    "StakingBatchStaker): a vote reads only the voter's checkpoints, so it costs what dao.vote costs",
    target=65_000,
)
def vote_10000stakers(b: Bench):
    return _vote(b, _dao(b, OTHER_STAKERS))


def _vote(b: Bench, governor):
    """The first vote (user 1, for) on a fresh one-call proposal, right after voting opens."""
    proposal_id = _propose(b, governor).return_value
    b.chain.pending_timestamp += VOTING_DELAY + 1
    return governor.castVote(proposal_id, 1, sender=b.user(1))


@operation(
    "dao.queue",
    "a succeeded one-call proposal scheduled in the Timelock (quorum read: getPastTotalSupply on "
    "Staking), by a third party",
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


@operation(
    "dao.parameter.set",
    "ParameterRegistry.set_parameter of a registered number (the airdrop fee, 500 -> 300 bps): bounds "
    "checked, value recorded, the contract's setter called",
)
def set_parameter(b: Bench):
    registry = b.project.ParameterRegistry.deploy(b.owner, sender=b.deployer)
    rounds = b.project.AirdropRounds.deploy(b.owner, sender=b.deployer)
    rounds.set_parameter_registry(registry, sender=b.owner)
    fee = entry("airdrop_rounds.fee_bps", rounds, "set_fee_bps", maximum=1_000, value=500)
    registry.register(fee, sender=b.owner)
    return registry.set_parameter("airdrop_rounds.fee_bps", 300, sender=b.owner)

"""Gas measurements of governance staking (see fivefold/gas.py)."""

from fivefold.gas import Bench, operation
from fivefold.tokens.bench import capped_token
from fivefold.units import to_wei

STAKE = to_wei(10_000)
RATE = to_wei(1) // 10  # 0.1 CC per second for all stakers
BUDGET = to_wei(1_000_000)


def _staking(b: Bench, staker_balance: int):
    """CC (a CappedToken) staked for CC income: the budget funded, the rate set, user(0) holding
    `staker_balance` and every user having approved the staking contract for everything."""
    token = capped_token(b, "CloudChat", "CC", 10**28)
    users = [b.user(i) for i in range(3)]
    token.initialize_supply(
        [b.treasury.address] + [u.address for u in users], [BUDGET, staker_balance, STAKE, STAKE],
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

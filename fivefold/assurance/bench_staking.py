"""Staking-reward claim row: the suite's Staking claim (fivefold/governance/bench.py's
`staking.claim`) beside a Synthetix-style StakingRewards written for the bench on OpenZeppelin 5
(bench/references/BenchStakingRewards.sol: the same accumulator, `getReward` guarded by
ReentrancyGuard and settled by the `updateReward` modifier).

The same condition on both sides: CC (the suite's CappedToken) is both the staked and the reward
token; rewards stream at 0.1 CC a second; another staker (user 1, 10,000 CC) staked first and
streaming began a minute before user 0 staked all its 10,000 CC; a day later user 0 claims for the
first time, its CC balance zero before the payout (a fresh balance slot on both sides).
"""

from fivefold.assurance import build_bench
from fivefold.assurance.bench import comparison
from fivefold.gas import Bench
from fivefold.governance import bench as dao_bench
from fivefold.tokens.bench import capped_token
from fivefold.units import DAY

WEEK = 7 * DAY


@comparison(
    "staking.claim.synthetix",
    operation="staking reward claim",
    condition="first claim of a day's rewards (0.1 CC/s shared with another staker of 10,000 CC) by a "
    "staker of 10,000 CC whose CC balance is zero; CC is the staked and the reward token",
    suite="staking.claim",
    reference="Synthetix-style StakingRewards (OpenZeppelin 5)",
)
def synthetix(b: Bench):
    stake = dao_bench.STAKE
    token = capped_token(b, "CloudChat", "CC", 10**28)
    token.initialize_supply(
        [b.treasury.address, b.user(0).address, b.user(1).address],
        [dao_bench.BUDGET, stake, stake],
        sender=b.owner,
    )
    rewards = build_bench.compiled("BenchStakingRewards").deploy(
        b.owner, token, token, WEEK, sender=b.deployer
    )
    for account in (b.user(0), b.user(1)):
        token.approve(rewards, 2**256 - 1, sender=account)
    # a week's stream at the suite's rate, funded and started by the owner
    token.transfer(rewards, dao_bench.RATE * WEEK, sender=b.treasury)
    rewards.notifyRewardAmount(dao_bench.RATE * WEEK, sender=b.owner)
    rewards.stake(stake, sender=b.user(1))
    b.chain.pending_timestamp = b.chain.pending_timestamp + 60
    rewards.stake(stake, sender=b.user(0))
    b.chain.pending_timestamp = b.chain.pending_timestamp + DAY
    return rewards.getReward(sender=b.user(0))

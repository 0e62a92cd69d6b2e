"""NFT farming gas (see fivefold/gas.py): staking an MToken/CC pool's LP token in its LiquidityFarm
and claiming CC, with Uniswap v2 itself (the pinned npm artifacts) as the DEX.

Comparison: Synthetix StakingRewards `stake` of a new staker, 120,789 gas (the issue's figure).
The setup is a running farm: funded, streaming, another farmer staked a minute earlier, and the
measured account provided liquidity itself (its LP tokens come from `addLiquidity`).
"""

from fivefold import abi
from fivefold.gas import Bench, operation
from fivefold.nft import dex
from fivefold.tokens.bench import capped_token
from fivefold.units import to_wei

SEED = to_wei(10_000)  # each provider's MToken and CC in the pool
RATE = to_wei(1) // 10  # 0.1 CC per second for all farmers
BUDGET = to_wei(1_000_000)


def _farm(b: Bench):
    """Uniswap v2, an MToken/CC pool seeded by user(0) and user(1), their farm funded from the
    treasury (the Ecosystem allocation's stand-in) and streaming; user(1) farms since a minute ago.
    Returns (farm, pair, cc)."""
    users = [b.user(0), b.user(1)]
    cc = capped_token(b, "CloudChat", "CC", 10**28)
    mtoken = capped_token(b, "Fraction", "MTK", 10**28)
    cc.initialize_supply(
        [b.treasury.address] + [u.address for u in users], [BUDGET, SEED, SEED], sender=b.owner
    )
    mtoken.initialize_supply([u.address for u in users], [SEED, SEED], sender=b.owner)
    weth = abi.container(None, "", dex.WETH_ARTIFACT).deploy(sender=b.deployer)
    factory = abi.container(None, "", dex.FACTORY_ARTIFACT).deploy(b.owner, sender=b.deployer)
    router = abi.container(None, "", dex.ROUTER_ARTIFACT).deploy(factory, weth, sender=b.deployer)
    uniswap = dex.Dex(factory, router, weth)
    for user in users:
        dex.seed(uniswap, mtoken, cc, SEED // 2, SEED // 2, user)
    pair = uniswap.pair(mtoken, cc)
    farm = b.project.LiquidityFarm.deploy(pair, cc, b.owner, sender=b.deployer)
    cc.approve(farm, BUDGET, sender=b.treasury)
    farm.fund(BUDGET, sender=b.treasury)
    farm.set_reward_rate(RATE, sender=b.owner)
    pair.approve(farm, 2**256 - 1, sender=b.user(1))
    farm.stake(pair.balanceOf(b.user(1)), sender=b.user(1))
    b.chain.pending_timestamp = b.chain.pending_timestamp + 60
    return farm, pair, cc


@operation(
    "farm.stake",
    "a new farmer stakes LP tokens of a Uniswap v2 pool (exactly approved) in a funded, streaming farm "
    "another farmer joined a minute earlier: its holder word and stake written from zero",
    target=110_000,
)
def stake(b: Bench):
    farm, pair, _ = _farm(b)
    amount = pair.balanceOf(b.user(0))
    pair.approve(farm, amount, sender=b.user(0))
    return farm.stake(amount, sender=b.user(0))


@operation(
    "farm.claim",
    "a farmer who staked a minute ago claims its CC (already holding CC): stream settled, CC paid",
)
def claim(b: Bench):
    farm, pair, _ = _farm(b)
    amount = pair.balanceOf(b.user(0))
    pair.approve(farm, amount, sender=b.user(0))
    farm.stake(amount, sender=b.user(0))
    b.chain.pending_timestamp = b.chain.pending_timestamp + 60
    return farm.claim(sender=b.user(0))


@operation(
    "mining.claim",
    "a supplier of a mined USD market (suppliers' and borrowers' streams funded and streaming, "
    "another supplier in it) claims CC a minute after its deposit, already holding CC",
)
def mining_claim(b: Bench):
    _, suppliers = mined_market(b)
    b.chain.pending_timestamp = b.chain.pending_timestamp + 60
    return suppliers.claim(sender=b.user(0))


def mined_market(b: Bench):
    """The lending system's USD6 market with its suppliers' and borrowers' streams funded and
    streaming, users 0 and 1 suppliers of 10,000 USD6 each; returns (system, suppliers' stream)
    (also the scaling table's `mining.claim`, fivefold/assurance/scaling.py)."""
    from fivefold.lending import model as lending

    users = [b.user(0), b.user(1)]
    system = lending.deploy_local_system(b.project, b.deployer, b.owner, holders=users + [b.treasury])
    market, cc, usd = system.markets["USD6"], system.tokens["CC"], system.tokens["USD6"]
    suppliers = b.project.LendingMining.deploy(market, market, False, cc, b.owner, sender=b.deployer)
    borrowers = b.project.LendingMining.deploy(market, suppliers, True, cc, b.owner, sender=b.deployer)
    suppliers.set_borrow_stream(borrowers, sender=b.owner)
    for stream in (suppliers, borrowers):
        cc.approve(stream, BUDGET, sender=b.treasury)
        stream.fund(BUDGET, sender=b.treasury)
        stream.set_reward_rate(RATE, sender=b.owner)
    market.set_mining(suppliers, sender=b.owner)
    for user in users:
        usd.approve(market, 10_000 * 10**6, sender=user)
        market.deposit(10_000 * 10**6, user, sender=user)
    return system, suppliers

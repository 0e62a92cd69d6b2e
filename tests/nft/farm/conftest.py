"""Farm fixtures: Uniswap v2 deployed from its npm build artifacts, an MToken/CC pool seeded through
the router, a LiquidityFarm of that pool's LP token, and actors by role.

Deployments are module-scoped: ape snapshots each fixture scope and reverts every test to it.
"""

import ape
import pytest

from fivefold import abi
from fivefold.nft import dex
from fivefold.units import to_wei

SUPPLY = to_wei(1_000_000_000)
BALANCE = to_wei(1_000_000)  # CC and MToken of each liquidity provider and of the funder
SEED_MTOKEN = to_wei(100_000)  # each provider's liquidity: 100,000 MToken for 50,000 CC
SEED_CC = to_wei(50_000)
RATE = to_wei(1) // 10  # 0.1 CC per second for all farmers
BUDGET = to_wei(100_000)
ZERO = "0x0000000000000000000000000000000000000000"


@pytest.fixture(scope="module")
def farmer(accounts):
    """A liquidity provider who farms."""
    return accounts[5]


@pytest.fixture(scope="module")
def second_farmer(accounts):
    return accounts[6]


@pytest.fixture(scope="module")
def funder(accounts):
    """The Ecosystem allocation's holder: funds the farm's budget."""
    return accounts[2]


@pytest.fixture(scope="module")
def trader(accounts):
    return accounts[7]


@pytest.fixture(scope="module")
def cc(project, owner, farmer, second_farmer, funder, trader):
    """The reward token (a CappedToken, as CC is): BALANCE for the providers, the funder, the trader."""
    token = project.CappedToken.deploy(
        "CloudChat", "CC", SUPPLY, owner, "CloudChat", "1", ape.chain.chain_id, sender=owner
    )
    holders = [farmer, second_farmer, funder, trader]
    token.initialize_supply([h.address for h in holders], [BALANCE] * len(holders), sender=owner)
    return token


@pytest.fixture(scope="module")
def mtoken(project, owner, farmer, second_farmer, trader):
    """A vault's MToken stand-in (another CappedToken)."""
    token = project.CappedToken.deploy(
        "Fraction", "MTK", SUPPLY, owner, "Fraction", "1", ape.chain.chain_id, sender=owner
    )
    holders = [farmer, second_farmer, trader]
    token.initialize_supply([h.address for h in holders], [BALANCE] * len(holders), sender=owner)
    return token


@pytest.fixture(scope="module")
def uniswap(deployer, owner):
    """WETH9, UniswapV2Factory (feeToSetter: governance) and UniswapV2Router02 from the pinned
    npm artifacts, deployed plainly (tests/deploy/test_artifacts.py deploys them through CREATE2)."""

    def deploy(artifact, *args):
        return abi.container(None, "", artifact).deploy(*args, sender=deployer)

    weth = deploy(dex.WETH_ARTIFACT)
    factory = deploy(dex.FACTORY_ARTIFACT, owner)
    router = deploy(dex.ROUTER_ARTIFACT, factory, weth)
    return dex.Dex(factory, router, weth)


@pytest.fixture(scope="module")
def pair(uniswap, mtoken, cc, farmer, second_farmer):
    """The MToken/CC pool, seeded by both providers (each holds its LP tokens)."""
    for provider in (farmer, second_farmer):
        dex.seed(uniswap, mtoken, cc, SEED_MTOKEN, SEED_CC, provider)
    return uniswap.pair(mtoken, cc)


@pytest.fixture(scope="module")
def farm(project, deployer, owner, pair, cc, farmer, second_farmer, funder):
    """The pool's farm: rate 0, nothing funded; both providers and the funder approved it."""
    contract = project.LiquidityFarm.deploy(pair, cc, owner, sender=deployer)
    for provider in (farmer, second_farmer):
        pair.approve(contract, 2**256 - 1, sender=provider)
    cc.approve(contract, 2**256 - 1, sender=funder)
    return contract


@pytest.fixture
def running(farm, owner, funder):
    """The farm funded with BUDGET and streaming RATE (per test: two transactions)."""
    farm.fund(BUDGET, sender=funder)
    farm.set_reward_rate(RATE, sender=owner)
    return farm

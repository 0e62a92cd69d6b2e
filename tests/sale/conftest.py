"""Sale fixtures: CC, a mock USDT, local feeds behind a PriceAdapter, the sale's own VestingVault and
a TokenSale with two funded rounds: SEED (whitelisted, cc.seed plan) and PUBLIC (cc.public plan).

Deployments are module-scoped: ape snapshots each fixture scope and reverts every test to it.
"""

import ape
import pytest

from fivefold.sale import model as sale_model
from fivefold.units import DAY, to_wei
from fivefold.vesting.model import PLANS

SUPPLY = to_wei(10_000_000_000)
USD = 10**8  # feed decimals, as Chainlink's USD feeds
NATIVE = "0x0000000000000000000000000000000000000000"
NATIVE_USD = 2_000
HEARTBEAT = DAY
SEED, PUBLIC = 0, 1
SEED_CAP = to_wei(100_000_000)
PUBLIC_CAP = to_wei(50_000_000)
SOFT_CAP = to_wei(10_000_000)
BUYER_CAP = to_wei(40_000_000)
NO_PROOF: list = []


def plan_tuple(plan_key: str) -> tuple:
    return PLANS[plan_key].encode_args()


@pytest.fixture(scope="session")
def sale_buyer(accounts):
    """A whitelisted buyer (seed round) who also buys in the public round."""
    return accounts[4]


@pytest.fixture(scope="session")
def sale_public_buyer(accounts):
    """A buyer who is not on the seed whitelist."""
    return accounts[6]


@pytest.fixture(scope="module")
def sale_cc(project, owner, treasury):
    token = project.CappedToken.deploy(
        "CloudChat", "CC", SUPPLY, owner, "CloudChat", "1", ape.chain.chain_id, sender=owner
    )
    token.initialize_supply([treasury.address], [SUPPLY], sender=owner)
    return token


@pytest.fixture(scope="module")
def sale_usdt(project, deployer, sale_buyer, sale_public_buyer):
    usdt = project.MockStablecoin.deploy(sender=deployer)
    for buyer in (sale_buyer, sale_public_buyer):
        usdt.faucet(buyer, 10**6 * 10**6, sender=buyer)
    return usdt


@pytest.fixture(scope="module")
def sale_wnative(project, deployer):
    return project.MockWrappedNative.deploy(sender=deployer)


@pytest.fixture(scope="module")
def sale_feeds(project, owner, chain):
    native = project.LocalPriceFeed.deploy(8, "NATIVE / USD", owner, sender=owner)
    usdt = project.LocalPriceFeed.deploy(8, "USDT / USD", owner, sender=owner)
    now = chain.pending_timestamp
    native.set_answer(NATIVE_USD * USD, now, sender=owner)
    usdt.set_answer(USD, now, sender=owner)
    return {"native": native, "usdt": usdt}


@pytest.fixture(scope="module")
def sale_adapter(project, owner, sale_feeds, sale_usdt, sale_wnative):
    adapter = project.PriceAdapter.deploy(owner, sender=owner)
    adapter.set_feed(sale_wnative, sale_feeds["native"], HEARTBEAT, sender=owner)
    adapter.set_feed(sale_usdt, sale_feeds["usdt"], HEARTBEAT, sender=owner)
    return adapter


@pytest.fixture(scope="module")
def sale_vault(project, owner, sale_cc):
    return project.VestingVault.deploy(sale_cc, owner, sender=owner)


@pytest.fixture(scope="module")
def sale_times(chain):
    """(start, end, vesting start) of both rounds: open in an hour for 7 days, vesting at the end."""
    start = chain.pending_timestamp + 3600
    return start, start + 7 * DAY, start + 7 * DAY


@pytest.fixture(scope="module")
def sale_bare(project, owner, treasury, sale_cc, sale_vault, sale_adapter, sale_usdt, sale_wnative):
    """A TokenSale owning its vault, USDT and the native coin listed, no rounds."""
    sale = project.TokenSale.deploy(sale_cc, sale_vault, sale_adapter, treasury, owner, sender=owner)
    sale_vault.transfer_ownership(sale, sender=owner)
    sale.accept_vault(sender=owner)
    sale.list_asset(NATIVE, sale_wnative, sender=owner)
    sale.list_asset(sale_usdt, sale_usdt, sender=owner)
    return sale


@pytest.fixture(scope="module")
def sale(sale_bare, owner, treasury, sale_cc, sale_times, sale_buyer):
    """The sale with SEED (whitelist: sale_buyer) and PUBLIC added and funded by the treasury."""
    start, end, vesting = sale_times
    root = sale_model.whitelist_root([sale_buyer.address, owner.address, treasury.address])
    for plan_key, price, cap, wl in (
        ("cc.seed", sale_model.ROUNDS["seed"].price, SEED_CAP, root),
        ("cc.public", sale_model.ROUNDS["public"].price, PUBLIC_CAP, b"\0" * 32),
    ):
        sale_bare.add_round(
            start, end, vesting, price, cap, SOFT_CAP, BUYER_CAP, wl, plan_tuple(plan_key), sender=owner
        )
    sale_cc.approve(sale_bare, SEED_CAP + PUBLIC_CAP, sender=treasury)
    sale_bare.fund(SEED, sender=treasury)
    sale_bare.fund(PUBLIC, sender=treasury)
    return sale_bare


@pytest.fixture
def sale_open(chain, sale, sale_times, sale_feeds, owner):
    """Moves to the rounds' start and refreshes the feeds; returns the sale."""
    chain.mine(timestamp=sale_times[0])
    sale_refresh(sale_feeds, owner, chain)
    return sale


def sale_refresh(feeds, owner, chain):
    now = chain.pending_timestamp
    feeds["native"].set_answer(NATIVE_USD * USD, now, sender=owner)
    feeds["usdt"].set_answer(USD, now, sender=owner)


def seed_proof(buyer, owner, treasury):
    return sale_model.whitelist_proof([buyer.address, owner.address, treasury.address], buyer.address)

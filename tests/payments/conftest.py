"""Payments fixtures: CC (a CappedToken), the local USDT (MockStablecoin), a fee-on-transfer token,
Uniswap v2 from its npm artifacts with a USDT/WETH and a CC/USDT pool, MerchantInvoices (everything
listed, the router named) and AnchorTips (CC, USDT and the native coin listed, 5% platform share on
USDT, 3% on CC), and actors by role.

Deployments are module-scoped: ape snapshots each fixture scope and reverts every test to it. Fixture
names carry `pay_` (contracts) or a payments role (merchant, payer, anchor, tipper) so they clash
with no other package's.
"""

import ape
import pytest

from fivefold import abi
from fivefold.nft import dex
from fivefold.payments import invoices as inv
from fivefold.units import to_wei

NATIVE = inv.NATIVE
SUPPLY = to_wei(10_000_000_000)
CC_BALANCE = to_wei(100_000_000)
USDT = 10**6
# Pools: 1 native = 2,000 USDT; 1 CC = 0.01 USDT.
POOL_USDT_NATIVE = (200_000 * USDT, to_wei(100))
POOL_CC_USDT = (to_wei(10_000_000), 100_000 * USDT)
USDT_BPS = 500
CC_BPS = 300
HOUR = 3_600
DAY = 86_400


@pytest.fixture(scope="module")
def merchant(accounts):
    """Signs invoices and is paid."""
    return accounts[4]


@pytest.fixture(scope="module")
def payer(accounts):
    """Pays invoices (and tips when a test needs a third tipper)."""
    return accounts[5]


@pytest.fixture(scope="module")
def anchor(accounts):
    """A live-stream anchor who is tipped."""
    return accounts[6]


@pytest.fixture(scope="module")
def tipper(accounts):
    """A viewer who tips."""
    return accounts[8]


@pytest.fixture(scope="module")
def second_tipper(accounts):
    return accounts[9]


@pytest.fixture(scope="module")
def outsider(accounts):
    """Someone with no part in an invoice or a tip: tries what is not theirs."""
    return accounts[7]


@pytest.fixture(scope="module")
def sandwicher(accounts):
    """Trades around a payer's swap to move the price against it."""
    return accounts[3]


@pytest.fixture(scope="module")
def pay_attacker(project, deployer):
    """A contract that reenters a stored call when it receives the native coin."""
    return project.ReentrantAttacker.deploy(sender=deployer)


@pytest.fixture(scope="module")
def pay_cc(project, owner, deployer, payer, tipper, second_tipper, treasury):
    """CC: CC_BALANCE for the payer, both tippers, the treasury (the reward funder) and the deployer
    (the liquidity provider)."""
    token = project.CappedToken.deploy(
        "CloudChat", "CC", SUPPLY, owner, "CloudChat", "1", ape.chain.chain_id, sender=owner
    )
    holders = [payer, tipper, second_tipper, treasury, deployer]
    token.initialize_supply([h.address for h in holders], [CC_BALANCE] * len(holders), sender=owner)
    return token


@pytest.fixture(scope="module")
def pay_usdt(project, deployer, payer, tipper, second_tipper):
    """The local USDT (6 decimals): 10,000,000 for the deployer, 100,000 for payer and tippers."""
    token = project.MockStablecoin.deploy(sender=deployer)
    token.faucet(deployer, 10_000_000 * USDT, sender=deployer)
    for holder in (payer, tipper, second_tipper):
        token.faucet(holder, 100_000 * USDT, sender=deployer)
    return token


@pytest.fixture(scope="module")
def pay_fot(project, deployer, payer, tipper):
    """A token that burns 1% of every transfer."""
    token = project.MockQuirkyToken.deploy(1, sender=deployer)
    for holder in (payer, tipper):
        token.mint(holder, to_wei(1_000_000), sender=deployer)
    return token


@pytest.fixture(scope="module")
def pay_dex(deployer, owner, pay_usdt, pay_cc):
    """Uniswap v2 from the pinned npm artifacts, with a USDT/WETH and a CC/USDT pool."""

    def deploy(artifact, *args):
        return abi.container(None, "", artifact).deploy(*args, sender=deployer)

    weth = deploy(dex.WETH_ARTIFACT)
    factory = deploy(dex.FACTORY_ARTIFACT, owner)
    d = dex.Dex(factory, deploy(dex.ROUTER_ARTIFACT, factory, weth), weth)
    dex.seed_native(d, pay_usdt, POOL_USDT_NATIVE[0], POOL_USDT_NATIVE[1], deployer)
    dex.seed(d, pay_cc, pay_usdt, POOL_CC_USDT[0], POOL_CC_USDT[1], deployer)
    return d


@pytest.fixture(scope="module")
def pay_invoices(project, deployer, owner, pay_dex, pay_usdt, pay_cc, payer):
    """MerchantInvoices: native, USDT and CC listed, the router named; the payer approved it."""
    contract = project.MerchantInvoices.deploy(owner, sender=deployer)
    for asset in (NATIVE, pay_usdt.address, pay_cc.address):
        contract.set_asset_listed(asset, True, sender=owner)
    contract.set_router(pay_dex.router, sender=owner)
    pay_usdt.approve(contract, 2**256 - 1, sender=payer)
    pay_cc.approve(contract, 2**256 - 1, sender=payer)
    return contract


@pytest.fixture(scope="module")
def pay_tips(project, deployer, owner, treasury, pay_usdt, pay_cc, tipper, second_tipper):
    """AnchorTips: CC (3%), USDT (5%) and the native coin (0%) listed, the treasury named; both
    tippers approved it for CC and USDT, the treasury for CC (funding)."""
    contract = project.AnchorTips.deploy(pay_cc, owner, sender=deployer)
    for asset, bps in ((NATIVE, 0), (pay_usdt.address, USDT_BPS), (pay_cc.address, CC_BPS)):
        contract.set_asset_listed(asset, True, sender=owner)
        if bps:
            contract.set_platform_bps(asset, bps, sender=owner)
    contract.set_treasury(treasury, sender=owner)
    for t in (tipper, second_tipper):
        pay_usdt.approve(contract, 2**256 - 1, sender=t)
        pay_cc.approve(contract, 2**256 - 1, sender=t)
    pay_cc.approve(contract, 2**256 - 1, sender=treasury)
    return contract


@pytest.fixture(scope="module")
def sign_invoice(merchant):
    """`sign_invoice(contract, invoice_dict, signer=merchant, chain_id=this chain)` -> signature bytes."""

    def _sign(contract, invoice, signer=None, chain_id=None):
        return inv.sign_invoice(signer or merchant, contract, chain_id or ape.chain.chain_id, invoice)

    return _sign


@pytest.fixture(scope="module")
def make_invoice(merchant):
    """`make_invoice(asset, amount, id=1, **fields)`: an invoice of the merchant, due in a day."""

    def _make(asset, amount, id=1, **fields):
        deadline = fields.pop("deadline", ape.chain.pending_timestamp + DAY)
        return inv.invoice(
            fields.pop("merchant", merchant.address), id, str(asset), amount, deadline, **fields
        )

    return _make

"""Payments gas: an invoice paid in its own asset and through the router, a tip in an ERC-20 and in
CC (which adds reward weight)."""

from __future__ import annotations

from fivefold import abi
from fivefold.gas import Bench, operation
from fivefold.nft import dex
from fivefold.payments import invoices as inv

# A fixed deadline (2100-01-01): the same digest, signature and calldata at every run.
DEADLINE = 4_102_444_800
USDT = 10**6
TOKEN = 10**18
MAX = 2**256 - 1
MESSAGE = "gg, great stream!"


def _usdt(b: Bench):
    """The local USDT (MockStablecoin, 6 decimals): 1,000,000 for users 0 and 2 and the deployer."""
    usdt = b.project.MockStablecoin.deploy(sender=b.deployer)
    for account in (b.user(0), b.user(2), b.deployer):
        usdt.faucet(account, 1_000_000 * USDT, sender=b.deployer)
    return usdt


def _invoices(b: Bench, usdt):
    """MerchantInvoices with the native coin and USDT listed; user 0 (the payer) approved it for good."""
    contract = b.project.MerchantInvoices.deploy(b.owner, sender=b.deployer)
    for asset in (inv.NATIVE, usdt.address):
        contract.set_asset_listed(asset, True, sender=b.owner)
    usdt.approve(contract, MAX, sender=b.user(0))
    return contract


def _pay(b: Bench, contract, asset, amount: int, id: int):
    """User 0 pays user 1's invoice `id` (a refund window to 2100: escrowed)."""
    invoice = inv.invoice(b.user(1).address, id, asset.address, amount, DEADLINE, refund_deadline=DEADLINE)
    signature = inv.sign_invoice(b.user(1), contract, b.chain.chain_id, invoice)
    return contract.pay(inv.as_tuple(invoice), signature, sender=b.user(0))


@operation(
    "payments.pay",
    "payer's second 250 USDT invoice from the same merchant, paid in USDT into escrow (refund window "
    "open): 65-byte EIP-712 signature (ecrecover), one fresh record slot, the asset's escrow total "
    "updated, a measured transferFrom under a standing approval, the reentrancy lock, the event",
    target=110_000,
)
def pay(b: Bench):
    usdt = _usdt(b)
    contract = _invoices(b, usdt)
    _pay(b, contract, usdt, 250 * USDT, 1)
    return _pay(b, contract, usdt, 250 * USDT, 2)


@operation(
    "payments.pay.swap",
    "payer's second 250 USDT invoice paid in the native coin through Uniswap v2 "
    "(swapETHForExactTokens over the USDT/WETH pool, 1% max_in slack returned to the payer), escrowed; "
    "the pool is in use: its price accumulators already non-zero (a sync a minute after seeding) and "
    "another minute passed, so the swap updates them as a live pool's swap does",
    target=220_000,
)
def pay_swap(b: Bench):
    usdt = _usdt(b)
    contract = _invoices(b, usdt)

    def deploy(artifact, *args):
        return abi.container(None, "", artifact).deploy(*args, sender=b.deployer)

    weth = deploy(dex.WETH_ARTIFACT)
    factory = deploy(dex.FACTORY_ARTIFACT, b.owner)
    d = dex.Dex(factory, deploy(dex.ROUTER_ARTIFACT, factory, weth), weth)
    dex.seed_native(d, usdt, 200_000 * USDT, 100 * TOKEN, b.deployer)
    # Seconds between blocks decide whether a swap writes Uniswap's price accumulators: fix them.
    b.chain.pending_timestamp += 60
    pair = abi.container(None, "", dex.PAIR_ARTIFACT).at(d.factory.getPair(weth, usdt))
    pair.sync(sender=b.deployer)
    b.chain.pending_timestamp += 60
    contract.set_router(d.router, sender=b.owner)
    _pay(b, contract, usdt, 250 * USDT, 1)
    invoice = inv.invoice(b.user(1).address, 2, usdt.address, 250 * USDT, DEADLINE, refund_deadline=DEADLINE)
    signature = inv.sign_invoice(b.user(1), contract, b.chain.chain_id, invoice)
    need = d.router.getAmountsIn(250 * USDT, [weth.address, usdt.address])[0]
    max_in = need + need // 100
    return contract.pay_with_swap(
        inv.as_tuple(invoice), signature, [weth.address, usdt.address], max_in, value=max_in, sender=b.user(0)
    )


def _tips(b: Bench, usdt):
    """AnchorTips over a CC stand-in (a CappedToken, 1,000,000 to users 0 and 2 and the treasury):
    USDT (5%) and CC (3%) listed, users 0 and 2 approved it for good; the stream funded with 100,000
    CC at 0.01 CC per second."""
    from fivefold.tokens.bench import capped_token

    cc = capped_token(b, "CloudChat", "CC", 10**28)
    cc.initialize_supply([b.user(0), b.user(2), b.treasury], [1_000_000 * TOKEN] * 3, sender=b.owner)
    tips = b.project.AnchorTips.deploy(cc, b.owner, sender=b.deployer)
    for asset, bps in ((usdt.address, 500), (cc.address, 300)):
        tips.set_asset_listed(asset, True, sender=b.owner)
        tips.set_platform_bps(asset, bps, sender=b.owner)
    for account in (b.user(0), b.user(2)):
        usdt.approve(tips, MAX, sender=account)
        cc.approve(tips, MAX, sender=account)
    cc.approve(tips, MAX, sender=b.treasury)
    tips.fund(100_000 * TOKEN, sender=b.treasury)
    tips.set_reward_rate(TOKEN // 100, sender=b.owner)
    return tips, cc


@operation(
    "payments.tip",
    "a viewer's 5 USDT tip with a 17-character message to an anchor who already has a USDT balance "
    "(another viewer tipped before; the viewer tipped USDT before too), 5% platform share, a measured "
    "transferFrom under a standing approval, no reward weight (not CC)",
    target=60_000,
)
def tip(b: Bench):
    usdt = _usdt(b)
    tips, _ = _tips(b, usdt)
    tips.tip(b.user(1), usdt, 5 * USDT, MESSAGE, sender=b.user(2))
    tips.tip(b.user(1), usdt, 5 * USDT, MESSAGE, sender=b.user(0))
    return tips.tip(b.user(1), usdt, 5 * USDT, MESSAGE, sender=b.user(0))


@operation(
    "payments.tip.cc",
    "a viewer's third 100 CC tip with a 17-character message to an anchor with a CC balance, 3% "
    "platform share, plus the reward stream (funded, streaming): the viewer's holder word settled and "
    "its tipped CC (reward shares) raised; a minute after each earlier tip, so the viewer already has "
    "unclaimed reward and more streamed since (a tip in the same second as the last would settle nothing)",
)
def tip_cc(b: Bench):
    usdt = _usdt(b)
    tips, cc = _tips(b, usdt)
    tips.tip(b.user(1), cc, 100 * TOKEN, MESSAGE, sender=b.user(2))
    tips.tip(b.user(1), cc, 100 * TOKEN, MESSAGE, sender=b.user(0))
    b.chain.pending_timestamp += 60
    tips.tip(b.user(1), cc, 100 * TOKEN, MESSAGE, sender=b.user(0))
    b.chain.pending_timestamp += 60
    return tips.tip(b.user(1), cc, 100 * TOKEN, MESSAGE, sender=b.user(0))

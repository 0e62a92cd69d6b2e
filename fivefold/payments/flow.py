"""Payments (SPEC "CartyCoin" 3.1.3-3.1.5, "CloudChat" 4.5): merchant invoices and live-stream tips.

Deploys everywhere, by CREATE2 at one address on the four chains (neither constructor names anything
that differs per chain): `MerchantInvoices` (owner: the deployer until the handoff) and `AnchorTips`
(reward token: CC, whose address is the same everywhere). The router a chain swaps through is named in
`configure` (the chain's `dex:`, or the local Uniswap v2 the nft flow deploys: fivefold/nft/dex.py).

`configure` lists the native coin, USDT (the payouts' mock on local chains, `payouts.usdt` on live
ones), CC and any `payments.assets` in both contracts, names the router and the tips' treasury.

Parameters (through the parameter registry): `anchor_tips.<symbol>.platform_bps` per listed asset
(`payments.platform_bps` in the chain file, default 300 = 3%, at most 2,000) and
`anchor_tips.reward_rate` (`payments.tip_reward_rate`, CC per second; default 0 on live chains, 0.01
on local ones; at most 100).

`exercise`: a native-coin invoice paid into escrow and refunded by the merchant (the payer withdraws
it); a USDT invoice paid in the native coin through the DEX (the USDT/native pool seeded first where
it is empty, local chains), the merchant withdraws; tips to an anchor in the native coin and USDT with
messages, the anchor withdraws, the treasury collects the platform's share; where CC is at home, the
treasury funds the tippers' stream, a viewer tips CC and claims its reward an hour later. Elsewhere CC
arrives only through the bridge: the CC part is recorded as not run, by design.
"""

from __future__ import annotations

from fivefold.context import Context, Deployable, Parameter, Step
from fivefold.nft import dex
from fivefold.payments import invoices as inv
from fivefold.payouts import flow as payouts_flow
from fivefold.units import to_wei

NATIVE = inv.NATIVE
HOUR = 3_600
DAY = 86_400
DEFAULT_PLATFORM_BPS = 300
MAX_PLATFORM_BPS = 2_000
MAX_REWARD_RATE = to_wei(100)  # CC per second: the registry's upper bound
LOCAL_REWARD_RATE = "0.01"  # CC per second on local chains unless configured (live chains: 0)
USDT = 10**6
POOL_USDT, POOL_NATIVE = 20_000 * USDT, to_wei(10)  # the local USDT/native pool: 1 native = 2,000 USDT
TIP_BUDGET = to_wei(10_000)


def _local(ctx: Context) -> bool:
    return bool(ctx.config.get("local"))


def _cfg(ctx: Context) -> dict:
    return ctx.config.get("payments") or {}


CONTRACTS = [
    # The deployer owns both until the deployment hands ownership to `owner` (the CC Timelock).
    Deployable("MerchantInvoices", "MerchantInvoices", lambda ctx: [ctx.deployer.address]),
    Deployable("AnchorTips", "AnchorTips", lambda ctx: [ctx.address("CC"), ctx.deployer.address]),
]


def assets(ctx: Context) -> dict[str, str]:
    """Symbol -> address of every asset the payments accept on this chain: the native coin, USDT
    (as the payouts know it), CC and the chain file's `payments.assets`."""
    known = payouts_flow.asset_addresses(ctx)
    out = {"native": NATIVE}
    if "USDT" in known:
        out["USDT"] = known["USDT"]
    out["CC"] = ctx.address("CC")
    out.update(_cfg(ctx).get("assets") or {})
    return out


def _router(ctx: Context):
    """The chain's router (the configured `dex:` or the suite's local Uniswap v2), or None."""
    if not ctx.config.get("dex") and dex.ROUTER not in ctx.contracts:
        return None
    return dex.Dex.of(ctx).router


def configure(ctx: Context) -> None:
    """Owner-only, chain-specific setup through `ctx.send`; idempotent (a setter runs only when the
    chain differs from the config)."""
    invoices, tips = ctx["MerchantInvoices"], ctx["AnchorTips"]
    for symbol, asset in assets(ctx).items():
        if not invoices.listed(asset):
            ctx.send(f"MerchantInvoices.set_asset_listed({symbol})", invoices.set_asset_listed, asset, True)
        if not tips.asset_config(asset).listed:
            ctx.send(f"AnchorTips.set_asset_listed({symbol})", tips.set_asset_listed, asset, True)
    router = _router(ctx)
    if router is not None and invoices.router() != router.address:
        ctx.send("MerchantInvoices.set_router", invoices.set_router, router)
    if tips.treasury() != ctx.treasury:
        ctx.send("AnchorTips.set_treasury", tips.set_treasury, ctx.treasury)


def _platform_bps(ctx: Context, symbol: str) -> int:
    configured = _cfg(ctx).get("platform_bps") or {}
    if isinstance(configured, int):
        return configured
    return int(configured.get(symbol, DEFAULT_PLATFORM_BPS))


def parameters(ctx: Context) -> list[Parameter]:
    """The platform's share of tips per listed asset and the tippers' CC reward rate."""
    out = [
        Parameter(
            f"anchor_tips.{symbol}.platform_bps",
            "AnchorTips",
            "set_platform_bps",
            "asset_config",
            _platform_bps(ctx, symbol),
            0,
            MAX_PLATFORM_BPS,
            key=asset,
            field="platform_bps",
        )
        for symbol, asset in assets(ctx).items()
    ]
    default = LOCAL_REWARD_RATE if _local(ctx) else 0
    rate = int(to_wei(_cfg(ctx).get("tip_reward_rate", default)))
    out.append(
        Parameter(
            "anchor_tips.reward_rate",
            "AnchorTips",
            "set_reward_rate",
            "reward_rate",
            rate,
            0,
            MAX_REWARD_RATE,
        )
    )
    return out


def exercise(ctx: Context) -> None:
    """Invoices (escrow and refund; a swap through the DEX), then tips (native, USDT, CC where at home)."""
    if len(ctx.users) < 4:
        ctx.skip("payments", "needs four exercise accounts")
        return
    merchant, payer, anchor, viewer = ctx.users[:4]
    base = ctx.chain.blocks.head.timestamp  # invoice ids unique per run
    _refunded_invoice(ctx, merchant, payer, base)
    _swapped_invoice(ctx, merchant, payer, base + 1)
    _tips(ctx, anchor, viewer, payer)


def _sign(ctx: Context, merchant, invoice: dict) -> bytes:
    return inv.sign_invoice(merchant, ctx["MerchantInvoices"], ctx.chain_id, invoice)


def _refunded_invoice(ctx: Context, merchant, payer, id: int) -> None:
    """A 0.01 native-coin invoice with a day's refund window: paid into escrow, refunded by the merchant,
    withdrawn by the payer."""
    invoices, amount = ctx["MerchantInvoices"], to_wei("0.01")
    now = ctx.chain.blocks.head.timestamp
    invoice = inv.invoice(merchant.address, id, NATIVE, amount, now + DAY, refund_deadline=now + DAY)
    ctx.step(
        "MerchantInvoices.pay (0.01 native, escrowed for a day)",
        invoices.pay(inv.as_tuple(invoice), _sign(ctx, merchant, invoice), value=amount, sender=payer),
    )
    ctx.check(invoices.status(merchant, id) == inv.ESCROWED, "invoice: payment escrowed")
    ctx.step(
        "MerchantInvoices.refund (by the merchant)",
        invoices.refund(inv.as_tuple(invoice), payer, sender=merchant),
    )
    ctx.check(invoices.balance_of(payer, NATIVE) >= amount, "invoice: refund credited to the payer")
    ctx.step("MerchantInvoices.withdraw (the payer's refund)", invoices.withdraw(NATIVE, sender=payer))


def _swapped_invoice(ctx: Context, merchant, payer, id: int) -> None:
    """A 25 USDT invoice (no refund window) paid in the native coin through the DEX, 1% slack on the
    quoted input; the merchant withdraws exactly 25 USDT. The local USDT/native pool is seeded first
    when it is empty."""
    invoices = ctx["MerchantInvoices"]
    usdt_address = assets(ctx).get("USDT")
    if usdt_address is None or int(invoices.router(), 16) == 0:
        ctx.skip("MerchantInvoices.pay_with_swap", "no USDT or no DEX router on this chain")
        return
    d = dex.Dex.of(ctx)
    if dex.reserves(d, usdt_address, d.weth)[0] == 0:
        if "MockUSDT" not in ctx.contracts:
            ctx.skip("MerchantInvoices.pay_with_swap", "the USDT/native pool has no liquidity")
            return
        usdt = ctx["MockUSDT"]
        ctx.step("MockUSDT.faucet (a liquidity provider)", usdt.faucet(merchant, POOL_USDT, sender=merchant))
        ctx.step(
            "UniswapV2Router02.addLiquidityETH (USDT / native)",
            dex.seed_native(d, usdt, POOL_USDT, POOL_NATIVE, merchant),
        )
    amount = 25 * USDT
    now = ctx.chain.blocks.head.timestamp
    invoice = inv.invoice(merchant.address, id, usdt_address, amount, now + DAY)
    path = [d.weth.address, usdt_address]
    need = d.router.getAmountsIn(amount, path)[0]
    max_in = need + need // 100
    before = invoices.balance_of(merchant, usdt_address)
    ctx.step(
        "MerchantInvoices.pay_with_swap (25 USDT paid in native through the DEX)",
        invoices.pay_with_swap(
            inv.as_tuple(invoice), _sign(ctx, merchant, invoice), path, max_in, value=max_in, sender=payer
        ),
    )
    ctx.check(
        invoices.balance_of(merchant, usdt_address) - before == amount,
        "invoice: merchant owed exactly 25 USDT",
    )
    ctx.step(
        "MerchantInvoices.withdraw (the merchant's USDT)", invoices.withdraw(usdt_address, sender=merchant)
    )


def _tips(ctx: Context, anchor, viewer, second_viewer) -> None:
    """Native and USDT tips with messages, the anchor's withdrawal, the platform's collection; CC tips
    and a reward claim where CC is at home."""
    tips = ctx["AnchorTips"]
    ctx.step(
        "AnchorTips.tip (0.001 native, a message)",
        tips.tip(anchor, NATIVE, to_wei("0.001"), "first!", value=to_wei("0.001"), sender=viewer),
    )
    if "MockUSDT" in ctx.contracts:
        usdt = ctx["MockUSDT"]
        ctx.step("MockUSDT.faucet", usdt.faucet(second_viewer, 10 * USDT, sender=second_viewer))
        ctx.step("MockUSDT.approve (the tips)", usdt.approve(tips, 10 * USDT, sender=second_viewer))
        ctx.step(
            "AnchorTips.tip (5 USDT, a message)",
            tips.tip(anchor, usdt, 5 * USDT, "great stream", sender=second_viewer),
        )
    owed = tips.balance_of(anchor, NATIVE)
    ctx.step("AnchorTips.withdraw (the anchor's native tips)", tips.withdraw(NATIVE, sender=anchor))
    ctx.check(owed > 0 and tips.balance_of(anchor, NATIVE) == 0, "tips: the anchor withdrew its native tips")
    if tips.asset_config(NATIVE).platform_balance > 0:
        ctx.step(
            "AnchorTips.collect (native platform share to the treasury)", tips.collect(NATIVE, sender=viewer)
        )
    _cc_tips(ctx, anchor, viewer)


def _cc_tips(ctx: Context, anchor, viewer) -> None:
    """Where CC is at home: the treasury (Ecosystem CC) gives the viewer CC and funds the tippers'
    stream; the viewer tips CC, and claims its reward an hour later."""
    tips, cc = ctx["AnchorTips"], ctx["CC"]
    treasury = ctx.signer(ctx.treasury)
    amount = to_wei(100)
    if "CC" not in ctx.config["home"] or treasury is None or cc.balanceOf(treasury) < TIP_BUDGET + amount:
        # By design, as the nft flow's farm: off its home chain CC arrives only through the bridge.
        note = "CC is not at home on this chain: CC tips and the tippers' stream wait for bridged CC"
        ctx.steps.append(Step("payments: no CC tips or rewards", 0, "", note))
        return
    ctx.step("CC.transfer (treasury to a viewer)", cc.transfer(viewer, amount, sender=treasury))
    ctx.step("CC.approve (the tips, by the treasury)", cc.approve(tips, TIP_BUDGET, sender=treasury))
    ctx.step("AnchorTips.fund (Ecosystem CC)", tips.fund(TIP_BUDGET, sender=treasury))
    ctx.step("CC.approve (the tips)", cc.approve(tips, amount, sender=viewer))
    ctx.step("AnchorTips.tip (100 CC, a message)", tips.tip(anchor, cc, amount, "CC for you", sender=viewer))
    if tips.reward_rate() == 0:
        ctx.skip("AnchorTips.claim", "the tippers' reward rate is 0 on this chain (payments.tip_reward_rate)")
        return
    ctx.advance(HOUR)
    owed = tips.earned(viewer)
    ctx.step("AnchorTips.claim (the viewer's CC reward)", tips.claim(sender=viewer), "an hour later")
    ctx.check(owed > 0 and tips.earned(viewer) == 0, "tips: the viewer was paid what it earned")
    ctx.step("AnchorTips.withdraw (the anchor's CC)", tips.withdraw(cc, sender=anchor))

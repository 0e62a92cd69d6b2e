"""CPChain's PDash data market: DataMarket (seed 2.2.3, 3.3.1; docs/datamarket.md).

Where it lives: CPC's home chain only (a CREATE2 `Deployable` with `when`, so its address is still the
one it would have on any chain). Proxies stake CPC and the market's own proxy registry holds the
stakes; CPC's supply, its treasury and the node economy are on its home chain, and the proxy nodes
PDash needs are CPChain nodes there. A copy on a chain where CPC only arrives through the bridge would
split proxies and their reputation across chains for no gain (docs/datamarket.md, "Where it lives").

The constructor takes the deployer as first owner and CPC (same address on every chain) with the
default numbers below; `configure` lists the chain's USDT (MockUSDT locally, `payouts.usdt` live;
the native coin and CPC are listed by the constructor). The CC Timelock owns it after the handoff
(the governance flow's default owner) and its registry writes the five tunable numbers
(`parameters`).

`exercise` (local chain, CPC at home, the treasury's key): the treasury funds a proxy with CPC and it
stakes; a seller lists an item in the native coin; buyer 1 buys, the proxy delivers the key encrypted
to buyer 1's one-time key, buyer 1 decrypts it, checks it against the commitment and confirms; a
second listing's seller hands the proxy a key that is not the committed one, the proxy delivers it,
buyer 2 disputes and the contract refunds it and slashes the deposit; buyer 3 buys the first item, is
delivered and stays silent: after the dispute window anyone finalises. The seller and the proxy
withdraw what they were credited.
"""

from __future__ import annotations

from fivefold.context import Context, Deployable, FlowError, Parameter, Step
from fivefold.datamarket import model
from fivefold.payouts import flow as payouts_flow
from fivefold.units import to_wei

MIN_PROXY_STAKE = to_wei(20_000)  # the seed's economy-node threshold: a proxy is a node with a stake
PROXY_FEE_BPS = 200  # 2% of a price to the proxy that delivered
MIN_DEPOSIT_BPS = 5_000  # a seller's deposit is at least half the price
DELIVERY_WINDOW = model.DAY
DISPUTE_WINDOW = 3 * model.DAY
PRICE = 10**16  # 0.01 of the native coin per item
DESCRIPTION = "fivefold demo: hourly air quality, Shanghai, 2026-11"
KEY = b"\x5e" * 32  # the demo item's data key (a 32-byte AES key)
WRONG_KEY = b"\x0b" * 32


def _home(ctx: Context) -> bool:
    return "CPC" in ctx.config["home"]


def _args(ctx: Context) -> list:
    return [
        ctx.deployer.address,
        ctx.address("CPC"),
        MIN_PROXY_STAKE,
        PROXY_FEE_BPS,
        MIN_DEPOSIT_BPS,
        DELIVERY_WINDOW,
        DISPUTE_WINDOW,
    ]


CONTRACTS = [
    # The deployer owns it until the handoff to the CC Timelock; CPC's home chain only.
    Deployable("DataMarket", "DataMarket", _args, when=_home),
]


def listed_assets(ctx: Context) -> dict[str, str]:
    """Symbol -> address of the ERC-20s `configure` lists beside the constructor's (USDT where known)."""
    known = payouts_flow.asset_addresses(ctx)
    return {s: known[s] for s in ("USDT",) if s in known}


def configure(ctx: Context) -> None:
    """Lists the chain's USDT once; after the handoff a missing listing is a proposal."""
    if "DataMarket" not in ctx.contracts:
        return
    market = ctx["DataMarket"]
    for symbol, address in listed_assets(ctx).items():
        if market.is_listed(address):
            continue
        if market.owner() != ctx.deployer.address:
            raise FlowError(
                f"{symbol} ({address}) is not listed in DataMarket on chain {ctx.chain_id}, which belongs to "
                f"governance now: propose DataMarket.set_asset_listed({address}, true)"
            )
        ctx.send(f"DataMarket.set_asset_listed({symbol})", market.set_asset_listed, address, True)


def parameters(ctx: Context) -> list[Parameter]:
    """The five tunable numbers, bounded by the contract's constants."""
    if "DataMarket" not in ctx.contracts:
        return []
    p = lambda name, setter, getter, value, low, high: Parameter(  # noqa: E731
        f"data_market.{name}", "DataMarket", setter, getter, value, low, high
    )
    return [
        p(
            "min_proxy_stake",
            "set_min_proxy_stake",
            "min_proxy_stake",
            MIN_PROXY_STAKE,
            0,
            model.MAX_PROXY_STAKE,
        ),
        p("proxy_fee_bps", "set_proxy_fee_bps", "proxy_fee_bps", PROXY_FEE_BPS, 0, model.MAX_FEE_BPS),
        p(
            "min_deposit_bps",
            "set_min_deposit_bps",
            "min_deposit_bps",
            MIN_DEPOSIT_BPS,
            0,
            model.MAX_DEPOSIT_BPS,
        ),
        p(
            "delivery_window",
            "set_delivery_window",
            "delivery_window",
            DELIVERY_WINDOW,
            model.MIN_WINDOW,
            model.MAX_WINDOW,
        ),
        p(
            "dispute_window",
            "set_dispute_window",
            "dispute_window",
            DISPUTE_WINDOW,
            model.MIN_WINDOW,
            model.MAX_WINDOW,
        ),
    ]


def exercise(ctx: Context) -> None:
    """List, buy, deliver, confirm; a wrong key disputed (refund + slash); a third purchase finalised
    after the window (see the module's docstring)."""
    if not _home(ctx) or "DataMarket" not in ctx.contracts:
        ctx.steps.append(Step("datamarket: not here", 0, "", "it lives where CPC is at home"))
        return
    treasury = ctx.signer(ctx.treasury)
    if not ctx.config.get("local") or treasury is None or len(ctx.users) < 8:
        ctx.skip("datamarket", "needs a local chain, the treasury's key and eight exercise accounts")
        return
    market, cpc = ctx["DataMarket"], ctx["CPC"]
    seller, proxy, first, second, third, cheat = (
        ctx.users[5],
        ctx.users[6],
        ctx.users[7],
        ctx.users[4],
        ctx.users[3],
        ctx.users[1],
    )
    stake = market.min_proxy_stake()
    if cpc.balanceOf(treasury) < stake:
        ctx.skip("datamarket", "the treasury holds too little CPC for a proxy stake")
        return
    if not market.is_proxy(proxy):
        ctx.step("CPC.transfer (treasury to a proxy)", cpc.transfer(proxy, stake, sender=treasury))
        ctx.step("CPC.approve (DataMarket)", cpc.approve(market, stake, sender=proxy))
        ctx.step("DataMarket.stake_proxy (20,000 CPC)", market.stake_proxy(stake, sender=proxy))
    item = _list(ctx, market, seller, KEY, "an item, native coin")
    _buy(ctx, market, item, first, proxy, "buyer 1")
    _deliver(ctx, market, item, first, proxy, KEY)
    ctx.step("DataMarket.confirm (buyer 1)", market.confirm(item["ids"][first.address], sender=first))
    ctx.check(market.listing(item["id"]).sales == 1, "datamarket: buyer 1's confirmation is a sale")

    bad = _list(ctx, market, cheat, KEY, "a second item, native coin")
    _buy(ctx, market, bad, second, proxy, "buyer 2")
    _deliver(ctx, market, bad, second, proxy, WRONG_KEY)
    pid = bad["ids"][second.address]
    c, x, parity = bad["deliveries"][second.address]
    ctx.step(
        "DataMarket.dispute (buyer 2: the key does not match)",
        market.dispute(pid, bad["buyers"][second.address].secret, c, x, parity, sender=second),
    )
    ctx.check(
        market.unclaimed(model.NATIVE, second) >= PRICE + bad["deposit"]
        and market.listing(bad["id"]).status == model.LISTING_SLASHED,
        "datamarket: the wrong key refunded buyer 2 and slashed the seller's deposit",
    )
    ctx.step("DataMarket.withdraw (buyer 2: refund + deposit)", market.withdraw(model.NATIVE, sender=second))

    _buy(ctx, market, item, third, proxy, "buyer 3")
    _deliver(ctx, market, item, third, proxy, KEY)
    if not ctx.advance(DISPUTE_WINDOW + 1):
        ctx.skip("DataMarket.finalise", "needs time travel past the dispute window (local chains only)")
        return
    ctx.step(
        "DataMarket.finalise (buyer 3 silent, window over)",
        market.finalise(item["ids"][third.address], sender=seller),
    )
    ctx.check(market.listing(item["id"]).sales == 2, "datamarket: the finalised purchase is a second sale")
    ctx.step("DataMarket.withdraw (seller)", market.withdraw(model.NATIVE, sender=seller))
    ctx.step("DataMarket.withdraw (proxy's fees)", market.withdraw(model.NATIVE, sender=proxy))
    record = market.proxy(proxy)
    ctx.check(
        record.deliveries >= 3 and record.disputes_lost >= 1, "datamarket: the proxy's record counts it all"
    )
    ctx.refresh_local_feeds()


def _list(ctx: Context, market, seller, key: bytes, what: str) -> dict:
    deposit = model.min_deposit(PRICE, market.min_deposit_bps())
    tx = market.list_item(
        model.NATIVE,
        PRICE,
        deposit,
        model.description_hash(DESCRIPTION),
        model.commitment(key),
        value=deposit,
        sender=seller,
    )
    ctx.step(f"DataMarket.list_item ({what})", tx)
    return dict(id=tx.return_value, deposit=deposit, ids={}, buyers={}, deliveries={})


def _buy(ctx: Context, market, item: dict, buyer, proxy, who: str) -> None:
    one_time = model.Buyer.new()
    tx = market.buy(item["id"], proxy, PRICE, one_time.key, value=PRICE, sender=buyer)
    ctx.step(f"DataMarket.buy ({who})", tx)
    item["ids"][buyer.address], item["buyers"][buyer.address] = tx.return_value, one_time


def _deliver(ctx: Context, market, item: dict, buyer, proxy, key: bytes) -> None:
    """The proxy encrypts `key` to the buyer's one-time public key; the buyer decrypts the posted
    delivery and compares it with the listing's commitment."""
    pid, one_time = item["ids"][buyer.address], item["buyers"][buyer.address]
    delivery = model.encrypt(key, pid, one_time.public, model.new_secret())
    item["deliveries"][buyer.address] = delivery
    right = "the committed key" if key == KEY else "a key that is not the committed one"
    ctx.step(f"DataMarket.deliver ({right})", market.deliver(pid, *delivery, sender=proxy))
    got = model.decrypt(delivery[0], pid, one_time.secret, delivery[1], delivery[2])
    matches = model.commitment(got) == market.listing(item["id"]).key_commitment
    ctx.check(matches == (key == KEY), "datamarket: the buyer decrypts what the proxy delivered")

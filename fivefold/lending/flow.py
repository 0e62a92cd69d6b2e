"""Lending: what `ape run deploy` deploys and configures, and what `ape run exercise` does.

Deploy order (CREATE2, same address and constructor arguments on every chain):
  1. LendingPriceAdapter, LendingController (owned by the deployer until the hand-over)
  2. LendingMarketBlueprint: `Market` as an ERC-5202 blueprint
  3. two KinkRateModel configurations: LendingKinkRateModelLinear (kink 100%, so linear: SPEC's
     2.5% + U x 20%) and LendingKinkRateModel (kink 80%, jump 300%)
  4. local chains only: the suite's one mock stablecoin `MockUSDT` (MockStablecoin, 6 decimals,
     open `faucet`) unless payouts already planned it, and LendingMockWrappedNative when the
     chain config has no `wrapped_native`

`configure(ctx)` then, idempotently and every transaction through `ctx.send` (so the deploy's
configuration table lists it): wires blueprint / adapter / wrapped native / risk parameters
into the controller, then per asset (CC, CMDT, HPC, CPC, CARTY, the 6-decimal stablecoin, the
wrapped native coin) sets its feed and creates its market. An asset without a feed is skipped
on a live chain; on a local chain the suite's settable `LocalPriceFeed` is deployed for it
(owned by the deployer, then by `owner` after the hand-over).

Parameters (deploy/<chain>.yaml, all optional; documented in docs/lending.md):

    lending:
      heartbeat: 86400            # default feed heartbeat, seconds (60 .. 7 days; local: 7 days)
      close_factor: 0.5
      liquidation_incentive: 1.08
      stablecoin: "0x..."         # the chain's 6-decimal stablecoin (local: MockUSDT)
      stablecoin_symbol: USDT
      markets:                    # per symbol; defaults in DEFAULT_MARKETS
        CC: {collateral_factor: 0.5, liquidation_threshold: 0.6, reserve_factor: 0.1, model: linear,
             heartbeat: 86400}
      local_prices:               # USD answers of the local feeds (LocalPriceFeed)
        CC: 0.05
      mining:                     # liquidity mining (SPEC 4.4): CC per second per market side
        USD6: {suppliers: 0.01, borrowers: 0.01}   # local default; live chains: none unless listed

Liquidity mining: for each market listed under `lending.mining` (governance's choice; by default
the local chains mine their stablecoin market), `configure` deploys the market's two
`LendingMining` streams (`LendingMining<label>Suppliers`, `LendingMining<label>Borrowers`: plain
creations, since the market's address differs per chain; found again through `Market.mining()`),
chains them and names the suppliers' stream in the market. Their rates are registry parameters
(`lending_mining.<label>.suppliers_rate`, `.borrowers_rate`); the budget is CC from the Ecosystem
allocation, funded where CC is at home (the exercise's treasury; on a live chain a proposal).
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from fivefold.context import Context, Deployable, Parameter, Step
from fivefold.lending import model as lending
from fivefold.units import DAY, WAD, to_wei

SUITE_TOKENS = ("CC", "CMDT", "HPC", "CPC", "CARTY")
STABLE, NATIVE = "STABLE", "NATIVE"

# collateral factor (borrow limit), reserve factor, model, liquidation threshold; conservative for
# the suite's young tokens, with 5-10 points between the borrow limit and liquidation (Aave's gap)
DEFAULT_MARKETS = {
    "CC": ("0.50", "0.10", "linear", "0.60"),
    "CMDT": ("0.50", "0.10", "linear", "0.60"),
    "HPC": ("0.40", "0.15", "linear", "0.50"),
    "CPC": ("0.50", "0.10", "linear", "0.60"),
    "CARTY": ("0.40", "0.15", "linear", "0.50"),
    STABLE: ("0.80", "0.10", "kink", "0.85"),
    NATIVE: ("0.75", "0.10", "kink", "0.80"),
}
DEFAULT_LOCAL_PRICES = {
    "CC": "0.05",
    "CMDT": "0.10",
    "HPC": "1.50",
    "CPC": "0.02",
    "CARTY": "0.80",
    STABLE: "1",
    NATIVE: "2000",
}
DEFAULT_HEARTBEAT = DAY
LOCAL_HEARTBEAT = 7 * DAY  # local feeds move only when the demo moves them
ZERO = "0x0000000000000000000000000000000000000000"
FEED_DECIMALS = 8
# Liquidity mining: the two sides of a market, the local default rates (CC per second each) and
# the registry's upper bound.
MINING_SIDES = ("suppliers", "borrowers")
LOCAL_MINING_RATES = {"suppliers": "0.01", "borrowers": "0.01"}
MAX_MINING_RATE = 100 * WAD
MINING_BUDGET = 10_000 * WAD  # CC per stream funded by the exercise's treasury
# The local chains' one mock stablecoin, shared with payouts (fivefold/payouts/flow.py plans it
# first under the same name), so red packets and lending run on the same "USDT".
LOCAL_STABLECOIN = "MockUSDT"


def _local(ctx: Context) -> bool:
    return bool(ctx.config.get("local"))


def _needs_wrapped_mock(ctx: Context) -> bool:
    return _local(ctx) and not ctx.config.get("wrapped_native")


CONTRACTS = [
    Deployable("LendingPriceAdapter", "PriceAdapter", lambda ctx: [ctx.deployer.address]),
    Deployable("LendingController", "Controller", lambda ctx: [ctx.deployer.address]),
    Deployable("LendingMarketBlueprint", "Market", blueprint=True),
    Deployable("LendingKinkRateModelLinear", "KinkRateModel", lambda ctx: list(lending.LINEAR_MODEL_ARGS)),
    Deployable("LendingKinkRateModel", "KinkRateModel", lambda ctx: list(lending.KINK_MODEL_ARGS)),
    Deployable(
        LOCAL_STABLECOIN,
        "MockStablecoin",
        when=lambda ctx: (
            _local(ctx) and not _params(ctx).get("stablecoin") and LOCAL_STABLECOIN not in ctx.contracts
        ),
    ),
    Deployable("LendingMockWrappedNative", "MockWrappedNative", when=_needs_wrapped_mock),
]


def _params(ctx: Context) -> dict:
    return ctx.config.get("lending") or {}


def _wad(x) -> int:
    return int(Decimal(str(x)) * WAD)


def assets(ctx: Context) -> dict[str, str]:
    """symbol -> asset address for every market this chain should have."""
    p = _params(ctx)
    found = {s: ctx.address(s) for s in SUITE_TOKENS if s in ctx.contracts}
    stable = p.get("stablecoin") or (
        ctx.address(LOCAL_STABLECOIN) if _local(ctx) and LOCAL_STABLECOIN in ctx.contracts else None
    )
    if stable:
        found[STABLE] = stable
    native = ctx.config.get("wrapped_native") or (
        ctx.address("LendingMockWrappedNative") if "LendingMockWrappedNative" in ctx.contracts else None
    )
    if native:
        found[NATIVE] = native
    return found


def _label(ctx: Context, symbol: str) -> str:
    p = _params(ctx)
    if symbol == STABLE:
        return p.get("stablecoin_symbol", "USD6" if _local(ctx) else "USDT")
    if symbol == NATIVE:
        return {1: "WETH", 56: "WBNB", 137: "WPOL", 66: "WOKT"}.get(ctx.chain_id, "WNATIVE")
    return symbol


def _feed_for(ctx: Context, symbol: str, label: str, existing: str = ZERO):
    """The asset's USD feed: the chain config's `price_feeds` entry; on a local chain without one, the
    `LocalPriceFeed` the adapter already names (`existing`) or a new one, answered once; else None."""
    feeds = ctx.config.get("price_feeds") or {}
    for key in (label, symbol):
        if feeds.get(key):
            return feeds[key]
    if not _local(ctx):
        return None
    name = f"LendingFeed{label}"
    if existing != ZERO:
        # a re-run keeps the mock it set up the first time. Known by name also when this run adopted
        # the suite without its manifest's records: `refresh_local_feeds` dates only feeds it knows,
        # and a stale collateral price leaves the borrower no borrowing power.
        if name not in ctx.contracts and ctx.holds_code_of(existing, ctx.project.LocalPriceFeed):
            ctx.contracts[name] = ctx.project.LocalPriceFeed.at(existing)
        return existing
    # local chain without a configured feed: a LocalPriceFeed (found again through the adapter)
    # a deploy stopped after creating the feed (before the adapter named it) finds it again, and
    # answers it if the stopped run had not (deployment.adopt_created may have put it in ctx already)
    feed = ctx.create_once(
        name,
        ctx.project.LocalPriceFeed,
        lambda: [FEED_DECIMALS, f"{label} / USD", ctx.deployer.address],
    )
    if feed.round_id() == 0:
        price = (_params(ctx).get("local_prices") or {}).get(label) or DEFAULT_LOCAL_PRICES[symbol]
        answer = int(Decimal(str(price)) * 10**FEED_DECIMALS)
        ctx.send(f"{name}.set_answer", feed.set_answer, answer, ctx.chain.blocks.head.timestamp)
    return feed.address


def configure(ctx: Context) -> None:
    """Owner-only setup after deployment; safe to run again (each setter only when needed)."""
    _wire_controller(ctx)
    for symbol, asset in assets(ctx).items():
        _list_market(ctx, symbol, asset)
    for label in mined(ctx):
        _mine(ctx, label)


def mined(ctx: Context) -> dict[str, dict[str, int]]:
    """label -> {"suppliers": rate, "borrowers": rate} (CC wei per second) of every market this
    chain's configuration mines and that exists (`lending.mining`; local default: the stablecoin's)."""
    p = _params(ctx)
    default = {_label(ctx, STABLE): dict(LOCAL_MINING_RATES)} if _local(ctx) else {}
    wanted = p["mining"] if "mining" in p else default
    out = {}
    for label, rates in (wanted or {}).items():
        if f"LendingMarket{label}" in ctx.contracts:
            out[label] = {side: int(to_wei((rates or {}).get(side, 0))) for side in MINING_SIDES}
    return out


def _mine(ctx: Context, label: str) -> None:
    """The market's two mining streams (deployed once, found again through `Market.mining()`),
    chained, and named in the market; their rates are registry parameters."""
    market = ctx[f"LendingMarket{label}"]
    suppliers, borrowers = f"LendingMining{label}Suppliers", f"LendingMining{label}Borrowers"
    if market.mining() != ZERO:
        stream = ctx.project.LendingMining.at(market.mining())
        ctx.contracts[suppliers] = stream
        ctx.contracts[borrowers] = ctx.project.LendingMining.at(stream.borrow_stream())
    else:
        # created once: a deploy stopped between creating a stream and naming it in the market finds
        # it again from its written-ahead record (Context.create_once)
        cc, owner, mining = ctx.address("CC"), ctx.deployer.address, ctx.project.LendingMining
        stream = ctx.create_once(suppliers, mining, lambda: [market, market, False, cc, owner])
        debts = ctx.create_once(borrowers, mining, lambda: [market, stream, True, cc, owner])
        if stream.borrow_stream() != debts.address:
            ctx.send(f"{suppliers}.set_borrow_stream", stream.set_borrow_stream, debts)
        ctx.send(f"LendingMarket{label}.set_mining", market.set_mining, stream)
    # on a first deployment (no registry named yet) the rates are written here, as the Controller's
    # numbers are; the registry holds them afterwards
    for side, name in zip(MINING_SIDES, (suppliers, borrowers), strict=True):
        contract, rate = ctx[name], mined(ctx)[label][side]
        if ctx.writes_directly(contract) and contract.reward_rate() != rate:
            ctx.send(f"{name}.set_reward_rate", contract.set_reward_rate, rate)


def _wire_controller(ctx: Context) -> None:
    """The controller's blueprint, price adapter, wrapped native coin, and on a first deployment (no
    parameter registry named yet) its risk parameters; the registry holds them afterwards."""
    p = _params(ctx)
    controller, adapter = ctx["LendingController"], ctx["LendingPriceAdapter"]
    if controller.market_blueprint() == ZERO:
        ctx.send(
            "LendingController.set_market_blueprint",
            controller.set_market_blueprint,
            ctx.address("LendingMarketBlueprint"),
        )
    if controller.price_adapter() != adapter.address:
        ctx.send("LendingController.set_price_adapter", controller.set_price_adapter, adapter)
    native = assets(ctx).get(NATIVE)
    if native and controller.wrapped_native() != native:
        ctx.send("LendingController.set_wrapped_native", controller.set_wrapped_native, native)
    if not ctx.writes_directly(controller):
        return
    if "close_factor" in p and controller.close_factor() != _wad(p["close_factor"]):
        ctx.send("LendingController.set_close_factor", controller.set_close_factor, _wad(p["close_factor"]))
    incentive = p.get("liquidation_incentive")
    if incentive is not None and controller.liquidation_incentive() != _wad(incentive):
        ctx.send(
            "LendingController.set_liquidation_incentive",
            controller.set_liquidation_incentive,
            _wad(incentive),
        )


class MarketSettings(NamedTuple):
    """One asset's market as this chain's configuration wants it."""

    label: str
    collateral_factor: int  # WAD
    liquidation_threshold: int  # WAD
    reserve_factor: int  # WAD
    rate_model: str  # the KinkRateModel's address
    heartbeat: int  # seconds


def market_settings(ctx: Context, symbol: str) -> MarketSettings:
    """deploy/<chain>.yaml's `lending.markets.<label or symbol>` over DEFAULT_MARKETS."""
    p = _params(ctx)
    label = _label(ctx, symbol)
    cf, rf, model, lt = DEFAULT_MARKETS[symbol]
    o = (p.get("markets") or {}).get(label) or (p.get("markets") or {}).get(symbol) or {}
    factor = _wad(o.get("collateral_factor", cf))
    default_heartbeat = LOCAL_HEARTBEAT if _local(ctx) else DEFAULT_HEARTBEAT
    return MarketSettings(
        label,
        factor,
        # a configured factor above the default threshold lifts it (never below the factor)
        _wad(o["liquidation_threshold"]) if "liquidation_threshold" in o else max(_wad(lt), factor),
        _wad(o.get("reserve_factor", rf)),
        ctx.address(
            "LendingKinkRateModel" if o.get("model", model) == "kink" else "LendingKinkRateModelLinear"
        ),
        int(o.get("heartbeat", p.get("heartbeat", default_heartbeat))),
    )


def _list_market(ctx: Context, symbol: str, asset: str) -> None:
    """The asset's feed and heartbeat in the adapter (on a first deployment), then its market; no feed,
    no market (documented)."""
    controller, adapter = ctx["LendingController"], ctx["LendingPriceAdapter"]
    settings = market_settings(ctx, symbol)
    label = settings.label
    feed = _feed_for(ctx, symbol, label, adapter.feed(asset))
    if feed is None:
        return
    stale = adapter.feed(asset) != feed or adapter.heartbeat(asset) != settings.heartbeat
    if stale and ctx.writes_directly(adapter):
        ctx.send(f"LendingPriceAdapter.set_feed({label})", adapter.set_feed, asset, feed, settings.heartbeat)
    if controller.market_for(asset) == ZERO:
        ctx.send(
            f"LendingController.create_market({label})",
            controller.create_market,
            asset,
            settings.rate_model,
            settings.reserve_factor,
            settings.collateral_factor,
            settings.liquidation_threshold,
            f"Pledge {label} deposit slip",
            f"slip{label}",
        )
    ctx.contracts[f"LendingMarket{label}"] = ctx.project.Market.at(controller.market_for(asset))


def parameters(ctx: Context) -> list[Parameter]:
    """Lending's tunable numbers for the parameter registry: the Controller's close factor, incentive
    and bad-debt dust; per market its factors, caps, reserve factor and rate model; per asset its feed
    and heartbeat in the price adapter. Bounds are the contracts' own limits."""
    p = _params(ctx)
    controller, adapter = ctx["LendingController"], ctx["LendingPriceAdapter"]
    c = "LendingController"
    out = [
        Parameter(
            "lending.close_factor",
            c,
            "set_close_factor",
            "close_factor",
            _wad(p.get("close_factor", "0.5")),
            5 * WAD // 100,
            9 * WAD // 10,
        ),
        Parameter(
            "lending.liquidation_incentive",
            c,
            "set_liquidation_incentive",
            "liquidation_incentive",
            _wad(p.get("liquidation_incentive", "1.08")),
            WAD,
            11 * WAD // 10,
        ),
        Parameter(
            "lending.bad_debt_dust",
            c,
            "set_bad_debt_dust",
            "bad_debt_dust",
            _wad(p["bad_debt_dust"]) if "bad_debt_dust" in p else controller.bad_debt_dust(),
            0,
            100 * WAD,
        ),
    ]
    for symbol, asset in assets(ctx).items():
        market = controller.market_for(asset)
        if market == ZERO:
            continue  # no feed, no market
        s = market_settings(ctx, symbol)
        m, name = f"LendingMarket{s.label}", f"lending.{s.label}"
        config = controller.market_config(market)
        caps = dict(key=market, arity=2, maximum=2**128 - 1)
        feed = dict(key=asset, arity=2)
        out += [
            Parameter(
                f"{name}.collateral_factor",
                c,
                "set_collateral_factor",
                "collateral_factor",
                s.collateral_factor,
                0,
                9 * WAD // 10,
                key=market,
            ),
            Parameter(
                f"{name}.liquidation_threshold",
                c,
                "set_liquidation_threshold",
                "liquidation_threshold",
                s.liquidation_threshold,
                0,
                9 * WAD // 10,
                key=market,
            ),
            Parameter(
                f"{name}.supply_cap",
                c,
                "set_caps",
                "market_config",
                config.supply_cap,
                position=0,
                field="supply_cap",
                **caps,
            ),
            Parameter(
                f"{name}.borrow_cap",
                c,
                "set_caps",
                "market_config",
                config.borrow_cap,
                position=1,
                field="borrow_cap",
                **caps,
            ),
            Parameter(
                f"{name}.reserve_factor",
                m,
                "set_reserve_factor",
                "reserve_factor",
                s.reserve_factor,
                0,
                WAD // 2,
            ),
            Parameter(
                f"{name}.rate_model",
                m,
                "set_rate_model",
                "rate_model",
                int(s.rate_model, 16),
                is_address=True,
            ),
            Parameter(
                f"{name}.feed",
                "LendingPriceAdapter",
                "set_feed",
                "feed",
                int(_feed_for(ctx, symbol, s.label, adapter.feed(asset)), 16),
                is_address=True,
                position=0,
                **feed,
            ),
            Parameter(
                f"{name}.heartbeat",
                "LendingPriceAdapter",
                "set_feed",
                "heartbeat",
                s.heartbeat,
                60,
                7 * DAY,
                position=1,
                **feed,
            ),
        ]
    for label, rates in mined(ctx).items():
        for side in MINING_SIDES:
            out.append(
                Parameter(
                    f"lending_mining.{label}.{side}_rate",
                    f"LendingMining{label}{side.capitalize()}",
                    "set_reward_rate",
                    "reward_rate",
                    rates[side],
                    0,
                    MAX_MINING_RATE,
                )
            )
    return out


def _local_feed(ctx: Context, asset: str):
    """The `LocalPriceFeed` pricing `asset` in the adapter."""
    return ctx.project.LocalPriceFeed.at(ctx["LendingPriceAdapter"].feed(asset))


def _set_answer(ctx: Context, feed, answer: int) -> bool:
    """Sets a local feed's answer, dated now, from its owner (the deployer before the hand-over,
    `owner` after it); False if no account of this session owns it."""
    signer = ctx.signer(feed.owner())
    if signer is None:
        return False
    feed.set_answer(answer, ctx.chain.blocks.head.timestamp, sender=signer)
    return True


def exercise(ctx: Context) -> None:
    """Supply, borrow, accrue over time, repay, a price drop and a liquidation (local chains)."""
    found = assets(ctx)
    if not _local(ctx) or len(ctx.users) < 3:
        ctx.skip("lending", "needs a local chain and three exercise accounts")
        return
    if STABLE not in found or NATIVE not in found or LOCAL_STABLECOIN not in ctx.contracts:
        ctx.skip(
            "lending",
            "needs the local stablecoin and wrapped native markets (nobody funds a real stablecoin)",
        )
        return
    supplier, borrower, liquidator = ctx.users[:3]
    controller = ctx["LendingController"]
    usd = ctx.project.Market.at(controller.market_for(found[STABLE]))
    native = ctx.project.Market.at(controller.market_for(found[NATIVE]))
    ctx.refresh_local_feeds()  # earlier flows may have moved the clock past the feeds' heartbeat
    _fund(ctx, usd, supplier, borrower, liquidator)
    streams = _fund_mining(ctx, _label(ctx, STABLE))
    borrowed = _supply_and_borrow(ctx, usd, native, supplier, borrower)
    _accrue_and_repay(ctx, usd, supplier, borrower, borrowed)
    _claim_mining(ctx, streams, supplier, borrower)
    _liquidate(ctx, usd, native, borrower, liquidator)


def _fund_mining(ctx: Context, label: str) -> tuple | None:
    """The treasury funds the stablecoin market's two mining streams from the Ecosystem CC, where
    the market is mined and CC is at home (elsewhere CC arrives only through the bridge)."""
    name = f"LendingMining{label}Suppliers"
    if name not in ctx.contracts:
        note = f"{label} is not mined (lending.mining)"
        ctx.steps.append(Step("lending: no liquidity mining", 0, "", note))
        return None
    streams = (ctx[name], ctx[f"LendingMining{label}Borrowers"])
    cc, treasury = ctx["CC"], ctx.signer(ctx.treasury)
    if treasury is None or cc.balanceOf(treasury) < 2 * MINING_BUDGET:
        note = "CC is not at home on this chain: its streams wait for CC moving between chains"
        ctx.steps.append(Step("lending: mining streams unfunded", 0, "", note))
        return None
    for stream, side in zip(streams, MINING_SIDES, strict=True):
        if stream.unallocated() >= MINING_BUDGET // 2:
            continue  # funded by an earlier exercise, with time left
        ctx.step(f"CC.approve (the {side}' stream)", cc.approve(stream, MINING_BUDGET, sender=treasury))
        ctx.step(f"LendingMining.fund ({side}, Ecosystem CC)", stream.fund(MINING_BUDGET, sender=treasury))
    return streams


def _claim_mining(ctx: Context, streams: tuple | None, supplier, borrower) -> None:
    """The supplier and the borrower claim the CC their deposit and debt mined over the accrual."""
    if streams is None:
        return
    cc = ctx["CC"]
    for stream, account, side in zip(streams, (supplier, borrower), MINING_SIDES, strict=True):
        owed = stream.earned(account)
        if owed == 0:
            ctx.skip(f"LendingMining.claim ({side})", "the stream's rate is 0 (lending.mining)")
            continue
        before = cc.balanceOf(account)
        ctx.step(f"LendingMining.claim ({side})", stream.claim(sender=account), f"{owed / WAD:,.2f} CC mined")
        ctx.check(cc.balanceOf(account) - before >= owed, f"the {side[:-1]} was paid what it mined")


def _fund(ctx: Context, usd, supplier, borrower, liquidator) -> None:
    """The local stablecoin's faucet for the supplier and the liquidator; every role approves the market."""
    stable = ctx[LOCAL_STABLECOIN]
    unit = 10 ** stable.decimals()
    stable.faucet(supplier, 100_000 * unit, sender=supplier)
    stable.faucet(liquidator, 100_000 * unit, sender=liquidator)
    for account in (supplier, liquidator, borrower):
        stable.approve(usd, 2**256 - 1, sender=account)


def _supply_and_borrow(ctx: Context, usd, native, supplier, borrower) -> int:
    """The supplier lends stablecoin; the borrower pledges native coin and borrows 90% of its power."""
    controller = ctx["LendingController"]
    unit = 10 ** ctx[LOCAL_STABLECOIN].decimals()
    ctx.step("lending: supply 100,000 stablecoin", usd.deposit(100_000 * unit, supplier, sender=supplier))
    ctx.step(
        "lending: supply 10 native coin as collateral",
        native.deposit_native(borrower, value=10 * WAD, sender=borrower),
    )
    ctx.step("lending: enable collateral", controller.enter_markets([native], sender=borrower))
    power = controller.account_liquidity(borrower).borrowable
    amount = power * 9 // 10 * unit // WAD
    ctx.check(amount != 0, "the borrower's collateral has a price (its feed answered within its heartbeat)")
    ctx.step(
        "lending: borrow stablecoin",
        usd.borrow(amount, borrower, sender=borrower),
        note=f"health {controller.health_factor(borrower) / WAD:.2f}",
    )
    return amount


def _accrue_and_repay(ctx: Context, usd, supplier, borrower, borrowed: int) -> None:
    """Interest accrues for five days (within the local feeds' heartbeat); the borrower repays a tenth."""
    unit = 10 ** ctx[LOCAL_STABLECOIN].decimals()
    ctx.advance(5 * DAY)
    ctx.step(
        "lending: accrue 5 days",
        usd.accrue(sender=supplier),
        note=f"debt {usd.debt_of(borrower) / unit:,.2f}",
    )
    ctx.step("lending: repay a tenth", usd.repay(borrowed // 10, borrower, sender=borrower))


def _liquidate(ctx: Context, usd, native, borrower, liquidator) -> None:
    """The native coin falls 25%: the borrower drops below health 1 and the liquidator repays part
    of the debt for its collateral; the price is restored afterwards."""
    controller = ctx["LendingController"]
    feed = _local_feed(ctx, assets(ctx)[NATIVE])
    answer = feed.answer()
    if not _set_answer(ctx, feed, answer * 3 // 4):
        ctx.skip("lending: liquidate", "no account of this session owns the native coin's feed")
        return
    health = controller.health_factor(borrower)
    if health >= WAD:
        ctx.skip("lending: liquidate", f"health {health / WAD:.3f} after the price drop")
    else:
        repay = usd.debt_of(borrower) * controller.close_factor() // WAD // 2
        ctx.step(
            "lending: liquidate",
            usd.liquidate(borrower, repay, native, 0, sender=liquidator),
            note=f"health before {health / WAD:.3f}",
        )
    _set_answer(ctx, feed, answer)

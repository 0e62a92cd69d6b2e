"""Pledge lending: the Python mirror of the markets' math, the system's deployment, and the markets table.

Every function in the first half mirrors one formula of contracts/lending/ (same integer
operations, same rounding direction); tests use them as the oracle. Symbols as in Market.vy:
C cash, B borrows, R reserves, A = C + B - R, S voucher supply, I borrow index, r rate per second.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from fivefold.units import WAD, YEAR

# --- constants (mirrors of the contracts' constants)
VIRTUAL_SHARES = 1000
VIRTUAL_ASSETS = 1
DECIMALS_OFFSET = 3
MAX_BORROW_RATE = 10 * WAD // YEAR  # per second: 1000% a year
MAX_RESERVE_FACTOR = 5 * 10**17
MAX_COLLATERAL_FACTOR = 9 * 10**17
MAX_LIQUIDATION_THRESHOLD = 9 * 10**17
MAX_THRESHOLD_CUT = 5 * 10**16  # one cut of a liquidation threshold: at most 5 points ...
THRESHOLD_CUT_DELAY = 7 * 86400  # ... and at most one cut a week
MIN_CLOSE_FACTOR, MAX_CLOSE_FACTOR = 5 * 10**16, 9 * 10**17
MIN_LIQUIDATION_INCENTIVE, MAX_LIQUIDATION_INCENTIVE = WAD, 11 * 10**17
MAX_BAD_DEBT_DUST = 100 * WAD
MAX_MARKETS = 32  # also bounds the markets one account can enter (a bitmask)
DEFAULT_CLOSE_FACTOR = 5 * 10**17
DEFAULT_LIQUIDATION_INCENTIVE = 108 * 10**16
BLUEPRINT_CODE_OFFSET = 3  # ERC-5202 preamble 0xFE7100

# SPEC (CloudChat 4.4): borrow rate per year = 2.5% + U x 20%
DEFAULT_BASE_RATE = 25 * 10**15
DEFAULT_SLOPE = 2 * 10**17
# one KinkRateModel: the stablecoin / native markets' kink and jump ...
DEFAULT_KINK = 8 * 10**17
DEFAULT_JUMP_SLOPE = 3 * WAD
# ... and the linear configuration: kink at 100% (the jump never applies)
LINEAR_KINK, LINEAR_JUMP_SLOPE = WAD, 0
# constructor arguments of the two configurations the suite deploys
LINEAR_MODEL_ARGS = (DEFAULT_BASE_RATE, DEFAULT_SLOPE, LINEAR_KINK, LINEAR_JUMP_SLOPE)
KINK_MODEL_ARGS = (DEFAULT_BASE_RATE, DEFAULT_SLOPE, DEFAULT_KINK, DEFAULT_JUMP_SLOPE)


def ceil_div(x: int, y: int) -> int:
    return -(-x // y)


def mul_div(x: int, y: int, d: int, round_up: bool) -> int:
    return ceil_div(x * y, d) if round_up else x * y // d


# --- rate models


def utilization(cash: int, borrows: int) -> int:
    """U = B / (C + B), WAD, rounded down; 0 without borrows."""
    return 0 if borrows == 0 else borrows * WAD // (cash + borrows)


def linear_rate_per_year(
    cash: int, borrows: int, base: int = DEFAULT_BASE_RATE, slope: int = DEFAULT_SLOPE
) -> int:
    """base + U x slope: the kink model with its kink at 100%."""
    return kink_rate_per_year(cash, borrows, base, slope, LINEAR_KINK, LINEAR_JUMP_SLOPE)


def kink_rate_per_year(
    cash: int,
    borrows: int,
    base: int = DEFAULT_BASE_RATE,
    slope: int = DEFAULT_SLOPE,
    kink: int = DEFAULT_KINK,
    jump: int = DEFAULT_JUMP_SLOPE,
) -> int:
    """base + U x slope below the kink; base + kink x slope + (U - kink) x jump above."""
    u = utilization(cash, borrows)
    if u <= kink:
        return base + u * slope // WAD
    return base + kink * slope // WAD + (u - kink) * jump // WAD


def per_second(rate_per_year: int) -> int:
    """What the models return and the market stores (capped): rate per year / YEAR, down."""
    return min(rate_per_year // YEAR, MAX_BORROW_RATE)


def supply_rate_per_year(borrow_apr: int, u: int, reserve_factor: int) -> int:
    """borrow APR x U x (1 - rf), rounded down."""
    return borrow_apr * u // WAD * (WAD - reserve_factor) // WAD


def apy(apr: int) -> float:
    """e^APR - 1: per-second compounding."""
    return math.expm1(apr / WAD)


# --- market state


@dataclass(frozen=True)
class Totals:
    cash: int
    borrows: int
    reserves: int
    index: int

    @property
    def assets(self) -> int:
        """A = C + B - R."""
        return self.cash + self.borrows - self.reserves


def accrue(t: Totals, rate: int, dt: int, reserve_factor: int) -> Totals:
    """Mirror of Market._current: f = r dt; I' = I + I f / WAD (down); B' = B I' / I (down);
    R' = R + ceil((B' - B) rf / WAD): the reserves' share rounds up, so they never lose a unit."""
    if dt == 0:
        return t
    f = rate * dt
    index = t.index + t.index * f // WAD
    borrows = t.borrows * index // t.index
    reserves = t.reserves + ceil_div((borrows - t.borrows) * reserve_factor, WAD)
    return replace(t, borrows=borrows, reserves=reserves, index=index)


def to_shares(assets: int, total_assets: int, supply: int, round_up: bool = False) -> int:
    """assets x (S + VS) / (A + VA): down on deposit, up on withdraw."""
    return mul_div(assets, supply + VIRTUAL_SHARES, total_assets + VIRTUAL_ASSETS, round_up)


def to_assets(shares: int, total_assets: int, supply: int, round_up: bool = False) -> int:
    """shares x (A + VA) / (S + VS): down on redeem, up on mint."""
    return mul_div(shares, total_assets + VIRTUAL_ASSETS, supply + VIRTUAL_SHARES, round_up)


def debt(principal: int, index_now: int, account_index: int) -> int:
    """ceil(p x I / i)."""
    return 0 if principal == 0 else ceil_div(principal * index_now, account_index)


def value(amount: int, price: int) -> int:
    """USD (WAD) of `amount` smallest units at an adapter price, rounded down."""
    return amount * price // WAD


def adapter_price(answer: int, feed_decimals: int, asset_decimals: int) -> int:
    """PriceAdapter.price: answer x 10**(36 - feed decimals - asset decimals)."""
    return answer * 10 ** (36 - feed_decimals - asset_decimals)


def capped_incentive(raw: int, debt_value: int, incentive: int = DEFAULT_LIQUIDATION_INCENTIVE) -> int:
    """Controller._incentive: min(LI, (C - 2) / D) while C >= D, else LI (down)."""
    if raw < debt_value:
        return incentive
    return min(incentive, (raw - min(raw, 2)) * WAD // debt_value)


def seize_assets(
    repay: int, price_borrowed: int, price_collateral: int, incentive: int = DEFAULT_LIQUIDATION_INCENTIVE
) -> int:
    """repaid value x incentive / collateral price, rounded down."""
    return (repay * price_borrowed // WAD) * incentive // price_collateral


@dataclass(frozen=True)
class Position:
    """One market seen by one account: what Controller._liquidity reads."""

    supplied: int  # assets, rounded down
    debt: int  # rounded up
    price: int
    collateral_factor: int
    liquidation_threshold: int | None = None  # None: equal to the collateral factor


def liquidity(positions: list[Position], threshold: bool = False) -> tuple[int, int, int]:
    """(weighted value, debt value, raw collateral value) as Controller._liquidity computes them:
    collateral weighed by the collateral factor (the borrow limit) or, with `threshold`, by the
    liquidation threshold (the liquidation limit)."""
    weighted = debt_value = raw = 0
    for p in positions:
        if p.supplied:
            v = p.supplied * p.price // WAD
            raw += v
            lt = p.collateral_factor if p.liquidation_threshold is None else p.liquidation_threshold
            weighted += v * (lt if threshold else p.collateral_factor) // WAD
        if p.debt:
            debt_value += ceil_div(p.debt * p.price, WAD)
    return weighted, debt_value, raw


def health_factor(positions: list[Position]) -> int:
    """Controller.health_factor: liquidation limit / debt value (liquidatable below WAD)."""
    weighted, debt_value, _ = liquidity(positions, threshold=True)
    return 2**256 - 1 if debt_value == 0 else weighted * WAD // debt_value


# --- deployment (shared by tests, the gas bench and the deploy flow)


def declare_blueprint(project, sender) -> str:
    """Deploys `Market` as an ERC-5202 blueprint (0xFE7100 + init code) and returns its address.

    Ape 0.8's `account.declare(container)` wraps the init code in the EIP-5202 preamble and
    deploys it with a plain creation transaction; `create_from_blueprint(..., code_offset=3)`
    in the Controller skips the preamble.
    """
    receipt = sender.declare(project.Market)
    return receipt.contract_address


@dataclass
class System:
    """A deployed lending system (tests and bench)."""

    controller: object
    adapter: object
    linear: object  # KinkRateModel with kink 100% (LINEAR_MODEL_ARGS)
    kink: object  # KinkRateModel with kink 80% (KINK_MODEL_ARGS)
    blueprint: str
    markets: dict  # symbol -> market contract
    tokens: dict  # symbol -> token contract
    feeds: dict  # symbol -> feed contract


def market_at(project, address):
    return project.Market.at(address)


def create_market(
    project,
    controller,
    asset,
    rate_model,
    reserve_factor,
    collateral_factor,
    name,
    symbol,
    sender,
    liquidation_threshold=None,
):
    """Lists a market (liquidation threshold: the collateral factor unless given) and returns it."""
    threshold = collateral_factor if liquidation_threshold is None else liquidation_threshold
    receipt = controller.create_market(
        asset, rate_model, reserve_factor, collateral_factor, threshold, name, symbol, sender=sender
    )
    address = receipt.events.filter(controller.MarketListed)[0].market
    return project.Market.at(address)


# --- the markets table


@dataclass(frozen=True)
class MarketRow:
    symbol: str
    market: str
    asset: str
    cash: int
    borrows: int
    reserves: int
    decimals: int
    utilization: int
    borrow_apr: int
    supply_apr: int
    borrow_apy: int
    supply_apy: int
    collateral_factor: int


def market_rows(controller, project=None) -> list[MarketRow]:
    """One row per listed market: size, utilization, rates and APYs (all WAD but amounts)."""
    from ape import Contract

    rows = []
    for address in controller.all_markets():
        market = project.Market.at(address) if project is not None else Contract(address)
        cash, borrows, reserves, _ = market.current_totals()
        r = market.rates()
        u, b_apr, s_apr, b_apy, s_apy = r.utilization, r.borrow_apr, r.supply_apr, r.borrow_apy, r.supply_apy
        asset = market.asset()
        decimals = market.decimals() - DECIMALS_OFFSET
        symbol = str(market.symbol())
        rows.append(
            MarketRow(
                symbol=symbol,
                market=str(address),
                asset=str(asset),
                cash=cash,
                borrows=borrows,
                reserves=reserves,
                decimals=decimals,
                utilization=u,
                borrow_apr=b_apr,
                supply_apr=s_apr,
                borrow_apy=b_apy,
                supply_apy=s_apy,
                collateral_factor=controller.collateral_factor(address),
            )
        )
    return rows


def markets_table(rows: list[MarketRow]):
    """A rich Table of `market_rows`."""
    from rich.table import Table

    def pct(x: int) -> str:
        return f"{100 * x / WAD:.2f}%"

    def amount(x: int, decimals: int) -> str:
        return f"{x / 10**decimals:,.2f}"

    table = Table(title="Lending markets")
    for column in (
        "market",
        "cash",
        "borrows",
        "reserves",
        "utilization",
        "borrow APR",
        "borrow APY",
        "supply APR",
        "supply APY",
        "collateral factor",
    ):
        table.add_column(column, justify="left" if column == "market" else "right")
    for r in rows:
        table.add_row(
            r.symbol,
            amount(r.cash, r.decimals),
            amount(r.borrows, r.decimals),
            amount(r.reserves, r.decimals),
            pct(r.utilization),
            pct(r.borrow_apr),
            pct(r.borrow_apy),
            pct(r.supply_apr),
            pct(r.supply_apy),
            pct(r.collateral_factor),
        )
    return table


# --- a complete local system (tests and the gas bench)

# symbol -> (feed answer with 8 decimals, collateral factor); the local system lists every market
# with its liquidation threshold equal to its collateral factor (Compound's single factor), so a
# test of the two factors sets the threshold itself
LOCAL_ASSETS = {
    "CC": (2 * 10**8, 75 * 10**16),
    "CMDT": (1 * 10**8, 60 * 10**16),
    "USD6": (1 * 10**8, 80 * 10**16),
    "WNAT": (2000 * 10**8, 80 * 10**16),
}
FEED_DECIMALS = 8
HEARTBEAT = 3600
RESERVE_FACTOR = 10 * 10**16


def set_local_answer(feed, answer: int, owner, updated_at: int | None = None):
    """Sets a `LocalPriceFeed`'s answer from its owner, dated `updated_at` (default: the latest
    block's time, which no later block precedes, so the answer is never future-dated)."""
    from ape import chain

    return feed.set_answer(
        answer, chain.blocks.head.timestamp if updated_at is None else updated_at, sender=owner
    )


def deploy_local_feed(project, owner, description: str, answer: int, decimals: int = FEED_DECIMALS):
    """A `LocalPriceFeed` owned by `owner` with a fresh first answer."""
    feed = project.LocalPriceFeed.deploy(decimals, description, owner, sender=owner)
    set_local_answer(feed, answer, owner)
    return feed


def deploy_local_system(
    project, deployer, governance, holders=(), supply_each=10**9 * WAD, symbols=tuple(LOCAL_ASSETS)
) -> System:
    """Deploys tokens, feeds, adapter, controller, both rate models, the blueprint and one market per asset.

    `holders` receive `supply_each` of every 18-decimal CappedToken and 10**12 units of the stablecoin
    (the suite's `MockStablecoin`). Governance owns everything but the `LocalPriceFeed`s, which the
    deployer owns and moves (`set_local_answer`).
    """
    tokens, feeds, markets = {}, {}, {}
    for symbol in symbols:
        if symbol == "USD6":
            token = project.MockStablecoin.deploy(sender=deployer)
            for h in holders:
                token.faucet(h, 10**12 * 10**6, sender=deployer)
        elif symbol == "WNAT":
            token = project.MockWrappedNative.deploy(sender=deployer)
        else:
            token = project.CappedToken.deploy(
                symbol,
                symbol,
                10**12 * WAD,
                governance,
                symbol,
                "1",
                deployer.provider.chain_id,
                sender=deployer,
            )
            if holders:
                token.initialize_supply(list(holders), [supply_each] * len(holders), sender=governance)
        tokens[symbol] = token
        feeds[symbol] = deploy_local_feed(project, deployer, f"{symbol} / USD", LOCAL_ASSETS[symbol][0])
    adapter = project.PriceAdapter.deploy(governance, sender=deployer)
    controller = project.Controller.deploy(governance, sender=deployer)
    linear = project.KinkRateModel.deploy(*LINEAR_MODEL_ARGS, sender=deployer)
    kink = project.KinkRateModel.deploy(*KINK_MODEL_ARGS, sender=deployer)
    blueprint = declare_blueprint(project, deployer)
    controller.set_market_blueprint(blueprint, sender=governance)
    controller.set_price_adapter(adapter, sender=governance)
    if "WNAT" in tokens:
        controller.set_wrapped_native(tokens["WNAT"], sender=governance)
    for symbol, token in tokens.items():
        adapter.set_feed(token, feeds[symbol], HEARTBEAT, sender=governance)
        markets[symbol] = create_market(
            project,
            controller,
            token,
            linear,
            RESERVE_FACTOR,
            LOCAL_ASSETS[symbol][1],
            f"Pledge {symbol} deposit slip",
            f"slip{symbol}",
            governance,
        )
    return System(controller, adapter, linear, kink, blueprint, markets, tokens, feeds)


def controller_address(
    chain_id: int, contracts: dict | None = None, deployments_dir: str = "deployments"
) -> str:
    """The LendingController address: from `contracts` (name -> address or contract) if given,
    else from the deployment manifest deployments/<chain-id>.json (flat or under "contracts")."""
    import json
    from pathlib import Path

    if contracts is None:
        path = Path(deployments_dir) / f"{chain_id}.json"
        if not path.exists():
            raise FileNotFoundError(f"no deployment manifest at {path}; pass --controller")
        manifest = json.loads(path.read_text())
        contracts = manifest.get("contracts", manifest)
    entry = contracts["LendingController"]
    if isinstance(entry, dict):
        return entry["address"]
    return getattr(entry, "address", entry)

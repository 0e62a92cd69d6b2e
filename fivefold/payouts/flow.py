"""Payouts: red packets and airdrop rounds (SPEC "CMDMAX" 6.3, 6.4).

Deploys RedPacket and AirdropRounds everywhere; on local chains also a mock USDT
(MockStablecoin, 6 decimals, open faucet) and one LocalPriceFeed per priced asset.
`configure` sets the treasury, price feeds with their heartbeats, fee rates, airdrop operators and
the AirdropRound blueprint (the airdrop fee is a registry parameter: `parameters`); `exercise`
creates, claims and refunds packets and publishes, claims
and sweeps a round. `Context.refresh_local_feeds` dates the local feeds' answers now, before the
packets and after the exercise's time travel.

Chain config keys read (docs/payouts.md has the table): `owner`, `treasury`, `local`,
`price_feeds` (asset symbol -> feed address; symbols `native`, `USDT`, `CMDT`, or any key of
`payouts.assets`), and under `payouts:`
  fee_rates_bps: [low, mid, high]     red packet rates by USD bracket (default [200, 300, 300])
  heartbeats: {symbol: seconds}       each price feed's heartbeat (default USDT 86400, others 3600);
                                      red packets accept an answer up to 110% of it old
  airdrop_fee_bps: bps                airdrop handling fee (default 500)
  operators: [address, ...]           airdrop operators (local default: the first exercise account)
  usdt: address                       the chain's USDT (live chains; local chains deploy the mock)
  assets: {symbol: address}           more priced ERC-20s (their feeds under `price_feeds`)
  unsupported: [address, ...]         tokens refused by red packets (rebasing, interest-bearing)
  local_prices_usd: {symbol: price}   local feeds' answers (default native 2000, USDT 1, CMDT 0.05)
"""

from __future__ import annotations

from decimal import Decimal

from fivefold.context import Context, Deployable, Parameter
from fivefold.payouts import airdrop, merkle
from fivefold.payouts import model as payouts

NATIVE = payouts.ZERO_ADDRESS
FEED_DECIMALS = 8
LOCAL_FEEDS = ("native", "USDT", "CMDT")
DEFAULT_LOCAL_PRICES = {"native": "2000", "USDT": "1", "CMDT": "0.05"}
DAY = 86_400
# Chainlink's published heartbeats: stablecoin feeds update once a day, the others hourly.
DEFAULT_HEARTBEATS = {"USDT": DAY}
DEFAULT_HEARTBEAT = 3_600


def _local(ctx: Context) -> bool:
    return bool(ctx.config.get("local"))


def _cfg(ctx: Context) -> dict:
    return ctx.config.get("payouts") or {}


def _feed_name(symbol: str) -> str:
    return f"PriceFeed.{symbol}"


def _feed_args(symbol: str):
    """Constructor arguments of the local feed of `symbol`: 8 decimals, a description, the deployer."""
    return lambda ctx: [FEED_DECIMALS, f"{symbol} / USD", ctx.deployer.address]


CONTRACTS = [
    # The deployer owns every contract until the deployment hands ownership to `owner`.
    Deployable("RedPacket", "RedPacket", lambda ctx: [ctx.deployer.address]),
    Deployable("AirdropRounds", "AirdropRounds", lambda ctx: [ctx.deployer.address]),
    Deployable("AirdropRoundBlueprint", "AirdropRound", blueprint=True),
    # Local chains only: a mock USDT (open faucet) and owner-set price feeds.
    Deployable("MockUSDT", "MockStablecoin", when=_local),
    *[Deployable(_feed_name(s), "LocalPriceFeed", _feed_args(s), when=_local) for s in LOCAL_FEEDS],
]


def asset_addresses(ctx: Context) -> dict[str, str]:
    """Symbol -> asset address for every asset the payouts know on this chain."""
    out = {"native": NATIVE}
    if "CMDT" in ctx.contracts:
        out["CMDT"] = ctx.address("CMDT")
    if "MockUSDT" in ctx.contracts:
        out["USDT"] = ctx.address("MockUSDT")
    elif _cfg(ctx).get("usdt"):
        out["USDT"] = _cfg(ctx)["usdt"]
    out.update(_cfg(ctx).get("assets") or {})
    return out


def price_feeds(ctx: Context) -> dict[str, str]:
    """Symbol -> feed: the chain file's `price_feeds`, else the local feeds."""
    feeds = dict(ctx.config.get("price_feeds") or {})
    for s in LOCAL_FEEDS:
        if s not in feeds and _feed_name(s) in ctx.contracts:
            feeds[s] = ctx.address(_feed_name(s))
    return feeds


def heartbeat(ctx: Context, symbol: str) -> int:
    """The heartbeat of the asset's feed: the chain file's `payouts.heartbeats`, else Chainlink's usual."""
    configured = _cfg(ctx).get("heartbeats") or {}
    return int(configured.get(symbol, DEFAULT_HEARTBEATS.get(symbol, DEFAULT_HEARTBEAT)))


def _local_answers(ctx: Context) -> dict[str, int]:
    prices = DEFAULT_LOCAL_PRICES | {k: str(v) for k, v in (_cfg(ctx).get("local_prices_usd") or {}).items()}
    return {s: int(Decimal(prices[s]) * 10**FEED_DECIMALS) for s in LOCAL_FEEDS}


def _has_answer(feed) -> bool:
    from ape.exceptions import ContractLogicError

    try:
        feed.latestRoundData()
        return True
    except ContractLogicError:  # "local_price_feed: no answer yet"
        return False


def _airdrop_operators(ctx: Context) -> list[str]:
    """The chain file's `payouts.operators`; on a local chain by default the exercise's first
    account (the same one `exercise` publishes from), so the demo's airdrop is never skipped."""
    operators = list(_cfg(ctx).get("operators") or [])
    if not operators and _local(ctx):
        from fivefold.session import exercise_users

        operators = [(ctx.users or exercise_users("local", ctx.deployer))[0].address]
    return operators


def configure(ctx: Context) -> None:
    """Owner-only, chain-specific setup, each transaction through `ctx.send`; idempotent (each
    setter runs only when the chain differs from the config)."""
    cfg = _cfg(ctx)
    rp, ad = ctx["RedPacket"], ctx["AirdropRounds"]

    if rp.treasury() != ctx.treasury:
        ctx.send("RedPacket.set_treasury", rp.set_treasury, ctx.treasury)
    if ad.treasury() != ctx.treasury:
        ctx.send("AirdropRounds.set_treasury", ad.set_treasury, ctx.treasury)

    direct = ctx.writes_directly(rp)  # a first deployment; afterwards the registry holds these
    low, mid, high = _fee_rates(ctx)
    rates = rp.fee_rates()
    if direct and (rates.low_bps, rates.mid_bps, rates.high_bps) != (low, mid, high):
        ctx.send("RedPacket.set_fee_rates", rp.set_fee_rates, low, mid, high)

    if _local(ctx):
        # Each local feed answers once, while the deployer still owns it: a re-run sends nothing.
        now = ctx.chain.blocks.head.timestamp
        for symbol, answer in _local_answers(ctx).items():
            feed = ctx.contracts.get(_feed_name(symbol))
            if feed is not None and not _has_answer(feed) and feed.owner() == ctx.deployer.address:
                ctx.send(f"{_feed_name(symbol)}.set_answer", feed.set_answer, answer, now)
    assets = asset_addresses(ctx)
    for symbol, feed in price_feeds(ctx).items():
        if symbol not in assets:
            continue
        beat = heartbeat(ctx, symbol)
        current = rp.asset_config(assets[symbol])
        if direct and (current.feed, current.heartbeat) != (feed, beat):
            ctx.send(f"RedPacket.set_price_feed({symbol})", rp.set_price_feed, assets[symbol], feed, beat)
    for token in cfg.get("unsupported") or []:
        if rp.asset_config(token).supported:
            ctx.send("RedPacket.set_asset_supported(false)", rp.set_asset_supported, token, False)

    if int(ad.round_blueprint(), 16) == 0:
        # The blueprint went through CREATE2 with the rest (same address on every chain).
        ctx.send(
            "AirdropRounds.set_round_blueprint", ad.set_round_blueprint, ctx.address("AirdropRoundBlueprint")
        )
    for operator in _airdrop_operators(ctx):
        if not ad.is_operator(operator):
            ctx.send("AirdropRounds.set_operator", ad.set_operator, operator, True)


def _fee_rates(ctx: Context) -> list[int]:
    return list(_cfg(ctx).get("fee_rates_bps", [200, 300, 300]))


def parameters(ctx: Context) -> list[Parameter]:
    """The payouts' tunable numbers for the parameter registry (fivefold/governance): the three red
    packet fee rates (one setter), each priced asset's feed and heartbeat (one setter per asset), the
    airdrop fee. Bounds are the contracts' limits (fees at most 10%, heartbeats 1 minute to 7 days)."""
    out = [
        Parameter(
            f"red_packet.fee.{bracket}_bps",
            "RedPacket",
            "set_fee_rates",
            "fee_rates",
            rate,
            0,
            1_000,
            arity=3,
            position=i,
            field=f"{bracket}_bps",
        )
        for i, (bracket, rate) in enumerate(zip(("low", "mid", "high"), _fee_rates(ctx), strict=True))
    ]
    assets = asset_addresses(ctx)
    for symbol, feed in price_feeds(ctx).items():
        if symbol not in assets:
            continue
        shape = dict(key=assets[symbol], arity=2, getter="asset_config")
        out += [
            Parameter(
                f"red_packet.{symbol}.feed",
                "RedPacket",
                "set_price_feed",
                value=int(feed, 16),
                is_address=True,
                position=0,
                field="feed",
                **shape,
            ),
            Parameter(
                f"red_packet.{symbol}.heartbeat",
                "RedPacket",
                "set_price_feed",
                value=heartbeat(ctx, symbol),
                minimum=60,
                maximum=7 * DAY,
                position=1,
                field="heartbeat",
                **shape,
            ),
        ]
    fee = int(_cfg(ctx).get("airdrop_fee_bps", 500))
    out.append(Parameter("airdrop_rounds.fee_bps", "AirdropRounds", "set_fee_bps", "fee_bps", fee, 0, 1_000))
    return out


def exercise(ctx: Context) -> None:
    """Red packets: create (native with a password, USDT public), claims, refund after expiry.
    Airdrop: publish a native-coin round for three accounts, draw, a keeper's claim for one account,
    sweep after the window. Time travel needs a local chain: on a live chain the refund and the
    sweep are skipped. Local feeds answer again before the packets and after the time travel."""
    if len(ctx.users) < 4:
        ctx.skip("payouts", "needs four exercise accounts")
        return
    # The first exercise account creates the packets and is the airdrop operator (configure made it one
    # on local chains); the keeper is a third party who draws, claims for others and sweeps.
    creator, first_claimer, second_claimer, keeper = ctx.users[:4]
    ctx.refresh_local_feeds()  # time may have moved since they last answered (timeline, a re-run)
    salt = ctx.chain.blocks.head.timestamp  # unique per run
    key = _native_packet(ctx, creator, (first_claimer, second_claimer), salt)
    _usdt_packet(ctx, creator, keeper, salt)
    rnd = _airdrop_round(ctx, creator, (first_claimer, second_claimer, keeper), keeper)
    _after_the_windows(ctx, creator, key, salt, rnd, keeper)


def _native_packet(ctx: Context, creator, claimers, salt: int):
    """A password packet of 0.01 native coin in 3 random shares (the quoted fee as `max_fee`),
    claimed by each claimer with a signature from the password's key. Returns the password key
    (the refund needs it)."""
    rp = ctx["RedPacket"]
    amount = 10**16
    key = payouts.password_key("fivefold demo", creator.address, salt, ctx.chain_id, rp.address)
    ctx.step(
        "RedPacket.create (native, password, 3 random shares)",
        rp.create(
            NATIVE,
            amount,
            rp.quote_fee(NATIVE, amount),
            3,
            True,
            DAY,
            key.address,
            salt,
            0,
            value=amount,
            sender=creator,
        ),
    )
    pid = payouts.packet_id(creator.address, key.address, NATIVE, salt)
    for claimer in claimers:
        r, vs = payouts.sign_claim(key.key, ctx.chain_id, rp.address, pid, claimer.address)
        ctx.step(
            "RedPacket.claim (native)", rp.claim(creator, key.address, NATIVE, salt, r, vs, sender=claimer)
        )
    ctx.check(rp.packet(pid).claims == len(claimers), "red packet: two claims recorded")
    return key


def _usdt_packet(ctx: Context, creator, claimer, salt: int) -> None:
    """A public packet of 250 mock USDT in 2 even shares, one claimed (local chains: the mock's faucet)."""
    if "MockUSDT" not in ctx.contracts:
        return
    rp, usdt, deposit = ctx["RedPacket"], ctx["MockUSDT"], 250 * 10**6
    ctx.step("MockUSDT.faucet", usdt.faucet(creator, 1_000 * 10**6, sender=creator))
    ctx.step("MockUSDT.approve", usdt.approve(rp, deposit, sender=creator))
    fee = rp.quote_fee(usdt, deposit)
    ctx.step(
        "RedPacket.create (USDT, public, 2 even shares)",
        rp.create(usdt, deposit, fee, 2, False, DAY, NATIVE, salt, 0, sender=creator),
    )
    pid = payouts.packet_id(creator.address, NATIVE, usdt.address, salt)
    before = usdt.balanceOf(claimer)
    ctx.step(
        "RedPacket.claim (USDT)",
        rp.claim(creator, NATIVE, usdt, salt, b"\0" * 32, b"\0" * 32, sender=claimer),
    )
    ctx.check(
        usdt.balanceOf(claimer) - before == (deposit - fee) // 2,
        "red packet: USDT share after the bracketed fee",
    )
    ctx.check(rp.packet(pid).claims == 1, "red packet: USDT claim recorded")


def _airdrop_round(ctx: Context, operator, recipients, keeper):
    """The operator publishes a native-coin round for the recipients (a tree salted and bound to
    this chain and registry); the keeper draws the schedule and claims the first recipient's leaf
    for it. Returns the round (None when not published)."""
    ad = ctx["AirdropRounds"]
    if not ad.is_operator(operator):
        ctx.skip(
            "airdrop", f"{operator.address} is not an airdrop operator (payouts.operators in the chain file)"
        )
        return None
    number = int(ad.round_count()) + 1
    accounts = [u.address for u in recipients]
    amounts = [10**15, 2 * 10**15, 3 * 10**15]
    key = airdrop.new_round_key(ctx.chain_id, ad.address, number)
    tree = merkle.MerkleTree(
        merkle.airdrop_leaves(key.prefix, [bytes.fromhex(x[2:]) for x in accounts], amounts)
    )
    start = ctx.chain.blocks.head.timestamp
    ctx.step(
        "AirdropRounds.publish (native, 3 accounts)",
        ad.publish(
            number,
            NATIVE,
            tree.root_int,
            key.salt,
            sum(amounts),
            3,
            start,
            start + 2 * DAY,
            value=sum(amounts),
            sender=operator,
        ),
    )
    address = ad.rounds(number)
    ctx.chain.contracts.cache_contract_type(address, ctx.project.AirdropRound.contract_type)
    rnd = ctx.project.AirdropRound.at(address)
    target = int(rnd.draw_block())
    if _local(ctx) and ctx.chain.blocks.height <= target:
        ctx.chain.mine(target + 1 - ctx.chain.blocks.height)  # one request for all blocks
    if ctx.chain.blocks.height <= target:
        ctx.skip("AirdropRound.draw", "draw block not mined yet (live chain): the first claim will draw")
        return rnd
    ctx.step("AirdropRound.draw", rnd.draw(sender=keeper))
    wait = int(rnd.unlock_time(0)) - ctx.chain.blocks.head.timestamp
    if wait > 0 and not ctx.advance(wait):
        ctx.skip("AirdropRound.claim", "leaf 0's turn has not come (live chain)")
        return rnd
    before = ctx.chain.provider.get_balance(accounts[0])
    ctx.step(
        "AirdropRound.claim (for an account, by a third party)",
        rnd.claim(0, accounts[0], amounts[0], merkle.ints(tree.proof(0)), sender=keeper),
    )
    got = ctx.chain.provider.get_balance(accounts[0]) - before
    ctx.check(got == payouts.airdrop_net(amounts[0], int(rnd.FEE_BPS())), "airdrop: net of the fee")
    return rnd


def _after_the_windows(ctx: Context, creator, key, salt: int, rnd, keeper) -> None:
    """After expiry the creator refunds the native packet and the keeper sweeps the round to the
    treasury; the local feeds then answer again, dated after the time travel."""
    if not ctx.advance(2 * DAY + 1):
        ctx.skip("RedPacket.refund / AirdropRound.sweep", "needs time travel (local chains only)")
        return
    rp = ctx["RedPacket"]
    ctx.step("RedPacket.refund (after expiry)", rp.refund(key.address, NATIVE, salt, sender=creator))
    pid = payouts.packet_id(creator.address, key.address, NATIVE, salt)
    ctx.check(rp.packet(pid).remaining == 0, "red packet: nothing left after the refund")
    if rnd is not None:
        ctx.step("AirdropRound.sweep (fees and unclaimed to the treasury)", rnd.sweep(sender=keeper))
        ctx.check(rnd.holdings() == 0, "airdrop: round empty after the sweep")
    ctx.refresh_local_feeds()  # leave the chain ready for red packets

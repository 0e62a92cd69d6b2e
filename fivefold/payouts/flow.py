"""Payouts: red packets and airdrop rounds (SPEC "CMDMAX" 6.3, 6.4).

Deploys RedPacket and AirdropRounds everywhere; on local chains also a mock USDT
(MockStablecoin, 6 decimals, open faucet) and one LocalPriceFeed per priced asset.
`configure` sets the treasury, price feeds, fee rates, airdrop operators and the AirdropRound
blueprint; `exercise` creates, claims and refunds packets and publishes, claims and sweeps a round.

Chain config keys read (docs/payouts.md has the table): `owner`, `treasury`, `local`,
`price_feeds` (asset symbol -> feed address; symbols `native`, `USDT`, `CMDT`, or any key of
`payouts.assets`), and under `payouts:`
  fee_rates_bps: [low, mid, high]     red packet rates by USD band (default [200, 300, 300])
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

from fivefold.context import Context, Deployable
from fivefold.payouts import airdrop, merkle, model as payouts

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


CONTRACTS = [
    # The deployer owns every contract until the deployment hands ownership to `owner`.
    Deployable("RedPacket", "RedPacket", lambda ctx: [ctx.deployer.address]),
    Deployable("AirdropRounds", "AirdropRounds", lambda ctx: [ctx.deployer.address]),
    Deployable("AirdropRoundBlueprint", "AirdropRound", blueprint=True),
    # Local chains only: a mock USDT (open faucet) and owner-set price feeds.
    Deployable("MockUSDT", "MockStablecoin", when=_local),
    *[
        Deployable(_feed_name(s), "LocalPriceFeed", (lambda s: lambda ctx: [FEED_DECIMALS, f"{s} / USD", ctx.deployer.address])(s),
                   when=_local)
        for s in LOCAL_FEEDS
    ],
]


def _send(ctx: Context, name: str, method, *args, **kwargs):
    if hasattr(ctx, "send"):
        return ctx.send(name, method, *args, **kwargs)
    return ctx.step(name, method(*args, sender=ctx.deployer, **kwargs))


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


def _has_answer(feed) -> bool:
    from ape.exceptions import ContractLogicError

    try:
        feed.latestRoundData()
        return True
    except ContractLogicError:  # "pricefeed: no answer yet"
        return False


def _refresh_local_feeds(ctx: Context, sender=None) -> None:
    prices = DEFAULT_LOCAL_PRICES | {k: str(v) for k, v in (_cfg(ctx).get("local_prices_usd") or {}).items()}
    now = ctx.chain.blocks.head.timestamp
    for s in LOCAL_FEEDS:
        if _feed_name(s) in ctx.contracts:
            feed = ctx[_feed_name(s)]
            answer = int(Decimal(prices[s]) * 10**FEED_DECIMALS)
            if sender is None:
                # Setup sets each feed once, while the deployer still owns it: a re-run sends nothing.
                if not _has_answer(feed) and feed.owner() == ctx.deployer.address:
                    _send(ctx, f"{_feed_name(s)}.set_answer", feed.set_answer, answer, now)
            else:
                feed.set_answer(answer, now, sender=sender)


def configure(ctx: Context) -> None:
    """Owner-only, chain-specific setup; idempotent (each setter runs only when needed)."""
    cfg = _cfg(ctx)
    rp, ad = ctx["RedPacket"], ctx["AirdropRounds"]

    if rp.treasury() != ctx.treasury:
        _send(ctx, "RedPacket.set_treasury", rp.set_treasury, ctx.treasury)
    if ad.treasury() != ctx.treasury:
        _send(ctx, "AirdropRounds.set_treasury", ad.set_treasury, ctx.treasury)

    low, mid, high = cfg.get("fee_rates_bps", [200, 300, 300])
    if tuple(rp.fee_rates()) != (low, mid, high):
        _send(ctx, "RedPacket.set_fee_rates", rp.set_fee_rates, low, mid, high)

    if _local(ctx):
        _refresh_local_feeds(ctx)
    assets = asset_addresses(ctx)
    for symbol, feed in price_feeds(ctx).items():
        if symbol not in assets:
            continue
        beat = heartbeat(ctx, symbol)
        current = rp.asset_config(assets[symbol])
        if (current[0], current[4]) != (feed, beat):
            _send(ctx, f"RedPacket.set_price_feed({symbol})", rp.set_price_feed, assets[symbol], feed, beat)
    for token in cfg.get("unsupported") or []:
        if rp.asset_config(token)[3]:
            _send(ctx, "RedPacket.set_asset_supported(false)", rp.set_asset_supported, token, False)

    fee = int(cfg.get("airdrop_fee_bps", 500))
    if ad.fee_bps() != fee:
        _send(ctx, "AirdropRounds.set_fee_bps", ad.set_fee_bps, fee)
    if int(ad.round_blueprint(), 16) == 0:
        # The blueprint went through CREATE2 with the rest (same address on every chain).
        _send(ctx, "AirdropRounds.set_round_blueprint", ad.set_round_blueprint, ctx.address("AirdropRoundBlueprint"))
    operators = list(cfg.get("operators") or [])
    if not operators and _local(ctx) and ctx.users:
        operators = [ctx.users[0].address]
    for op in operators:
        if not ad.is_operator(op):
            _send(ctx, "AirdropRounds.set_operator", ad.set_operator, op, True)


def _skipped(name: str, why: str):
    from fivefold.context import Step

    return Step(name, 0, "", f"skipped: {why}")


def _skip(ctx: Context, name: str, why: str) -> None:
    if hasattr(ctx, "skip"):
        ctx.skip(name, why)
    else:
        ctx.steps.append(_skipped(name, why))


def _check(ctx: Context, condition: bool, what: str) -> None:
    if hasattr(ctx, "check"):
        ctx.check(condition, what)
    elif not condition:
        raise AssertionError(f"check failed: {what}")


def _advance(ctx: Context, seconds: int) -> bool:
    if hasattr(ctx, "advance"):
        return ctx.advance(seconds)
    if not _local(ctx):
        return False
    ctx.chain.provider.make_request("evm_increaseTime", [int(seconds)])
    ctx.chain.provider.make_request("evm_mine", [])
    return True


def exercise(ctx: Context) -> None:
    """Red packet: create (native and USDT), claim by two users, refund after expiry.
    Airdrop: publish a native-coin round for three users, draw, claim for one, sweep after the window.
    Time travel needs a local chain; on a live chain the refund and the sweep are skipped."""
    if len(ctx.users) < 4:
        _skip(ctx, "payouts", "needs four exercise accounts")
        return
    rp, ad = ctx["RedPacket"], ctx["AirdropRounds"]
    creator, a, b, c = ctx.users[:4]
    chain_id = ctx.chain_id
    salt = ctx.chain.blocks.head.timestamp  # unique per run

    # Red packets -------------------------------------------------------------------------
    amount = 10**16  # 0.01 native coin
    key = payouts.password_key("fivefold demo", creator.address, salt, chain_id, rp.address)
    ctx.step("RedPacket.create (native, password, 3 random shares)",
             rp.create(NATIVE, amount, rp.quote_fee(NATIVE, amount), 3, True, DAY, key.address, salt, 0, value=amount,
                       sender=creator))
    pid = payouts.packet_id(creator.address, key.address, NATIVE, salt)
    claimed = 0
    for who in (a, b):
        r, vs = payouts.sign_claim(key.key, chain_id, rp.address, pid, who.address)
        claimed += rp.next_share(pid)
        ctx.step("RedPacket.claim (native)", rp.claim(creator, key.address, NATIVE, salt, r, vs, sender=who))
    _check(ctx, rp.packet(pid).claims == 2, "red packet: two claims recorded")

    assets = asset_addresses(ctx)
    if "MockUSDT" in ctx.contracts:
        usdt = ctx["MockUSDT"]
        ctx.step("MockUSDT.faucet", usdt.faucet(creator, 1_000 * 10**6, sender=creator))
        ctx.step("MockUSDT.approve", usdt.approve(rp, 250 * 10**6, sender=creator))
        fee = rp.quote_fee(usdt, 250 * 10**6)
        ctx.step("RedPacket.create (USDT, public, 2 even shares)",
                 rp.create(usdt, 250 * 10**6, fee, 2, False, DAY, NATIVE, salt, 0, sender=creator))
        upid = payouts.packet_id(creator.address, NATIVE, assets["USDT"], salt)
        ctx.step("RedPacket.claim (USDT)", rp.claim(creator, NATIVE, usdt, salt, b"\0" * 32, b"\0" * 32, sender=c))
        _check(ctx, usdt.balanceOf(c) == (250 * 10**6 - fee) // 2, "red packet: USDT share after the bracketed fee")
        _check(ctx, rp.packet(upid).claims == 1, "red packet: USDT claim recorded")

    # Airdrop round -----------------------------------------------------------------------
    operator = creator
    if not ad.is_operator(operator):
        _skip(ctx, "airdrop", f"{operator.address} is not an airdrop operator")
        refund_and_sweep = None
    else:
        number = int(ad.round_count()) + 1
        accounts = [u.address for u in (a, b, c)]
        amounts = [10**15, 2 * 10**15, 3 * 10**15]
        round_key = airdrop.new_round_key(chain_id, ad.address, number)
        tree = merkle.MerkleTree(merkle.airdrop_leaves(round_key.prefix, [bytes.fromhex(x[2:]) for x in accounts], amounts))
        start = ctx.chain.blocks.head.timestamp
        ctx.step("AirdropRounds.publish (native, 3 accounts)",
                 ad.publish(number, NATIVE, tree.root_int, round_key.salt, sum(amounts), 3, start, start + 2 * DAY,
                            value=sum(amounts), sender=operator))
        address = ad.rounds(number)
        ctx.chain.contracts.cache_contract_type(address, ctx.project.AirdropRound.contract_type)
        rnd = ctx.project.AirdropRound.at(address)
        refund_and_sweep = rnd
        target = int(rnd.draw_block())
        if _local(ctx):
            if ctx.chain.blocks.height <= target:  # one request for all blocks
                ctx.chain.mine(target + 1 - ctx.chain.blocks.height)
        if ctx.chain.blocks.height > target:
            ctx.step("AirdropRound.draw", rnd.draw(sender=c))
            unlock = int(rnd.unlock_time(0))
            wait = unlock - ctx.chain.blocks.head.timestamp
            if wait <= 0 or _advance(ctx, wait):
                before = ctx.chain.provider.get_balance(accounts[0])
                ctx.step("AirdropRound.claim (for an account, by a third party)",
                         rnd.claim(0, accounts[0], amounts[0], merkle.ints(tree.proof(0)), sender=c))
                got = ctx.chain.provider.get_balance(accounts[0]) - before
                _check(ctx, got == payouts.airdrop_net(amounts[0], int(rnd.FEE_BPS())), "airdrop: net of the fee")
            else:
                _skip(ctx, "AirdropRound.claim", "leaf 0's turn has not come (live chain)")
        else:
            _skip(ctx, "AirdropRound.draw", "draw block not mined yet (live chain)")

    # After the windows: refund and sweep -------------------------------------------------
    if _advance(ctx, 2 * DAY + 1):
        ctx.step("RedPacket.refund (after expiry)", rp.refund(key.address, NATIVE, salt, sender=creator))
        _check(ctx, rp.packet(pid).remaining == 0, "red packet: nothing left after the refund")
        if refund_and_sweep is not None:
            ctx.step("AirdropRound.sweep (fees and unclaimed to the treasury)", refund_and_sweep.sweep(sender=c))
            _check(ctx, refund_and_sweep.holdings() == 0, "airdrop: round empty after the sweep")
    else:
        _skip(ctx, "RedPacket.refund / AirdropRound.sweep", "needs time travel (local chains only)")

"""Token sale: CC's sale rounds (SPEC "CloudChat" 5.2, "CartyCoin" 3.1.3-3.1.5), bought into vesting.

Deploys, on CC's home chain only (bsc; local.yaml is home_all), through CREATE2:
  1. SaleVesting: a VestingVault of CC owned at first by the deployer (constructor: CC, deployer)
  2. TokenSale (constructor: CC, SaleVesting, LendingPriceAdapter, deployer as a first treasury,
     deployer as owner; the chain's treasury is set by `configure`, so the init code is the same on
     every chain).
`configure` offers SaleVesting to the sale and the sale accepts (from then on the sale alone creates
schedules there), sets the treasury, lists the native coin (priced as the lending flow's wrapped
native) and the chain's USDT (the local MockUSDT), and adds the rounds of `sale.rounds` in the
chain file, in the order of fivefold.sale.model.ROUNDS (seed, institutional, strategic, public
whitelist, public), each with its row of the CC table as plan. TokenSale has no tunable number (its
rounds are one-time owner decisions of the CC DAO), so `parameters` returns nothing.

Chain config keys read (deploy/<chain>.yaml, all optional):
  sale:
    start: unix time          when the rounds open (local default: deployment + 60 s)
    window_days: 3650         how long they stay open (a sold-out round closes at once)
    vesting_start: unix time  the schedules' start (default: the CC table's TGE, as CCVesting's rows;
                              at or after the end, a failed round refunds in full: docs/sale.md)
    whitelist: [address...]   the private rounds' buyers (local default: the 8 exercise accounts)
    rounds: {name: {cap, soft_cap, buyer_cap}}   whole CC (local defaults: LOCAL_ROUNDS)
A live chain without `sale.rounds` gets no round: the CC DAO adds them by proposal.
"""

from __future__ import annotations

from fivefold.config import wei
from fivefold.context import Context, Deployable, Parameter
from fivefold.lending import flow as lending
from fivefold.sale import model as sale_model
from fivefold.units import DAY
from fivefold.vesting import flow as vesting_flow
from fivefold.vesting import model as vesting_model

NATIVE = "0x0000000000000000000000000000000000000000"
EMPTY_ROOT = b"\0" * 32
# Local rounds, whole CC. Seed and public are sized so that the exercise's two purchases sell them out
# (0.9 native coin at 2,000 USD buys 10,000,000 CC at 0.00018; 1,000 USDT buys 4,000,000 at 0.00025):
# a sold-out round is decided at once, so the exercise needs no time travel to the rounds' end.
LOCAL_ROUNDS = {
    "seed": {"cap": 10_000_000, "soft_cap": 1_000_000, "buyer_cap": 10_000_000},
    "institutional": {"cap": 100_000_000, "soft_cap": 1_000_000, "buyer_cap": 50_000_000},
    "strategic": {"cap": 100_000_000, "soft_cap": 1_000_000, "buyer_cap": 50_000_000},
    "public_whitelist": {"cap": 100_000_000, "soft_cap": 1_000_000, "buyer_cap": 50_000_000},
    "public": {"cap": 4_000_000, "soft_cap": 1_000_000, "buyer_cap": 4_000_000},
}
# Long enough that the rounds are still open when the exercise reaches them (earlier flows move local
# time by more than a year: vesting's CPC unlock, emission, node seasons).
LOCAL_WINDOW_DAYS = 3_650
EXERCISE_USDT = 1_000 * 10**6  # the public buyer's payment: 4,000,000 CC at 0.00025 USD


# Suite contracts owned by another suite contract rather than a timelock: the sale alone creates
# schedules in its vault (the deploy's handoff skips it: its owner is no longer the deployer).
OWNED_BY_CONTRACT = {"SaleVesting": "TokenSale"}


def _home(ctx: Context) -> bool:
    return "CC" in ctx.config["home"]


def _cfg(ctx: Context) -> dict:
    return ctx.config.get("sale") or {}


CONTRACTS = [
    Deployable(
        "SaleVesting", "VestingVault", lambda ctx: [ctx.address("CC"), ctx.deployer.address], when=_home
    ),
    Deployable(
        "TokenSale",
        "TokenSale",
        lambda ctx: [
            ctx.address("CC"),
            ctx.address("SaleVesting"),
            ctx.address("LendingPriceAdapter"),
            ctx.deployer.address,
            ctx.deployer.address,
        ],
        when=_home,
    ),
]


def _tge(ctx: Context) -> int:
    """The CC table's TGE: the start of CCVesting's first schedule where it exists, else the vesting
    flow's (`vesting_start` of the chain file, else now)."""
    try:
        return int(ctx["CCVesting"].schedule(1).start)
    except Exception:  # no CCVesting schedule (a partial suite): the vesting flow's rule
        return vesting_flow.tge(ctx)


def whitelist(ctx: Context) -> list[str]:
    """The private rounds' buyers: `sale.whitelist`, else (local chains) the exercise accounts."""
    listed = _cfg(ctx).get("whitelist")
    if listed is not None:
        return list(listed)
    if ctx.config.get("local"):
        from ape import accounts

        return [accounts.test_accounts[i].address for i in range(8)]
    return []


def rounds(ctx: Context) -> dict[str, dict]:
    """name -> {cap, soft_cap, buyer_cap} in whole CC, for the rounds this chain sells."""
    return _cfg(ctx).get("rounds") or (LOCAL_ROUNDS if ctx.config.get("local") else {})


def accepted_assets(ctx: Context) -> dict[str, tuple[str, str]]:
    """label -> (asset, what the adapter prices) for the assets the lending flow priced."""
    found = lending.assets(ctx)
    out = {}
    if lending.NATIVE in found:
        out["native"] = (NATIVE, found[lending.NATIVE])
    if lending.STABLE in found:
        out["USDT"] = (found[lending.STABLE], found[lending.STABLE])
    return out


def configure(ctx: Context) -> None:
    if not _home(ctx):
        return
    sale, vault, adapter = ctx["TokenSale"], ctx["SaleVesting"], ctx["LendingPriceAdapter"]
    if vault.owner() == ctx.deployer.address and vault.pending_owner() != sale.address:
        ctx.send("SaleVesting.transfer_ownership(TokenSale)", vault.transfer_ownership, sale)
    if vault.pending_owner() == sale.address:
        ctx.send("TokenSale.accept_vault", sale.accept_vault)
    if sale.owner() != ctx.deployer.address:
        return  # handed over: the CC DAO changes the sale from now on
    if sale.treasury() != ctx.treasury:
        ctx.send("TokenSale.set_treasury", sale.set_treasury, ctx.treasury)
    for label, (asset, key) in accepted_assets(ctx).items():
        if sale.price_key(asset) != key and int(adapter.feed(key), 16):
            ctx.send(f"TokenSale.list_asset({label})", sale.list_asset, asset, key)
    table = rounds(ctx)
    if sale.round_count() or not table:
        return
    start = int(_cfg(ctx).get("start") or ctx.chain.blocks.head.timestamp + 60)
    end = start + int(_cfg(ctx).get("window_days", LOCAL_WINDOW_DAYS)) * DAY
    vesting_start = int(_cfg(ctx).get("vesting_start") or _tge(ctx))
    root = sale_model.whitelist_root(whitelist(ctx))
    for name, spec in sale_model.ROUNDS.items():
        if name not in table:
            continue
        row = table[name]
        ctx.send(
            f"TokenSale.add_round({name})",
            sale.add_round,
            start,
            end,
            vesting_start,
            spec.price,
            wei(row["cap"]),
            wei(row["soft_cap"]),
            wei(row["buyer_cap"]),
            root if spec.private else EMPTY_ROOT,
            spec.plan.encode_args(),
        )


def parameters(ctx: Context) -> list[Parameter]:
    """No tunable number: rounds, caps and prices are one-time owner (CC DAO) decisions."""
    return []


def round_ids(ctx: Context) -> dict[str, int]:
    """name -> round id, in the order `configure` added them."""
    names = [n for n in sale_model.ROUNDS if n in rounds(ctx)]
    return {n: i for i, n in enumerate(names) if i < ctx["TokenSale"].round_count()}


def exercise(ctx: Context) -> None:
    """The treasury funds the seed and public rounds; a whitelisted buyer buys the whole seed round
    with the native coin, another the whole public round with local USDT: both rounds sold out, so
    both succeeded at once (no wait for their end). Anyone sends the takings to the treasury and
    closes them. The schedules start at the CC table's TGE, which earlier flows' time travel has left
    more than a year behind: the public buyer releases the whole public row (20% at TGE + 4 x 20%),
    and the seed schedule is checked against the seed row (12-month cliff) to the wei.
    Local chains only (the treasury's account, the mock USDT)."""
    if not _home(ctx):
        return
    if not ctx.config.get("local") or len(ctx.users) < 3 or "MockUSDT" not in ctx.contracts:
        ctx.skip("sale", "needs a local chain (the treasury's account, MockUSDT)")
        return
    sale, vault, cc, usdt = ctx["TokenSale"], ctx["SaleVesting"], ctx["CC"], ctx["MockUSDT"]
    ids = round_ids(ctx)
    if "seed" not in ids or "public" not in ids:
        ctx.skip("sale", "no seed and public rounds configured")
        return
    seed, public = ids["seed"], ids["public"]
    if sale.round(public).funded:
        ctx.skip("sale", "the rounds were exercised already (a re-run)")
        return
    if sale.phase(public) == sale_model.BEFORE:
        ctx.advance(sale.round(public).start - ctx.chain.blocks.head.timestamp)
    if sale.phase(public) != sale_model.OPEN:
        ctx.skip("sale", f"the rounds are {sale_model.PHASES[sale.phase(public)]}, not open")
        return
    treasury = ctx.signer(ctx.treasury)
    if treasury is None:
        ctx.skip("sale", "the treasury is not an account of this session")
        return
    ctx.refresh_local_feeds()
    need = sale.round(seed).cap + sale.round(public).cap
    ctx.step("CC.approve (treasury -> TokenSale)", cc.approve(sale, need, sender=treasury))
    for name, rid in (("seed", seed), ("public", public)):
        ctx.step(f"TokenSale.fund({name})", sale.fund(rid, sender=treasury))

    whitelisted, public_buyer, keeper = ctx.users[0], ctx.users[1], ctx.users[2]
    proof = sale_model.whitelist_proof(whitelist(ctx), whitelisted.address)
    # What buys the seed cap: cap * p / P_native, exact at the local prices (2,000 USD, 0.00018 USD).
    native_price = ctx["LendingPriceAdapter"].price(sale.price_key(NATIVE))
    paid = sale.round(seed).cap * sale.round(seed).price // native_price
    quoted = sale.quote(seed, NATIVE, paid)
    receipt = sale.buy(seed, NATIVE, paid, quoted, proof, value=paid, sender=whitelisted)
    seed_id = ctx.step("TokenSale.buy (seed, whitelisted, native coin)", receipt).return_value
    ctx.step("MockUSDT.faucet", usdt.faucet(public_buyer, EXERCISE_USDT, sender=public_buyer))
    ctx.step("MockUSDT.approve", usdt.approve(sale, EXERCISE_USDT, sender=public_buyer))
    quoted_usdt = sale.quote(public, usdt, EXERCISE_USDT)
    receipt = sale.buy(public, usdt, EXERCISE_USDT, quoted_usdt, [], sender=public_buyer)
    public_id = ctx.step("TokenSale.buy (public, USDT)", receipt).return_value
    ctx.check(vault.schedule(public_id).total == quoted_usdt, "sale: the public schedule holds the quoted CC")
    ctx.check(
        sale.phase(seed) == sale.phase(public) == sale_model.SUCCEEDED,
        "sale: both rounds sold out and succeeded",
    )
    before = usdt.balanceOf(ctx.treasury)
    ctx.step("TokenSale.withdraw(public, USDT)", sale.withdraw(public, usdt, sender=keeper))
    ctx.step("TokenSale.withdraw(seed, native)", sale.withdraw(seed, NATIVE, sender=keeper))
    ctx.check(
        usdt.balanceOf(ctx.treasury) - before == EXERCISE_USDT, "sale: the USDT raised reached the treasury"
    )
    for name, rid in (("seed", seed), ("public", public)):
        ctx.step(f"TokenSale.close({name})", sale.close(rid, sender=keeper))

    now = ctx.chain.pending_timestamp
    for name, sid, total in (("public", public_id, quoted_usdt), ("seed", seed_id, quoted)):
        s, plan = vault.schedule(sid), sale_model.ROUNDS[name].plan
        ctx.check(
            s.beneficiary == (public_buyer if name == "public" else whitelisted).address
            and vault.plan(s.plan_id) == plan.encode_args()
            and vault.vested_amount(sid, now) == vesting_model.vested_amount(plan, total, s.start, now),
            f"sale: the {name} schedule follows the {name} row of the CC table",
        )
    before = cc.balanceOf(public_buyer)
    receipt = vault.release(public_id, sender=keeper)
    days = (ctx.chain.blocks.head.timestamp - vault.schedule(public_id).start) // DAY
    ctx.step("SaleVesting.release (public buyer)", receipt, note=f"TGE + {days} days")
    ctx.check(cc.balanceOf(public_buyer) > before, "sale: the public buyer received its unlocked CC")

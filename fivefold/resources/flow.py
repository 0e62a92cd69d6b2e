"""HPC resource market (issue 17; Smart 4.3, 4.4, 5.2): what `ape run deploy` creates where HPC is at
home, its tunable numbers and its exercise.

  ResourceMarket   offers, escrowed orders, periods proven by the authenticator nodes
                   (AuthenticatorRegistry, the HPC DAO's), usage-tiered emission rewards

It exists once, on HPC's home chain (polygon; every local chain is home to every token): HPC, its
emission and its authenticators are there. Owned by the CC Timelock after the handoff (the suite's
default); its numbers (reward curve, quorum, slash share, report window, stake per unit) are written by
the HPC DAO's parameter registry (`HPCParameterRegistry`), within the contract's bounds.

How the market receives the emission: the HPC halving emitter mints to the treasury today (the HPC
DAO's stakers are paid from it, fivefold/governance/flow.py), and the treasury funds the market's
reward budget (`fund`). Governance may instead point the emitter at the market
(`HPCEmitter.set_recipient(ResourceMarket)`): the market's `sync` credits whatever HPC arrives beyond
its books to the budget, so no change of the market is needed. The exercise takes the first road.

Chain config keys read: `resources.quorum` (signatures a report needs; default 2, or 1 with fewer
than two configured authenticators), `governance.authenticators` (whose keys sign the exercise's
report on a local chain).

`exercise` (local chain, HPC at home), on one timeline from now: the treasury mints accrued HPC
emission, pays the provider and the requester their HPC and funds the reward budget; a provider
registers a storage offer; a requester orders two coming periods; once the first is over a quorum of
authenticators (local test accounts) signs it served and anyone submits it; the provider claims the
escrow and the emission reward; once the second period's report window is over unreported, its order
refunds the requester. The books (escrow + stakes + owed + budget == HPC balance) are checked.
"""

from __future__ import annotations

from fivefold.context import Context, Deployable, Parameter, Step
from fivefold.resources import model

REGISTRY = "HPCParameterRegistry"
CAPACITY = 100  # storage units offered
PRICE = model.HPC  # 1 HPC per unit per period
ORDER_UNITS = 10
STAKE = CAPACITY * model.HPC
BUDGET = 100 * model.HPC
REQUESTER_HPC = 2 * ORDER_UNITS * PRICE


def _home(ctx: Context) -> bool:
    return "HPC" in ctx.config["home"]


CONTRACTS = [
    Deployable(
        "ResourceMarket",
        "ResourceMarket",
        lambda ctx: [
            ctx.address("HPC"),
            ctx.address("AuthenticatorRegistry"),
            ctx.deployer.address,
            "HPC Resource Market",
            "1",
        ],
        when=_home,
    )
]


def _authenticators(ctx: Context) -> list[str]:
    return list((ctx.config.get("governance") or {}).get("authenticators") or [])


def quorum(ctx: Context) -> int:
    configured = (ctx.config.get("resources") or {}).get("quorum")
    if configured is not None:
        return int(configured)
    return 2 if len(_authenticators(ctx)) >= 2 else 1


def parameters(ctx: Context) -> list[Parameter]:
    """The market's tunable numbers, in the HPC DAO's registry (bounds: the contract's own)."""
    if "ResourceMarket" not in ctx.contracts:
        return []
    market = ctx["ResourceMarket"]
    curve = model.DEFAULT_CURVE
    max_rate = market.MAX_RATE()
    groups = {
        "set_usage_tiers": [
            ("low_usage_bps", curve.low_usage_bps, model.BPS),
            ("high_usage_bps", curve.high_usage_bps, model.BPS),
        ],
        "set_reward_rates": [
            ("low_rate", curve.low_rate, max_rate),
            ("mid_rate", curve.mid_rate, max_rate),
            ("high_rate", curve.high_rate, max_rate),
        ],
    }
    out = [
        Parameter(
            f"resource_market.curve.{name}",
            "ResourceMarket",
            setter,
            "reward_curve",
            value,
            0,
            maximum,
            arity=len(fields),
            position=i,
            field=name,
            registry=REGISTRY,
        )
        for setter, fields in groups.items()
        for i, (name, value, maximum) in enumerate(fields)
    ]
    out += [
        Parameter(
            "resource_market.quorum",
            "ResourceMarket",
            "set_quorum",
            "quorum",
            quorum(ctx),
            1,
            16,
            registry=REGISTRY,
        ),
        Parameter(
            "resource_market.slash_bps",
            "ResourceMarket",
            "set_slash_bps",
            "slash_bps",
            model.DEFAULT_SLASH_BPS,
            0,
            market.MAX_SLASH_BPS(),
            registry=REGISTRY,
        ),
        Parameter(
            "resource_market.report_window",
            "ResourceMarket",
            "set_report_window",
            "report_window",
            model.DEFAULT_REPORT_WINDOW,
            market.MIN_REPORT_WINDOW(),
            market.MAX_REPORT_WINDOW(),
            registry=REGISTRY,
        ),
        Parameter(
            "resource_market.stake_per_unit",
            "ResourceMarket",
            "set_stake_per_unit",
            "stake_per_unit",
            model.DEFAULT_STAKE_PER_UNIT,
            0,
            market.MAX_STAKE_PER_UNIT(),
            registry=REGISTRY,
        ),
    ]
    return out


def configure(ctx: Context) -> None:
    """Nothing chain-specific: the numbers go through the HPC DAO's registry (`parameters`)."""


def _now(ctx: Context) -> int:
    return ctx.chain.blocks.head.timestamp


def _advance_to(ctx: Context, timestamp: int) -> None:
    if _now(ctx) < timestamp:
        ctx.advance(timestamp - _now(ctx))


def _treasury_hpc(ctx: Context, treasury, needed: int) -> bool:
    """The treasury holds `needed` HPC: local time moves until the emitter has accrued the rest, which
    the treasury mints (the emitter's recipient). False if it cannot."""
    hpc, emitter = ctx["HPC"], ctx.contracts.get("HPCEmitter")
    short = needed - hpc.balanceOf(treasury)
    if short <= 0:
        return True
    if emitter is None or emitter.recipient() != treasury.address:
        return False
    rate = emitter.rate_at(_now(ctx))
    if rate == 0:
        return False
    if emitter.mintable() < short:
        ctx.advance(-(-(short - emitter.mintable()) // rate) + 60)
    ctx.step("HPCEmitter.mint (for the resource market)", emitter.mint(sender=treasury))
    return hpc.balanceOf(treasury) >= needed


def _sign(ctx: Context, market, provider: str, period: int, served: bool):
    """The quorum's signatures of a report, from the configured authenticators' local keys (None if
    too few of them have a key here or sit in the registry)."""
    registry = ctx["AuthenticatorRegistry"]
    signers = [ctx.signer(a) for a in _authenticators(ctx)]
    signers = [s for s in signers if s is not None and registry.is_member(s)]
    needed = market.quorum()
    if len(signers) < needed:
        return None
    keys = [s.private_key for s in signers[:needed]]
    return model.sign_report(market, provider, period, served, keys)


def exercise(ctx: Context) -> None:
    """The market on one timeline (see the module's docstring)."""
    if not _home(ctx) or "ResourceMarket" not in ctx.contracts:
        ctx.steps.append(Step("resources: not here", 0, "", "HPC is not at home on this chain"))
        return
    if not ctx.config.get("local"):
        ctx.skip("resources", "the exercise moves time: local chains only")
        return
    market, hpc = ctx["ResourceMarket"], ctx["HPC"]
    treasury = ctx.signer(ctx.treasury)
    provider, requester = ctx.users[3], ctx.users[4]
    registered = market.offer(provider)[1] != 0
    needed = BUDGET + REQUESTER_HPC + (0 if registered else STAKE)
    if treasury is None or not _treasury_hpc(ctx, treasury, needed):
        ctx.skip("resources", "the treasury has no key here or cannot get HPC from the emitter")
        return
    ctx.step("HPC.approve (treasury -> market)", hpc.approve(market, BUDGET, sender=treasury))
    ctx.step("ResourceMarket.fund (emission reward budget)", market.fund(BUDGET, sender=treasury))
    if not registered:
        ctx.step("HPC.transfer (provider's stake)", hpc.transfer(provider, STAKE, sender=treasury))
        ctx.step("HPC.approve (provider)", hpc.approve(market, STAKE, sender=provider))
        ctx.step(
            "ResourceMarket.register (storage)",
            market.register(0, CAPACITY, PRICE, STAKE, sender=provider),
            f"{CAPACITY} units at {PRICE / model.HPC:g} HPC, {STAKE / model.HPC:g} HPC staked",
        )
    ctx.step("HPC.transfer (requester)", hpc.transfer(requester, REQUESTER_HPC, sender=treasury))
    ctx.step("HPC.approve (requester)", hpc.approve(market, REQUESTER_HPC, sender=requester))
    first = market.current_period() + 1
    served_order = market.place_order(provider, first, ORDER_UNITS, sender=requester)
    ctx.step("ResourceMarket.place_order (period p)", served_order, f"{ORDER_UNITS} units")
    unproven = market.place_order(provider, first + 1, ORDER_UNITS, sender=requester)
    ctx.step("ResourceMarket.place_order (period p + 1)", unproven, f"{ORDER_UNITS} units")
    usage = market.usage_bps(0, first)
    _advance_to(ctx, market.period_end(first) + 60)
    signatures = _sign(ctx, market, provider.address, first, True)
    if signatures is None:
        ctx.skip(
            "ResourceMarket.prove", "too few authenticators of governance.authenticators have a key here"
        )
        return
    owed = market.owed(provider)
    receipt = market.prove(provider, first, True, signatures, sender=requester)
    reward = model.reward(ORDER_UNITS, usage, 10**30)
    ctx.step(
        "ResourceMarket.prove (served)", receipt, f"{len(signatures)} authenticators; usage {usage / 100:g}%"
    )
    ctx.check(
        market.owed(provider) == owed + ORDER_UNITS * PRICE + reward,
        "a served period owes the provider its escrow and the tier's reward",
    )
    before = hpc.balanceOf(provider)
    ctx.step("ResourceMarket.claim (payment + reward)", market.claim(sender=provider))
    ctx.check(
        hpc.balanceOf(provider) == before + owed + ORDER_UNITS * PRICE + reward, "the provider was paid"
    )
    _advance_to(ctx, market.period_end(first + 1) + market.report_window())
    before = hpc.balanceOf(requester)
    ctx.step("ResourceMarket.refund (unproven period)", market.refund(unproven.return_value, sender=provider))
    ctx.check(
        hpc.balanceOf(requester) == before + ORDER_UNITS * PRICE, "an unproven period refunds the requester"
    )
    books = market.total_escrow() + market.total_stakes() + market.total_owed() + market.reward_budget()
    ctx.check(hpc.balanceOf(market) == books, "the market's books equal its HPC balance")

"""A tour of the schedules on a local chain: jump to interesting times, let anyone release and mint,
and tabulate what vested, what was emitted, and the supplies. Local chains only (it moves time)."""

from __future__ import annotations

from fivefold import ui
from fivefold.context import Context
from fivefold.emission import flow as emission_flow, model as emission
from fivefold.units import DAY, MONTH, YEAR, fmt
from fivefold.vesting import flow as vesting_flow

# (label, seconds after the schedules' start)
POINTS = (
    ("TGE", 0),
    ("+1 month", MONTH),
    ("+3 months", 3 * MONTH),
    ("+13 months (seed starts)", 13 * MONTH),
    ("+2 years", 2 * YEAR),
    ("+4 years (HPC era 1)", 1461 * DAY),
    ("+5 years (CPC rewards end)", 5 * YEAR + 2 * DAY),
    ("+10 years", 10 * YEAR + 3 * DAY),
    ("+130 years (emission complete)", 130 * YEAR),
)


def columns(ctx: Context) -> list[str]:
    home = ctx.config["home"]
    cols = []
    if "CC" in home:
        cols += ["CC vested", "CC released"]
    if "CPC" in home:
        cols += ["CPC team vested", "CPC maintenance paid"]
    for name, params in emission_flow.EMITTERS.items():
        if params.symbol in home:
            cols += [f"{params.symbol} minted", f"{params.symbol} supply"]
    return cols


def _vault_sums(ctx: Context, vault_name: str, at: int) -> tuple[int, int]:
    vault = ctx[vault_name]
    vested = released = 0
    for schedule_id, _, _ in vesting_flow.rows(ctx, vault_name):
        vested += vault.vested_amount(schedule_id, at)
        released += vault.schedule(schedule_id).released
    return vested, released


def tour(ctx: Context, progress=lambda label: None) -> tuple[list[str], list[list[str]]]:
    if not ctx.config.get("local"):
        raise ValueError("the timeline moves time: local chains only")
    home = ctx.config["home"]
    caller = ctx.users[-1]
    start = ctx.chain.blocks.head.timestamp
    for name in ("HPCEmitter", "CARTYEmitter", "CPCMaintenance"):
        if name in ctx.contracts and ctx[name].start_time():
            start = min(start, ctx[name].start_time())
    rows = []
    for label, offset in POINTS:
        target = start + offset
        now = ctx.chain.blocks.head.timestamp
        if target > now:
            ctx.chain.provider.make_request("evm_setNextBlockTimestamp", [target])
            ctx.chain.provider.make_request("evm_mine", [])
        at = ctx.chain.blocks.head.timestamp
        row = [label]
        for vault_name, symbol in vesting_flow.VAULTS.items():
            if symbol not in home:
                continue
            vault = ctx[vault_name]
            for schedule_id, _, _ in vesting_flow.rows(ctx, vault_name):
                if vault.releasable(schedule_id) > 0:
                    vault.release(schedule_id, sender=caller)
        for name, params in emission_flow.EMITTERS.items():
            if params.symbol in home and ctx[name].mintable() > 0:
                ctx[name].mint(sender=caller)
        if "CPC" in home and ctx["CPCMaintenance"].releasable() > 0:
            ctx["CPCMaintenance"].release(sender=caller)
        if "CC" in home:
            row += [fmt(v, 0) for v in _vault_sums(ctx, "CCVesting", at)]
        if "CPC" in home:
            row += [fmt(_vault_sums(ctx, "CPCVesting", at)[0], 0), fmt(ctx["CPCMaintenance"].released(), 1)]
        for name, params in emission_flow.EMITTERS.items():
            if params.symbol in home:
                row += [fmt(ctx[name].minted(), 0), fmt(ctx[params.symbol].totalSupply(), 0)]
        rows.append(row)
        progress(label)
    return ["time", *columns(ctx)], rows


def expected_emission(symbol: str, seconds: int) -> int:
    """The Python mirror's emitted amount, for cross-checking the table."""
    params = emission_flow.EMITTERS[f"{symbol}Emitter"]
    return emission.emitted_at(params, 0, seconds)


def run(ctx: Context) -> None:
    """`ape run timeline`: the tour with a progress bar, then its table."""
    with ui.progress() as bar:
        task = bar.add_task("advancing time", total=len(POINTS))
        header, rows = tour(ctx, progress=lambda label: bar.advance(task))
    ui.table(f"Schedules over time on chain {ctx.chain_id} ({ctx.config['chain']})", header, rows,
             justify_right=tuple(range(1, len(header))))

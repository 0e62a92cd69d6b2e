"""The schedules over time: what has vested and what has been emitted at TGE, +1 month, ... +130 years.

Each row is read at its labelled time from the contracts' own views that take a timestamp
(`VestingVault.vested_amount(id, t)`, `HalvingEmitter.emitted_at(t)`, `MaintenanceRewards.accrued_at(t)`),
so nothing moves time and the TGE row is at TGE whatever the chain's clock says now (after the
exercise moved it, say). The Python mirrors compute the same figures; a disagreement stops the table.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fivefold import ui
from fivefold.context import Context, FlowError
from fivefold.emission import flow as emission_flow
from fivefold.emission import model as emission
from fivefold.units import DAY, MONTH, YEAR, fmt
from fivefold.vesting import flow as vesting_flow
from fivefold.vesting import model as vesting

# (label, seconds after TGE)
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
        cols += ["CC vested"]
    if "CPC" in home:
        cols += ["CPC team vested", "CPC maintenance"]
    for params in emission_flow.EMITTERS.values():
        if params.symbol in home:
            cols += [f"{params.symbol} emitted"]
    return cols


def tge(ctx: Context) -> int:
    """TGE: the vesting schedules' start on this chain, else the earliest emission start, else now."""
    for vault_name, symbol in vesting_flow.VAULTS.items():
        if symbol in ctx.config["home"]:
            for schedule_id, _, _ in vesting_flow.rows(ctx, vault_name):
                return int(ctx[vault_name].schedule(schedule_id).start)
    starts = [
        int(ctx[n].start_time())
        for n in (*emission_flow.EMITTERS, "CPCMaintenance")
        if n in ctx.contracts and ctx[n].start_time()
    ]
    return min(starts) if starts else ctx.chain.blocks.head.timestamp


def _vested(ctx: Context, vault_name: str, at: int) -> tuple[int, int]:
    """(the vault's view, the mirror's figure) of everything vested at `at`."""
    vault = ctx[vault_name]
    on_chain = mirror = 0
    for schedule_id, plan, amount in vesting_flow.rows(ctx, vault_name):
        s = vault.schedule(schedule_id)
        on_chain += vault.vested_amount(schedule_id, at)
        mirror += vesting.vested_amount(vesting.PLANS[plan], amount, int(s.start), at)
    return on_chain, mirror


def _agree(what: str, on_chain: int, mirror: int) -> int:
    if on_chain != mirror:
        raise FlowError(f"timeline: {what}: the contract says {on_chain}, the Python mirror {mirror}")
    return on_chain


def rows(ctx: Context) -> tuple[list[str], list[list[str]], int]:
    """(header, rows, TGE timestamp): each row read at TGE + its offset, from views only."""
    home = ctx.config["home"]
    start = tge(ctx)
    out = []
    for label, offset in POINTS:
        at = start + offset
        row = [label, datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%d")]
        if "CC" in home:
            row.append(fmt(_agree(f"CC vested at {label}", *_vested(ctx, "CCVesting", at)), 0))
        if "CPC" in home:
            row.append(fmt(_agree(f"CPC team vested at {label}", *_vested(ctx, "CPCVesting", at)), 0))
            m = ctx["CPCMaintenance"]
            row.append(
                fmt(
                    _agree(
                        f"CPC maintenance at {label}",
                        m.accrued_at(at),
                        emission.maintenance_accrued(int(m.start_time()), at),
                    ),
                    0,
                )
            )
        for name, params in emission_flow.EMITTERS.items():
            if params.symbol in home:
                e = ctx[name]
                row.append(
                    fmt(
                        _agree(
                            f"{params.symbol} emitted at {label}",
                            e.emitted_at(at),
                            emission.emitted_at(params, int(e.start_time()), at),
                        ),
                        0,
                    )
                )
        out.append(row)
    return ["time", "date (UTC)", *columns(ctx)], out, start


def cc_rows(ctx: Context) -> dict[str, int]:
    """CC allocations (plan -> wei) as configured, for the picture."""
    return {plan: amount for _, plan, amount in vesting_flow.rows(ctx, "CCVesting")}


def run(ctx: Context, plot=None) -> None:
    """`ape run timeline`: the table (and with `plot`, the picture of the same schedules)."""
    header, table_rows, start = rows(ctx)
    if len(header) == 2:
        ui.console.print(
            f"chain {ctx.chain_id} ({ctx.config['chain']}) is home to no vesting or emitting token: "
            "nothing to tabulate"
        )
    else:
        ui.table(
            f"Schedules on chain {ctx.chain_id} ({ctx.config['chain']}), read at each time (whole tokens)",
            header,
            table_rows,
            justify_right=tuple(range(2, len(header))),
        )
    if plot:
        from fivefold import plots

        cc = cc_rows(ctx) or dict(vesting.CC_ALLOCATIONS)
        team = sum(a for _, _, a in vesting_flow.rows(ctx, "CPCVesting")) or vesting.CPC_TEAM_ALLOCATION
        path = plots.timeline(
            plot, cc, team, marks=[(label, off) for label, off in POINTS if off <= 5 * YEAR]
        )
        ui.console.print(f"picture: {path}")

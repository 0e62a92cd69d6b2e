"""`ape run exercise`: every domain's user flows on a deployed chain, from its manifest alone.

Each registered domain's `exercise(ctx)` runs in `fivefold.domains.exercise_flows()` order and records its
transactions with `ctx.step`; the table shows each step with its gas, also when one reverts.
"""

from __future__ import annotations

from fivefold import domains, ui
from fivefold.context import Context, FlowError


def run(ctx: Context) -> None:
    """Runs every domain's exercise and prints the steps; a revert or a failed check exits non-zero."""
    from ape.exceptions import ContractLogicError

    try:
        for flow in domains.exercise_flows():
            flow.exercise(ctx)
        ctx.refresh_local_feeds()  # flows moved local time: leave every local feed answering now
    except ContractLogicError as exc:
        show(ctx)
        ui.fail(f"step after {ctx.steps[-1].name if ctx.steps else 'start'} reverted: {exc}")
    except FlowError:
        show(ctx)
        raise
    show(ctx)


def show(ctx: Context) -> None:
    ui.table(
        f"Exercise on chain {ctx.chain_id} ({ctx.config['chain']})",
        ["step", "gas", "note"],
        [(s.name, f"{s.gas:,}" if s.gas else "-", s.note) for s in ctx.steps],
        justify_right=(1,),
    )

"""Measure the suite's named operations on a fresh local chain; write or check gas-snapshot.json.

  ape run gas            measure and write gas-snapshot.json
  ape run gas --check    measure and compare: exit 1 if any figure moved by more than 1%,
                         an operation is missing, or an operation exceeds its target
"""

from pathlib import Path

import click

from fivefold import gas, ui
from fivefold.session import SessionError, connect


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--check", is_flag=True, help="Compare with the committed snapshot instead of writing it.")
@click.option("--only", metavar="PREFIX", default="", help="Measure only keys starting with PREFIX (never with --check).")
@click.option("--file", "path", type=click.Path(path_type=Path), default=Path(gas.SNAPSHOT_FILE), show_default=True)
def cli(check, only, path):
    """Gas snapshot of the suite's operations, each in its stated condition on a fresh local chain."""
    if check and only:
        ui.fail("--only measures a subset; --check needs every operation")
    ops = {k: op for k, op in gas.load_operations().items() if k.startswith(only)}
    if not ops:
        ui.fail(f"no operation starts with {only!r}")
    with ui.errors(SessionError):
        from ape import accounts, chain, project

        with connect("ethereum:local:foundry"):
            bench = gas.Bench(project=project, accounts=accounts.test_accounts, chain=chain)
            with ui.progress() as bar:
                task = bar.add_task("measuring", total=len(ops))
                measured = gas.measure_all(bench, ops, on_done=lambda key: bar.advance(task))
    committed = gas.read_snapshot(path)
    over = gas.target_failures(ops, measured)
    if check:
        verdicts = gas.compare(committed, measured)
        ui.table(
            "Gas check (1% band)",
            ["operation", "committed", "measured", "target", "verdict"],
            [
                (v.key, f"{v.committed:,}" if v.committed else "-", f"{v.measured:,}" if v.measured else "-",
                 _target(ops.get(v.key)), v.reason)
                for v in verdicts
            ],
            justify_right=(1, 2, 3),
        )
        bad = [v for v in verdicts if not v.ok]
        if bad or over:
            ui.fail("; ".join([f"{v.key}: {v.reason}" for v in bad] + over))
        ui.console.print(f"[green]gas check passed[/]: {len(verdicts)} operations within 1% of gas-snapshot.json")
        return
    merged = {**{k: v for k, v in committed.items() if k in gas.REGISTRY}, **measured}
    gas.write_snapshot(path, merged)
    ui.table(
        f"Gas snapshot written to {path}",
        ["operation", "gas", "target", "condition"],
        [(k, f"{v['gas']:,}", _target(ops.get(k)), v["condition"]) for k, v in measured.items()],
        justify_right=(1, 2),
    )
    if over:
        ui.fail("over target: " + "; ".join(over))


def _target(op) -> str:
    if op is None:
        return "-"
    if op.target:
        return f"≤ {op.target:,}"
    return f"≤ {op.not_above}" if op.not_above else "-"

"""Gas snapshot: named operations measured in stated conditions on a fresh local chain.

Each domain registers its operations in `fivefold/<domain>/bench.py` with `@operation`:
a function that receives a `Bench` (the project and named accounts), sets up the
stated condition, and returns the receipt of exactly the transaction to measure.
`ape run gas` runs them all, each in its own chain snapshot, and writes or checks
`gas-snapshot.json`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SNAPSHOT_FILE = "gas-snapshot.json"
TOLERANCE = 0.01  # `--check` fails beyond 1% either way
REFERENCE_SLACK = 12 * 8  # gas: calldata zero-byte noise allowed against a reference (8 bytes' worth)


@dataclass(frozen=True)
class Operation:
    key: str
    condition: str
    measure: Callable[[Bench], Any]
    target: int | None = None  # an upper bound from the issue, if it names one
    not_above: str | None = None  # another key measured in the same run that this one may not exceed
    # the check's band: 1% unless the key's gas depends on a random seed it cannot fix (say why)
    band: float = 0.01


REGISTRY: dict[str, Operation] = {}


def operation(
    key: str,
    condition: str,
    target: int | None = None,
    not_above: str | None = None,
    band: float = TOLERANCE,
):
    """Registers `fn(bench) -> receipt` as the measurement of `key` (checked within `band`)."""

    def register(fn):
        if key in REGISTRY:
            raise ValueError(f"gas operation {key!r} registered twice")
        REGISTRY[key] = Operation(key, condition, fn, target, not_above, band)
        return fn

    return register


@dataclass
class Bench:
    """What a measurement needs: the compiled project and accounts by role."""

    project: Any
    accounts: Any
    chain: Any
    extra: dict = field(default_factory=dict)

    @property
    def deployer(self):
        return self.accounts[0]

    @property
    def owner(self):
        return self.accounts[1]

    @property
    def treasury(self):
        return self.accounts[2]

    def user(self, i: int):
        """Accounts 3.. are users; `user(0)` is the first."""
        return self.accounts[3 + i]


def load_operations() -> dict[str, Operation]:
    """Imports every registered domain's `bench` module so their operations register."""
    from fivefold import domains

    domains.benches()
    return dict(sorted(REGISTRY.items()))


def read_snapshot(path: Path) -> dict[str, dict]:
    return json.loads(path.read_text()) if path.exists() else {}


def write_snapshot(path: Path, results: dict[str, dict]) -> None:
    path.write_text(json.dumps(dict(sorted(results.items())), indent=2) + "\n")


@dataclass(frozen=True)
class Verdict:
    key: str
    committed: int | None
    measured: int | None
    ok: bool
    reason: str


def compare(
    committed: dict[str, dict], measured: dict[str, dict], tolerance: float = TOLERANCE
) -> list[Verdict]:
    """Every committed and every measured key, judged against the 1% band (a registered operation's
    own band where it has one) and its target."""
    verdicts = []
    for key in sorted(set(committed) | set(measured)):
        band = REGISTRY[key].band if key in REGISTRY and tolerance == TOLERANCE else tolerance
        c = committed.get(key, {}).get("gas")
        m = measured.get(key, {}).get("gas")
        if m is None:
            verdicts.append(Verdict(key, c, m, False, "operation missing from the measurement"))
        elif c is None:
            reason = "not in gas-snapshot.json: run `ape run gas` and commit"
            verdicts.append(Verdict(key, c, m, False, reason))
        elif abs(m - c) > c * band:
            reason = f"differs by {100 * (m - c) / c:+.2f}% (> {band:.0%})"
            verdicts.append(Verdict(key, c, m, False, reason))
        else:
            verdicts.append(Verdict(key, c, m, True, "ok"))
    return verdicts


def target_failures(ops: dict[str, Operation], measured: dict[str, dict]) -> list[str]:
    """Operations above their issue target, or above the reference they must not exceed."""
    out = []
    for key, op in ops.items():
        gas = measured.get(key, {}).get("gas")
        if gas is None:
            continue
        if op.target is not None and gas > op.target:
            out.append(f"{key}: {gas:,} > target {op.target:,}")
        reference = measured.get(op.not_above, {}).get("gas") if op.not_above else None
        # Signatures over different contract addresses differ in how many zero bytes their calldata
        # has (4 vs 16 gas a byte): up to REFERENCE_SLACK is that noise, not the code.
        if reference is not None and gas > reference + REFERENCE_SLACK:
            out.append(f"{key}: {gas:,} > {op.not_above} {reference:,}")
    return out


def measure_all(
    bench: Bench, ops: dict[str, Operation], on_done: Callable[[str], None] = lambda key: None
) -> dict[str, dict]:
    """Runs every operation from the same clean chain state (snapshot and revert around each)."""
    results = {}
    for key, op in ops.items():
        snapshot = bench.chain.snapshot()
        try:
            receipt = op.measure(bench)
            results[key] = {"gas": int(receipt.gas_used), "condition": op.condition}
        finally:
            bench.chain.restore(snapshot)
        on_done(key)
    return results


# --- `ape run gas` (scripts/gas.py parses the options and calls `run`)


def run(check: bool = False, only: str = "", path: Path = Path(SNAPSHOT_FILE)) -> None:
    """Measures every operation (or those whose key starts with `only`) on the connected local chain,
    then writes `path` or, with `check`, compares with it; fails on a moved figure or a missed target."""
    from ape import accounts, chain, project

    from fivefold import session, ui

    session.prepare(chain.provider)
    if check and only:
        ui.fail("--only measures a subset; --check needs every operation")
    ops = {k: op for k, op in load_operations().items() if k.startswith(only)}
    if not ops:
        ui.fail(f"no operation starts with {only!r}")
    bench = Bench(project=project, accounts=accounts.test_accounts, chain=chain)
    with ui.progress() as bar:
        task = bar.add_task("measuring", total=len(ops))
        measured = measure_all(bench, ops, on_done=lambda key: bar.advance(task))
    committed = read_snapshot(path)
    over = target_failures(ops, measured)
    if check:
        _report_check(ops, committed, measured, over, path)
        return
    write_snapshot(path, {**{k: v for k, v in committed.items() if k in REGISTRY}, **measured})
    ui.table(
        f"Gas snapshot written to {path}",
        ["operation", "gas", "target", "condition"],
        [(k, f"{v['gas']:,}", _target(ops.get(k)), v["condition"]) for k, v in measured.items()],
        justify_right=(1, 2),
    )
    if over:
        ui.fail("over target: " + "; ".join(over))


def _report_check(
    ops: dict[str, Operation], committed: dict, measured: dict, over: list[str], path: Path
) -> None:
    from fivefold import ui

    verdicts = compare(committed, measured)
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
    ui.console.print(f"[green]gas check passed[/]: {len(verdicts)} operations within 1% of {path}")


def _target(op: Operation | None) -> str:
    if op is None:
        return "-"
    if op.target:
        return f"≤ {op.target:,}"
    return f"≤ {op.not_above}" if op.not_above else "-"

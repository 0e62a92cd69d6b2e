"""The gas check (`ape run gas --check`) as part of the test run: every operation of every domain's
bench, measured by the same functions from the same chain snapshot, is within 1% of its figure in
gas-snapshot.json and under its target. `ape run gas` rewrites the snapshot after a deliberate change.

The crowd operations (a thousand borrowers, ten thousand stakers: a minute or more of setup each) are
measured by tests/test_gas_crowds.py, so that xdist can run them beside the rest.
"""

from pathlib import Path

from fivefold import gas

ROOT = Path(__file__).resolve().parents[1]
CROWDS = ("lending.borrow.1000users", "dao.vote.10000stakers")


def check(project, accounts, chain, keys) -> None:
    """Measures the operations `keys` and compares them with their committed figures and targets."""
    ops = {k: op for k, op in gas.load_operations().items() if k in keys}
    measured = gas.measure_all(gas.Bench(project=project, accounts=accounts, chain=chain), ops)
    committed = {k: v for k, v in gas.read_snapshot(ROOT / gas.SNAPSHOT_FILE).items() if k in keys}
    moved = [f"{v.key}: {v.reason}" for v in gas.compare(committed, measured) if not v.ok]
    assert moved == [], "run `ape run gas` and commit gas-snapshot.json if the change is meant"
    assert gas.target_failures(ops, measured) == []


def test_gas_snapshot__every_operation__within_one_percent_and_under_target(project, accounts, chain):
    """No gas figure moved by more than 1%, none is missing from the snapshot, none exceeds its target
    (every operation but the crowds, and every committed key, is measured here)."""
    keys = set(gas.load_operations()) | set(gas.read_snapshot(ROOT / gas.SNAPSHOT_FILE))
    for crowd in CROWDS:
        assert crowd in keys, f"{crowd} is no longer an operation: update CROWDS"
    check(project, accounts, chain, keys - set(CROWDS))

"""The gas check (`ape run gas --check`) as part of the test run: every operation of every domain's
bench, measured by the same functions from the same chain snapshot, is within 1% of its figure in
gas-snapshot.json and under its target. `ape run gas` rewrites the snapshot after a deliberate change.
"""

from pathlib import Path

from fivefold import gas

ROOT = Path(__file__).resolve().parents[1]


def test_gas_snapshot__every_operation__within_one_percent_and_under_target(project, accounts, chain):
    """No gas figure moved by more than 1%, none is missing from the snapshot, none exceeds its target."""
    ops = gas.load_operations()
    measured = gas.measure_all(gas.Bench(project=project, accounts=accounts, chain=chain), ops)
    committed = gas.read_snapshot(ROOT / gas.SNAPSHOT_FILE)
    moved = [f"{v.key}: {v.reason}" for v in gas.compare(committed, measured) if not v.ok]
    assert moved == [], "run `ape run gas` and commit gas-snapshot.json if the change is meant"
    assert gas.target_failures(ops, measured) == []

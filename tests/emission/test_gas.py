"""Gas of the bench operations (fivefold/emission/bench.py), measured as `ape run gas` does.

The issue names no target for these keys; the ceilings below are this domain's own, a little
above the measured figures, so a regression shows here before it reaches gas-snapshot.json.
"""

import pytest

from fivefold.emission import bench
from fivefold.gas import REGISTRY, Bench

CEILINGS = {
    "emission.mint": 48_000,
    "maintenance.release": 47_000,
}


@pytest.mark.parametrize("key", sorted(CEILINGS))
def test_gas__bench_operation__within_ceiling(project, accounts, chain, key):
    operation = REGISTRY[key]
    assert operation.measure in (bench.mint, bench.release)
    receipt = operation.measure(Bench(project=project, accounts=accounts, chain=chain))
    print(f"{key}: {receipt.gas_used} gas")
    assert receipt.gas_used <= CEILINGS[key]
    if operation.target is not None:
        assert receipt.gas_used <= operation.target

"""Each lending gas operation stays under the issue's target (the snapshot itself is `ape run gas`)."""

import pytest

from fivefold.gas import Bench, REGISTRY
from fivefold.lending import bench as bench_lending  # registers the operations

KEYS = ["lending.supply.fresh", "lending.borrow", "lending.repay", "lending.withdraw", "lending.liquidate"]


@pytest.fixture(scope="module")
def b(project, accounts, chain):
    """One prepared system for the module; ape reverts each test to it."""
    bench = Bench(project, accounts, chain)
    bench.extra["lending"] = bench_lending.prepare(bench)
    return bench


@pytest.mark.parametrize("key", KEYS)
def test_gas__operation__within_target(b, key):
    op = REGISTRY[key]
    receipt = op.measure(b)
    print(f"\nGAS {key} {receipt.gas_used}")
    assert receipt.gas_used <= op.target

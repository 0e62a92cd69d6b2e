"""Each lending gas operation stays under the issue's target (the snapshot itself is `ape run gas`)."""

import pytest

from fivefold.bench import lending as bench  # noqa: F401  (registers the operations)
from fivefold.gas import REGISTRY, Bench

KEYS = ["lending.supply.fresh", "lending.borrow", "lending.repay", "lending.withdraw", "lending.liquidate"]


@pytest.fixture
def b(project, accounts, chain):
    return Bench(project, accounts, chain)


@pytest.mark.parametrize("key", KEYS)
def test_gas__operation__within_target(b, key):
    op = REGISTRY[key]
    receipt = op.measure(b)
    print(f"\nGAS {key} {receipt.gas_used}")
    assert receipt.gas_used <= op.target

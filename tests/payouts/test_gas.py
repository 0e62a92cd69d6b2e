"""The payouts gas targets of the issue, measured by the same functions as `ape run gas`."""

import pytest

from fivefold import gas
from fivefold.payouts import bench  # noqa: F401  (registers the operations)

# The keys with an issue target; `ape run gas` measures the others (same functions).
KEYS = [k for k, op in gas.REGISTRY.items() if k.startswith(("redpacket.", "airdrop.")) and op.target]


@pytest.fixture
def b(project, accounts, chain):
    return gas.Bench(project=project, accounts=accounts, chain=chain)


@pytest.mark.parametrize("key", KEYS)
def test_gas__operation__within_target(b, key):
    op = gas.REGISTRY[key]
    receipt = op.measure(b)
    print(f"{key}: {receipt.gas_used:,}")
    assert receipt.gas_used <= op.target

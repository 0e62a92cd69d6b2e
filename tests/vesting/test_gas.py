"""Gas of the vesting bench operations, against their targets (fivefold/vesting/bench.py)."""

import pytest

from fivefold.gas import Bench, REGISTRY
from fivefold.vesting import bench


@pytest.fixture
def b(project, accounts, chain):
    return Bench(project, accounts, chain)


def test_release__second_release_to_holder__within_target(b):
    receipt = bench.release(b)
    print("vesting.release", receipt.gas_used)
    assert receipt.gas_used <= REGISTRY["vesting.release"].target


def test_create__batch__measured(b):
    receipt = bench.create(b)
    print("vesting.create", receipt.gas_used)
    assert receipt.gas_used > 0

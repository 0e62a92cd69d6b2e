"""The bridge's gas operations run on ape's chain with Hyperlane's real contracts: each measures
the transaction its condition names, and the protocol's parts are smaller than their whole."""

import pytest

from fivefold.bridge import bench
from fivefold.gas import Bench
from tests.tests_support import isolated


@pytest.fixture
def measured(project, accounts, chain):
    """Every bridge operation's gas, each in its own snapshot."""
    results = {}
    for name in ("send", "dispatch", "receive", "verify"):
        with isolated(chain):
            results[name] = getattr(bench, name)(Bench(project, accounts, chain)).gas_used
    return results


def test_bench__send_and_receive__protocol_parts_inside(measured):
    """bridge.send includes dispatch (token burn and router on top), bridge.receive includes the
    ISM's verification (Mailbox, router and mint on top)."""
    assert 0 < measured["dispatch"] < measured["send"]
    assert 0 < measured["verify"] < measured["receive"]

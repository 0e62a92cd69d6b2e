"""The gas check of the crowd operations (tests/test_gas.py has the rest): a per-user operation costs
the same with a thousand borrowers or ten thousand stakers around it, within 1% of its committed figure
and under its target."""

import pytest

from tests.test_gas import CROWDS, check


@pytest.mark.parametrize("key", CROWDS)
def test_gas_snapshot__crowd_operation__within_one_percent_and_under_target(project, accounts, chain, key):
    check(project, accounts, chain, {key})

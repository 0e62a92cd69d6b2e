"""VestingVault ownership: two steps (contracts/shared/owner_2step.vy), never renounced."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture
def owned(vault):
    """The vault."""
    return vault


@pytest.fixture
def act(vault):
    """An owner-only action: registering a plan."""
    return lambda account: vault.add_plan(86_400, 10_000, 0, 0, 0, 0, 0, sender=account)


class TestOwnership(ownership.TwoStepOwnership):
    """A renounced vault could never revoke a schedule again, so renouncing does not exist; the
    offered account cannot add plans until it accepts."""

"""LiquidityFarm ownership: two steps (contracts/shared/owner_2step.vy), never renounced."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture
def owned(farm):
    return farm


@pytest.fixture
def act(farm):
    """An owner-only action: setting the reward rate."""
    return lambda account: farm.set_reward_rate(1, sender=account)


class TestOwnership(ownership.TwoStepOwnership):
    """A renounced farm could never change its reward rate again, not even to stop it."""

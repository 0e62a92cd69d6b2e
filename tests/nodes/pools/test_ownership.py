"""Ownership of both pools: two steps (contracts/shared/owner_2step.vy), never renounced."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture(params=["economy", "rnode"])
def owned(request, econ_pool, rnode_pool):
    """Each pool in turn."""
    return econ_pool if request.param == "economy" else rnode_pool


@pytest.fixture
def act(owned, econ_pool, rnode_committee):
    """An owner-only action: setting the reward per season, or naming the committee."""
    if owned == econ_pool:
        return lambda account: owned.set_reward_per_season(1, sender=account)
    return lambda account: owned.set_committee(rnode_committee, sender=account)


class TestOwnership(ownership.TwoStepOwnership):
    """A renounced pool could never sweep force-sent CPC, tune its reward or lock, or name a new
    committee again, so renouncing does not exist; the offered account cannot act until it accepts."""

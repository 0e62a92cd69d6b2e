"""Staking and DaoIdentity ownership: two steps (contracts/shared/owner_2step.vy), never renounced."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture(params=["staking", "identity"])
def owned(request, staking, identity):
    """Each owned governance contract in turn."""
    return {"staking": staking, "identity": identity}[request.param]


@pytest.fixture
def act(owned, staking, identity, beneficiary):
    """An owner-only action: setting the reward rate, or issuing an identity."""
    if owned == staking:
        return lambda account: staking.set_reward_rate(1, sender=account)
    return lambda account: identity.issue(beneficiary, sender=account)


class TestOwnership(ownership.TwoStepOwnership):
    """A renounced staking contract could never list a collection or exclude an exchange again; a
    renounced identity contract could never issue or revoke."""

"""Ownership of both emission contracts: two steps (contracts/shared/owner_2step.vy), never renounced."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture(params=["emitter", "maintenance"])
def owned(request, hpc, maintenance):
    """Each emission contract in turn."""
    return hpc[1] if request.param == "emitter" else maintenance


@pytest.fixture
def act(owned, chain, treasury):
    """An owner-only action: starting the schedule."""
    return lambda account: owned.start(chain.pending_timestamp + 100, treasury, sender=account)


class TestOwnership(ownership.TwoStepOwnership):
    """A renounced schedule could never have its recipient moved again, so renouncing does not exist;
    the offered account cannot start the schedule until it accepts."""

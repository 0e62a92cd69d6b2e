"""LocalPriceFeed ownership: two steps (contracts/shared/owner_2step.vy), never renounced."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture
def owned(feed):
    """The feed."""
    return feed


@pytest.fixture
def act(feed, chain):
    """An owner-only action: setting the answer."""
    return lambda account: feed.set_answer(2_000 * 10**8, chain.pending_timestamp - 1, sender=account)


class TestOwnership(ownership.TwoStepOwnership):
    """A renounced feed would keep its last answer for good, so renouncing does not exist; the
    offered account cannot set answers until it accepts."""

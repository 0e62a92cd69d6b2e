"""Controller ownership: two steps (snekmate ownable_2step), never renounced. The Controller's owner
governs every market too (reserve factor, rate model, reserves), so the same rules hold for them."""

import pytest

from fivefold.lending import model as lending
from tests import ownership_support as ownership


@pytest.fixture
def owned(controller):
    """The Controller."""
    return controller


@pytest.fixture
def act(controller):
    """An owner-only action: setting the close factor."""
    return lambda account: controller.set_close_factor(lending.MIN_CLOSE_FACTOR, sender=account)


class TestOwnership(ownership.TwoStepOwnership):
    """A renounced Controller would freeze every market's risk settings for good, so renouncing
    does not exist; the offered account cannot set risk parameters until it accepts."""

    def test_accept_ownership__pending_owner__takes_over_the_markets_too(
        self, owned, usd_market, owner, non_owner, act
    ):
        """After acceptance the new owner governs every market as well."""
        ownership.check_accept_moves_power(owned, owner, non_owner, act)
        usd_market.set_reserve_factor(0, sender=non_owner)

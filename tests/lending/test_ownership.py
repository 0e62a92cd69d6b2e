"""Controller ownership: two steps (snekmate ownable_2step), never renounced. The Controller's owner
governs every market too (reserve factor, rate model, reserves), so the same rules hold for them."""

import pytest

from fivefold.lending import model as lending
from tests import ownership_support as ownership


@pytest.fixture
def act(controller):
    """An owner-only action: setting the close factor."""
    return lambda account: controller.set_close_factor(lending.MIN_CLOSE_FACTOR, sender=account)


def test_transfer_ownership__owner__offer_pending_until_accepted(controller, governance, non_owner, act):
    """The offer leaves the owner in charge; the offered account cannot set risk parameters yet."""
    ownership.check_offer_is_pending(controller, governance, non_owner, act)


def test_accept_ownership__pending_owner__takes_over_controller_and_markets(controller, usd_market, governance, non_owner, act):
    """After acceptance only the new owner governs the Controller, and every market follows it."""
    ownership.check_accept_moves_power(controller, governance, non_owner, act)
    usd_market.set_reserve_factor(0, sender=non_owner)


def test_transfer_ownership__non_owner__reverts(controller, non_owner):
    """Only the owner offers ownership."""
    ownership.check_offer_by_non_owner_refused(controller, non_owner)


def test_renounce_ownership__not_exported__owner_stays(controller, governance):
    """A renounced Controller would freeze every market's risk settings for good, so renouncing
    does not exist."""
    ownership.check_renounce_not_exported(controller, governance)

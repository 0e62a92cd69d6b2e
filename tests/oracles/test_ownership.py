"""LocalPriceFeed ownership: two steps (snekmate ownable_2step), never renounced."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture
def act(feed, chain):
    """An owner-only action: setting the answer."""
    return lambda account: feed.set_answer(2_000 * 10**8, chain.pending_timestamp - 1, sender=account)


def test_transfer_ownership__owner__offer_pending_until_accepted(feed, owner, non_owner, act):
    """The offer leaves the owner in charge; the offered account cannot set answers yet."""
    ownership.check_offer_is_pending(feed, owner, non_owner, act)


def test_accept_ownership__pending_owner__takes_over(feed, owner, non_owner, act):
    """After acceptance only the new owner sets answers."""
    ownership.check_accept_moves_power(feed, owner, non_owner, act)


def test_transfer_ownership__non_owner__reverts(feed, non_owner):
    """Only the owner offers ownership."""
    ownership.check_offer_by_non_owner_refused(feed, non_owner)


def test_renounce_ownership__not_exported__owner_stays(feed, owner):
    """A renounced feed would keep its last answer for good, so renouncing does not exist."""
    ownership.check_renounce_not_exported(feed, owner)

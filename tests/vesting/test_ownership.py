"""VestingVault ownership: two steps (snekmate ownable_2step), never renounced."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture
def act(vault):
    """An owner-only action: registering a plan."""
    return lambda account: vault.add_plan(86_400, 10_000, 0, 0, 0, 0, 0, sender=account)


def test_transfer_ownership__owner__offer_pending_until_accepted(vault, owner, non_owner, act):
    """The offer leaves the owner in charge; the offered account cannot add plans yet."""
    ownership.check_offer_is_pending(vault, owner, non_owner, act)


def test_accept_ownership__pending_owner__takes_over(vault, owner, non_owner, act):
    """After acceptance only the new owner adds plans."""
    ownership.check_accept_moves_power(vault, owner, non_owner, act)


def test_transfer_ownership__non_owner__reverts(vault, non_owner):
    """Only the owner offers ownership."""
    ownership.check_offer_by_non_owner_refused(vault, non_owner)


def test_renounce_ownership__not_exported__owner_stays(vault, owner):
    """A renounced vault could never revoke a schedule again, so renouncing does not exist."""
    ownership.check_renounce_not_exported(vault, owner)

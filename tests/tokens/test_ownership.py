"""CappedToken ownership: two steps, never renounced; the owner manages minters and never mints."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture
def act(token, minter_contract):
    """An owner-only action: granting the minter role."""
    return lambda account: token.set_minter(minter_contract, True, sender=account)


def test_transfer_ownership__owner__offer_pending_until_accepted(token, owner, non_owner, act):
    """The offer leaves the owner in charge; the offered account cannot manage minters yet."""
    ownership.check_offer_is_pending(token, owner, non_owner, act)


def test_accept_ownership__pending_owner__takes_over_never_a_minter(token, owner, non_owner, act):
    """After acceptance only the new owner manages minters, and it is not a minter itself."""
    ownership.check_accept_moves_power(token, owner, non_owner, act)
    assert not token.is_minter(non_owner)


def test_transfer_ownership__non_owner__reverts(token, non_owner):
    """Only the owner offers ownership."""
    ownership.check_offer_by_non_owner_refused(token, non_owner)


def test_renounce_ownership__not_exported__owner_stays(token, owner):
    """A renounced token could never revoke a minter again, so renouncing does not exist."""
    ownership.check_renounce_not_exported(token, owner)

"""CappedToken ownership: two steps, never renounced; the owner manages minters and never mints."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture
def owned(token):
    """The token."""
    return token


@pytest.fixture
def act(token, minter_contract):
    """An owner-only action: granting the minter role."""
    return lambda account: token.set_minter(minter_contract, True, sender=account)


class TestOwnership(ownership.TwoStepOwnership):
    """A renounced token could never revoke a minter again, so renouncing does not exist; the
    offered account cannot manage minters until it accepts."""

    def test_accept_ownership__pending_owner__takes_over(self, owned, owner, non_owner, act):
        """After acceptance only the new owner manages minters, and it is not a minter itself."""
        super().test_accept_ownership__pending_owner__takes_over(owned, owner, non_owner, act)
        assert not owned.is_minter(non_owner)

"""Ownership of both emission contracts: two steps (snekmate ownable_2step), never renounced."""

import pytest

from tests import ownership_support as ownership


@pytest.fixture(params=["emitter", "maintenance"])
def contract(request, hpc, maintenance):
    return hpc[1] if request.param == "emitter" else maintenance


@pytest.fixture
def act(contract, chain, treasury):
    """An owner-only action: starting the schedule."""
    return lambda account: contract.start(chain.pending_timestamp + 100, treasury, sender=account)


def test_transfer_ownership__owner__offer_pending_until_accepted(contract, owner, non_owner, act):
    """The offer leaves the owner in charge; the offered account cannot start the schedule yet."""
    ownership.check_offer_is_pending(contract, owner, non_owner, act)


def test_accept_ownership__pending_owner__takes_over(contract, owner, non_owner, act):
    """After acceptance only the new owner starts the schedule."""
    ownership.check_accept_moves_power(contract, owner, non_owner, act)


def test_transfer_ownership__non_owner__reverts(contract, non_owner):
    """Only the owner offers ownership."""
    ownership.check_offer_by_non_owner_refused(contract, non_owner)


def test_renounce_ownership__not_exported__owner_stays(contract, owner):
    """A renounced schedule could never have its recipient moved again, so renouncing does not exist."""
    ownership.check_renounce_not_exported(contract, owner)

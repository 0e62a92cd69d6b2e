"""Ownership of both emission contracts: snekmate `ownable`, owner given at construction, handed to governance."""

import ape
import pytest


@pytest.fixture(params=["emitter", "maintenance"])
def contract(request, hpc, maintenance):
    return hpc[1] if request.param == "emitter" else maintenance


def test_transfer_ownership__owner__new_owner_can_start(contract, chain, owner, non_owner, treasury):
    contract.transfer_ownership(non_owner, sender=owner)
    assert contract.owner() == non_owner
    with ape.reverts("ownable: caller is not the owner"):
        contract.start(chain.pending_timestamp + 100, treasury, sender=owner)
    contract.start(chain.pending_timestamp + 100, treasury, sender=non_owner)


def test_transfer_ownership__non_owner__reverts(contract, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        contract.transfer_ownership(non_owner, sender=non_owner)


def test_renounce_ownership__owner__no_owner_left(contract, owner):
    contract.renounce_ownership(sender=owner)
    assert contract.owner() == "0x0000000000000000000000000000000000000000"


def test_renounce_ownership__non_owner__reverts(contract, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        contract.renounce_ownership(sender=non_owner)

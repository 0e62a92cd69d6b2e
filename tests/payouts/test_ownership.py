"""Two-step ownership of RedPacket and AirdropRounds (snekmate ownable_2step); renouncing is not
exported."""

import ape
import pytest
from eth_utils import keccak

ZERO = "0x" + "00" * 20


@pytest.fixture(params=["redpacket", "airdrop"])
def owned(request, redpacket, airdrop):
    """Each owned payouts contract in turn (both requested here, so both are deployed in the
    session snapshot and every test's isolation reverts only its own transactions)."""
    return {"redpacket": redpacket, "airdrop": airdrop}[request.param]


@pytest.fixture
def new_owner(accounts):
    """The account governance hands the contract to (a new timelock, say)."""
    return accounts[9]


def test_transfer_ownership__owner__pending_until_accepted(owned, owner, new_owner):
    tx = owned.transfer_ownership(new_owner, sender=owner)
    assert owned.owner() == owner and owned.pending_owner() == new_owner
    [log] = tx.decode_logs(owned.OwnershipTransferStarted)
    assert (log.previous_owner, log.new_owner) == (owner.address, new_owner.address)
    tx = owned.accept_ownership(sender=new_owner)
    assert owned.owner() == new_owner and owned.pending_owner() == ZERO
    [log] = tx.decode_logs(owned.OwnershipTransferred)
    assert (log.previous_owner, log.new_owner) == (owner.address, new_owner.address)


def test_transfer_ownership__mistyped_address__owner_keeps_control(owned, owner, new_owner, stranger):
    """The misuse two steps prevent: ownership offered to a wrong address (nobody can accept
    for it) stays with the owner, who offers it again to the right one."""
    typo = "0x" + "de" * 20
    owned.transfer_ownership(typo, sender=owner)
    with ape.reverts("ownable_2step: caller is not the new owner"):
        owned.accept_ownership(sender=stranger)
    assert owned.owner() == owner
    owned.transfer_ownership(new_owner, sender=owner)  # the offer is replaced
    owned.accept_ownership(sender=new_owner)
    assert owned.owner() == new_owner


def test_accept_ownership__no_offer__reverts(owned, new_owner):
    with ape.reverts("ownable_2step: caller is not the new owner"):
        owned.accept_ownership(sender=new_owner)


def test_transfer_ownership__non_owner__reverts(owned, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        owned.transfer_ownership(non_owner, sender=non_owner)


def test_transfer_ownership__offer_withdrawn__old_offer_dead(owned, owner, new_owner):
    owned.transfer_ownership(new_owner, sender=owner)
    owned.transfer_ownership(ZERO, sender=owner)
    with ape.reverts("ownable_2step: caller is not the new owner"):
        owned.accept_ownership(sender=new_owner)


def test_renounce_ownership__not_exported__call_reverts_and_owner_stays(owned, owner):
    """An ownerless RedPacket or registry could never be governed again: `renounce_ownership` is
    not in the ABI, and calling its selector directly finds no function."""
    assert "renounce_ownership" not in {m.name for m in owned.contract_type.abi if m.type == "function"}
    with ape.reverts():
        owner.transfer(owned.address, 0, data=keccak(text="renounce_ownership()")[:4])
    assert owned.owner() == owner


def test_setter__after_handover__only_new_owner(owned, owner, new_owner):
    """After acceptance the old owner's power is gone (checked on the treasury setter)."""
    owned.transfer_ownership(new_owner, sender=owner)
    owned.accept_ownership(sender=new_owner)
    with ape.reverts("ownable: caller is not the owner"):
        owned.set_treasury(owner, sender=owner)
    owned.set_treasury(new_owner, sender=new_owner)
    assert owned.treasury() == new_owner

"""Two-step ownership of RedPacket and AirdropRounds (contracts/shared/owner_2step.vy); renouncing is
not exported."""

import ape
import pytest

from tests import ownership_support as ownership

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


@pytest.fixture
def act(owned):
    """An owner-only action: pointing the treasury at the acting account."""

    def set_treasury(account):
        owned.set_treasury(account, sender=account)
        assert owned.treasury() == account

    return set_treasury


class TestOwnership(ownership.TwoStepOwnership):
    """An ownerless RedPacket or registry could never be governed again (fees, feeds, operators and
    the treasury would stay as they are), so renouncing does not exist."""


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
    """Nobody accepts an offer that was never made."""
    with ape.reverts("ownable_2step: caller is not the new owner"):
        owned.accept_ownership(sender=new_owner)


def test_transfer_ownership__offer_withdrawn__old_offer_dead(owned, owner, new_owner):
    """An offer replaced by one to the zero address can no longer be accepted."""
    owned.transfer_ownership(new_owner, sender=owner)
    owned.transfer_ownership(ZERO, sender=owner)
    with ape.reverts("ownable_2step: caller is not the new owner"):
        owned.accept_ownership(sender=new_owner)

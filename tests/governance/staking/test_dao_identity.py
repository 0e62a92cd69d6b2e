"""DaoIdentity: issued and revoked by the DAO, never transferable; its weight counts in Staking."""

import ape

from tests.governance.staking.conftest import IDENTITY_WEIGHT, delegate


def test_constructor__zero_owner__reverts(project, deployer, staking):
    """An identity contract nobody governs is refused."""
    with ape.reverts("dao_identity: zero owner"):
        project.DaoIdentity.deploy("D", "D", "", staking, "0x" + "00" * 20, sender=deployer)


def test_issue__non_owner__reverts(identity, non_owner, staker):
    """Only the DAO issues identities."""
    with ape.reverts("ownable: caller is not the owner"):
        identity.issue(staker, sender=non_owner)


def test_issue__member__mints_and_adds_the_weight(identity, staking, owner, staker):
    """The member holds token 0 and gets the identity weight as votes (no stake needed)."""
    tx = identity.issue(staker, sender=owner)
    assert tx.return_value == 0
    assert (identity.ownerOf(0), identity.balanceOf(staker), identity.next_id()) == (staker, 1, 1)
    assert staking.getVotes(staker) == IDENTITY_WEIGHT
    assert staking.identity_weight_of(staker) == IDENTITY_WEIGHT


def test_issue__already_a_member__reverts(identity, owner, staker):
    """One identity per member."""
    identity.issue(staker, sender=owner)
    with ape.reverts("dao_identity: already a member"):
        identity.issue(staker, sender=owner)


def test_revoke__missing_identity__reverts(identity, owner):
    """Revoking an identity never issued is refused."""
    with ape.reverts("dao_identity: no such identity"):
        identity.revoke(5, sender=owner)


def test_revoke__weight_changed_since__removes_the_recorded_weight(
    identity, staking, owner, staker, delegatee
):
    """Revocation burns the token and removes the weight recorded at issue, from its delegatee."""
    identity.issue(staker, sender=owner)
    delegate(staking, delegatee, staker)
    staking.set_identity_weight(1, sender=owner)
    identity.revoke(0, sender=owner)
    assert identity.balanceOf(staker) == 0
    assert (staking.getVotes(delegatee), staking.identity_weight_of(staker)) == (0, 0)


def test_transfers__any__revert(identity, owner, staker, stranger):
    """Transfers and approvals all revert with one reason; nobody is ever approved."""
    identity.issue(staker, sender=owner)
    for call in (
        lambda: identity.transferFrom(staker, stranger, 0, sender=staker),
        lambda: identity.safeTransferFrom(staker, stranger, 0, b"", sender=staker),
        lambda: identity.approve(stranger, 0, sender=staker),
        lambda: identity.setApprovalForAll(stranger, True, sender=staker),
    ):
        with ape.reverts("dao_identity: not transferable"):
            call()
    assert identity.getApproved(0) == "0x" + "00" * 20
    assert not identity.isApprovedForAll(staker, stranger)


def test_issue__no_staking__mints_only(project, deployer, owner, staker):
    """A DAO without staking weight for identities (the HPC instance) just mints."""
    contract = project.DaoIdentity.deploy("D", "D", "", "0x" + "00" * 20, owner, sender=deployer)
    contract.issue(staker, sender=owner)
    contract.revoke(0, sender=owner)
    assert contract.totalSupply() == 0

"""The guardian's one power: a committee member, through the Governor, stops new deposits and
creations of a suite contract that named the Governor its guardian (contracts/shared/pausable.vy).
Ways out stay open; only the owner (a proposal) resumes."""

import ape
import pytest

from fivefold.units import to_wei

ZERO = "0x0000000000000000000000000000000000000000"
PAUSED = "pausable: new deposits and creations are paused"
STAKE = to_wei(100)


@pytest.fixture(scope="module")
def guarded(project, deployer, owner, governor, stranger):
    """A Staking whose guardian is the Governor; `stranger` has STAKE staked and as much to stake."""
    token = project.CappedToken.deploy(
        "CC", "CC", to_wei(10**6), owner, "CC", "1", ape.chain.chain_id, sender=owner
    )
    token.initialize_supply([stranger.address], [2 * STAKE], sender=owner)
    staking = project.Staking.deploy(token, token, owner, "CloudChat Staking", "1", sender=deployer)
    token.approve(staking, 2**256 - 1, sender=stranger)
    staking.stake(STAKE, sender=stranger)
    staking.set_guardian(governor, sender=owner)
    return staking


def test_emergency_pause__committee_member__new_stakes_refused_ways_out_open(
    governor, guarded, member, stranger
):
    receipt = governor.emergency_pause(guarded, ZERO, sender=member)
    assert guarded.paused()
    assert receipt.events[-1].event_name == "EmergencyPause"
    assert receipt.events[-1].member == member.address
    with ape.reverts(PAUSED):
        guarded.stake(STAKE, sender=stranger)
    guarded.unstake(STAKE, sender=stranger)  # the way out stays open
    assert guarded.staked(stranger) == 0


def test_emergency_pause__not_a_member__reverts(governor, guarded, stranger):
    with ape.reverts("governor: caller is not a committee member"):
        governor.emergency_pause(guarded, ZERO, sender=stranger)


def test_emergency_pause__governor_not_the_guardian__reverts(governor, guarded, member, owner):
    guarded.set_guardian(ZERO, sender=owner)
    with ape.reverts("pausable: caller is not the owner or the guardian"):
        governor.emergency_pause(guarded, ZERO, sender=member)


def test_unpause__guardian__reverts_owner_resumes(governor, guarded, member, owner, stranger, accounts):
    governor.emergency_pause(guarded, ZERO, sender=member)
    with ape.reverts("ownable: caller is not the owner"):
        guarded.unpause(sender=accounts[governor.address])
    guarded.unpause(sender=owner)
    assert not guarded.paused()
    guarded.stake(STAKE, sender=stranger)
    assert guarded.staked(stranger) == 2 * STAKE


def test_pause__stranger__reverts(guarded, stranger):
    with ape.reverts("pausable: caller is not the owner or the guardian"):
        guarded.pause(sender=stranger)


def test_set_guardian__not_owner__reverts(guarded, stranger):
    with ape.reverts("ownable: caller is not the owner"):
        guarded.set_guardian(stranger, sender=stranger)

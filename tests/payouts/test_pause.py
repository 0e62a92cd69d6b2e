"""The guardian's emergency pause (contracts/shared/pausable.vy) in payouts: new red packets and new
airdrop rounds stop; claims, refunds and fee withdrawals never do."""

import ape
import pytest

from .conftest import DAY, TOKEN

PAUSED = "pausable: new deposits and creations are paused"


@pytest.fixture
def pause_guardian(accounts):
    return accounts[9]


def test_create__paused__reverts_claims_and_refunds_open(
    redpacket, create_packet, creator, claimer, cmdt, owner, pause_guardian, chain
):
    p = create_packet(creator, cmdt, 10 * TOKEN, shares=4)
    redpacket.set_guardian(pause_guardian, sender=owner)
    redpacket.pause(sender=pause_guardian)
    with ape.reverts(PAUSED):
        create_packet(creator, cmdt, TOKEN)
    paid = p.claim(claimer).return_value
    assert paid > 0
    rest = p.state.remaining
    chain.pending_timestamp += DAY
    before = cmdt.balanceOf(creator)
    p.refund()
    assert cmdt.balanceOf(creator) == before + rest
    assert (p.state.remaining, p.state.claims) == (0, 1)


def test_create__unpaused_by_owner__creates_again(
    redpacket, create_packet, creator, cmdt, owner, pause_guardian
):
    redpacket.set_guardian(pause_guardian, sender=owner)
    redpacket.pause(sender=pause_guardian)
    with ape.reverts("ownable: caller is not the owner"):
        redpacket.unpause(sender=pause_guardian)
    redpacket.unpause(sender=owner)
    assert create_packet(creator, cmdt, TOKEN).state.remaining > 0


def test_pause__stranger__reverts(redpacket, front_runner):
    with ape.reverts("pausable: caller is not the owner or the guardian"):
        redpacket.pause(sender=front_runner)


def test_publish__paused__reverts(airdrop, publish_round, owner, claimer):
    airdrop.pause(sender=owner)
    with ape.reverts(PAUSED):
        publish_round([claimer], [TOKEN])

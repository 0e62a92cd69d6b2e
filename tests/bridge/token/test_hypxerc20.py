"""CappedToken as Hyperlane's HypXERC20 xERC20: a transfer out burns within the burning limit (at
home into `bridged_out`), the relayed message mints within the minting limit; above a limit the send
is refused before any message exists, and a delivery waits (pending, not lost) until the limit
allows it; a paused route sends nothing while a message in flight still lands."""

import pytest

from fivefold import units
from fivefold.bridge import hyperlane, relay
from tests.bridge.token.conftest import SUPPLY, WARP_LIMIT

AMOUNT = units.to_wei(400)


def test_transferRemote__capped_token_at_home__burns_then_the_relayed_mint_brings_it_back(warp):
    """Send: the holder's allowance to the router and the burning limit are spent, the amount goes
    into bridged_out. Receive: the Mailbox's process mints it back within the minting limit."""
    token, router = warp.token, warp.router
    sent = warp.send(AMOUNT)
    assert token.balanceOf(warp.holder) == SUPPLY - AMOUNT
    assert token.bridged_out() == AMOUNT
    assert token.allowance(warp.holder, router.address) == 0
    w3 = warp.user.w3
    elapsed = w3.eth.get_block("latest").timestamp - w3.eth.get_block(sent.blockNumber).timestamp
    refill = elapsed * (WARP_LIMIT // 86_400)
    assert token.burningCurrentLimitOf(router.address) == WARP_LIMIT - AMOUNT + refill
    (delivery,) = relay.relay_once([warp.core])
    assert delivery.reason is None
    assert token.balanceOf(warp.holder) == SUPPLY
    assert token.bridged_out() == 0
    assert token.totalSupply() + token.bridged_out() == SUPPLY
    assert relay.pending([warp.core]) == []


def test_transferRemote__above_burning_limit__refused_before_any_message(warp):
    """The issue's rule: a transfer above the remaining limit is refused on the sending side with the
    token's reason, never burnt and then stuck."""
    with pytest.raises(hyperlane.Reverted) as refused:
        warp.send(WARP_LIMIT + units.to_wei(1))
    assert refused.value.reason == "capped_token: burning limit exceeded"
    assert warp.token.balanceOf(warp.holder) == SUPPLY
    assert relay.pending([warp.core]) == []


def test_transferRemote__paused_route__refused_while_in_flight_message_lands(warp, owner):
    """Pausing = burning limit 0, minting limit kept: new sends revert, the one in flight lands."""
    token, router = warp.token, warp.router
    warp.send(AMOUNT)
    token.setLimits(router.address, WARP_LIMIT, 0, sender=owner)
    with pytest.raises(hyperlane.Reverted) as refused:
        warp.send(AMOUNT)
    assert refused.value.reason == "capped_token: burning limit exceeded"
    (delivery,) = relay.relay_once([warp.core])
    assert delivery.reason is None
    assert token.balanceOf(warp.holder) == SUPPLY and token.bridged_out() == 0


def test_process__minting_limit_short__message_waits_then_lands_once(warp, owner):
    """A delivery above the remaining minting limit reverts the Mailbox's process: the message stays
    pending (Hyperlane marks it delivered only on success) and lands, once, when the limit allows."""
    token, router = warp.token, warp.router
    warp.send(AMOUNT)
    token.setLimits(router.address, AMOUNT - 1, WARP_LIMIT, sender=owner)
    (refused,) = relay.relay_once([warp.core])
    assert refused.reason == "capped_token: minting limit exceeded"
    assert len(relay.pending([warp.core])) == 1 and token.bridged_out() == AMOUNT
    token.setLimits(router.address, WARP_LIMIT, WARP_LIMIT, sender=owner)
    (delivered,) = relay.relay_once([warp.core])
    assert delivered.reason is None
    assert relay.relay_once([warp.core]) == []
    assert token.balanceOf(warp.holder) == SUPPLY and token.bridged_out() == 0

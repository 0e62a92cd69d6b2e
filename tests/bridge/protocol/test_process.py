"""Mailbox.process on the destination with Hyperlane's own checks: a message delivered twice, to the
wrong chain, from a router that is not enrolled, out of order, or with a forged validator signature.
Each refusal is Hyperlane's exact revert reason, and it changes no balance."""

import pytest
from eth_account import Account

from fivefold.bridge import hyperlane, relay
from fivefold.units import to_wei
from tests.bridge.protocol.conftest import _mock, send_tokens

to32 = hyperlane.to_bytes32


def _only_message(side):
    """The one message the side's Mailbox dispatched."""
    (message,) = relay.dispatched(side.core)
    return message


def test_process__delivered_twice__refused_already_delivered(home, away):
    """The relay delivers a transfer; the same message and metadata again is refused, and the
    recipient is credited once."""
    send_tokens(home, away)
    message = _only_message(home)
    assert relay.deliver(home.relay_core, away.relay_core, message).reason is None
    credited = away.balance(home.user.sender.address)
    with pytest.raises(hyperlane.Reverted) as refused:
        away.relay_core.chain.send(
            away.core.mailbox.functions.process(relay.metadata(home.core, message), message.raw)
        )
    assert refused.value.reason == "Mailbox: already delivered"
    assert away.balance(home.user.sender.address) == credited
    assert relay.relay_once([home.relay_core, away.relay_core]) == []  # nothing pending


def test_process__wrong_chain__refused_unexpected_destination(home, away, third):
    """A message for `away` processed on `third`'s Mailbox (validly signed) is refused there and
    still lands where it was meant to."""
    send_tokens(home, away)
    message = _only_message(home)
    with pytest.raises(hyperlane.Reverted) as refused:
        third.relay_core.chain.send(
            third.core.mailbox.functions.process(relay.metadata(home.core, message), message.raw)
        )
    assert refused.value.reason == "Mailbox: unexpected destination"
    assert third.supply() == 0
    assert not third.core.mailbox.functions.delivered(message.id).call()
    assert relay.deliver(home.relay_core, away.relay_core, message).reason is None
    assert away.supply() == message_amount(message)


def message_amount(message) -> int:
    """The amount of a warp-route message (TokenMessage: recipient bytes32 ++ uint256 amount)."""
    body = message.raw[77:]
    return int.from_bytes(body[32:64], "big")


def test_process__unknown_sender__refused_enrolled_router_mismatch(home, away, project):
    """A rogue HypXERC20 on the home chain (not the router `away` enrolled for it) enrolls `away`'s
    router and dispatches to it: the Mailbox's checks pass, the router refuses the sender, nothing
    is minted and the message stays undelivered on every relay pass."""
    abi, code = _mock(project)
    owner, user = home.chain.sender.address, home.user.sender.address
    rogue_token = home.chain.w3.eth.contract(
        address=home.chain.deploy("BridgeMockXERC20:rogue", [owner, user, to_wei(5)], abi, code),
        abi=abi,
    )
    admin = Account.from_key(hyperlane.local_key(1)).address
    rogue = hyperlane.deploy_router(home.core, rogue_token.address, owner, admin, "rogue")
    home.chain.send(rogue_token.functions.set_bridge(rogue.address))
    home.chain.send(
        rogue.functions.enrollRemoteRouters([away.domain], [to32(away.router.address)])
    )
    home.user.send(rogue_token.functions.approve(rogue.address, to_wei(5)))
    home.user.send(rogue.functions.transferRemote(away.domain, to32(user), to_wei(5)))
    cores = [home.relay_core, away.relay_core]
    for _ in range(2):
        (done,) = relay.relay_once(cores)
        assert done.reason == "Enrolled router does not match sender"
    assert away.supply() == 0
    assert not away.core.mailbox.functions.delivered(done.message.id).call()


def test_process__out_of_order__both_delivered(home, away):
    """Two transfers delivered newest first: Hyperlane imposes no order, each lands once."""
    send_tokens(home, away, to_wei(1))
    send_tokens(home, away, to_wei(2))
    first, second = relay.dispatched(home.core)
    assert (first.nonce, second.nonce) == (0, 1)
    assert relay.deliver(home.relay_core, away.relay_core, second).reason is None
    assert away.supply() == to_wei(2)
    assert relay.deliver(home.relay_core, away.relay_core, first).reason is None
    assert away.supply() == to_wei(3)
    assert home.supply() + away.supply() == home.supply() + to_wei(3)
    assert relay.relay_once([home.relay_core, away.relay_core]) == []


@pytest.mark.parametrize("signers", [(5, 6), (7, 5)], ids=["no validator", "one of two forged"])
def test_process__forged_signature__refused_threshold(home, away, signers):
    """Metadata signed by keys that are not (all) the ISM's validators is refused by the ISM's own
    check, and the message can still be delivered with the validators' signatures."""
    send_tokens(home, away)
    message = _only_message(home)
    forged = relay.metadata(home.core, message, keys=[hyperlane.local_key(i) for i in signers])
    with pytest.raises(hyperlane.Reverted) as refused:
        away.relay_core.chain.send(away.core.mailbox.functions.process(forged, message.raw))
    assert refused.value.reason == "!threshold"
    assert away.supply() == 0
    assert relay.deliver(home.relay_core, away.relay_core, message).reason is None

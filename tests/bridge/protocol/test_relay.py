"""The local relay keeps no state: pending = dispatched and not delivered on the destination."""

from fivefold.bridge import relay
from fivefold.units import to_wei
from tests.bridge.protocol.conftest import send_tokens


def test_relay_once__stopped_then_restarted__every_pending_delivered_once(
    home, away, third, relay_cores
):
    """Three transfers out of home; a relay stopped after one delivery, then started again, delivers
    the other two; a third pass finds nothing; every recipient is credited exactly once."""
    send_tokens(home, away, to_wei(1))
    send_tokens(home, third, to_wei(2))
    send_tokens(home, away, to_wei(4))
    first = relay.relay_once(relay_cores, limit=1)
    assert [d.reason for d in first] == [None]
    assert len(relay.pending(relay_cores)) == 2
    rest = relay.relay_once(relay_cores)
    assert [d.reason for d in rest] == [None, None]
    assert {d.message.id for d in first} | {d.message.id for d in rest} == {
        m.id for m in relay.dispatched(home.core)
    }
    assert relay.relay_once(relay_cores) == []
    assert away.supply() == to_wei(5)
    assert third.supply() == to_wei(2)


def test_relay_once__both_directions__delivers_each_origin(home, away, relay_cores):
    """Messages pending on two origins at once are each delivered to their own destination."""
    send_tokens(home, away, to_wei(3))
    relay.relay_once(relay_cores)
    send_tokens(away, home, to_wei(1))
    send_tokens(home, away, to_wei(2))
    done = relay.relay_once(relay_cores)
    assert sorted(d.message.origin for d in done) == [1, 56]
    assert away.supply() == to_wei(4)


def test_checkpoint_digest__signed__recovers_validator(home, away):
    """A relay signature recovers to the validator that signed it over the ISM's digest
    (EIP-191 of keccak(domainHash, root, index, id))."""
    from eth_account import Account
    from eth_account.messages import encode_defunct

    from fivefold.bridge import hyperlane

    send_tokens(home, away)
    (message,) = relay.dispatched(home.core)
    digest = relay.checkpoint_digest(
        message.origin, home.core.merkle_hook.address, message.root, message.index, message.id
    )
    signature = relay.sign(digest, hyperlane.VALIDATOR_KEYS[0])
    signer = Account.recover_message(encode_defunct(primitive=digest), signature=signature)
    assert signer == hyperlane.validators()[0]

"""A token transfer through the real Hyperlane contracts and the local relay: burn on send, mint on
receive, and back."""

from fivefold.bridge import relay
from tests.bridge.protocol.conftest import AMOUNT, SUPPLY, send_tokens


def test_transfer_remote__home_to_away_and_back__balances_and_supplies_follow(
    home, away, relay_cores
):
    """The user sends AMOUNT from home to away, the relay delivers it, then sends it back."""
    user = home.user.sender.address
    send_tokens(home, away)
    assert home.balance(user) == SUPPLY - AMOUNT
    assert home.supply() == SUPPLY - AMOUNT  # burned on send
    assert away.balance(user) == 0  # nothing until the relay delivers
    done = relay.relay_once(relay_cores)
    assert [d.reason for d in done] == [None]
    assert away.balance(user) == AMOUNT
    assert away.supply() == AMOUNT
    send_tokens(away, home)
    assert away.supply() == 0
    done = relay.relay_once(relay_cores)
    assert [d.reason for d in done] == [None]
    assert home.balance(user) == SUPPLY
    assert home.supply() + away.supply() == SUPPLY


def test_merkle_tree__after_dispatches__root_is_the_hooks(home, away, third):
    """The relay's Python MerkleLib gives the MerkleTreeHook's own root after several insertions."""
    for destination in (away, third, away):
        send_tokens(home, destination)
    messages = relay.dispatched(home.core)
    assert [m.index for m in messages] == [0, 1, 2]
    assert messages[-1].root == bytes(home.core.merkle_hook.functions.root().call())

"""Attacks on the ERC-7281 side of the token: what a compromised bridge can do, and no more."""

import ape

from fivefold import units
from tests.tokens.conftest import AWAY_HOME, LIMIT

DAY = 86_400


def test_attack__compromised_bridge_mints_at_most_its_limit_per_day__refused_beyond(
    project, owner, bridge_probe, stranger, chain
):
    """Off home a bridge whose keys (or whose messaging layer) an attacker holds mints as fast as
    the limit lets it: the whole limit at once, then only the refill, then one more limit a day
    later: over two days and two seconds it gets 3 x LIMIT + 2 s of refill, never the cap (a
    million tokens here) at once."""
    away_token = project.CappedToken.deploy(
        "Away", "AWAY", units.to_wei(10**6), owner, "Away", "1", AWAY_HOME, sender=owner
    )
    away_token.close_initial_supply(sender=owner)
    away_token.setLimits(bridge_probe, LIMIT, LIMIT, sender=owner)
    t0 = chain.pending_timestamp + 10
    chain.pending_timestamp = t0
    bridge_probe.mint(away_token, stranger, LIMIT, sender=stranger)
    chain.pending_timestamp = t0 + 1
    with ape.reverts("capped_token: minting limit exceeded"):
        bridge_probe.mint(away_token, stranger, LIMIT // DAY + 1, sender=stranger)
    chain.pending_timestamp = t0 + 2
    bridge_probe.mint(away_token, stranger, 2 * (LIMIT // DAY), sender=stranger)  # 2 s of refill
    for day in (1, 2):
        chain.pending_timestamp = t0 + 2 + day * DAY
        bridge_probe.mint(away_token, stranger, LIMIT, sender=stranger)
        with ape.reverts("capped_token: minting limit exceeded"):  # 1 token is 87 s of refill
            bridge_probe.mint(away_token, stranger, units.to_wei(1), sender=stranger)
    assert away_token.balanceOf(stranger) == 3 * LIMIT + 2 * (LIMIT // DAY)


def test_attack__compromised_bridge_at_home__mints_at_most_bridged_out(
    home_token, bridge_probe, owner, holder, stranger
):
    """At home a bridge, even with a limit as large as the cap, can only bring back what went out
    (the 30 tokens burnt here): the supply the home chain released cannot grow through a bridge."""
    home_token.setLimits(bridge_probe, home_token.cap(), home_token.cap(), sender=owner)
    home_token.approve(bridge_probe, units.to_wei(30), sender=holder)
    bridge_probe.burn(home_token, holder, units.to_wei(30), sender=holder)
    released = home_token.totalSupply() + home_token.bridged_out()
    with ape.reverts("capped_token: mint exceeds bridged out"):
        bridge_probe.mint(home_token, stranger, units.to_wei(30) + 1, sender=stranger)
    bridge_probe.mint(home_token, stranger, units.to_wei(30), sender=stranger)
    assert home_token.totalSupply() + home_token.bridged_out() == released


def test_attack__bridge_burns_without_allowance__refused(home_token, bridge_probe, holder, stranger):
    """A compromised bridge cannot burn a holder's tokens (and so mint them elsewhere) without the
    holder's allowance to it."""
    with ape.reverts("erc20: insufficient allowance"):
        bridge_probe.burn(home_token, holder, 1, sender=stranger)


def test_attack__owner_eoa_as_bridge__refused(away_token, owner):
    """The owner cannot make an EOA (itself) a bridge to mint from ordinary transactions."""
    with ape.reverts("capped_token: bridge is not a contract"):
        away_token.setLimits(owner, LIMIT, LIMIT, sender=owner)

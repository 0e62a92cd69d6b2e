"""ERC-7281 `burn(user, amount)`: a bridge spends the user's allowance and its burning limit (at home
the amount goes to `bridged_out`); a paused bridge (burning limit 0) sends nothing but still mints;
holders burn their own tokens; the bookkeeping costs a transfer out at most 10,000 gas."""

import ape

from fivefold import units
from tests.tests_support import ZERO
from tests.tokens.conftest import LIMIT

TEN = units.to_wei(10)


def test_burn__bridge__spends_allowance_and_limit(home_token, bridge_probe, holder):
    home_token.approve(bridge_probe, units.to_wei(25), sender=holder)
    receipt = bridge_probe.burn(home_token, holder, TEN, sender=holder)
    assert home_token.allowance(holder, bridge_probe) == units.to_wei(15)
    assert home_token.burningCurrentLimitOf(bridge_probe) == LIMIT - TEN
    assert home_token.balanceOf(holder) == units.to_wei(90)
    assert home_token.totalSupply() == units.to_wei(90)
    assert home_token.bridged_out() == TEN
    assert receipt.events[-1] == home_token.Transfer(sender=holder, receiver=ZERO, value=TEN)


def test_burn__bridge_without_allowance__reverts(home_token, bridge_probe, holder):
    home_token.approve(bridge_probe, TEN - 1, sender=holder)
    with ape.reverts("erc20: insufficient allowance"):
        bridge_probe.burn(home_token, holder, TEN, sender=holder)


def test_burn__bridge_infinite_allowance__kept(home_token, bridge_probe, holder):
    """snekmate's rule: an allowance of 2**256 - 1 is never decreased."""
    home_token.approve(bridge_probe, 2**256 - 1, sender=holder)
    bridge_probe.burn(home_token, holder, TEN, sender=holder)
    assert home_token.allowance(holder, bridge_probe) == 2**256 - 1


def test_burn__bridge_own_tokens__no_allowance_needed(away_token, bridge_probe, holder):
    """user == bridge: no allowance, the limit still applies."""
    bridge_probe.mint(away_token, bridge_probe, TEN, sender=holder)
    bridge_probe.burn(away_token, bridge_probe, TEN, sender=holder)
    assert away_token.totalSupply() == 0
    assert away_token.burningCurrentLimitOf(bridge_probe) == LIMIT - TEN


def test_burn__bridge_off_home__no_bridged_out(away_token, bridge_probe, holder):
    bridge_probe.mint(away_token, holder, TEN, sender=holder)
    away_token.approve(bridge_probe, TEN, sender=holder)
    bridge_probe.burn(away_token, holder, TEN, sender=holder)
    assert away_token.totalSupply() == 0 and away_token.bridged_out() == 0


def test_burn__above_burning_limit__reverts(home_token, bridge_probe, owner, holder):
    """Refused on the sending side with the reason, before anything is burnt."""
    home_token.setLimits(bridge_probe, LIMIT, TEN, sender=owner)
    home_token.approve(bridge_probe, units.to_wei(100), sender=holder)
    with ape.reverts("capped_token: burning limit exceeded"):
        bridge_probe.burn(home_token, holder, TEN + units.to_wei(1), sender=holder)
    assert home_token.balanceOf(holder) == units.to_wei(100)


def test_burn__exactly_the_burning_limit__burns(home_token, bridge_probe, owner, holder):
    """The whole remaining limit may go in one burn (the bound is inclusive)."""
    home_token.setLimits(bridge_probe, LIMIT, TEN, sender=owner)
    home_token.approve(bridge_probe, TEN, sender=holder)
    bridge_probe.burn(home_token, holder, TEN, sender=holder)
    assert home_token.burningCurrentLimitOf(bridge_probe) == 0
    assert home_token.bridged_out() == TEN


def test_burn__odd_amount_at_home__supply_and_bridged_out_read_back_exactly(home_token, bridge_probe, holder):
    """An odd wei count sent out: both halves of the supply word read back to the wei (every other
    test sends whole tokens, whose lowest bit is 0 and would hide a field moved by one bit)."""
    odd = TEN + 1
    home_token.approve(bridge_probe, odd, sender=holder)
    bridge_probe.burn(home_token, holder, odd, sender=holder)
    assert home_token.bridged_out() == odd
    assert home_token.totalSupply() == units.to_wei(100) - odd


def test_burn__paused_bridge__sends_nothing_mints_still_land(home_token, bridge_probe, owner, holder):
    """Pausing = burning limit 0, minting limit kept: no transfer out, an in-flight one lands."""
    home_token.approve(bridge_probe, units.to_wei(100), sender=holder)
    bridge_probe.burn(home_token, holder, TEN, sender=holder)  # in flight to another chain ...
    home_token.setLimits(bridge_probe, LIMIT, 0, sender=owner)  # ... when governance pauses
    with ape.reverts("capped_token: burning limit exceeded"):
        bridge_probe.burn(home_token, holder, 1, sender=holder)
    bridge_probe.mint(home_token, holder, TEN, sender=holder)  # a message from elsewhere lands
    assert home_token.balanceOf(holder) == units.to_wei(100)
    assert home_token.bridged_out() == 0


def test_burn__bridge_more_than_balance__reverts(home_token, bridge_probe, holder):
    home_token.approve(bridge_probe, 2**256 - 1, sender=holder)
    with ape.reverts("capped_token: burn amount exceeds balance"):
        bridge_probe.burn(home_token, holder, units.to_wei(100) + 1, sender=holder)


def test_burn__zero_amount__reverts(home_token, bridge_probe, holder):
    with ape.reverts("capped_token: zero amount"):
        bridge_probe.burn(home_token, holder, 0, sender=holder)


def test_burn__holder_own_tokens__supply_shrinks_room_frees(home_token, holder, minter_contract, owner):
    """A holder (never a bridge) burns its own tokens: no limit, no bridged_out, room under the cap."""
    home_token.burn(holder, TEN, sender=holder)
    assert home_token.totalSupply() == units.to_wei(90) and home_token.bridged_out() == 0
    minter_contract.mint(home_token, holder, home_token.cap() - units.to_wei(90), sender=owner)
    assert home_token.totalSupply() == home_token.cap()


def test_burn__holder_more_than_balance__reverts(home_token, holder):
    with ape.reverts("capped_token: burn amount exceeds balance"):
        home_token.burn(holder, units.to_wei(100) + 1, sender=holder)


def test_burn__non_bridge_other_user__reverts(home_token, holder, stranger):
    """An account that is not a bridge cannot burn someone else's tokens, allowance or not."""
    home_token.approve(stranger, TEN, sender=holder)
    with ape.reverts("capped_token: caller is not a bridge"):
        home_token.burn(holder, TEN, sender=stranger)


def test_burn_from__allowance__burns_without_bridge_bookkeeping(home_token, bridge_probe, holder):
    home_token.approve(bridge_probe, TEN, sender=holder)
    bridge_probe.burn_from(home_token, holder, TEN, sender=holder)
    assert home_token.totalSupply() == units.to_wei(90)
    assert home_token.bridged_out() == 0
    assert home_token.burningCurrentLimitOf(bridge_probe) == LIMIT


def test_burn_from__no_allowance__reverts(home_token, bridge_probe, holder):
    with ape.reverts("erc20: insufficient allowance"):
        bridge_probe.burn_from(home_token, holder, TEN, sender=holder)


def test_burn__bridge_bookkeeping__adds_at_most_10000_gas(project, home_token, away_token, owner, holder):
    """A transfer out (bridge burn with a finite allowance, every slot touched before) against the same
    burn through `burn_from` (no limit, no bridged_out), on the home chain and off it; the figures
    are in docs/bridge.md."""
    probes = [project.BridgeProbe.deploy(sender=owner) for _ in range(2)]
    costs = {}
    for token, where in ((home_token, "home"), (away_token, "away")):
        for probe in probes:
            token.setLimits(probe, LIMIT, LIMIT, sender=owner)
        if where == "away":
            probes[0].mint(token, holder, units.to_wei(100), sender=holder)
        for probe in probes:
            token.approve(probe, units.to_wei(50), sender=holder)
            probe.burn(token, holder, 1, sender=holder)  # limit word and bridged_out already nonzero
        bridged = probes[0].burn(token, holder, TEN, sender=holder)
        plain = probes[1].burn_from(token, holder, TEN, sender=holder)
        costs[where] = bridged.gas_used - plain.gas_used
    assert 0 < costs["away"] <= costs["home"] <= 10_000, costs

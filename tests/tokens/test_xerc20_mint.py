"""ERC-7281 `mint` by a bridge: its minting limit, the cap off home, `bridged_out` at home; and the
home-chain rules for minters and the initial supply."""

import ape

from fivefold import units
from tests.tests_support import ZERO
from tests.tokens.conftest import CAP, LIMIT


def test_mint__bridge_off_home__spends_minting_limit(away_token, bridge_probe, holder):
    receipt = bridge_probe.mint(away_token, holder, units.to_wei(300), sender=holder)
    assert away_token.balanceOf(holder) == units.to_wei(300)
    assert away_token.totalSupply() == units.to_wei(300)
    assert away_token.mintingCurrentLimitOf(bridge_probe) == units.to_wei(700)
    assert away_token.bridged_out() == 0
    assert receipt.events == [away_token.Transfer(sender=ZERO, receiver=holder, value=units.to_wei(300))]


def test_mint__bridge_above_current_limit__reverts(away_token, bridge_probe, holder):
    """The whole limit passes, one wei more after it does not (the clock moves one second only)."""
    bridge_probe.mint(away_token, holder, units.to_wei(999), sender=holder)
    left = away_token.mintingCurrentLimitOf(bridge_probe)
    with ape.reverts("capped_token: minting limit exceeded"):
        # one block later: `left` plus at most a few seconds of refill, never 1 token
        bridge_probe.mint(away_token, holder, left + units.to_wei(1), sender=holder)


def test_mint__bridge_off_home_beyond_cap__reverts(away_token, bridge_probe, holder, owner):
    """Off home a bridge mints within the cap too (a limit above the cap does not lift it)."""
    away_token.setLimits(bridge_probe, 2 * CAP, 0, sender=owner)
    bridge_probe.mint(away_token, holder, CAP, sender=holder)
    with ape.reverts("capped_token: cap exceeded"):
        bridge_probe.mint(away_token, holder, 1, sender=holder)


def test_mint__bridge_at_home__brings_back_bridged_out(home_token, bridge_probe, holder):
    """Home: a burn of 40 sends 40 out; a mint of 40 brings it back, the released amount unchanged."""
    home_token.approve(bridge_probe, units.to_wei(40), sender=holder)
    bridge_probe.burn(home_token, holder, units.to_wei(40), sender=holder)
    assert home_token.bridged_out() == units.to_wei(40)
    assert home_token.totalSupply() == units.to_wei(60)
    bridge_probe.mint(home_token, holder, units.to_wei(40), sender=holder)
    assert home_token.bridged_out() == 0
    assert home_token.totalSupply() == units.to_wei(100)


def test_mint__bridge_at_home_above_bridged_out__reverts(home_token, bridge_probe, holder):
    """Home: never more than went out, even within the minting limit."""
    home_token.approve(bridge_probe, units.to_wei(40), sender=holder)
    bridge_probe.burn(home_token, holder, units.to_wei(40), sender=holder)
    with ape.reverts("capped_token: mint exceeds bridged out"):
        bridge_probe.mint(home_token, holder, units.to_wei(40) + 1, sender=holder)


def test_mint__bridge_at_home_nothing_out__reverts(home_token, bridge_probe, holder):
    with ape.reverts("capped_token: mint exceeds bridged out"):
        bridge_probe.mint(home_token, holder, 1, sender=holder)


def test_mint__minter_with_bridged_out__cap_counts_it(
    home_token, bridge_probe, minter_contract, owner, holder
):
    """totalSupply + bridged_out <= cap: the room held by tokens out on other chains stays taken."""
    home_token.approve(bridge_probe, units.to_wei(100), sender=holder)
    bridge_probe.burn(home_token, holder, units.to_wei(100), sender=holder)
    assert home_token.totalSupply() == 0 and home_token.bridged_out() == units.to_wei(100)
    with ape.reverts("capped_token: cap exceeded"):
        minter_contract.mint(home_token, holder, units.to_wei(900) + 1, sender=owner)
    minter_contract.mint(home_token, holder, units.to_wei(900), sender=owner)
    assert home_token.totalSupply() + home_token.bridged_out() == CAP


def test_mint__bridge_zero_amount__reverts(away_token, bridge_probe, holder):
    with ape.reverts("capped_token: zero amount"):
        bridge_probe.mint(away_token, holder, 0, sender=holder)


def test_mint__bridge_zero_recipient__reverts(away_token, bridge_probe, holder):
    with ape.reverts("capped_token: zero recipient"):
        bridge_probe.mint(away_token, ZERO, 1, sender=holder)


def test_mint__removed_bridge__reverts(away_token, bridge_probe, owner, holder):
    """Limits set to zero remove a bridge: it mints nothing."""
    away_token.setLimits(bridge_probe, 0, 0, sender=owner)
    with ape.reverts("capped_token: minting limit exceeded"):
        bridge_probe.mint(away_token, holder, 1, sender=holder)


def test_mint__contract_never_a_bridge__reverts(away_token, minter_contract, owner, holder):
    with ape.reverts("capped_token: caller is not a minter"):
        minter_contract.mint(away_token, holder, 1, sender=owner)


def test_set_minter__off_home__reverts(away_token, minter_contract, owner):
    """Off home only bridges mint: the token refuses a minter there (the home count bounds all)."""
    with ape.reverts("capped_token: not the home chain"):
        away_token.set_minter(minter_contract, True, sender=owner)


def test_set_minter__revoke_off_home__passes(away_token, minter_contract, owner):
    away_token.set_minter(minter_contract, False, sender=owner)
    assert not away_token.is_minter(minter_contract)


def test_initialize_supply__off_home__reverts(project, owner, holder):
    token = project.CappedToken.deploy("Away", "AWAY", CAP, owner, "Away", "1", 56, sender=owner)
    with ape.reverts("capped_token: not the home chain"):
        token.initialize_supply([holder], [1], sender=owner)


def test_mint__minter_and_bridge__mints_as_minter(home_token, bridge_probe, owner, holder):
    """An address both minter and bridge mints as a minter: no limit spent, the cap applies."""
    home_token.set_minter(bridge_probe, True, sender=owner)
    bridge_probe.mint(home_token, holder, units.to_wei(900), sender=holder)
    assert home_token.mintingCurrentLimitOf(bridge_probe) == LIMIT
    assert home_token.totalSupply() == CAP

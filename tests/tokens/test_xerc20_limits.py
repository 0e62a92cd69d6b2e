"""ERC-7281 limits: `setLimits` (who, what, events), the four views, and the linear refill over one
day to the wei (figures against the reference xERC20's formula, written out)."""

import ape
from eth_utils import keccak

from fivefold import units
from tests.tests_support import ZERO
from tests.tokens.conftest import LIMIT

RATE = 11_574_074_074_074_074  # LIMIT // 86400: wei per second, rounded down as the reference's


def drain(token, bridge_probe, holder, chain, t):
    """The bridge mints its whole minting limit at time `t` (the limit is full before)."""
    chain.pending_timestamp = t
    bridge_probe.mint(token, holder, LIMIT, sender=holder)


def test_setLimits__owner__sets_max_and_current(away_token, bridge_probe, owner, non_owner):
    """A new bridge starts with its current limits at the max (0 -> M moves c by M)."""
    receipt = away_token.setLimits(non_owner.address, 0, 0, sender=owner)  # zero limits: any address
    assert receipt.events == [away_token.BridgeLimitsSet(mintingLimit=0, burningLimit=0, bridge=non_owner)]
    assert away_token.mintingMaxLimitOf(bridge_probe) == LIMIT
    assert away_token.burningMaxLimitOf(bridge_probe) == LIMIT
    assert away_token.mintingCurrentLimitOf(bridge_probe) == LIMIT
    assert away_token.burningCurrentLimitOf(bridge_probe) == LIMIT


def test_setLimits__logs__erc7281_event(away_token, bridge_probe, owner):
    """BridgeLimitsSet(mintingLimit, burningLimit, bridge indexed), the ERC's topic."""
    receipt = away_token.setLimits(bridge_probe, 7, 9, sender=owner)
    assert receipt.events == [away_token.BridgeLimitsSet(mintingLimit=7, burningLimit=9, bridge=bridge_probe)]
    topic = keccak(text="BridgeLimitsSet(uint256,uint256,address)")
    assert bytes(receipt.logs[0]["topics"][0]) == topic


def test_mintingCurrentLimitOf__after_spend__refills_linearly_to_the_wei(
    away_token, bridge_probe, holder, chain
):
    """Spent to 0 at t1: r = M // D per second after it, exactly M one day later."""
    t1 = chain.pending_timestamp + 10
    drain(away_token, bridge_probe, holder, chain, t1)
    assert away_token.mintingCurrentLimitOf(bridge_probe) == 0
    chain.mine(timestamp=t1 + 3600)
    assert away_token.mintingCurrentLimitOf(bridge_probe) == 41_666_666_666_666_666_400 == 3600 * RATE
    chain.mine(timestamp=t1 + 86_399)
    assert away_token.mintingCurrentLimitOf(bridge_probe) == 999_988_425_925_925_919_526
    chain.mine(timestamp=t1 + 86_400)
    assert away_token.mintingCurrentLimitOf(bridge_probe) == LIMIT


def test_burningCurrentLimitOf__after_spend__refills_linearly_to_the_wei(
    away_token, bridge_probe, holder, chain
):
    """The burning limit refills the same way, independently of the minting limit."""
    t1 = chain.pending_timestamp + 10
    drain(away_token, bridge_probe, holder, chain, t1)
    away_token.approve(bridge_probe, LIMIT, sender=holder)
    chain.pending_timestamp = t1 + 20
    bridge_probe.burn(away_token, holder, units.to_wei(400), sender=holder)
    assert away_token.burningCurrentLimitOf(bridge_probe) == units.to_wei(600)
    chain.mine(timestamp=t1 + 20 + 1000)
    assert away_token.burningCurrentLimitOf(bridge_probe) == units.to_wei(600) + 1000 * RATE
    assert away_token.mintingCurrentLimitOf(bridge_probe) == 1020 * RATE


def test_setLimits__raise_max__current_grows_by_difference(away_token, bridge_probe, holder, owner, chain):
    """Max 1,000 -> 1,500 at t1 + 60 with 60 s of refill: c = 60 r + 500 tokens, then r' = M' // D."""
    t1 = chain.pending_timestamp + 10
    drain(away_token, bridge_probe, holder, chain, t1)
    chain.pending_timestamp = t1 + 60
    away_token.setLimits(bridge_probe, units.to_wei(1_500), LIMIT, sender=owner)
    assert away_token.mintingCurrentLimitOf(bridge_probe) == 60 * RATE + units.to_wei(500)
    chain.mine(timestamp=t1 + 60 + 100)
    expected = 60 * RATE + units.to_wei(500) + 100 * (units.to_wei(1_500) // 86_400)
    assert away_token.mintingCurrentLimitOf(bridge_probe) == expected


def test_setLimits__lower_max__current_shrinks_by_difference(away_token, bridge_probe, holder, owner, chain):
    """Max 1,000 -> 400 with 700 left: c = 100; with 300 left it would go below zero: c = 0."""
    t1 = chain.pending_timestamp + 10
    chain.pending_timestamp = t1
    bridge_probe.mint(away_token, holder, units.to_wei(300), sender=holder)
    chain.pending_timestamp = t1 + 1
    away_token.setLimits(bridge_probe, units.to_wei(400), LIMIT, sender=owner)
    # 700 tokens + 1 s of refill at the old rate, less the 600 the max dropped by.
    assert away_token.mintingCurrentLimitOf(bridge_probe) == units.to_wei(100) + RATE
    chain.pending_timestamp = t1 + 2
    away_token.setLimits(bridge_probe, units.to_wei(100), LIMIT, sender=owner)
    # 100 + 2 r (one more second at the 400-token rate is less than the 300 dropped): floor at 0.
    assert away_token.mintingCurrentLimitOf(bridge_probe) == 0


def test_setLimits__same_max__keeps_current(away_token, bridge_probe, holder, owner, chain):
    """Setting the same max again only brings the stored limit up to date: nothing refills faster."""
    t1 = chain.pending_timestamp + 10
    drain(away_token, bridge_probe, holder, chain, t1)
    chain.pending_timestamp = t1 + 100
    away_token.setLimits(bridge_probe, LIMIT, LIMIT, sender=owner)
    assert away_token.mintingCurrentLimitOf(bridge_probe) == 100 * RATE


def test_setLimits__non_owner__reverts(away_token, bridge_probe, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        away_token.setLimits(bridge_probe, 1, 1, sender=non_owner)


def test_setLimits__registry_named__only_registry_writes(away_token, bridge_probe, owner, minter_contract):
    """After `set_parameter_registry` the owner's direct write reverts and the registry's passes
    (the registry here is any contract; the registry's own tests call the real one)."""
    registry = minter_contract  # a contract, standing for the ParameterRegistry
    receipt = away_token.set_parameter_registry(registry, sender=owner)
    assert receipt.events == [away_token.ParameterRegistrySet(registry=registry)]
    assert away_token.parameter_registry() == registry.address
    with ape.reverts("capped_token: caller is not the parameter registry"):
        away_token.setLimits(bridge_probe, 1, 1, sender=owner)


def test_setLimits__by_registry__passes(project, away_token, bridge_probe, owner, accounts):
    """The registry's call (a contract impersonated as the sender) sets the limits."""
    registry = project.BridgeProbe.deploy(sender=owner)
    away_token.set_parameter_registry(registry, sender=owner)
    away_token.setLimits(bridge_probe, 5, 6, sender=accounts[registry.address])
    assert away_token.mintingMaxLimitOf(bridge_probe) == 5
    assert away_token.burningMaxLimitOf(bridge_probe) == 6


def test_set_parameter_registry__eoa__reverts(away_token, owner, stranger):
    with ape.reverts("capped_token: registry is not a contract"):
        away_token.set_parameter_registry(stranger, sender=owner)


def test_set_parameter_registry__non_owner__reverts(away_token, minter_contract, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        away_token.set_parameter_registry(minter_contract, sender=non_owner)


def test_setLimits__eoa_bridge__reverts(away_token, owner, stranger):
    with ape.reverts("capped_token: bridge is not a contract"):
        away_token.setLimits(stranger, LIMIT, 0, sender=owner)


def test_setLimits__delegated_eoa_bridge__reverts(away_token, owner, delegated_eoa):
    with ape.reverts("capped_token: bridge is a delegated EOA"):
        away_token.setLimits(delegated_eoa.address, 0, LIMIT, sender=owner)


def test_setLimits__zero_bridge__reverts(away_token, owner):
    with ape.reverts("capped_token: zero bridge"):
        away_token.setLimits(ZERO, 0, 0, sender=owner)


def test_setLimits__above_word__reverts(away_token, bridge_probe, owner):
    """A max must fit the packed word (2**104 - 1, over 2,000 times the largest cap)."""
    away_token.setLimits(bridge_probe, 2**104 - 1, 2**104 - 1, sender=owner)
    assert away_token.mintingCurrentLimitOf(bridge_probe) == 2**104 - 1
    with ape.reverts("capped_token: limit too large"):
        away_token.setLimits(bridge_probe, 2**104, 0, sender=owner)
    with ape.reverts("capped_token: limit too large"):
        away_token.setLimits(bridge_probe, 0, 2**104, sender=owner)


def test_mintingMaxLimitOf__unknown_account__zero(away_token, stranger):
    assert away_token.mintingMaxLimitOf(stranger) == 0
    assert away_token.burningMaxLimitOf(stranger) == 0
    assert away_token.mintingCurrentLimitOf(stranger) == 0
    assert away_token.burningCurrentLimitOf(stranger) == 0


def test_setLimits__odd_maxes_at_odd_times__every_field_reads_back_exactly(
    away_token, bridge_probe, owner, chain
):
    """Each field of the packed limit word reads back alone (mutation testing: a shift off by one
    survived every other test): odd maxes, whose lowest bit sits next to the current limit's highest,
    up to just under the word's top, each set at an odd block time next to the max's highest bit."""
    start = chain.pending_timestamp + 11
    for i, limit in enumerate((LIMIT + 1, 2**103 + 1, 2**104 - 3)):
        chain.pending_timestamp = start + 2 * i + (start + 1) % 2  # odd
        away_token.setLimits(bridge_probe, limit, limit - 1, sender=owner)
        assert away_token.mintingMaxLimitOf(bridge_probe) == limit
        assert away_token.mintingCurrentLimitOf(bridge_probe) == limit
        assert away_token.burningMaxLimitOf(bridge_probe) == limit - 1
        assert away_token.burningCurrentLimitOf(bridge_probe) == limit - 1

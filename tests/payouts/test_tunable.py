"""The red packets' fee rates and price feeds answer to the parameter registry once the owner names it:
the owner calling a setter directly is refused, so no proposal steps outside the registry's bounds."""

import ape
import pytest

from fivefold.governance.registry import entry

from .conftest import LONGEST_HEARTBEAT, NATIVE


@pytest.fixture
def registry(project, deployer, owner, redpacket):
    contract = project.ParameterRegistry.deploy(owner, sender=deployer)
    redpacket.set_parameter_registry(contract, sender=owner)
    return contract


def test_set_fee_rates__owner_after_registry_named__reverts(registry, redpacket, owner):
    with ape.reverts("tunable: caller is not the parameter registry"):
        redpacket.set_fee_rates(100, 100, 100, sender=owner)


def test_set_price_feed__owner_after_registry_named__reverts(registry, redpacket, owner):
    with ape.reverts("tunable: caller is not the parameter registry"):
        redpacket.set_price_feed(NATIVE, redpacket.asset_config(NATIVE).feed, LONGEST_HEARTBEAT, sender=owner)


def test_registry__three_fee_rates__one_setter_called_with_all_three(registry, redpacket, owner):
    """`set_fee_rates(low, mid, high)`: three parameters, one setter; a change of one keeps the others."""
    for position, (name, value) in enumerate((("low", 200), ("mid", 300), ("high", 300))):
        shape = dict(arity=3, position=position, maximum=1_000, value=value)
        registry.register(
            entry(f"red_packet.fee.{name}_bps", redpacket, "set_fee_rates", **shape), sender=owner
        )
    registry.set_parameter("red_packet.fee.high_bps", 250, sender=owner)
    rates = redpacket.fee_rates()
    assert (rates.low_bps, rates.mid_bps, rates.high_bps) == (200, 300, 250)

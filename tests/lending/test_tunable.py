"""Lending's tunable numbers answer to the parameter registry once governance names it: the Controller's
factors, dust and caps, each market's reserve factor and rate model (through the Controller's
registry), the price adapter's feeds and heartbeats. Governance calling a setter directly is refused,
so no proposal can step outside the registry's bounds."""

import ape
import pytest

from fivefold.governance.registry import entry
from fivefold.units import WAD


@pytest.fixture
def registry(project, deployer, governance, controller, adapter):
    """A registry owned by governance and named by the Controller and the price adapter."""
    contract = project.ParameterRegistry.deploy(governance, sender=deployer)
    controller.set_parameter_registry(contract, sender=governance)
    adapter.set_parameter_registry(contract, sender=governance)
    return contract


@pytest.mark.parametrize(
    "setter, args",
    [
        ("set_close_factor", lambda m, a: (WAD // 2,)),
        ("set_liquidation_incentive", lambda m, a: (WAD,)),
        ("set_bad_debt_dust", lambda m, a: (0,)),
        ("set_collateral_factor", lambda m, a: (m, 0)),
        ("set_liquidation_threshold", lambda m, a: (m, WAD // 2)),
        ("set_caps", lambda m, a: (m, 1, 1)),
    ],
)
def test_controller_setter__governance_after_registry_named__reverts(
    registry, controller, usd_market, governance, setter, args
):
    with ape.reverts("tunable: caller is not the parameter registry"):
        getattr(controller, setter)(*args(usd_market, None), sender=governance)


@pytest.mark.parametrize("setter, value", [("set_reserve_factor", 0), ("set_rate_model", None)])
def test_market_setter__governance_after_registry_named__reverts(
    registry, usd_market, governance, setter, value
):
    """A market reads the Controller's registry at every call: naming it there hands every market."""
    with ape.reverts("market: caller is not the parameter registry"):
        getattr(usd_market, setter)(
            value if value is not None else usd_market.rate_model(), sender=governance
        )


def test_set_feed__governance_after_registry_named__reverts(registry, adapter, tokens, feeds, governance):
    token, feed = next(iter(tokens.values())), next(iter(feeds.values()))
    with ape.reverts("tunable: caller is not the parameter registry"):
        adapter.set_feed(token, feed, 3_600, sender=governance)


def test_registry__caps_and_reserve_factor__written_through(registry, controller, usd_market, governance):
    """A keyed two-value setter (caps) and a market's own setter, each through the registry."""
    shape = dict(key=usd_market.address, arity=2, maximum=10**30)
    registry.register(entry("usd.supply_cap", controller, "set_caps", position=0, **shape), sender=governance)
    registry.register(entry("usd.borrow_cap", controller, "set_caps", position=1, **shape), sender=governance)
    registry.set_parameter("usd.supply_cap", 5 * 10**12, sender=governance)
    config = controller.market_config(usd_market)
    assert (config.supply_cap, config.borrow_cap) == (5 * 10**12, 0)
    rf = entry("usd.reserve_factor", usd_market, "set_reserve_factor", maximum=WAD // 2, value=WAD // 5)
    registry.register(rf, sender=governance)
    assert usd_market.reserve_factor() == WAD // 5

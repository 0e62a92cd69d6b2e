"""ResourceMarket.place_order: escrows units * price for a future period within the offer's capacity;
the kind's usage for that period is derived from the orders."""

import ape

from tests.resources.conftest import HPC, PRICE
from tests.resources.resources_support import books


def _register(market, provider, capacity=100, kind=0):
    market.register(kind, capacity, PRICE, capacity * HPC, sender=provider)


def test_place_order__next_period__escrows_price(
    resources_market, resources_hpc, resources_provider, resources_requester
):
    """10 units at 1 HPC: 10 HPC escrowed, usage 10% of the storage capacity for that period."""
    _register(resources_market, resources_provider)
    period = resources_market.current_period() + 1
    before = resources_hpc.balanceOf(resources_requester)
    receipt = resources_market.place_order(resources_provider, period, 10, sender=resources_requester)
    order_id = receipt.return_value
    assert order_id == 1
    assert resources_hpc.balanceOf(resources_requester) == before - 10 * HPC
    order = resources_market.order(order_id)
    assert (order.requester, order.provider, order.period, order.amount, order.settled) == (
        resources_requester.address,
        resources_provider.address,
        period,
        10 * HPC,
        False,
    )
    slot = resources_market.slot(resources_provider, period)
    assert (slot.units, slot.escrow, slot.state) == (10, 10 * HPC, 0)
    assert resources_market.used_of(0, period) == 10
    assert resources_market.usage_bps(0, period) == 1_000
    assert resources_market.offer(resources_provider)[4] == period + 1
    assert books(resources_market, resources_hpc)


def test_place_order__usage_over_two_providers__derived_per_kind(
    resources_market, resources_provider, resources_other_provider, resources_requester
):
    """Usage is per kind, over every offer of the kind: 60 of 200 storage units is 30%; compute 0."""
    _register(resources_market, resources_provider)
    _register(resources_market, resources_other_provider)
    period = resources_market.current_period() + 1
    resources_market.place_order(resources_provider, period, 50, sender=resources_requester)
    resources_market.place_order(resources_other_provider, period, 10, sender=resources_requester)
    assert resources_market.usage_bps(0, period) == 3_000
    assert resources_market.usage_bps(1, period) == 0


def test_place_order__unknown_provider__reverts(
    resources_market, resources_other_provider, resources_requester
):
    """Ordering from an address without an offer is refused."""
    with ape.reverts("resource_market: unknown provider"):
        resources_market.place_order(resources_other_provider, 1, 1, sender=resources_requester)


def test_place_order__current_period__reverts(resources_market, resources_provider, resources_requester):
    """A period already running cannot be ordered (usage would move while it is served)."""
    _register(resources_market, resources_provider)
    with ape.reverts("resource_market: period out of range"):
        resources_market.place_order(
            resources_provider, resources_market.current_period(), 1, sender=resources_requester
        )


def test_place_order__beyond_max_ahead__reverts(resources_market, resources_provider, resources_requester):
    """At most MAX_AHEAD periods ahead."""
    _register(resources_market, resources_provider)
    period = resources_market.current_period() + resources_market.MAX_AHEAD() + 1
    with ape.reverts("resource_market: period out of range"):
        resources_market.place_order(resources_provider, period, 1, sender=resources_requester)


def test_place_order__exactly_max_ahead__accepted(resources_market, resources_provider, resources_requester):
    """The furthest period that may be ordered is the 30th after the current one, included; the
    order reads back its period."""
    _register(resources_market, resources_provider)
    period = resources_market.current_period() + 30
    order_id = resources_market.place_order(
        resources_provider, period, 1, sender=resources_requester
    ).return_value
    assert resources_market.order(order_id).period == period


def test_deploy__fresh_market__quorum_of_one(project, owner, resources_hpc, resources_registry):
    """Until governance sets one, a report needs one authenticator's signature."""
    market = project.ResourceMarket.deploy(resources_hpc, resources_registry, owner, "M", "1", sender=owner)
    assert market.quorum() == 1


def test_place_order__zero_units__reverts(resources_market, resources_provider, resources_requester):
    """An order of nothing is refused."""
    _register(resources_market, resources_provider)
    with ape.reverts("resource_market: zero units"):
        resources_market.place_order(
            resources_provider, resources_market.current_period() + 1, 0, sender=resources_requester
        )


def test_place_order__over_capacity__reverts(
    resources_market, resources_provider, resources_requester, resources_other_requester
):
    """Orders of one period together stay within the offer's capacity."""
    _register(resources_market, resources_provider)
    period = resources_market.current_period() + 1
    resources_market.place_order(resources_provider, period, 60, sender=resources_requester)
    with ape.reverts("resource_market: capacity exceeded"):
        resources_market.place_order(resources_provider, period, 41, sender=resources_other_requester)
    resources_market.place_order(resources_provider, period, 40, sender=resources_other_requester)
    assert resources_market.usage_bps(0, period) == 10_000


def test_place_order__escrow_beyond_96_bits__reverts(
    resources_market, resources_provider, resources_requester, owner
):
    """The slot word keeps the escrow in 96 bits: 10**12 units at 1,000 HPC (10**33 wei) is refused
    before any transfer."""
    resources_market.set_stake_per_unit(0, sender=owner)
    resources_market.register(0, 10**12, 1_000 * HPC, 0, sender=resources_provider)
    period = resources_market.current_period() + 1
    with ape.reverts("resource_market: escrow above the limit"):
        resources_market.place_order(resources_provider, period, 10**12, sender=resources_requester)

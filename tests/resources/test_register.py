"""ResourceMarket.register and exit: one offer per provider, staked; capacity counted per kind; the
stake stays until the last ordered period's report window is over."""

import ape

from tests.resources.conftest import HPC, PERIOD, PRICE
from tests.resources.resources_support import books


def test_register__staked_offer__counts_capacity_and_stake(
    resources_market, resources_hpc, resources_provider
):
    """A storage offer of 100 units staked with 100 HPC: the kind's capacity and the stakes grow."""
    receipt = resources_market.register(0, 100, PRICE, 100 * HPC, sender=resources_provider)
    assert resources_market.offer(resources_provider) == (0, 100, PRICE, 100 * HPC, 0)
    assert resources_market.capacity_of(0) == 100
    assert resources_market.total_stakes() == 100 * HPC
    assert receipt.events[-1].event_name == "OfferRegistered"
    assert books(resources_market, resources_hpc)


def test_register__unknown_kind__reverts(resources_market, resources_provider):
    """Kinds are storage 0, compute 1, bandwidth 2."""
    with ape.reverts("resource_market: unknown kind"):
        resources_market.register(3, 100, PRICE, 100 * HPC, sender=resources_provider)


def test_register__zero_capacity__reverts(resources_market, resources_provider):
    """An offer of nothing is refused."""
    with ape.reverts("resource_market: capacity out of bounds"):
        resources_market.register(0, 0, PRICE, 0, sender=resources_provider)


def test_register__zero_price__reverts(resources_market, resources_provider):
    """A free offer would earn rewards for nothing paid."""
    with ape.reverts("resource_market: price out of bounds"):
        resources_market.register(0, 100, 0, 100 * HPC, sender=resources_provider)


def test_register__stake_below_capacity_times_rate__reverts(resources_market, resources_provider):
    """The stake must cover stake_per_unit (1 HPC) per unit of capacity."""
    with ape.reverts("resource_market: stake too small"):
        resources_market.register(0, 100, PRICE, 100 * HPC - 1, sender=resources_provider)


def test_register__second_offer__reverts(resources_market, resources_provider):
    """One offer per provider."""
    resources_market.register(0, 100, PRICE, 100 * HPC, sender=resources_provider)
    with ape.reverts("resource_market: already registered"):
        resources_market.register(1, 10, PRICE, 10 * HPC, sender=resources_provider)


def test_exit__never_ordered__returns_stake(resources_market, resources_hpc, resources_provider):
    """An offer nobody ordered from leaves at once with its whole stake."""
    resources_market.register(0, 100, PRICE, 100 * HPC, sender=resources_provider)
    before = resources_hpc.balanceOf(resources_provider)
    resources_market.exit(sender=resources_provider)
    assert resources_hpc.balanceOf(resources_provider) == before + 100 * HPC
    assert resources_market.capacity_of(0) == 0
    assert resources_market.offer(resources_provider)[1] == 0
    assert books(resources_market, resources_hpc)


def test_exit__not_registered__reverts(resources_market, resources_provider):
    """Nothing to withdraw."""
    with ape.reverts("resource_market: not registered"):
        resources_market.exit(sender=resources_provider)


def test_exit__ordered_period_in_window__reverts(
    resources_market, resources_ordered, resources_goto, resources_provider
):
    """Until the last ordered period's report window ends, a faulty report must find the stake."""
    _, period = resources_ordered()
    resources_goto(period + 1, resources_market.report_window() - 2)
    with ape.reverts("resource_market: orders not settled"):
        resources_market.exit(sender=resources_provider)


def test_exit__after_window__returns_stake(
    resources_market, resources_hpc, resources_ordered, resources_goto, resources_provider
):
    """Once the window is over the provider leaves (its unreported order refunds separately)."""
    _, period = resources_ordered()
    resources_goto(period + 1, resources_market.report_window())
    resources_market.exit(sender=resources_provider)
    assert resources_market.total_stakes() == 0
    assert books(resources_market, resources_hpc)
    assert PERIOD == resources_market.PERIOD()


def test_register__stake_beyond_96_bits__reverts(resources_market, resources_provider):
    """The offer word keeps the stake in 96 bits (HPC's cap is far below): a larger one is refused."""
    with ape.reverts("resource_market: stake above the limit"):
        resources_market.register(0, 100, PRICE, 2**96, sender=resources_provider)

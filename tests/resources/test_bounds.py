"""ResourceMarket's packed words read back where a field's neighbour has its edge bit set: an offer
of odd capacity and stake at the largest price, an order by a requester whose address has its top
bit clear for an odd period, an odd escrow beside its units, and the settled flag beside the period
(the survivors of mutation testing, docs/assurance.md)."""

from tests.resources.conftest import HPC

MAX_PRICE = 1_000 * HPC  # has bit 69 set, next to the offer's busy-until field
BANDWIDTH = 2


def _odd_period(market, ahead=1):
    period = market.current_period() + ahead
    return period if period % 2 else period + 1


def test_register__odd_capacity_and_stake_at_the_largest_price__offer_read_back(
    resources_market, resources_provider, resources_other_provider
):
    """The offer word: kind, an odd capacity, the largest price, an odd stake and, after an order for
    an odd period, a busy-until of that period + 1 (even), each read back as set."""
    m = resources_market
    stake = 101 * m.stake_per_unit() + 1
    m.register(BANDWIDTH, 101, MAX_PRICE, stake, sender=resources_provider)
    assert tuple(m.offer(resources_provider)) == (BANDWIDTH, 101, MAX_PRICE, stake, 0)
    period = _odd_period(m)
    m.place_order(resources_provider, period, 1, sender=resources_other_provider)
    assert tuple(m.offer(resources_provider)) == (BANDWIDTH, 101, MAX_PRICE, stake, period + 1)


def test_place_order__top_bit_clear_requester_odd_period_odd_escrow__read_back_and_after_refund(
    resources_market, resources_provider, resources_other_provider, resources_goto
):
    """An order by a requester whose address has its top bit clear, for an odd period, escrowing an
    odd 3 wei beside 1 unit: order and slot read back as placed, and the refund's settled flag leaves
    the period intact."""
    m, requester = resources_market, resources_other_provider
    assert int(requester.address, 16) < 2**159
    m.register(0, 100, 3, 100 * m.stake_per_unit(), sender=resources_provider)
    period = _odd_period(m)
    order_id = m.place_order(resources_provider, period, 1, sender=requester).return_value
    order = m.order(order_id)
    assert (order.requester, order.provider, order.period, order.amount, order.settled) == (
        requester.address,
        resources_provider.address,
        period,
        3,
        False,
    )
    assert tuple(m.slot(resources_provider, period)) == (1, 3, 0, 0)
    resources_goto(period + 1, m.report_window())
    m.refund(order_id, sender=requester)
    order = m.order(order_id)
    assert (order.period, order.settled) == (period, True)

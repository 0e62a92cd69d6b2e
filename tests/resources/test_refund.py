"""ResourceMarket.refund: an order of an unproven period (report window over) refunds its escrow; an
order of a faulty period refunds its escrow plus its share of the slashed stake; once."""

import ape

from tests.resources.conftest import HPC, PRICE
from tests.resources.resources_support import books


def test_refund__unreported_after_window__returns_escrow(
    resources_market,
    resources_hpc,
    resources_ordered,
    resources_goto,
    resources_requester,
    resources_provider,
):
    """Nobody reported the period: after the window anyone refunds the requester's 10 HPC."""
    order_id, period = resources_ordered()
    resources_goto(period + 1, resources_market.report_window())
    before = resources_hpc.balanceOf(resources_requester)
    resources_market.refund(order_id, sender=resources_provider)
    assert resources_hpc.balanceOf(resources_requester) == before + 10 * PRICE
    assert resources_market.order(order_id).settled
    assert books(resources_market, resources_hpc)


def test_refund__faulty__escrow_plus_slash_share(
    resources_market,
    resources_hpc,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_requester,
    resources_other_requester,
):
    """Two orders (10 and 30 units) of a faulty period share the 10 HPC slash 1:3."""
    order_id, period = resources_ordered(units=10)
    other = resources_market.place_order(resources_provider, period, 30, sender=resources_other_requester)
    resources_goto(period + 1)
    resources_market.prove(
        resources_provider,
        period,
        False,
        resources_sign(resources_provider, period, False),
        sender=resources_provider,
    )
    before = resources_hpc.balanceOf(resources_requester)
    resources_market.refund(order_id, sender=resources_requester)
    assert resources_hpc.balanceOf(resources_requester) == before + 10 * PRICE + 10 * HPC * 10 // 40
    receipt = resources_market.refund(other.return_value, sender=resources_requester)
    assert receipt.events[-1].compensation == 10 * HPC * 30 // 40
    assert resources_market.total_owed() == 0
    assert books(resources_market, resources_hpc)


def test_refund__served_period__reverts(resources_market, resources_served, owner):
    """A served order paid the provider; nothing to refund."""
    order_id, _ = resources_served(sender=owner)
    with ape.reverts("resource_market: period served"):
        resources_market.refund(order_id, sender=owner)


def test_refund__within_window__reverts(resources_market, resources_ordered, resources_goto, owner):
    """The period may still be reported."""
    order_id, period = resources_ordered()
    resources_goto(period + 1, resources_market.report_window() - 2)
    with ape.reverts("resource_market: period not settled"):
        resources_market.refund(order_id, sender=owner)


def test_refund__twice__reverts(resources_market, resources_ordered, resources_goto, owner):
    """An order refunds once."""
    order_id, period = resources_ordered()
    resources_goto(period + 1, resources_market.report_window())
    resources_market.refund(order_id, sender=owner)
    with ape.reverts("resource_market: order settled"):
        resources_market.refund(order_id, sender=owner)


def test_refund__unknown_order__reverts(resources_market, owner):
    """No such order."""
    with ape.reverts("resource_market: unknown order"):
        resources_market.refund(7, sender=owner)

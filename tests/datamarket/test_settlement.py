"""DataMarket.confirm, finalise and refund_undelivered: who is credited what, and when."""

import ape

from fivefold.datamarket import model

from .conftest import DELIVERY_WINDOW, DISPUTE_WINDOW, FEE_BPS, NATIVE, TOKEN


def _delivered(trade, buyer, proxy):
    trade.buy(buyer, proxy)
    trade.deliver(buyer, proxy)
    return trade.id(buyer)


def test_confirm__buyer__credits_seller_and_proxy(
    datamarket, datamarket_list, datamarket_seller, datamarket_buyer, datamarket_proxy
):
    """The seller is credited the price minus the fee, the proxy the fee (rounded down), exactly the price."""
    trade = datamarket_list(price=TOKEN + 7)
    pid = _delivered(trade, datamarket_buyer, datamarket_proxy)
    tx = datamarket.confirm(pid, sender=datamarket_buyer)
    fee = model.fee(TOKEN + 7, FEE_BPS)
    [settled] = tx.decode_logs(datamarket.Settled)
    assert (settled.seller_amount, settled.fee, settled.confirmed) == (TOKEN + 7 - fee, fee, True)
    assert datamarket.unclaimed(NATIVE, datamarket_seller) == TOKEN + 7 - fee
    assert datamarket.unclaimed(NATIVE, datamarket_proxy) == fee
    assert trade.purchase(datamarket_buyer).state == model.STATE_SETTLED
    assert (trade.state.open_purchases, trade.state.sales) == (0, 1)
    assert datamarket.proxy(datamarket_proxy).open_purchases == 0


def test_confirm__twice__reverts(datamarket, datamarket_list, datamarket_buyer, datamarket_proxy):
    """Confirming a settled purchase again is refused."""
    pid = _delivered(datamarket_list(), datamarket_buyer, datamarket_proxy)
    datamarket.confirm(pid, sender=datamarket_buyer)
    with ape.reverts("data_market: purchase already settled"):
        datamarket.confirm(pid, sender=datamarket_buyer)


def test_confirm__not_buyer_or_not_delivered__reverts(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, non_owner
):
    """Only the buyer confirms, only a delivered purchase."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    pid = trade.id(datamarket_buyer)
    with ape.reverts("data_market: purchase not delivered"):
        datamarket.confirm(pid, sender=datamarket_buyer)
    trade.deliver(datamarket_buyer, datamarket_proxy)
    with ape.reverts("data_market: caller is not the buyer"):
        datamarket.confirm(pid, sender=non_owner)


def test_finalise__before_window_end__reverts(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, non_owner, chain
):
    """Nobody finalises while the buyer may still dispute."""
    pid = _delivered(datamarket_list(), datamarket_buyer, datamarket_proxy)
    chain.pending_timestamp += DISPUTE_WINDOW - 10
    with ape.reverts("data_market: dispute window not over"):
        datamarket.finalise(pid, sender=non_owner)


def test_finalise__after_window__anyone_settles(
    datamarket, datamarket_list, datamarket_seller, datamarket_buyer, datamarket_proxy, non_owner, chain
):
    """At the window's end anyone releases the funds to the seller (and the fee to the proxy), once."""
    trade = datamarket_list()
    pid = _delivered(trade, datamarket_buyer, datamarket_proxy)
    chain.pending_timestamp += DISPUTE_WINDOW
    tx = datamarket.finalise(pid, sender=non_owner)
    assert not tx.decode_logs(datamarket.Settled)[0].confirmed
    assert datamarket.unclaimed(NATIVE, datamarket_seller) == TOKEN - model.fee(TOKEN, FEE_BPS)
    with ape.reverts("data_market: purchase already settled"):
        datamarket.finalise(pid, sender=non_owner)


def test_refund_undelivered__after_window__refunds_and_counts_miss(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, non_owner, chain
):
    """A proxy that did not deliver in time: the buyer is credited the price, the proxy a miss."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    pid = trade.id(datamarket_buyer)
    with ape.reverts("data_market: delivery window not over"):
        datamarket.refund_undelivered(pid, sender=non_owner)
    chain.pending_timestamp += DELIVERY_WINDOW
    tx = datamarket.refund_undelivered(pid, sender=non_owner)
    [refunded] = tx.decode_logs(datamarket.Refunded)
    assert (refunded.amount, refunded.reason) == (TOKEN, model.REASON_UNDELIVERED)
    assert datamarket.unclaimed(NATIVE, datamarket_buyer) == TOKEN
    assert datamarket.proxy(datamarket_proxy).missed == 1
    assert trade.purchase(datamarket_buyer).state == model.STATE_REFUNDED
    assert trade.state.open_purchases == 0
    with ape.reverts("data_market: purchase not awaiting delivery"):
        datamarket.refund_undelivered(pid, sender=non_owner)


def test_withdraw__credited__pays_once(
    datamarket, datamarket_list, datamarket_usdt, datamarket_seller, datamarket_buyer, datamarket_proxy
):
    """Credits are withdrawn per asset, once."""
    trade = datamarket_list(datamarket_usdt, price=10**6)
    pid = _delivered(trade, datamarket_buyer, datamarket_proxy)
    datamarket.confirm(pid, sender=datamarket_buyer)
    before = datamarket_usdt.balanceOf(datamarket_seller)
    datamarket.withdraw(datamarket_usdt, sender=datamarket_seller)
    assert datamarket_usdt.balanceOf(datamarket_seller) - before == 10**6 - model.fee(10**6, FEE_BPS)
    with ape.reverts("data_market: nothing to withdraw"):
        datamarket.withdraw(datamarket_usdt, sender=datamarket_seller)

"""DataMarket.deliver and decline: only the named proxy, only in time."""

import ape

from fivefold.datamarket import model
from tests.tests_support import isolated

from .conftest import DELIVERY_WINDOW, DISPUTE_WINDOW


def test_deliver__named_proxy__opens_dispute_window(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, chain
):
    """The delivery is recorded by its hash, the deadline moves to the dispute window's end, the
    proxy's deliveries count grows, and the buyer decrypts the key from the event."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    tx = trade.deliver(datamarket_buyer, datamarket_proxy)
    p = trade.purchase(datamarket_buyer)
    c, x, parity = trade.deliveries[datamarket_buyer.address]
    assert p.state == model.STATE_DELIVERED
    assert p.deadline == chain.blocks.head.timestamp + DISPUTE_WINDOW
    assert p.delivery_hash == model.delivery_hash(c, x, parity)
    assert datamarket.proxy(datamarket_proxy).deliveries == 1
    event = tx.decode_logs(datamarket.Delivered)[0]
    secret = trade.buyers[datamarket_buyer.address].secret
    assert (
        model.decrypt(
            event.ciphertext, trade.id(datamarket_buyer), secret, event.ephemeral_x, event.ephemeral_parity
        )
        == trade.key
    )


def test_deliver__proxy_not_named__reverts(
    datamarket_list, datamarket_buyer, datamarket_proxy, datamarket_other_proxy
):
    """Another proxy (staked, but not the one named) cannot deliver."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    with ape.reverts("data_market: caller is not the purchase's proxy"):
        trade.deliver(datamarket_buyer, datamarket_other_proxy)


def test_deliver__twice_or_late__reverts(datamarket_list, datamarket_buyer, datamarket_proxy, chain):
    """A second delivery, or one after the delivery window, is refused."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    with isolated(chain):
        chain.pending_timestamp += DELIVERY_WINDOW
        with ape.reverts("data_market: delivery window over"):
            trade.deliver(datamarket_buyer, datamarket_proxy)
    trade.deliver(datamarket_buyer, datamarket_proxy)
    with ape.reverts("data_market: purchase not awaiting delivery"):
        trade.deliver(datamarket_buyer, datamarket_proxy)


def test_deliver__bad_ephemeral_key__reverts(datamarket, datamarket_list, datamarket_buyer, datamarket_proxy):
    """An ephemeral key that is not a curve point (or out of range) is refused."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    pid = trade.id(datamarket_buyer)
    with ape.reverts("data_market: bad ephemeral key"):
        datamarket.deliver(pid, b"\1" * 32, 5, 0, sender=datamarket_proxy)  # x = 5: no point of secp256k1
    with ape.reverts("data_market: bad ephemeral key"):
        datamarket.deliver(pid, b"\1" * 32, model.N, 0, sender=datamarket_proxy)
    with ape.reverts("data_market: bad ephemeral key"):
        datamarket.deliver(pid, b"\1" * 32, 1, 2, sender=datamarket_proxy)


def test_decline__named_proxy__refunds_without_penalty(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, non_owner
):
    """The named proxy may refuse: the buyer is credited the price, nothing counts against the proxy."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    with ape.reverts("data_market: caller is not the purchase's proxy"):
        datamarket.decline(trade.id(datamarket_buyer), sender=non_owner)
    tx = datamarket.decline(trade.id(datamarket_buyer), sender=datamarket_proxy)
    [refunded] = tx.decode_logs(datamarket.Refunded)
    assert (refunded.amount, refunded.reason) == (trade.price, model.REASON_DECLINED)
    assert datamarket.unclaimed(model.NATIVE, datamarket_buyer) == trade.price
    record = datamarket.proxy(datamarket_proxy)
    assert (record.open_purchases, record.missed, record.deliveries) == (0, 0, 0)
    with ape.reverts("data_market: purchase not awaiting delivery"):
        datamarket.decline(trade.id(datamarket_buyer), sender=datamarket_proxy)


def test_decline__after_delivery_window__reverts(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, non_owner, chain
):
    """A proxy that missed its window cannot erase the miss by declining late: only the refund that
    counts it remains."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    chain.pending_timestamp += DELIVERY_WINDOW
    with ape.reverts("data_market: delivery window over"):
        datamarket.decline(trade.id(datamarket_buyer), sender=datamarket_proxy)
    datamarket.refund_undelivered(trade.id(datamarket_buyer), sender=non_owner)
    assert datamarket.proxy(datamarket_proxy).missed == 1

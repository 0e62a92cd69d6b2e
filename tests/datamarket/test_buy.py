"""DataMarket.buy: escrow, the proxy named, one purchase per buyer and listing."""

import ape

from fivefold.datamarket import model

from .conftest import DELIVERY_WINDOW, FEE_BPS, NATIVE, TOKEN, USD


def test_buy__native__escrows_price(datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, chain):
    """The price is held, the purchase records buyer, proxy, one-time key, fee rate and deadline."""
    trade = datamarket_list()
    tx = trade.buy(datamarket_buyer, datamarket_proxy)
    p = trade.purchase(datamarket_buyer)
    assert tx.return_value == trade.id(datamarket_buyer)
    assert (p.listing, p.buyer, p.proxy) == (
        trade.listing,
        datamarket_buyer.address,
        datamarket_proxy.address,
    )
    assert p.buyer_key == trade.buyers[datamarket_buyer.address].key
    assert (p.price, p.fee_bps, p.state) == (TOKEN, FEE_BPS, model.STATE_PAID)
    assert p.deadline == chain.blocks.head.timestamp + DELIVERY_WINDOW
    assert datamarket.balance == trade.deposit + TOKEN
    assert trade.state.open_purchases == 1
    assert datamarket.proxy(datamarket_proxy).open_purchases == 1


def test_buy__usdt__pulls_price(
    datamarket, datamarket_list, datamarket_usdt, datamarket_buyer, datamarket_proxy
):
    """A USDT purchase pulls exactly the price."""
    trade = datamarket_list(datamarket_usdt, price=10 * USD)
    before = datamarket_usdt.balanceOf(datamarket_buyer)
    trade.buy(datamarket_buyer, datamarket_proxy)
    assert before - datamarket_usdt.balanceOf(datamarket_buyer) == 10 * USD


def test_buy__second_payment_same_purchase__reverts(datamarket_list, datamarket_buyer, datamarket_proxy):
    """A buyer's second payment for a purchase it already paid (paid or delivered) is refused."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    with ape.reverts("data_market: purchase already paid"):
        trade.buy(datamarket_buyer, datamarket_proxy)
    trade.deliver(datamarket_buyer, datamarket_proxy)
    with ape.reverts("data_market: purchase already paid"):
        trade.buy(datamarket_buyer, datamarket_proxy)


def test_buy__after_settlement__reverts(datamarket, datamarket_list, datamarket_buyer, datamarket_proxy):
    """A buyer holds the key after a settled purchase: buying again is refused."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    trade.deliver(datamarket_buyer, datamarket_proxy)
    datamarket.confirm(trade.id(datamarket_buyer), sender=datamarket_buyer)
    with ape.reverts("data_market: already bought"):
        trade.buy(datamarket_buyer, datamarket_proxy)


def test_buy__after_refund__pays_again(datamarket, datamarket_list, datamarket_buyer, datamarket_proxy):
    """A declined purchase can be paid again (with another proxy or the same)."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    datamarket.decline(trade.id(datamarket_buyer), sender=datamarket_proxy)
    trade.buy(datamarket_buyer, datamarket_proxy)
    assert trade.purchase(datamarket_buyer).state == model.STATE_PAID


def test_buy__bad_proxy__reverts(datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, non_owner):
    """Only a proxy with the minimum stake that is not leaving can be named."""
    trade = datamarket_list()
    with ape.reverts("data_market: proxy not registered"):
        trade.buy(datamarket_buyer, non_owner)
    datamarket.leave_proxy(sender=datamarket_proxy)
    with ape.reverts("data_market: proxy is leaving"):
        trade.buy(datamarket_buyer, datamarket_proxy)


def test_buy__bad_listing_or_terms__revert(
    datamarket, datamarket_list, datamarket_seller, datamarket_buyer, datamarket_proxy
):
    """No such listing, a closed one, a price above the limit, a zero one-time key, a wrong value."""
    with ape.reverts("data_market: no such listing"):
        datamarket.buy(9, datamarket_proxy, TOKEN, datamarket_buyer, value=TOKEN, sender=datamarket_buyer)
    trade = datamarket_list()
    with ape.reverts("data_market: price above the buyer's limit"):
        trade.buy(datamarket_buyer, datamarket_proxy, max_price=TOKEN - 1)
    with ape.reverts("data_market: zero buyer key"):
        datamarket.buy(trade.listing, datamarket_proxy, TOKEN, NATIVE, value=TOKEN, sender=datamarket_buyer)
    with ape.reverts("data_market: value differs from amount"):
        trade.buy(datamarket_buyer, datamarket_proxy, value=TOKEN - 1)
    datamarket.close_listing(trade.listing, sender=datamarket_seller)
    with ape.reverts("data_market: listing not open"):
        trade.buy(datamarket_buyer, datamarket_proxy)


def test_buy__paused__reverts(datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, owner):
    """A pause stops new purchases."""
    trade = datamarket_list()
    datamarket.pause(sender=owner)
    with ape.reverts("pausable: new deposits and creations are paused"):
        trade.buy(datamarket_buyer, datamarket_proxy)

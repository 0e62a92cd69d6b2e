"""DataMarket.list_item and the seller's own functions: set_price, close_listing, withdraw_deposit."""

import ape
import pytest

from fivefold.datamarket import model

from .conftest import DESCRIPTION, KEY, NATIVE, TOKEN, USD


def test_list_item__native__stores_listing_and_holds_deposit(datamarket, datamarket_list, datamarket_seller):
    """A native listing keeps its terms and the market holds the deposit."""
    trade = datamarket_list(price=2 * TOKEN)
    listing = trade.state
    assert listing.seller == datamarket_seller.address
    assert (listing.asset, listing.price, listing.deposit) == (NATIVE, 2 * TOKEN, TOKEN)
    assert listing.key_commitment == model.commitment(KEY)
    assert listing.description_hash == DESCRIPTION
    assert listing.status == model.LISTING_OPEN
    assert datamarket.balance == TOKEN
    assert datamarket.listing_count() == trade.listing == 1


def test_list_item__usdt__pulls_deposit(datamarket, datamarket_list, datamarket_usdt):
    """A USDT listing pulls its deposit with transferFrom."""
    trade = datamarket_list(datamarket_usdt, price=10 * USD)
    assert datamarket_usdt.balanceOf(datamarket) == trade.deposit == 5 * USD


def test_list_item__unlisted_asset__reverts(datamarket_list, non_owner):
    """An asset the owner did not list is refused."""
    with ape.reverts("data_market: asset not listed"):
        datamarket_list(non_owner.address)


@pytest.mark.parametrize(
    "price,deposit,error",
    [
        (0, 0, "data_market: zero price"),
        (TOKEN, TOKEN // 2 - 1, "data_market: deposit too small"),
    ],
)
def test_list_item__bad_terms__revert(datamarket_list, price, deposit, error):
    """Zero price, an amount above 96 bits, a deposit below min_deposit_bps of the price."""
    with ape.reverts(error):
        datamarket_list(price=price, deposit=deposit)


def test_list_item__amount_above_96_bits__reverts(datamarket, datamarket_cpc, datamarket_seller):
    """Prices and deposits are 96-bit fields."""
    with ape.reverts("data_market: amount too large"):
        datamarket.list_item(datamarket_cpc, 2**96, 2**96, DESCRIPTION, b"\1" * 32, sender=datamarket_seller)


def test_list_item__zero_commitment__reverts(datamarket, datamarket_seller):
    """A listing must commit to a key."""
    with ape.reverts("data_market: zero key commitment"):
        datamarket.list_item(
            NATIVE, TOKEN, TOKEN, DESCRIPTION, b"\0" * 32, value=TOKEN, sender=datamarket_seller
        )


def test_list_item__wrong_value__reverts(datamarket_list, datamarket_cpc):
    """The native deposit must be sent exactly; no value goes with a token."""
    with ape.reverts("data_market: value differs from amount"):
        datamarket_list(value=1)
    with ape.reverts("data_market: value sent with a token"):
        datamarket_list(datamarket_cpc, value=1)


def test_list_item__paused__reverts(datamarket, datamarket_list, owner):
    """A pause stops new listings."""
    datamarket.pause(sender=owner)
    with ape.reverts("pausable: new deposits and creations are paused"):
        datamarket_list()


def test_set_price__seller__changes_price(datamarket, datamarket_list, datamarket_seller):
    """The seller moves the price within what the deposit covers."""
    trade = datamarket_list(price=TOKEN, deposit=TOKEN)
    datamarket.set_price(trade.listing, 2 * TOKEN, sender=datamarket_seller)
    assert trade.state.price == 2 * TOKEN


def test_set_price__bad_caller_or_terms__revert(datamarket, datamarket_list, datamarket_seller, non_owner):
    """Only the seller, only a covered, non-zero price, only an open listing."""
    trade = datamarket_list(price=TOKEN)
    with ape.reverts("data_market: caller is not the seller"):
        datamarket.set_price(trade.listing, TOKEN, sender=non_owner)
    with ape.reverts("data_market: no such listing"):
        datamarket.set_price(99, TOKEN, sender=datamarket_seller)
    with ape.reverts("data_market: zero price"):
        datamarket.set_price(trade.listing, 0, sender=datamarket_seller)
    with ape.reverts("data_market: amount too large"):
        datamarket.set_price(trade.listing, 2**96, sender=datamarket_seller)
    with ape.reverts("data_market: deposit too small"):
        datamarket.set_price(trade.listing, 2 * TOKEN, sender=datamarket_seller)
    datamarket.close_listing(trade.listing, sender=datamarket_seller)
    with ape.reverts("data_market: listing not open"):
        datamarket.set_price(trade.listing, TOKEN, sender=datamarket_seller)
    with ape.reverts("data_market: listing not open"):
        datamarket.close_listing(trade.listing, sender=datamarket_seller)


def test_withdraw_deposit__closed_without_open_purchases__pays_deposit(
    datamarket, datamarket_list, datamarket_seller
):
    """A closed listing with nothing open returns its deposit, once."""
    trade = datamarket_list()
    with ape.reverts("data_market: listing not closed"):
        datamarket.withdraw_deposit(trade.listing, sender=datamarket_seller)
    datamarket.close_listing(trade.listing, sender=datamarket_seller)
    before = datamarket_seller.balance
    tx = datamarket.withdraw_deposit(trade.listing, sender=datamarket_seller)
    assert datamarket_seller.balance - before + tx.total_fees_paid == trade.deposit
    assert datamarket.balance == 0
    with ape.reverts("data_market: no deposit"):
        datamarket.withdraw_deposit(trade.listing, sender=datamarket_seller)


def test_withdraw_deposit__open_purchase__reverts(
    datamarket, datamarket_list, datamarket_seller, datamarket_buyer, datamarket_proxy
):
    """The deposit answers for every open purchase: it stays until they end."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    datamarket.close_listing(trade.listing, sender=datamarket_seller)
    with ape.reverts("data_market: purchases still open"):
        datamarket.withdraw_deposit(trade.listing, sender=datamarket_seller)

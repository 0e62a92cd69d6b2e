"""DataMarket's packed words read back where a field's neighbour has its edge bit set, a fee of one
wei credited, and a proxy staked exactly the minimum; amounts of exactly 96 bits, a token deposit of
one unit, a purchase of listing 2 and a one-time secret of 1 (the survivors of mutation testing,
docs/assurance.md)."""

import ape
import pytest

from fivefold.datamarket import model

from .conftest import (
    DELIVERY_WINDOW,
    DEPOSIT_BPS,
    DESCRIPTION,
    DISPUTE_WINDOW,
    FEE_BPS,
    KEY,
    MIN_STAKE,
    NATIVE,
    TOKEN,
)

GX = 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798  # secp256k1 G's x
ODD_FEE_BPS = 501  # the fee field's lowest bit set, beside the deadline's top bit
MAX_AMOUNT = 2**96 - 1  # the packed price, deposit and stake fields at their top bit
WRONG_KEY = b"\x13" * 32


@pytest.fixture(scope="module")
def datamarket_open_cpc(project, deployer):
    """A stake token without CPC's 10**9-token cap (an open mint): a proxy stake can reach 96 bits."""
    return project.MockStablecoin.deploy(sender=deployer)


@pytest.fixture(scope="module")
def datamarket_open_cpc_market(project, deployer, owner, datamarket_open_cpc):
    """A DataMarket whose stake token is `datamarket_open_cpc` (the constructor takes any token)."""
    return project.DataMarket.deploy(
        owner,
        datamarket_open_cpc,
        MIN_STAKE,
        FEE_BPS,
        DEPOSIT_BPS,
        DELIVERY_WINDOW,
        DISPUTE_WINDOW,
        sender=deployer,
    )


def test_buy__odd_fee_beside_the_deadline_and_one_open_purchase__read_back(
    datamarket, datamarket_list, owner, datamarket_buyer, datamarket_proxy
):
    """A purchase at an odd proxy fee reads back its fee and its deadline; the proxy's record, one
    purchase open beside its stake, reads back both."""
    datamarket.set_proxy_fee_bps(ODD_FEE_BPS, sender=owner)
    trade = datamarket_list()
    receipt = trade.buy(datamarket_buyer, datamarket_proxy)
    purchase = trade.purchase(datamarket_buyer)
    assert (purchase.fee_bps, purchase.deadline) == (ODD_FEE_BPS, receipt.timestamp + DELIVERY_WINDOW)
    assert (purchase.proxy, purchase.listing) == (datamarket_proxy.address, trade.listing)
    record = datamarket.proxy(datamarket_proxy)
    assert (record.stake, record.open_purchases) == (MIN_STAKE, 1)


def test_confirm__fee_of_one_wei__credited_to_the_proxy(
    datamarket, datamarket_list, owner, datamarket_seller, datamarket_buyer, datamarket_proxy
):
    """At 5.01% a price of 20 wei pays the proxy 1 wei and the seller 19; the event says so."""
    datamarket.set_proxy_fee_bps(ODD_FEE_BPS, sender=owner)
    trade = datamarket_list(price=20)
    trade.buy(datamarket_buyer, datamarket_proxy)
    trade.deliver(datamarket_buyer, datamarket_proxy)
    tx = datamarket.confirm(trade.id(datamarket_buyer), sender=datamarket_buyer)
    assert model.fee(20, ODD_FEE_BPS) == 1
    assert (
        datamarket.unclaimed(NATIVE, datamarket_proxy),
        datamarket.unclaimed(NATIVE, datamarket_seller),
    ) == (1, 19)
    [settled] = tx.decode_logs(datamarket.Settled)
    assert (settled.seller_amount, settled.fee) == (19, 1)


def test_buy__proxy_staked_exactly_the_minimum_of_one_wei__named_an_unstaked_account_refused(
    datamarket, datamarket_list, datamarket_cpc, owner, datamarket_buyer, datamarket_seller, accounts
):
    """With a minimum stake of 1 wei, a proxy that staked 1 wei may be named; an account that never
    staked may not."""
    datamarket.set_min_proxy_stake(1, sender=owner)
    small, unstaked = accounts[8], accounts[9]
    datamarket_cpc.transfer(small, 1, sender=datamarket_seller)
    datamarket_cpc.approve(datamarket, 1, sender=small)
    datamarket.stake_proxy(1, sender=small)
    trade = datamarket_list(price=TOKEN)
    trade.buy(datamarket_buyer, small)
    assert datamarket.proxy(small).open_purchases == 1
    with ape.reverts("data_market: proxy not registered"):
        datamarket_list(price=TOKEN).buy(datamarket_buyer, unstaked)


def test_deliver__ephemeral_x_of_one__a_curve_point_accepted(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy
):
    """x = 1 is the x of a point of secp256k1 (1 + 7 is a square mod p): an ephemeral key there is
    accepted like any other point."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    datamarket.deliver(trade.id(datamarket_buyer), b"\1" * 32, 1, 0, sender=datamarket_proxy)
    assert trade.purchase(datamarket_buyer).state == model.STATE_DELIVERED


def test_shared_address__scalar_making_s_one__the_points_address(datamarket):
    """With secret = Gx^-1 mod n the recovery's s is 1: still a valid product, the address of that
    secret's key."""
    inverse = pow(GX, -1, model.N)
    assert datamarket.shared_address(inverse, GX, 0) == model.key_address(inverse)


def test_list_item__price_and_deposit_of_exactly_96_bits__accepted_and_read_back(
    datamarket, datamarket_usdt, datamarket_seller
):
    """A listing priced at 2**96 - 1 with a deposit of 2**96 - 1 (the largest packed amounts) is
    accepted: its price reads back from the terms word's top bits, the whole deposit is pulled.
    (2**96 is refused: test_list_item__amount_above_96_bits__reverts.)"""
    datamarket_usdt.faucet(datamarket_seller, MAX_AMOUNT, sender=datamarket_seller)
    before = datamarket_usdt.balanceOf(datamarket)
    tx = datamarket.list_item(
        datamarket_usdt, MAX_AMOUNT, MAX_AMOUNT, DESCRIPTION, model.commitment(KEY), sender=datamarket_seller
    )
    listing = datamarket.listing(tx.return_value)
    assert (listing.asset, listing.price) == (datamarket_usdt.address, MAX_AMOUNT)
    assert listing.deposit == MAX_AMOUNT
    assert datamarket_usdt.balanceOf(datamarket) - before == MAX_AMOUNT


def test_set_price__price_of_exactly_96_bits__accepted_and_one_more_refused(
    datamarket, datamarket_list, datamarket_usdt, datamarket_seller
):
    """A seller whose deposit covers it may raise the price to 2**96 - 1, read back whole; 2**96 is
    refused as too large (the deposit would cover it too: the bound is the field's)."""
    datamarket_usdt.faucet(datamarket_seller, MAX_AMOUNT, sender=datamarket_seller)
    trade = datamarket_list(datamarket_usdt, price=TOKEN, deposit=MAX_AMOUNT)
    datamarket.set_price(trade.listing, MAX_AMOUNT, sender=datamarket_seller)
    assert (trade.state.asset, trade.state.price) == (datamarket_usdt.address, MAX_AMOUNT)
    with ape.reverts("data_market: amount too large"):
        datamarket.set_price(trade.listing, MAX_AMOUNT + 1, sender=datamarket_seller)


def test_stake_proxy__stake_reaching_exactly_96_bits__accepted_read_back_and_one_more_refused(
    datamarket_open_cpc_market, datamarket_open_cpc, accounts
):
    """With a stake token that can supply it, a proxy's stake may grow to 2**96 - 1 exactly (top-up
    included): the record reads it back whole beside its open-purchase counter, the proxy can be
    named, the market holds it all; one more unit is refused as too large."""
    market, cpc, proxy = datamarket_open_cpc_market, datamarket_open_cpc, accounts[8]
    cpc.faucet(proxy, MAX_AMOUNT + 1, sender=proxy)
    cpc.approve(market, MAX_AMOUNT + 1, sender=proxy)
    market.stake_proxy(MIN_STAKE, sender=proxy)
    tx = market.stake_proxy(MAX_AMOUNT - MIN_STAKE, sender=proxy)
    [staked] = tx.decode_logs(market.ProxyStaked)
    assert staked.stake == MAX_AMOUNT
    record = market.proxy(proxy)
    assert (record.stake, record.open_purchases) == (MAX_AMOUNT, 0)
    assert market.is_proxy(proxy)
    assert cpc.balanceOf(market) == MAX_AMOUNT
    with ape.reverts("data_market: amount too large"):
        market.stake_proxy(1, sender=proxy)


def test_buy__listings_one_and_two__purchases_read_back_their_listing_and_proxy(
    datamarket, datamarket_list, datamarket_seller, datamarket_buyer, datamarket_proxy
):
    """The purchase route word packs the proxy (bits 0-159) under the listing id (from bit 160): an
    odd id (bit 0 set, beside the proxy's top bit) and an even one each read back unchanged, and the
    confirmed purchase of listing 2 counts a sale of listing 2, none of listing 1."""
    first, second = datamarket_list(), datamarket_list()
    assert (first.listing, second.listing) == (1, 2)
    for trade in (first, second):
        trade.buy(datamarket_buyer, datamarket_proxy)
        purchase = trade.purchase(datamarket_buyer)
        assert (purchase.listing, purchase.proxy) == (trade.listing, datamarket_proxy.address)
    second.deliver(datamarket_buyer, datamarket_proxy)
    datamarket.confirm(second.id(datamarket_buyer), sender=datamarket_buyer)
    assert (second.state.sales, second.state.open_purchases) == (1, 0)
    assert (first.state.sales, first.state.open_purchases) == (0, 1)
    assert datamarket.unclaimed(NATIVE, datamarket_seller) == TOKEN - model.fee(TOKEN, FEE_BPS)


def test_is_proxy__stake_of_one_wei_or_none__named_only_with_a_stake(
    datamarket, datamarket_list, datamarket_cpc, owner, datamarket_seller, datamarket_buyer, accounts
):
    """At a minimum of 1 wei a proxy that staked exactly 1 wei is a proxy; at a minimum of 0 an
    account that never staked is still not one (a stake is needed whatever the minimum)."""
    small, unstaked = accounts[8], accounts[9]
    datamarket.set_min_proxy_stake(1, sender=owner)
    datamarket_cpc.transfer(small, 1, sender=datamarket_seller)
    datamarket_cpc.approve(datamarket, 1, sender=small)
    datamarket.stake_proxy(1, sender=small)
    assert datamarket.is_proxy(small)
    datamarket.set_min_proxy_stake(0, sender=owner)
    assert datamarket.is_proxy(small)
    assert not datamarket.is_proxy(unstaked)
    with ape.reverts("data_market: proxy not registered"):
        datamarket_list().buy(datamarket_buyer, unstaked)


def test_list_item__token_deposit_of_one_unit__pulled(
    datamarket, datamarket_list, datamarket_usdt, datamarket_seller
):
    """A token listing priced 1 unit takes a deposit of 1 unit (half the price, rounded up): that one
    unit moves from the seller to the market, as the deposit the listing records."""
    seller_before = datamarket_usdt.balanceOf(datamarket_seller)
    market_before = datamarket_usdt.balanceOf(datamarket)
    trade = datamarket_list(datamarket_usdt, price=1)
    assert trade.deposit == 1 == trade.state.deposit
    assert datamarket_usdt.balanceOf(datamarket) - market_before == 1
    assert seller_before - datamarket_usdt.balanceOf(datamarket_seller) == 1


def test_dispute__one_time_secret_of_one__accepted_and_zero_refused(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy
):
    """The secret's range is 1 .. n-1: a secret of 0 is refused as out of range; a buyer whose one-time
    key is 1*G (secret 1) wins its dispute of a wrong key (refunded, the deposit slashed to it)."""
    trade = datamarket_list()
    trade.buyers[datamarket_buyer.address] = model.Buyer(1)
    trade.buy(datamarket_buyer, datamarket_proxy)
    assert trade.purchase(datamarket_buyer).buyer_key == model.key_address(1)
    trade.deliver(datamarket_buyer, datamarket_proxy, key=WRONG_KEY)
    with ape.reverts("data_market: secret out of range"):
        trade.dispute(datamarket_buyer, secret=0)
    tx = trade.dispute(datamarket_buyer, secret=1)
    [slashed] = tx.decode_logs(datamarket.Slashed)
    assert (slashed.key, slashed.amount) == (WRONG_KEY, trade.deposit)
    assert trade.purchase(datamarket_buyer).state == model.STATE_REFUNDED
    assert datamarket.unclaimed(NATIVE, datamarket_buyer) == TOKEN + trade.deposit

"""DataMarket's packed words read back where a field's neighbour has its edge bit set, a fee of one
wei credited, and a proxy staked exactly the minimum (the survivors of mutation testing,
docs/assurance.md)."""

import ape

from fivefold.datamarket import model

from .conftest import DELIVERY_WINDOW, MIN_STAKE, NATIVE, TOKEN

GX = 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798  # secp256k1 G's x
ODD_FEE_BPS = 501  # the fee field's lowest bit set, beside the deadline's top bit


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

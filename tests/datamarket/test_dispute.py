"""DataMarket.dispute: the contract decrypts the delivered key with the buyer's revealed one-time
secret and compares it with the seller's commitment."""

import ape

from fivefold.datamarket import model

from .conftest import DISPUTE_WINDOW, NATIVE, TOKEN

WRONG_KEY = b"\x13" * 32


def test_dispute__wrong_key__refunds_buyer_and_slashes_seller(
    datamarket, datamarket_list, datamarket_seller, datamarket_buyer, datamarket_proxy
):
    """A key that does not match: the buyer is credited price + deposit, the listing is slashed, the
    proxy loses a dispute; the seller gets nothing and can withdraw no deposit."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    trade.deliver(datamarket_buyer, datamarket_proxy, key=WRONG_KEY)
    tx = trade.dispute(datamarket_buyer)
    [slashed] = tx.decode_logs(datamarket.Slashed)
    assert (slashed.key, slashed.amount) == (WRONG_KEY, trade.deposit)
    [refunded] = tx.decode_logs(datamarket.Refunded)  # the price; the deposit is the Slashed event's
    assert (refunded.amount, refunded.reason) == (TOKEN, model.REASON_WRONG_KEY)
    assert datamarket.unclaimed(NATIVE, datamarket_buyer) == TOKEN + trade.deposit
    listing = trade.state
    assert (listing.status, listing.deposit, listing.open_purchases) == (model.LISTING_SLASHED, 0, 0)
    record = datamarket.proxy(datamarket_proxy)
    assert (record.deliveries, record.disputes_lost, record.open_purchases) == (1, 1, 0)
    assert datamarket.pr_score(datamarket_proxy) == 0
    assert trade.purchase(datamarket_buyer).state == model.STATE_REFUNDED
    with ape.reverts("data_market: no deposit"):
        datamarket.withdraw_deposit(trade.listing, sender=datamarket_seller)


def test_dispute__right_key__reverts(datamarket_list, datamarket_buyer, datamarket_proxy):
    """A buyer who got the committed key cannot get its money back."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    trade.deliver(datamarket_buyer, datamarket_proxy)
    with ape.reverts("data_market: key matches the commitment"):
        trade.dispute(datamarket_buyer)


def test_dispute__forged_inputs__revert(datamarket_list, datamarket_buyer, datamarket_proxy):
    """Another secret than the one-time key's, another ciphertext than the posted one, a secret out of
    range: each refused before any decryption."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    trade.deliver(datamarket_buyer, datamarket_proxy)
    c, x, parity = trade.deliveries[datamarket_buyer.address]
    with ape.reverts("data_market: secret is not the buyer key's"):
        trade.dispute(datamarket_buyer, secret=model.new_secret())
    with ape.reverts("data_market: not the posted delivery"):
        trade.dispute(datamarket_buyer, delivery=(WRONG_KEY, x, parity))
    with ape.reverts("data_market: secret out of range"):
        trade.dispute(datamarket_buyer, secret=model.N)


def test_dispute__after_window_or_not_buyer__reverts(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, non_owner, chain
):
    """Only the buyer disputes, only before the window's end, only a delivered purchase."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    pid = trade.id(datamarket_buyer)
    with ape.reverts("data_market: purchase not delivered"):
        datamarket.dispute(pid, 1, b"\0" * 32, 1, 0, sender=datamarket_buyer)
    trade.deliver(datamarket_buyer, datamarket_proxy, key=WRONG_KEY)
    c, x, parity = trade.deliveries[datamarket_buyer.address]
    with ape.reverts("data_market: caller is not the buyer"):
        datamarket.dispute(pid, 1, c, x, parity, sender=non_owner)
    chain.pending_timestamp += DISPUTE_WINDOW
    with ape.reverts("data_market: dispute window over"):
        trade.dispute(datamarket_buyer)


def test_shared_address__random_secrets__matches_model(datamarket):
    """The contract's ecrecover multiplication agrees with the off-chain ECDH of the model."""
    d, e = model.new_secret(), model.new_secret()
    x, parity = model.point(e)
    assert datamarket.shared_address(d, x, parity) == model._shared(d, model.public_key(e))
    assert datamarket.shared_address(
        d, 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798, 0
    ) == model.key_address(d)
    assert datamarket.shared_address(d, 5, 0) == model.NATIVE

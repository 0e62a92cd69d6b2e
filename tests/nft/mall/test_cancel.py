"""`cancel` (one order) and `increment_nonce` (every order signed so far)."""

import ape

from .conftest import PRICE


def test_cancel__seller__order_refused(mall, nft, sign, seller, buyer):
    order, signature = sign(seller, collection=nft)
    mall.cancel(order, sender=seller)
    assert mall.order_status(mall.order_hash(order)) == 2
    with ape.reverts("nft_mall: order cancelled"):
        mall.buy(order, signature, value=PRICE, sender=buyer)


def test_cancel__not_seller__reverts(mall, nft, sign, seller, buyer):
    order, _ = sign(seller, collection=nft)
    with ape.reverts("nft_mall: caller is not the seller"):
        mall.cancel(order, sender=buyer)


def test_cancel__filled_order__reverts(mall, nft, sign, seller, buyer):
    order, signature = sign(seller, collection=nft)
    mall.buy(order, signature, value=PRICE, sender=buyer)
    with ape.reverts("nft_mall: order not open"):
        mall.cancel(order, sender=seller)


def test_increment_nonce__old_orders__refused(mall, nft, sign, seller, buyer):
    """Every order signed with the previous nonce is dead; one signed with the new nonce works."""
    old, old_signature = sign(seller, collection=nft)
    assert mall.increment_nonce(sender=seller).return_value == 1
    with ape.reverts("nft_mall: stale nonce"):
        mall.buy(old, old_signature, value=PRICE, sender=buyer)
    new, new_signature = sign(seller, collection=nft)
    mall.buy(new, new_signature, value=PRICE, sender=buyer)
    assert nft.ownerOf(1) == buyer

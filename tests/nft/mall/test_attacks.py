"""Attacks on the mall that must fail: replayed, cancelled and stale orders, signatures for another
chain or contract, a changed price, a bidder that cannot be paid, reentrancy from an ERC-721 receiver,
and a royalty receiver asking for more than the cap."""

import ape

from .conftest import PRICE

HOUR = 3_600
ZERO = "0x0000000000000000000000000000000000000000"


def test_attack__replay_filled_order__reverts(mall, nft, sign, seller, buyer, deployer):
    """The seller buys its NFT back and approves again: the old order cannot sell it a second time."""
    order, signature = sign(seller, collection=nft)
    mall.buy(order, signature, value=PRICE, sender=buyer)
    nft.transferFrom(buyer, seller, 1, sender=buyer)
    with ape.reverts("nft_mall: order filled"):
        mall.buy(order, signature, value=PRICE, sender=buyer)


def test_attack__replay_with_compact_signature__reverts(mall, nft, sign, seller, buyer):
    """The same order with its signature in EIP-2098 form is still the same (filled) order: status is
    kept per order digest, never per signature bytes."""
    order, signature = sign(seller, collection=nft)
    mall.buy(order, signature, value=PRICE, sender=buyer)
    nft.transferFrom(buyer, seller, 1, sender=buyer)
    r, s, v = signature[:32], signature[32:64], signature[64]
    compact = r + (int.from_bytes(s, "big") | ((v - 27) << 255)).to_bytes(32, "big")
    with ape.reverts("nft_mall: order filled"):
        mall.buy(order, compact, value=PRICE, sender=buyer)


def test_attack__cancelled_order__reverts(mall, nft, sign, seller, buyer):
    order, signature = sign(seller, collection=nft)
    mall.cancel(order, sender=seller)
    with ape.reverts("nft_mall: order cancelled"):
        mall.buy(order, signature, value=PRICE, sender=buyer)


def test_attack__old_nonce__reverts(mall, nft, sign, seller, buyer):
    """An order signed before `increment_nonce`, even one carrying the new nonce afterwards, fails."""
    order, signature = sign(seller, collection=nft)
    mall.increment_nonce(sender=seller)
    with ape.reverts("nft_mall: stale nonce"):
        mall.buy(order, signature, value=PRICE, sender=buyer)
    forged = order[:7] + (1,) + order[8:]
    with ape.reverts("nft_mall: bad signature"):
        mall.buy(forged, signature, value=PRICE, sender=buyer)


def test_attack__signature_for_other_chain__reverts(mall, nft, sign, seller, buyer, chain):
    order, signature = sign(seller, collection=nft, chain_id=chain.chain_id + 1)
    with ape.reverts("nft_mall: bad signature"):
        mall.buy(order, signature, value=PRICE, sender=buyer)


def test_attack__signature_for_other_mall__reverts(
    project, mall, nft, sign, seller, buyer, owner, treasury, deployer
):
    """An order signed for another mall (same name and version) is worthless here."""
    other = project.NftMall.deploy(owner, treasury, "CloudChat NFT Mall", "1", sender=deployer)
    order, signature = sign(seller, collection=nft, target=other)
    with ape.reverts("nft_mall: bad signature"):
        mall.buy(order, signature, value=PRICE, sender=buyer)


def test_attack__front_run_price_change__old_signature_rejects_new_price(mall, nft, sign, seller, buyer):
    """The seller re-signs at twice the price and cancels the old order: a buyer cannot pair the
    old price with the new signature (or the reverse), since the digest covers the price."""
    cheap, cheap_signature = sign(seller, collection=nft, salt=1)
    dear, dear_signature = sign(seller, collection=nft, price=2 * PRICE, salt=2)
    mall.cancel(cheap, sender=seller)
    mixed = dear[:6] + (PRICE,) + dear[7:]
    with ape.reverts("nft_mall: bad signature"):
        mall.buy(mixed, dear_signature, value=PRICE, sender=buyer)
    with ape.reverts("nft_mall: order cancelled"):
        mall.buy(cheap, cheap_signature, value=PRICE, sender=buyer)
    mall.buy(dear, dear_signature, value=2 * PRICE, sender=buyer)
    assert nft.ownerOf(1) == buyer


def test_attack__bidder_refusing_refund__cannot_block_outbid(
    project, mall, nft, seller, rival, deployer, stranger
):
    """A bidder contract whose receive() reverts is outbid anyway: its refund is a credit (pull)."""
    id_ = mall.list_auction(nft, 1, 1, False, ZERO, PRICE, HOUR, sender=seller).return_value
    blocker = project.MallActor.deploy(stranger, sender=deployer)
    blocker.execute(mall, mall.bid.encode_input(id_, PRICE), PRICE, value=PRICE, sender=deployer)
    blocker.set_switches(True, False, ZERO, b"", sender=deployer)
    outbid = mall.min_bid(id_)
    mall.bid(id_, outbid, value=outbid, sender=rival)
    assert mall.auction(id_).top_bidder == rival
    assert mall.pending(blocker, ZERO) == PRICE


def test_attack__reentrancy_from_erc721_receiver__blocked(
    project, mall, nft, sign, seller, deployer, stranger
):
    """A buyer contract re-enters `buy` with the same order from its onERC721Received hook: the inner
    call fails (the lock is held, and the order is already marked filled before the NFT moves), the
    NFT is sold once and the seller paid once."""
    order, signature = sign(seller, collection=nft)
    attacker = project.MallActor.deploy(stranger, sender=deployer)
    inner = mall.buy.encode_input(order, signature)
    attacker.set_switches(False, False, mall, inner, sender=deployer)
    before = seller.balance
    attacker.execute(mall, inner, PRICE, value=2 * PRICE, sender=deployer)
    assert attacker.hooks_run() == 1 and not attacker.reentry_succeeded()
    assert nft.ownerOf(1) == attacker
    assert seller.balance - before == PRICE * 95 // 100 and mall.balance == 0


def test_attack__reentrancy_into_withdraw_from_erc1155_hook__blocked(
    project, mall, multi, seller, deployer, stranger, chain
):
    """A winning bidder contract, outbid once before (so it has a credit), re-enters `withdraw` from its
    ERC-1155 hook during settlement: the lock refuses it (without the lock that withdraw would succeed),
    so the credit stays for a later plain withdraw."""
    id_ = mall.list_auction(multi, 7, 1, True, ZERO, 1, HOUR, sender=seller).return_value
    attacker = project.MallActor.deploy(stranger, sender=deployer)
    attacker.execute(mall, mall.bid.encode_input(id_, 100), 100, value=100, sender=deployer)
    attacker.execute(mall, mall.bid.encode_input(id_, 200), 200, value=200, sender=deployer)
    attacker.set_switches(False, False, mall, mall.withdraw.encode_input(ZERO), sender=deployer)
    chain.pending_timestamp = mall.auction(id_).end
    mall.settle(id_, sender=stranger)
    assert multi.balanceOf(attacker, 7) == 1 and not attacker.reentry_succeeded()
    assert mall.pending(attacker, ZERO) == 100 and mall.balance == 300


def test_attack__royalty_above_cap__cut_to_ten_percent(
    mall, nft, sign, seller, buyer, royalty_receiver, deployer
):
    """A collection whose royaltyInfo asks for 150% of the price gets 10%; the seller the rest."""
    nft.set_royalty(royalty_receiver, 15_000, sender=deployer)
    assert mall.royalty(nft, 1, PRICE) == (royalty_receiver, PRICE // 10)
    order, signature = sign(seller, collection=nft)
    receiver_before, seller_before = royalty_receiver.balance, seller.balance
    mall.buy(order, signature, value=PRICE, sender=buyer)
    assert royalty_receiver.balance - receiver_before == PRICE // 10
    assert seller.balance - seller_before == PRICE - PRICE // 10


def test_attack__royalty_receiver_refusing__sale_goes_through(
    project, mall, nft, sign, seller, buyer, deployer, stranger
):
    """A royalty receiver that reverts on payment cannot block the collection's sales: it is credited."""
    receiver = project.MallActor.deploy(stranger, sender=deployer)
    receiver.set_switches(True, False, ZERO, b"", sender=deployer)
    nft.set_royalty(receiver, 500, sender=deployer)
    order, signature = sign(seller, collection=nft)
    mall.buy(order, signature, value=PRICE, sender=buyer)
    assert nft.ownerOf(1) == buyer and mall.pending(receiver, ZERO) == PRICE // 20


def test_attack__collection_without_royalty__nothing_paid(project, mall, sign, seller, buyer, deployer):
    """A collection without ERC-2981 (snekmate's erc721) pays no royalty."""
    plain = project.MockCollection.deploy(sender=deployer)
    plain.mint(seller, 1, sender=deployer)
    plain.setApprovalForAll(mall, True, sender=seller)
    assert mall.royalty(plain, 1, PRICE) == (ZERO, 0)
    order, signature = sign(seller, collection=plain)
    before = seller.balance
    mall.buy(order, signature, value=PRICE, sender=buyer)
    assert seller.balance - before == PRICE


def test_attack__order_sold_with_tampered_seller__reverts(mall, nft, sign, seller, buyer, stranger):
    """A signature of one account cannot sell another account's NFT."""
    order, signature = sign(stranger, collection=nft, seller=seller.address)
    with ape.reverts("nft_mall: bad signature"):
        mall.buy(order, signature, value=PRICE, sender=buyer)


def test_attack__fee_on_transfer_token__reverts(project, mall, nft, sign, seller, buyer, deployer):
    """A token that delivers less than asked is refused: the split is of what arrived, exactly."""
    token = project.MockQuirkyToken.deploy(1, sender=deployer)
    token.mint(buyer, 10**6, sender=deployer)
    token.approve(mall, 10**6, sender=buyer)
    order, signature = sign(seller, collection=nft, price=10**6, asset=token.address)
    with ape.reverts("nft_mall: token took a fee"):
        mall.buy(order, signature, sender=buyer)

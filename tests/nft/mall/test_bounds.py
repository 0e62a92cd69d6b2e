"""NftMall at its limits: the shortest and longest auction, a bid with exactly the extension left, a
reserve of 0, an order bought in its expiry second, and fees of one wei at an odd rate credited to
the wei (the survivors of mutation testing, docs/assurance.md)."""

import ape

from .conftest import ROYALTY_BPS

ZERO = "0x0000000000000000000000000000000000000000"
EXTENSION = 15 * 60
ODD_FEE_BPS = 199  # the fee field's lowest bit set, next to the packed end time
BID = 100  # wei: a royalty of 5 and, at 1.99%, a fee of exactly 1


def test_list_auction__shortest_and_longest_duration__accepted(mall, nft, seller):
    """Fifteen minutes and thirty days are both accepted: the auction ends that long after listing."""
    for token_id, duration in ((1, EXTENSION), (2, 30 * 86_400)):
        receipt = mall.list_auction(nft, token_id, 1, False, ZERO, 1, duration, sender=seller)
        assert mall.auction(receipt.return_value).end == receipt.timestamp + duration


def test_bid__exactly_the_extension_left__end_kept(mall, nft, seller, bidder, chain):
    """Only a bid with less than fifteen minutes left moves the end; at exactly fifteen it stays."""
    id_ = mall.list_auction(nft, 1, 1, False, ZERO, 1, 3_600, sender=seller).return_value
    end = mall.auction(id_).end
    chain.pending_timestamp = end - EXTENSION
    mall.bid(id_, 1, value=1, sender=bidder)
    assert mall.auction(id_).end == end


def test_bid__reserve_zero__one_wei_is_the_least_bid(mall, nft, seller, bidder):
    """A reserve of 0 still asks for a first bid of at least 1 wei."""
    id_ = mall.list_auction(nft, 1, 1, False, ZERO, 0, 3_600, sender=seller).return_value
    with ape.reverts("nft_mall: bid too low"):
        mall.bid(id_, 0, value=0, sender=bidder)
    mall.bid(id_, 1, value=1, sender=bidder)
    assert mall.auction(id_).top_bid == 1


def test_settle__odd_fee_rate_of_one_wei__every_credit_exact(
    mall, nft, owner, seller, bidder, royalty_receiver, treasury, stranger, chain
):
    """At 1.99% a 100-wei bid pays a fee of 1 wei: the treasury is credited it, the royalty receiver
    its 5 wei and the seller the other 94; the listing's odd fee rate and its end read back."""
    mall.set_fee_bps(ODD_FEE_BPS, sender=owner)
    receipt = mall.list_auction(nft, 1, 1, False, ZERO, BID, 3_600, sender=seller)
    id_ = receipt.return_value
    listed = mall.auction(id_)
    assert (listed.fee_bps, listed.end) == (ODD_FEE_BPS, receipt.timestamp + 3_600)
    mall.bid(id_, BID, value=BID, sender=bidder)
    chain.pending_timestamp = listed.end
    settled = mall.settle(id_, sender=stranger)
    royalty, fee = BID * ROYALTY_BPS // 10_000, BID * ODD_FEE_BPS // 10_000
    assert (royalty, fee) == (5, 1)
    credits = [mall.pending(a, ZERO) for a in (seller, royalty_receiver, treasury)]
    assert credits == [BID - royalty - fee, royalty, fee]
    [event] = settled.decode_logs(mall.AuctionSettled)
    assert (event.price, event.royalty, event.fee) == (BID, royalty, fee)


def test_settle__no_bids__logs_no_price_royalty_or_fee(mall, nft, seller, stranger, chain):
    id_ = mall.list_auction(nft, 1, 1, False, ZERO, 1, 3_600, sender=seller).return_value
    chain.pending_timestamp = mall.auction(id_).end
    [event] = mall.settle(id_, sender=stranger).decode_logs(mall.AuctionSettled)
    assert (event.winner, event.price, event.royalty, event.fee) == (ZERO, 0, 0, 0)


def test_buy__in_the_expiry_second_with_a_one_wei_fee__filled_and_credited(
    mall, nft, sign, owner, seller, buyer, treasury, chain
):
    """An order is good through its expiry second; its fee of 1 wei is credited to the treasury."""
    mall.set_fee_bps(ODD_FEE_BPS, sender=owner)
    expiry = chain.pending_timestamp + 100
    order, signature = sign(seller, collection=nft, price=BID, expiry=expiry)
    chain.pending_timestamp = expiry
    mall.buy(order, signature, value=BID, sender=buyer)
    assert nft.ownerOf(1) == buyer
    assert mall.pending(treasury, ZERO) == 1


def test_settle__royalty_of_one_wei__credited(mall, nft, seller, bidder, royalty_receiver, stranger, chain):
    """5% of a 20-wei bid is a royalty of 1 wei: read from the collection and credited."""
    id_ = mall.list_auction(nft, 1, 1, False, ZERO, 20, 3_600, sender=seller).return_value
    mall.bid(id_, 20, value=20, sender=bidder)
    chain.pending_timestamp = mall.auction(id_).end
    mall.settle(id_, sender=stranger)
    assert (mall.pending(royalty_receiver, ZERO), mall.pending(seller, ZERO)) == (1, 19)


def test_settle__royalty_to_the_zero_address__ignored(mall, nft, deployer, seller, bidder, stranger, chain):
    """A collection naming no royalty receiver (the zero address) gets nothing: the seller keeps it."""
    nft.set_royalty(ZERO, ROYALTY_BPS, sender=deployer)
    id_ = mall.list_auction(nft, 1, 1, False, ZERO, BID, 3_600, sender=seller).return_value
    mall.bid(id_, BID, value=BID, sender=bidder)
    chain.pending_timestamp = mall.auction(id_).end
    [event] = mall.settle(id_, sender=stranger).decode_logs(mall.AuctionSettled)
    assert (event.royalty, mall.pending(ZERO, ZERO), mall.pending(seller, ZERO)) == (0, 0, BID)


def test_list_auction__largest_erc1155_amount__accepted(mall, multi, deployer, seller):
    """2**96 - 1 units of one ERC-1155 id may be auctioned at once."""
    multi.mint(seller, 8, 2**96 - 1, sender=deployer)
    id_ = mall.list_auction(multi, 8, 2**96 - 1, True, ZERO, 1, 3_600, sender=seller).return_value
    assert mall.auction(id_).amount == 2**96 - 1 == multi.balanceOf(mall, 8)


def test_settle__royalty_receiver_at_the_largest_address__credited(
    mall, nft, deployer, seller, bidder, stranger, chain
):
    """0xff...ff is an address like any other: a royalty named to it is credited to it."""
    top = "0x" + "ff" * 20
    nft.set_royalty(top, ROYALTY_BPS, sender=deployer)
    id_ = mall.list_auction(nft, 1, 1, False, ZERO, BID, 3_600, sender=seller).return_value
    mall.bid(id_, BID, value=BID, sender=bidder)
    chain.pending_timestamp = mall.auction(id_).end
    mall.settle(id_, sender=stranger)
    assert (mall.pending(top, ZERO), mall.pending(seller, ZERO)) == (5, BID - 5)

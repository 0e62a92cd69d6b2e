"""Auctions: `list_auction` (escrow), `bid` (reserve, +5%, 15-minute extension), `settle` (anyone, after
the end), `cancel_auction` (before any bid), `claim_nft` (an NFT its winner's hook refused) and the
phase views."""

import ape
import pytest

from fivefold.nft import model_mall

from .conftest import PRICE, ROYALTY_BPS

HOUR = 3_600
ZERO = "0x0000000000000000000000000000000000000000"


@pytest.fixture
def auction(mall, nft, seller):
    """Token 1, native coin, reserve PRICE, one hour; returns its id."""
    return mall.list_auction(nft, 1, 1, False, ZERO, PRICE, HOUR, sender=seller).return_value


def test_list_auction__erc721__escrowed_and_live(mall, nft, auction, seller):
    a = mall.auction(auction)
    assert nft.ownerOf(1) == mall
    assert (a.seller, a.reserve, a.top_bidder, mall.auction_phase(auction)) == (seller, PRICE, ZERO, 1)
    assert mall.auction_count() == auction == 1


def test_list_auction__erc1155__amount_escrowed(mall, multi, seller):
    mall.list_auction(multi, 7, 3, True, ZERO, 1, HOUR, sender=seller)
    assert (multi.balanceOf(mall, 7), multi.balanceOf(seller, 7)) == (3, 7)


@pytest.mark.parametrize("duration", [15 * 60 - 1, 30 * 86_400 + 1])
def test_list_auction__duration_out_of_bounds__reverts(mall, nft, seller, duration):
    with ape.reverts("nft_mall: bad duration"):
        mall.list_auction(nft, 1, 1, False, ZERO, PRICE, duration, sender=seller)


def test_list_auction__zero_amount__reverts(mall, multi, seller):
    with ape.reverts("nft_mall: zero amount"):
        mall.list_auction(multi, 7, 0, True, ZERO, PRICE, HOUR, sender=seller)


def test_list_auction__erc721_amount_two__reverts(mall, nft, seller):
    with ape.reverts("nft_mall: erc721 amount is not one"):
        mall.list_auction(nft, 1, 2, False, ZERO, PRICE, HOUR, sender=seller)


def test_list_auction__amount_above_96_bits__reverts(mall, multi, seller):
    with ape.reverts("nft_mall: amount too large"):
        mall.list_auction(multi, 7, 2**96, True, ZERO, PRICE, HOUR, sender=seller)


def test_list_auction__reserve_above_96_bits__reverts(mall, nft, seller):
    with ape.reverts("nft_mall: reserve too large"):
        mall.list_auction(nft, 1, 1, False, ZERO, 2**96, HOUR, sender=seller)


def test_list_auction__token_id_zero_and_largest__stored(project, mall, deployer, seller):
    """Token ids 0 and 2**256 - 1 round-trip through the auction words."""
    collection = project.MallRoyalty721.deploy(sender=deployer)
    for token_id in (0, 2**256 - 1):
        collection.mint(seller, token_id, sender=deployer)
    collection.setApprovalForAll(mall, True, sender=seller)
    first = mall.list_auction(collection, 0, 1, False, ZERO, 2**96 - 1, HOUR, sender=seller).return_value
    last = mall.list_auction(collection, 2**256 - 1, 1, False, ZERO, 0, HOUR, sender=seller).return_value
    assert (mall.auction(first).token_id, mall.auction(first).reserve) == (0, 2**96 - 1)
    assert (mall.auction(last).token_id, mall.auction(last).collection) == (2**256 - 1, collection)


def test_bid__below_reserve__reverts(mall, auction, bidder):
    with ape.reverts("nft_mall: bid too low"):
        mall.bid(auction, PRICE - 1, value=PRICE - 1, sender=bidder)


def test_bid__five_percent_rounded_up__exact_minimum_accepted(mall, auction, bidder, rival):
    """After a bid of PRICE + 1 the minimum is the bid plus ceil(5%); one wei less is refused."""
    first = PRICE + 1
    mall.bid(auction, first, value=first, sender=bidder)
    minimum = model_mall.min_bid(PRICE, first, True)
    assert mall.min_bid(auction) == minimum == first + (first * 500 + 9_999) // 10_000
    with ape.reverts("nft_mall: bid too low"):
        mall.bid(auction, minimum - 1, value=minimum - 1, sender=rival)
    mall.bid(auction, minimum, value=minimum, sender=rival)
    assert mall.pending(bidder, ZERO) == first
    assert mall.balance == first + minimum


def test_bid__seller__reverts(mall, auction, seller):
    with ape.reverts("nft_mall: seller cannot bid"):
        mall.bid(auction, PRICE, value=PRICE, sender=seller)


def test_bid__value_differs__reverts(mall, auction, bidder):
    with ape.reverts("nft_mall: value differs from price"):
        mall.bid(auction, PRICE, value=PRICE + 1, sender=bidder)


def test_bid__last_fifteen_minutes__end_moves(mall, auction, bidder, chain):
    """A bid 10 minutes before the end moves the end to 15 minutes after the bid."""
    end = mall.auction(auction).end
    chain.pending_timestamp = end - 600
    receipt = mall.bid(auction, PRICE, value=PRICE, sender=bidder)
    assert (
        mall.auction(auction).end
        == receipt.timestamp + 900
        == model_mall.end_after_bid(end, receipt.timestamp)
    )


def test_bid__early__end_kept(mall, auction, bidder):
    end = mall.auction(auction).end
    mall.bid(auction, PRICE, value=PRICE, sender=bidder)
    assert mall.auction(auction).end == end


def test_bid__after_end__reverts(mall, auction, bidder, chain):
    chain.pending_timestamp = mall.auction(auction).end
    with ape.reverts("nft_mall: auction not live"):
        mall.bid(auction, PRICE, value=PRICE, sender=bidder)


def test_bid__no_such_auction__reverts(mall, bidder):
    with ape.reverts("nft_mall: auction not live"):
        mall.bid(9, PRICE, value=PRICE, sender=bidder)


def test_bid__erc20__token_escrowed_and_refunded_by_credit(mall, nft, mall_usdt, seller, bidder, rival):
    id_ = mall.list_auction(nft, 2, 1, False, mall_usdt, 1_000, HOUR, sender=seller).return_value
    mall.bid(id_, 1_000, sender=bidder)
    mall.bid(id_, 1_050, sender=rival)
    assert (mall_usdt.balanceOf(mall), mall.pending(bidder, mall_usdt)) == (2_050, 1_000)


def test_settle__before_end__reverts(mall, auction, bidder):
    mall.bid(auction, PRICE, value=PRICE, sender=bidder)
    with ape.reverts("nft_mall: auction not ended"):
        mall.settle(auction, sender=bidder)


def test_settle__winner__nft_delivered_and_proceeds_credited(
    mall, nft, auction, bidder, seller, royalty_receiver, stranger, chain
):
    """Anyone settles; the winner gets the NFT, seller and royalty receiver are credited and withdraw."""
    mall.bid(auction, PRICE, value=PRICE, sender=bidder)
    chain.pending_timestamp = mall.auction(auction).end
    mall.settle(auction, sender=stranger)
    royalty, _, proceeds = model_mall.split(PRICE, PRICE * ROYALTY_BPS // 10_000, 0)
    assert nft.ownerOf(1) == bidder and mall.auction_phase(auction) == 3
    assert (mall.pending(seller, ZERO), mall.pending(royalty_receiver, ZERO)) == (proceeds, royalty)
    before = seller.balance
    receipt = mall.withdraw(ZERO, sender=seller)
    assert seller.balance - before == proceeds - receipt.total_fees_paid
    assert mall.balance == royalty


def test_settle__fee_of_listing__kept(mall, nft, owner, seller, bidder, treasury, chain):
    """An auction listed at 2% keeps 2% when governance raises the fee before settlement."""
    mall.set_fee_bps(200, sender=owner)
    id_ = mall.list_auction(nft, 3, 1, False, ZERO, PRICE, HOUR, sender=seller).return_value
    mall.set_fee_bps(1_000, sender=owner)
    mall.bid(id_, PRICE, value=PRICE, sender=bidder)
    chain.pending_timestamp = mall.auction(id_).end
    mall.settle(id_, sender=bidder)
    assert mall.pending(treasury, ZERO) == PRICE * 200 // 10_000


def test_settle__no_bids__nft_back_to_seller(mall, nft, auction, seller, stranger, chain):
    """No bid by the end (a reserve never met): the phase is "ended" until anyone settles, and the
    NFT goes back to the seller."""
    chain.mine(timestamp=mall.auction(auction).end)
    assert mall.auction_phase(auction) == 2
    mall.settle(auction, sender=stranger)
    assert nft.ownerOf(1) == seller and mall.auction_phase(auction) == 3


def test_settle__twice__reverts(mall, auction, stranger, chain):
    chain.pending_timestamp = mall.auction(auction).end
    mall.settle(auction, sender=stranger)
    with ape.reverts("nft_mall: auction not ended"):
        mall.settle(auction, sender=stranger)


def test_cancel_auction__no_bids__nft_back(mall, nft, auction, seller):
    mall.cancel_auction(auction, sender=seller)
    assert nft.ownerOf(1) == seller and mall.auction_phase(auction) == 3


def test_cancel_auction__has_bids__reverts(mall, auction, seller, bidder):
    mall.bid(auction, PRICE, value=PRICE, sender=bidder)
    with ape.reverts("nft_mall: auction has bids"):
        mall.cancel_auction(auction, sender=seller)


def test_cancel_auction__not_seller__reverts(mall, auction, bidder):
    with ape.reverts("nft_mall: caller is not the seller"):
        mall.cancel_auction(auction, sender=bidder)


def test_cancel_auction__ended__reverts(mall, auction, seller, chain):
    chain.pending_timestamp = mall.auction(auction).end
    with ape.reverts("nft_mall: auction not live"):
        mall.cancel_auction(auction, sender=seller)


def test_claim_nft__winner_hook_refused__winner_claims_to_other_address(
    project, mall, multi, seller, deployer, stranger, chain
):
    """An ERC-1155 winner whose hook reverts does not block settlement: the seller is credited, the
    NFT waits in the mall, and only the winner takes it, to an address it names."""
    id_ = mall.list_auction(multi, 7, 2, True, ZERO, 1, HOUR, sender=seller).return_value
    winner = project.MallActor.deploy(stranger, sender=deployer)
    winner.set_switches(False, True, ZERO, b"", sender=deployer)
    winner.execute(mall, mall.bid.encode_input(id_, PRICE), PRICE, value=PRICE, sender=deployer)
    chain.pending_timestamp = mall.auction(id_).end
    mall.settle(id_, sender=stranger)
    assert mall.auction(id_).undelivered and multi.balanceOf(mall, 7) == 2
    assert mall.pending(seller, ZERO) == PRICE
    with ape.reverts("nft_mall: caller is not the nft's owner"):
        mall.claim_nft(id_, stranger, sender=stranger)
    winner.execute(mall, mall.claim_nft.encode_input(id_, stranger), 0, sender=deployer)
    assert multi.balanceOf(stranger, 7) == 2 and not mall.auction(id_).undelivered


def test_claim_nft__delivered__reverts(mall, auction, seller, chain):
    chain.pending_timestamp = mall.auction(auction).end
    mall.settle(auction, sender=seller)
    with ape.reverts("nft_mall: nothing to claim"):
        mall.claim_nft(auction, seller, sender=seller)


def test_withdraw__nothing__reverts(mall, bidder):
    with ape.reverts("nft_mall: nothing to withdraw"):
        mall.withdraw(ZERO, sender=bidder)


def test_withdraw__outbid_erc20__refund_paid_once(mall, nft, mall_usdt, seller, bidder, rival):
    id_ = mall.list_auction(nft, 2, 1, False, mall_usdt, 1_000, HOUR, sender=seller).return_value
    mall.bid(id_, 1_000, sender=bidder)
    mall.bid(id_, 2_000, sender=rival)
    before = mall_usdt.balanceOf(bidder)
    assert mall.withdraw(mall_usdt, sender=bidder).return_value == 1_000
    assert mall_usdt.balanceOf(bidder) - before == 1_000 and mall.pending(bidder, mall_usdt) == 0


def test_on_erc1155_received__direct_transfer__refused(mall, multi, seller):
    """An ERC-1155 sent to the mall outside a listing is refused, so nothing gets stuck."""
    with ape.reverts("nft_mall: direct transfers refused"):
        multi.safeTransferFrom(seller, mall, 7, 1, b"", sender=seller)


def test_list_auction__paused__reverts_sales_and_bids_open(mall, nft, owner, seller, buyer, chain):
    """The guardian's pause stops new listings; a live auction still takes bids and settles."""
    auction = mall.list_auction(nft, 1, 1, False, ZERO, PRICE, HOUR, sender=seller).return_value
    mall.pause(sender=owner)
    with ape.reverts("pausable: new deposits and creations are paused"):
        mall.list_auction(nft, 2, 1, False, ZERO, PRICE, HOUR, sender=seller)
    mall.bid(auction, PRICE, value=PRICE, sender=buyer)
    chain.pending_timestamp += HOUR + 1
    mall.settle(auction, sender=buyer)
    assert nft.ownerOf(1) == buyer.address

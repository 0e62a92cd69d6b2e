"""NFT mall gas (see fivefold/gas.py): an auction listing, a signed-order purchase and a first bid.

The collection is MallRoyalty721 (contracts/mocks): a plain ERC-721 laid out as OpenZeppelin's (no
enumeration) with ERC-2981 royalties of 5% to an account that already holds coin; the platform fee is
0% (the SPEC's default). The seller holds three tokens and approved the mall for all of them.
"""

from fivefold.gas import Bench, operation
from fivefold.nft import orders

PRICE = 10**18
ROYALTY_BPS = 500
HOUR = 3_600


def _mall(b: Bench):
    """The mall and the collection: tokens 1-3 to user 0, approved to the mall, royalty to user 3."""
    mall = b.project.NftMall.deploy(b.owner, b.treasury, "CloudChat NFT Mall", "1", sender=b.deployer)
    nft = b.project.MallRoyalty721.deploy(sender=b.deployer)
    for token_id in (1, 2, 3):
        nft.mint(b.user(0), token_id, sender=b.deployer)
    nft.setApprovalForAll(mall, True, sender=b.user(0))
    nft.set_royalty(b.user(3), ROYALTY_BPS, sender=b.deployer)
    return mall, nft


def _auction(b: Bench):
    """The mall with token 1 auctioned in the native coin for an hour, reserve 1 coin (auction 1)."""
    mall, nft = _mall(b)
    mall.list_auction(nft, 1, 1, False, orders.NATIVE, PRICE, HOUR, sender=b.user(0))
    return mall, nft


@operation(
    "mall.list",
    "list_auction of an ERC-721 (native coin, reserve 1 coin, one hour) by a seller holding more "
    "tokens: the NFT escrowed with transferFrom, a new auction record; the mall has listed an "
    "auction before (the id counter is not zero)",
)
def list_auction(b: Bench):
    mall, nft = _auction(b)
    return mall.list_auction(nft, 2, 1, False, orders.NATIVE, PRICE, HOUR, sender=b.user(0))


def _buy(b: Bench, buyer_holds_one: bool):
    """user 1 buys token 1 through a signed native-coin order of user 0 (fresh mall, fee 0%)."""
    mall, nft = _mall(b)
    if buyer_holds_one:
        nft.mint(b.user(1), 4, sender=b.deployer)
    o = orders.order(mall, b.user(0).address, nft.address, 1, PRICE, b.chain.pending_timestamp + 86_400)
    signature = orders.sign_order(b.user(0), mall, b.chain.chain_id, o)
    return mall.buy(orders.as_tuple(o), signature, value=PRICE, sender=b.user(1))


@operation(
    "mall.buy",
    "buy of a signed ERC-721 order (65-byte ECDSA signature) paid in the native coin by a collector "
    "already holding an NFT of the collection: order marked filled, the NFT moved with "
    "safeTransferFrom, the 5% ERC-2981 royalty and 95% to the seller pushed, fee 0% (Seaport 1.1 "
    "ERC721 -> ETH fulfilment with a signature: 98,028 without and 132,313 with one fee recipient, "
    "ProjectOpenSea/marketplace-benchmarks)",
    target=110_000,
)
def buy(b: Bench):
    return _buy(b, buyer_holds_one=True)


@operation(
    "mall.buy.first_nft",
    "mall.buy by a buyer holding no NFT of the collection: the collection writes a new balance "
    "(+17,100 in the ERC-721 alone; OpenZeppelin's safeTransferFrom to such a receiver: 62,672)",
)
def buy_first_nft(b: Bench):
    return _buy(b, buyer_holds_one=False)


@operation(
    "mall.bid",
    "first bid on a live ERC-721 auction in the native coin (at the reserve, an hour before the "
    "end: no extension), by an account that never bid before",
)
def bid(b: Bench):
    mall, _ = _auction(b)
    return mall.bid(1, PRICE, value=PRICE, sender=b.user(1))

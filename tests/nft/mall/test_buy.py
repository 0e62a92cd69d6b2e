"""`buy`: a signed fixed-price order filled in one transaction (ERC-721 and ERC-1155, native coin and
ERC-20); the NFT moves from the seller's wallet, the price is split seller / royalty / fee."""

import ape

from fivefold.nft import model_mall

from .conftest import PRICE, ROYALTY_BPS

ZERO = "0x0000000000000000000000000000000000000000"


def test_buy__erc721_native__nft_moves_and_price_splits(mall, nft, sign, seller, buyer, royalty_receiver):
    """The buyer gets the NFT; the seller 95%, the royalty receiver 5%, the mall keeps nothing."""
    order, signature = sign(seller, collection=nft)
    seller_before, receiver_before = seller.balance, royalty_receiver.balance
    mall.buy(order, signature, value=PRICE, sender=buyer)
    royalty, fee, proceeds = model_mall.split(PRICE, PRICE * ROYALTY_BPS // 10_000, 0)
    assert nft.ownerOf(1) == buyer
    assert (seller.balance - seller_before, royalty_receiver.balance - receiver_before) == (proceeds, royalty)
    assert fee == 0 and mall.balance == 0
    assert mall.order_status(mall.order_hash(order)) == 1


def test_buy__erc20__buyer_pays_in_token(mall, nft, mall_usdt, sign, seller, buyer, royalty_receiver):
    """An order priced in USDT: the token moves from the buyer, split as for the native coin."""
    order, signature = sign(seller, collection=nft, price=1_000_000, asset=mall_usdt.address)
    mall.buy(order, signature, sender=buyer)
    assert nft.ownerOf(1) == buyer
    token = mall_usdt
    assert (token.balanceOf(seller), token.balanceOf(royalty_receiver), token.balanceOf(mall)) == (
        950_000,
        50_000,
        0,
    )


def test_buy__erc1155__whole_amount_moves(mall, multi, sign, seller, buyer):
    """An ERC-1155 order sells its whole amount (no partial fills)."""
    order, signature = sign(seller, collection=multi, token_id=7, amount=4, erc1155=True)
    mall.buy(order, signature, value=PRICE, sender=buyer)
    assert (multi.balanceOf(buyer, 7), multi.balanceOf(seller, 7)) == (4, 6)


def test_buy__fee_set__treasury_credited(mall, nft, sign, owner, seller, buyer, treasury):
    """A 2.5% fee is credited to the treasury, which withdraws it."""
    mall.set_fee_bps(250, sender=owner)
    order, signature = sign(seller, collection=nft)
    mall.buy(order, signature, value=PRICE, sender=buyer)
    assert mall.pending(treasury, ZERO) == PRICE * 250 // 10_000 == mall.balance


def test_buy__value_differs__reverts(mall, nft, sign, seller, buyer):
    order, signature = sign(seller, collection=nft)
    with ape.reverts("nft_mall: value differs from price"):
        mall.buy(order, signature, value=PRICE - 1, sender=buyer)


def test_buy__value_with_token__reverts(mall, nft, mall_usdt, sign, seller, buyer):
    order, signature = sign(seller, collection=nft, price=1_000, asset=mall_usdt.address)
    with ape.reverts("nft_mall: value sent with a token"):
        mall.buy(order, signature, value=1, sender=buyer)


def test_buy__expired__reverts(mall, nft, sign, seller, buyer, chain):
    order, signature = sign(seller, collection=nft, expiry=chain.pending_timestamp + 10)
    chain.pending_timestamp += 11
    with ape.reverts("nft_mall: order expired"):
        mall.buy(order, signature, value=PRICE, sender=buyer)


def test_buy__erc721_amount_two__reverts(mall, nft, sign, seller, buyer):
    order, signature = sign(seller, collection=nft, amount=2)
    with ape.reverts("nft_mall: erc721 amount is not one"):
        mall.buy(order, signature, value=PRICE, sender=buyer)


def test_buy__eip1271_seller_refusing_coin__credited(project, mall, nft, sign, seller, buyer, deployer):
    """A contract seller signs through EIP-1271 (its owner's key); it refuses the native coin, so its
    proceeds are credited for a later `withdraw` and the sale goes through."""
    wallet = project.MallActor.deploy(seller, sender=deployer)
    nft.mint(wallet, 9, sender=deployer)
    wallet.execute(nft, nft.setApprovalForAll.encode_input(mall, True), 0, sender=deployer)
    wallet.set_switches(True, False, ZERO, b"", sender=deployer)
    order, signature = sign(seller, collection=nft, token_id=9, seller=wallet.address)
    mall.buy(order, signature, value=PRICE, sender=buyer)
    assert nft.ownerOf(9) == buyer
    assert mall.pending(wallet, ZERO) == PRICE - PRICE * ROYALTY_BPS // 10_000 == mall.balance


def test_buy__eip1271_seller_wrong_signer__reverts(
    project, mall, nft, sign, seller, buyer, deployer, stranger
):
    """A contract seller's order signed by a key the wallet does not accept is refused."""
    wallet = project.MallActor.deploy(seller, sender=deployer)
    nft.mint(wallet, 9, sender=deployer)
    wallet.execute(nft, nft.setApprovalForAll.encode_input(mall, True), 0, sender=deployer)
    order, signature = sign(stranger, collection=nft, token_id=9, seller=wallet.address)
    with ape.reverts("nft_mall: bad signature"):
        mall.buy(order, signature, value=PRICE, sender=buyer)

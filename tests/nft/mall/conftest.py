"""NFT mall fixtures: the mall, a royalty-bearing ERC-721 (5% to `royalty_receiver`), an ERC-1155, a
6-decimal ERC-20, actors by role, and a signer of orders.

Deployments are module-scoped: ape snapshots each fixture scope and reverts every test to it.
"""

import pytest

from fivefold.nft import orders

PRICE = 10**18
ROYALTY_BPS = 500
DAY = 86_400
TOKEN_BALANCE = 10**30  # USDT (6 decimals) each buyer and bidder holds: more than any test spends


@pytest.fixture(scope="module")
def seller(accounts):
    return accounts[4]


@pytest.fixture(scope="module")
def buyer(accounts):
    return accounts[5]


@pytest.fixture(scope="module")
def bidder(accounts):
    return accounts[6]


@pytest.fixture(scope="module")
def rival(accounts):
    """A second bidder."""
    return accounts[7]


@pytest.fixture(scope="module")
def royalty_receiver(accounts):
    return accounts[8]


@pytest.fixture(scope="module")
def mall(project, deployer, owner, treasury):
    return project.NftMall.deploy(owner, treasury, "CloudChat NFT Mall", "1", sender=deployer)


@pytest.fixture(scope="module")
def nft(project, deployer, mall, seller, royalty_receiver):
    """Tokens 1 to 5 owned by the seller, all approved to the mall; royalty 5%."""
    collection = project.MallRoyalty721.deploy(sender=deployer)
    for token_id in range(1, 6):
        collection.mint(seller, token_id, sender=deployer)
    collection.setApprovalForAll(mall, True, sender=seller)
    collection.set_royalty(royalty_receiver, ROYALTY_BPS, sender=deployer)
    return collection


@pytest.fixture(scope="module")
def multi(project, deployer, mall, seller):
    """ERC-1155 id 7: 10 units owned by the seller, approved to the mall."""
    collection = project.MockCollection1155.deploy(sender=deployer)
    collection.mint(seller, 7, 10, sender=deployer)
    collection.setApprovalForAll(mall, True, sender=seller)
    return collection


@pytest.fixture(scope="module")
def mall_usdt(project, deployer, mall, buyer, bidder, rival):
    token = project.MockStablecoin.deploy(sender=deployer)
    for account in (buyer, bidder, rival):
        token.faucet(account, TOKEN_BALANCE, sender=deployer)
        token.approve(mall, 2**256 - 1, sender=account)
    return token


@pytest.fixture(scope="module", autouse=True)
def mall_deployed(mall, nft, multi, mall_usdt, deployer, owner, treasury, non_owner, stranger):
    """Deploys every module-scoped fixture first in each module, and touches the session-scoped
    actors, so ape's per-test snapshots never have to be rebased."""
    return mall


@pytest.fixture
def sign(mall, chain):
    """`sign(seller_account, **order fields)` -> (order tuple, signature) for token 1 at PRICE by default."""

    def make(
        signer,
        *,
        collection=None,
        token_id=1,
        price=PRICE,
        expiry=None,
        target=None,
        chain_id=None,
        seller=None,
        **fields,
    ):
        target = target or mall
        o = orders.order(
            target,
            seller or signer.address,
            collection,
            token_id,
            price,
            expiry or chain.pending_timestamp + DAY,
            **fields,
        )
        signature = orders.sign_order(signer, target, chain_id or chain.chain_id, o)
        return orders.as_tuple(o), signature

    return make

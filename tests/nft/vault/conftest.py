"""MToken vault fixtures: the locked implementation, its factory, an ERC-721 collection and an
ERC-1155 collection owned by the creator, and vaults at each stage (lots deposited; issued in the
native coin; issued in an ERC-20). Actors by role.

Deployments are module-scoped: ape snapshots each fixture scope and reverts every test to it.
"""

import pytest

from fivefold.units import to_wei

SUPPLY = to_wei(1_000)  # MToken issued
HOLDER_SHARE = to_wei(300)  # what the creator passes on to `holder` (30%)
THRESHOLD = 50  # percent of supply that accepts a bid
DAY = 86_400
NFT_IDS = (1, 2, 3, 4, 5, 6)  # 1, 2: `vault`; 4, 5: `issued`; 3: `token_vault`; 6: free
MULTI_ID = 7
MULTI_AMOUNT = 10
LOT_AMOUNT = 4  # the ERC-1155 lot deposited (slot 2)
BID = to_wei(1)
ZERO = "0x0000000000000000000000000000000000000000"


@pytest.fixture(scope="module")
def vault_creator(accounts):
    return accounts[4]


@pytest.fixture(scope="module")
def holder(accounts):
    """Buys 30% of the MToken from the creator."""
    return accounts[5]


@pytest.fixture(scope="module")
def bidder(accounts):
    return accounts[6]


@pytest.fixture(scope="module")
def second_bidder(accounts):
    return accounts[7]


@pytest.fixture(scope="module")
def stranger(accounts):
    return accounts[8]


@pytest.fixture(scope="module")
def implementation(project, deployer):
    """The locked MTokenVault every clone delegates to."""
    return project.MTokenVault.deploy(sender=deployer)


@pytest.fixture(scope="module")
def factory(project, deployer, implementation):
    return project.VaultFactory.deploy(implementation, sender=deployer)


def create_vault(project, factory, vault_creator):
    """A new vault whose creator is `vault_creator` (the address from the factory's event)."""
    tx = factory.create_vault(sender=vault_creator)
    return project.MTokenVault.at(tx.decode_logs(factory.VaultCreated)[0].vault)


@pytest.fixture(scope="module")
def collection(project, deployer, vault_creator):
    """ERC-721: NFTs 1 to 6 to the creator."""
    nft = project.MockCollection.deploy(sender=deployer)
    for token_id in NFT_IDS:
        nft.mint(vault_creator, token_id, sender=deployer)
    return nft


@pytest.fixture(scope="module")
def multi(project, deployer, vault_creator):
    """ERC-1155: MULTI_AMOUNT of id MULTI_ID to the creator."""
    tokens = project.MockCollection1155.deploy(sender=deployer)
    tokens.mint(vault_creator, MULTI_ID, MULTI_AMOUNT, sender=deployer)
    return tokens


def stock(project, factory, collection, multi, vault_creator, nft_ids):
    """A new vault with lots: slot 0 and 1 the two ERC-721 tokens, slot 2 LOT_AMOUNT of MULTI_ID."""
    contract = create_vault(project, factory, vault_creator)
    for token_id in nft_ids:
        collection.safeTransferFrom(vault_creator, contract, token_id, b"", sender=vault_creator)
    multi.safeTransferFrom(vault_creator, contract, MULTI_ID, LOT_AMOUNT, b"", sender=vault_creator)
    return contract


@pytest.fixture(scope="module")
def vault(project, factory, collection, multi, vault_creator):
    """Lots deposited, not issued: slot 0 = NFT 1, slot 1 = NFT 2, slot 2 = LOT_AMOUNT of MULTI_ID."""
    return stock(project, factory, collection, multi, vault_creator, (1, 2))


def issue(vault, vault_creator, asset=ZERO, supply=SUPPLY, threshold=THRESHOLD, increment=0, countdown=0):
    """Issues "Mock Vault"/"MV" with the given parameters (0: the defaults, 5% and 24 h)."""
    return vault.issue(
        "Mock Vault", "MV", supply, threshold, asset, increment, countdown, sender=vault_creator
    )


@pytest.fixture(scope="module")
def issued(project, factory, collection, multi, vault_creator, holder):
    """A vault like `vault` (slot 0 = NFT 4, slot 1 = NFT 5, slot 2 = the ERC-1155 lot) issued in the
    native coin (defaults: 5%, 24 h), 30% passed on to `holder`."""
    contract = stock(project, factory, collection, multi, vault_creator, (4, 5))
    issue(contract, vault_creator)
    contract.transfer(holder, HOLDER_SHARE, sender=vault_creator)
    return contract


@pytest.fixture(scope="module")
def stable(project, deployer, bidder, second_bidder):
    """An ERC-20 payment asset: 1,000 units each for the bidders."""
    token = project.MockStablecoin.deploy(sender=deployer)
    for account in (bidder, second_bidder):
        token.faucet(account, to_wei(1_000), sender=deployer)
    return token


@pytest.fixture(scope="module")
def token_vault(project, factory, collection, vault_creator, stable, bidder, second_bidder):
    """A vault of NFT 3 issued in `stable`, approved by both bidders."""
    contract = create_vault(project, factory, vault_creator)
    collection.safeTransferFrom(vault_creator, contract, 3, b"", sender=vault_creator)
    issue(contract, vault_creator, asset=stable)
    for account in (bidder, second_bidder):
        stable.approve(contract, 2**256 - 1, sender=account)
    return contract


def start_countdown(vault, vault_creator, slot=0, bidder=None, amount=BID):
    """A bid (if a bidder is given) and the creator's 70% locked on `slot`: the countdown starts."""
    if bidder is not None:
        vault.bid(slot, amount, value=amount, sender=bidder)
    return vault.vote(slot, vault.balanceOf(vault_creator), sender=vault_creator)


def sell(vault, chain, vault_creator, bidder, slot=0, amount=BID):
    """Bid, votes, countdown over, settled."""
    start_countdown(vault, vault_creator, slot, bidder, amount)
    chain.mine(timestamp=vault.deadline(slot) + 1)  # the countdown is over
    tx = vault.settle(slot, sender=bidder)
    vault.unvote(slot, vault.votes_of(slot, vault_creator), sender=vault_creator)
    return tx

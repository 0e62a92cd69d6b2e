"""MToken vault gas (see fivefold/gas.py), each in the condition its key names: creating a vault (a
minimal proxy) beside deploying a full MTokenVault (the reference for the quarter rule), issuing,
the first native-coin bid on an NFT, the vote that starts a countdown, and a settlement.

Setup shared by the operations: the locked implementation and its factory; user(0) is the creator
with ERC-721 tokens 1 and 2 (MockCollection) deposited as lots 0 and 1; MToken issued (1,000 MToken,
threshold 50%, native coin, 5%, 24 h) unless the key measures the issue itself; user(1) holds 30%.
"""

from fivefold.gas import Bench, operation
from fivefold.units import DAY, to_wei

SUPPLY = to_wei(1_000)
SHARE = to_wei(300)
BID = to_wei(1)
ZERO = "0x0000000000000000000000000000000000000000"


def _factory(b: Bench):
    implementation = b.project.MTokenVault.deploy(sender=b.deployer)
    return b.project.VaultFactory.deploy(implementation, sender=b.deployer)


def _vault(b: Bench, issued: bool = True):
    """A vault of user(0) with NFTs 1 and 2 as lots 0 and 1, issued unless asked otherwise."""
    factory = _factory(b)
    creator = b.user(0)
    tx = factory.create_vault(sender=creator)
    vault = b.project.MTokenVault.at(tx.decode_logs(factory.VaultCreated)[0].vault)
    collection = b.project.MockCollection.deploy(sender=b.deployer)
    for token_id in (1, 2):
        collection.mint(creator, token_id, sender=b.deployer)
        collection.safeTransferFrom(creator, vault, token_id, b"", sender=creator)
    if issued:
        vault.issue("Mock Vault", "MV", SUPPLY, 50, ZERO, 0, 0, sender=creator)
        vault.transfer(b.user(1), SHARE, sender=creator)
    return vault, collection


@operation(
    "mtoken.create_vault",
    "a creator's new vault from the factory: an EIP-1167 minimal proxy of the locked MTokenVault, "
    "initialised with its creator and recorded by the factory (at most a quarter of mtoken.deploy_full)",
)
def create_vault(b: Bench):
    factory = _factory(b)
    factory.create_vault(sender=b.user(1))  # not the factory's first vault
    return factory.create_vault(sender=b.user(0))


@operation(
    "mtoken.deploy_full",
    "reference for mtoken.create_vault: deploying a whole MTokenVault (what a vault would cost "
    "without the factory; a blueprint pays this code deposit too)",
)
def deploy_full(b: Bench):
    contract = b.project.MTokenVault.deploy(sender=b.deployer)
    return b.chain.provider.get_receipt(contract.txn_hash)


@operation(
    "mtoken.issue",
    "the creator issues 1,000 MToken to itself (name and symbol of 10 and 2 characters, native coin, "
    "default increment and countdown) over two deposited ERC-721 lots",
)
def issue(b: Bench):
    vault, _ = _vault(b, issued=False)
    return vault.issue("Mock Vault", "MV", SUPPLY, 50, ZERO, 0, 0, sender=b.user(0))


@operation(
    "mtoken.issue_and_seed",
    "mtoken.issue's issue, then the MToken's first Uniswap v2 pool in the same transaction: the pair "
    "created by the factory (its deployment is most of the cost), 100 MToken and 500 CC into it, "
    "the LP tokens minted to the creator",
)
def issue_and_seed(b: Bench):
    from fivefold import abi
    from fivefold.nft import dex
    from fivefold.tokens.bench import capped_token

    vault, _ = _vault(b, issued=False)
    creator = b.user(0)
    cc = capped_token(b, "CloudChat", "CC", 10**28)
    cc.initialize_supply([creator.address], [to_wei(500)], sender=b.owner)
    cc.approve(vault, to_wei(500), sender=creator)
    factory = abi.container(None, "", dex.FACTORY_ARTIFACT).deploy(b.owner, sender=b.deployer)
    terms = ("Mock Vault", "MV", SUPPLY, 50, ZERO, 0, 0)
    return vault.issue_and_seed(*terms, factory, cc, to_wei(100), to_wei(500), sender=creator)


@operation(
    "mtoken.bid",
    "first bid on an NFT (a lot nobody has bid on), native coin, by a bidder new to the vault; the "
    "vault's first bid",
    target=70_000,
)
def bid(b: Bench):
    vault, _ = _vault(b)
    return vault.bid(0, BID, value=BID, sender=b.user(2))


@operation(
    "mtoken.vote",
    "a holder's first vote on a lot with a bid: locks its 70% of the MToken in the vault and reaches "
    "the 50% threshold, so the 24-hour countdown starts",
)
def vote(b: Bench):
    vault, _ = _vault(b)
    vault.bid(0, BID, value=BID, sender=b.user(2))
    return vault.vote(0, SUPPLY - SHARE, sender=b.user(0))


@operation(
    "mtoken.settle",
    "settling an ERC-721 lot after its countdown, by a third party: the price shared by the "
    "accumulator, the NFT to the winning account by safeTransferFrom",
)
def settle(b: Bench):
    vault, _ = _vault(b)
    vault.bid(0, BID, value=BID, sender=b.user(2))
    vault.vote(0, SUPPLY - SHARE, sender=b.user(0))
    b.chain.mine(deltatime=DAY)
    return vault.settle(0, sender=b.user(3))

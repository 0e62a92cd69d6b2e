"""Governance fixtures: a CC-like token, a Staking instance with a listed NFT collection and a DAO
identity contract wired to it, and actors by role.

Deployments are module-scoped: ape snapshots each fixture scope and reverts every test to it.
"""

import ape
import pytest

from fivefold.units import to_wei

SUPPLY = to_wei(1_000_000_000)
BALANCE = to_wei(1_000_000)  # what each staker, the funder and the exchange hold
NFT_WEIGHT = to_wei(500)  # vote units per NFT of the listed collection
IDENTITY_WEIGHT = to_wei(1_000)  # vote units per DAO identity
RATE = to_wei(1) // 10  # 0.1 CC per second for all stakers
BUDGET = to_wei(100_000)


@pytest.fixture(scope="module")
def staker(accounts):
    return accounts[5]


@pytest.fixture(scope="module")
def second_staker(accounts):
    return accounts[6]


@pytest.fixture(scope="module")
def delegatee(accounts):
    """An account others delegate to; holds nothing itself."""
    return accounts[4]


@pytest.fixture(scope="module")
def exchange(accounts):
    """An exchange's account, to be put on the exclusion list."""
    return accounts[8]


@pytest.fixture(scope="module")
def funder(accounts):
    """The Ecosystem allocation's holder: funds the income budget."""
    return accounts[2]


@pytest.fixture(scope="module")
def cc(project, owner, staker, second_staker, exchange, funder):
    """The governance and reward token: BALANCE each for the stakers, the exchange and the funder."""
    token = project.CappedToken.deploy(
        "CloudChat", "CC", SUPPLY, owner, "CloudChat", "1", ape.chain.chain_id, sender=owner
    )
    holders = [staker, second_staker, exchange, funder]
    token.initialize_supply([h.address for h in holders], [BALANCE] * len(holders), sender=owner)
    return token


@pytest.fixture(scope="module")
def staking(project, deployer, owner, cc, staker, second_staker, exchange, funder):
    """Staking of CC for CC income, rate 0, nothing listed; every CC holder approved it."""
    contract = project.Staking.deploy(cc, cc, owner, "CloudChat Staking", "1", sender=deployer)
    for holder in (staker, second_staker, exchange, funder):
        cc.approve(contract, 2**256 - 1, sender=holder)
    return contract


@pytest.fixture(scope="module")
def collection(project, deployer, owner, staking, staker, second_staker):
    """A listed collection (NFT_WEIGHT each): NFTs 1 and 2 to `staker`, 3 to `second_staker`,
    every one approved to the staking contract."""
    nft = project.MockCollection.deploy(sender=deployer)
    for token_id, holder in ((1, staker), (2, staker), (3, second_staker)):
        nft.mint(holder, token_id, sender=deployer)
    for holder in (staker, second_staker):
        nft.setApprovalForAll(staking, True, sender=holder)
    staking.set_collection_weight(nft, NFT_WEIGHT, sender=owner)
    return nft


@pytest.fixture(scope="module")
def identity(project, deployer, owner, staking):
    """The DAO identity contract, wired to `staking`, identity weight IDENTITY_WEIGHT."""
    contract = project.DaoIdentity.deploy("CloudChat DAO", "CCDAO", "", staking, owner, sender=deployer)
    staking.set_identity_contract(contract, sender=owner)
    staking.set_identity_weight(IDENTITY_WEIGHT, sender=owner)
    return contract


@pytest.fixture(scope="module", autouse=True)
def deployed(staking, collection, identity, deployer, owner, non_owner, beneficiary, stranger):
    """Deploys every module-scoped fixture first in each module, so ape's per-test snapshots never
    have to be rebased under a module fixture created later."""
    return staking


@pytest.fixture
def funded(staking, owner, funder):
    """`staking` with BUDGET funded and RATE set."""
    staking.fund(BUDGET, sender=funder)
    staking.set_reward_rate(RATE, sender=owner)
    return staking


def mine_at(chain, timestamp):
    """Makes the next transaction land at `timestamp`."""
    chain.pending_timestamp = timestamp


def delegate(staking, delegatee, sender):
    """`staking.delegate(delegatee)` from `sender`: Ape's addresses have a `delegate` property of
    their own (EIP-7702), which hides the contract method of that name."""
    return staking.invoke_transaction("delegate", delegatee, sender=sender)

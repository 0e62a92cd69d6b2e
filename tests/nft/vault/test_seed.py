"""`issue_and_seed`: the creator issues the MToken and, in the same transaction, seeds its first pool
on the chain's Uniswap v2 (the real factory and pair from the pinned npm artifacts): the creator
sets the first price and receives the LP tokens; nothing stays in the vault."""

from math import isqrt

import ape
import pytest

from fivefold import abi
from fivefold.nft import dex
from fivefold.units import to_wei
from tests.nft.vault.conftest import SUPPLY, THRESHOLD, ZERO

SEED_MTOKEN = to_wei(100)  # 10% of the supply into the pool
SEED_PAIR = to_wei(500)  # of the pair token: 5 per MToken
MINIMUM_LIQUIDITY = 1_000  # Uniswap v2 locks it in the pair for good


@pytest.fixture(scope="module")
def seed_dex(deployer):
    """WETH9, UniswapV2Factory and UniswapV2Router02 from the npm artifacts."""

    def deploy(artifact, *args):
        return abi.container(None, "", artifact).deploy(*args, sender=deployer)

    weth = deploy(dex.WETH_ARTIFACT)
    factory = deploy(dex.FACTORY_ARTIFACT, deployer)
    return dex.Dex(factory, deploy(dex.ROUTER_ARTIFACT, factory, weth), weth)


@pytest.fixture(scope="module")
def pair_token(project, deployer, vault_creator, stranger):
    """The pool's other token (CC's stand-in): the creator and a stranger hold some."""
    token = project.SnekmateERC20.deploy("Pair", "PAIR", "Pair", "1", sender=deployer)
    for account in (vault_creator, stranger):
        token.mint(account, to_wei(10_000), sender=deployer)
    return token


def seed(vault, vault_creator, factory, pair_token, mtoken=SEED_MTOKEN, other=SEED_PAIR, sender=None):
    """`issue_and_seed` with the suite's usual parameters (native bids, defaults)."""
    return vault.issue_and_seed(
        "Mock Vault", "MV", SUPPLY, THRESHOLD, ZERO, 0, 0, factory, pair_token, mtoken, other,
        sender=sender or vault_creator,
    )


def test_issue_and_seed__fresh_pair__pool_priced_by_the_creator_and_lp_to_it(
    vault, vault_creator, seed_dex, pair_token
):
    pair_token.approve(vault, SEED_PAIR, sender=vault_creator)
    tx = seed(vault, vault_creator, seed_dex.factory, pair_token)
    pair = seed_dex.pair(vault, pair_token)
    assert pair is not None
    assert dex.reserves(seed_dex, vault, pair_token) == (SEED_MTOKEN, SEED_PAIR)
    assert dex.price(seed_dex, vault, pair_token) == SEED_PAIR * dex.WAD // SEED_MTOKEN
    liquidity = isqrt(SEED_MTOKEN * SEED_PAIR) - MINIMUM_LIQUIDITY
    assert pair.balanceOf(vault_creator) == liquidity
    assert vault.balanceOf(vault_creator) == SUPPLY - SEED_MTOKEN and vault.balanceOf(vault) == 0
    assert vault.issued() and vault.totalSupply() == SUPPLY
    event = tx.decode_logs(vault.PoolSeeded)[0]
    assert (event.pair, event.pair_token) == (pair.address, pair_token.address)
    assert (event.mtoken_amount, event.pair_amount, event.liquidity) == (SEED_MTOKEN, SEED_PAIR, liquidity)


def test_issue_and_seed__seeded_pool__tradable_through_the_router(
    vault, vault_creator, stranger, seed_dex, pair_token
):
    """The pool is a plain Uniswap v2 pool: a stranger buys MToken through the router."""
    pair_token.approve(vault, SEED_PAIR, sender=vault_creator)
    seed(vault, vault_creator, seed_dex.factory, pair_token)
    paid = to_wei(50)
    expected = dex.amount_out(paid, SEED_PAIR, SEED_MTOKEN)
    pair_token.approve(seed_dex.router, paid, sender=stranger)
    dex.swap(seed_dex, paid, [pair_token, vault], stranger)
    assert vault.balanceOf(stranger) == expected


def test_issue_and_seed__pair_created_and_donated_to_beforehand__donation_goes_to_the_creator(
    vault, vault_creator, stranger, seed_dex, pair_token
):
    """Anyone can create the pair before issue (its address is known) and send it tokens; no MToken
    exists yet, so nobody holds LP tokens: the seed mints the first ones, the donation is the creator's."""
    seed_dex.factory.createPair(vault, pair_token, sender=stranger)
    pair = seed_dex.pair(vault, pair_token)
    donation = to_wei(7)
    pair_token.transfer(pair, donation, sender=stranger)
    pair.sync(sender=stranger)
    pair_token.approve(vault, SEED_PAIR, sender=vault_creator)
    seed(vault, vault_creator, seed_dex.factory, pair_token)
    assert dex.reserves(seed_dex, vault, pair_token) == (SEED_MTOKEN, SEED_PAIR + donation)
    assert pair.balanceOf(vault_creator) == pair.totalSupply() - MINIMUM_LIQUIDITY


def test_issue_and_seed__zero_amount__reverts(vault, vault_creator, seed_dex, pair_token):
    for mtoken, other in ((0, SEED_PAIR), (SEED_MTOKEN, 0)):
        with ape.reverts("m_token_vault: zero seed"):
            seed(vault, vault_creator, seed_dex.factory, pair_token, mtoken, other)


def test_issue_and_seed__factory_not_a_contract__reverts(vault, vault_creator, stranger, pair_token):
    with ape.reverts("m_token_vault: factory is not a contract"):
        seed(vault, vault_creator, stranger, pair_token)


def test_issue_and_seed__pair_token_not_a_contract__reverts(vault, vault_creator, stranger, seed_dex):
    with ape.reverts("m_token_vault: pair token is not a contract"):
        seed(vault, vault_creator, seed_dex.factory, stranger)


def test_issue_and_seed__more_mtoken_than_the_supply__reverts(vault, vault_creator, seed_dex, pair_token):
    pair_token.approve(vault, SEED_PAIR, sender=vault_creator)
    with ape.reverts("m_token_vault: balance too low"):
        seed(vault, vault_creator, seed_dex.factory, pair_token, SUPPLY + 1)


def test_issue_and_seed__pair_token_returns_false__reverts(
    project, deployer, vault, vault_creator, seed_dex
):
    quiet = project.VestingFalseToken.deploy(sender=deployer)
    with ape.reverts("m_token_vault: transfer failed"):
        seed(vault, vault_creator, seed_dex.factory, quiet)


def test_issue_and_seed__non_creator__reverts(vault, stranger, seed_dex, pair_token):
    with ape.reverts("m_token_vault: caller is not the creator"):
        seed(vault, stranger, seed_dex.factory, pair_token, sender=stranger)

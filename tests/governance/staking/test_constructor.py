"""Staking's constructor: tokens and owner fixed, nothing listed, the ERC-6372 clock."""

import ape

from fivefold.governance.model import TOTAL


def test_constructor__zero_stake_token__reverts(project, deployer, owner, cc):
    """A staking contract without a token to stake is refused."""
    with ape.reverts("staking: zero stake token"):
        project.Staking.deploy(TOTAL, cc, owner, "S", "1", sender=deployer)


def test_constructor__zero_reward_token__reverts(project, deployer, owner, cc):
    """A staking contract without a reward token is refused."""
    with ape.reverts("staking: zero reward token"):
        project.Staking.deploy(cc, TOTAL, owner, "S", "1", sender=deployer)


def test_constructor__zero_owner__reverts(project, deployer, cc):
    """A staking contract nobody governs is refused."""
    with ape.reverts("staking: zero owner"):
        project.Staking.deploy(cc, cc, TOTAL, "S", "1", sender=deployer)


def test_constructor__valid__fixes_tokens_owner_and_clock(staking, cc, owner, chain):
    """Tokens and owner as given; rate 0, nothing funded; clock is the block timestamp."""
    assert (staking.stake_token(), staking.reward_token(), staking.owner()) == (cc, cc, owner)
    assert (staking.reward_rate(), staking.funded(), staking.total_shares()) == (0, 0, 0)
    assert staking.CLOCK_MODE() == "mode=timestamp"
    assert staking.clock() == chain.blocks.head.timestamp


def test_eip712Domain__deployed__names_the_domain(staking, chain):
    """EIP-5267: name, version, chain id and the contract itself."""
    domain = staking.eip712Domain()
    assert (domain[1], domain[2], domain[3], domain[4]) == (
        "CloudChat Staking", "1", chain.chain_id, staking.address
    )

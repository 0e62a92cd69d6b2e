"""LiquidityFarm's constructor: one pool's LP token, CC, an owner; nothing streams yet."""

import ape

from .conftest import ZERO


def test_constructor__pool_and_cc__fixed_with_rate_zero_and_nothing_funded(farm, pair, cc, owner):
    assert (farm.lp_token(), farm.reward_token(), farm.owner()) == (pair.address, cc.address, owner.address)
    assert (farm.reward_rate(), farm.funded(), farm.unallocated(), farm.total_shares()) == (0, 0, 0, 0)
    assert farm.parameter_registry() == ZERO


def test_constructor__zero_lp_token__reverts(project, deployer, cc, owner):
    with ape.reverts("liquidity_farm: zero lp token"):
        project.LiquidityFarm.deploy(ZERO, cc, owner, sender=deployer)


def test_constructor__zero_reward_token__reverts(project, deployer, pair, owner):
    with ape.reverts("liquidity_farm: zero reward token"):
        project.LiquidityFarm.deploy(pair, ZERO, owner, sender=deployer)


def test_constructor__lp_token_is_the_reward_token__reverts(project, deployer, cc, owner):
    """Staked tokens and the budget in one balance would let rewards pay out stakes."""
    with ape.reverts("liquidity_farm: lp token is the reward token"):
        project.LiquidityFarm.deploy(cc, cc, owner, sender=deployer)


def test_constructor__zero_owner__reverts(project, deployer, pair, cc):
    with ape.reverts("liquidity_farm: zero owner"):
        project.LiquidityFarm.deploy(pair, cc, ZERO, sender=deployer)

"""EconomyPool.set_reward_per_season: tunable within bounds, for seasons settled from now on."""

import ape

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import ECON_MIN, LOCK, RAISING, SETTLEMENT, at


def test_set_reward_per_season__by_owner__applies_to_later_settlements(
    econ_funded, owner, econ_node, econ_genesis, chain
):
    """Season 0 settles at the old reward even if nobody touched the pool before the change; season
    1 at the new one."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    at(chain, econ_genesis, 1, LOCK)
    tx = econ_funded.set_reward_per_season(10**18, sender=owner)
    assert econ_funded.RewardPerSeasonSet(10**18) in tx.events
    assert econ_funded.reward_per_season() == 10**18
    at(chain, econ_genesis, 1, SETTLEMENT)
    assert econ_funded.claim(sender=econ_node).return_value == model.REWARD_PER_SEASON + 10**18


def test_set_reward_per_season__above_limit__reverts(econ_pool, owner):
    """At most ten times the paper's reward."""
    with ape.reverts("economy_pool: reward above the limit"):
        econ_pool.set_reward_per_season(model.MAX_REWARD_PER_SEASON + 1, sender=owner)


def test_set_reward_per_season__exactly_the_limit__accepted(econ_pool, owner):
    """The limit itself, 12,500,000 CPC, is a reward the owner may set."""
    econ_pool.set_reward_per_season(12_500_000 * 10**18, sender=owner)
    assert econ_pool.reward_per_season() == model.MAX_REWARD_PER_SEASON == 12_500_000 * 10**18


def test_set_reward_per_season__zero__accepted(econ_pool, owner):
    """Zero (the emergency stop of rewards) is within bounds."""
    econ_pool.set_reward_per_season(0, sender=owner)
    assert econ_pool.reward_per_season() == 0


def test_set_reward_per_season__non_owner__reverts(econ_pool, non_owner):
    """Only the owner (until a parameter registry is named)."""
    with ape.reverts("ownable: caller is not the owner"):
        econ_pool.set_reward_per_season(1, sender=non_owner)


def test_set_reward_per_season__registry_named__owner_reverts(econ_pool, rnode_committee, owner):
    """Once the parameter registry is named, it alone writes the reward."""
    econ_pool.set_parameter_registry(rnode_committee, sender=owner)
    with ape.reverts("tunable: caller is not the parameter registry"):
        econ_pool.set_reward_per_season(1, sender=owner)

"""EconomyPool.deposit: only in raising, at least 20,000 CPC after it, checkpointed as votes."""

import ape

from tests.nodes.pools.conftest import ECON_MIN, LOCK, RAISING, SETTLEMENT, at


def test_deposit__in_raising__deposit_total_votes_and_balance(
    econ_pool, pools_cpc, econ_node, econ_genesis, chain
):
    """A first deposit of the minimum in season 0's raising: deposit_of, total, votes, event, CPC moved."""
    before = pools_cpc.balanceOf(econ_node)
    at(chain, econ_genesis, 0, RAISING)
    tx = econ_pool.deposit(ECON_MIN, sender=econ_node)
    assert econ_pool.deposit_of(econ_node) == ECON_MIN
    assert econ_pool.total_deposits() == ECON_MIN
    assert econ_pool.getVotes(econ_node) == ECON_MIN
    assert pools_cpc.balanceOf(econ_node) == before - ECON_MIN
    assert econ_pool.Deposited(econ_node, ECON_MIN, ECON_MIN) in tx.events


def test_deposit__top_up_below_minimum_of_a_node_at_the_minimum__accepted(
    econ_pool, econ_node, econ_genesis, chain
):
    """A top-up may be small: only the deposit after it must reach the minimum."""
    at(chain, econ_genesis, 0, RAISING)
    econ_pool.deposit(ECON_MIN, sender=econ_node)
    econ_pool.deposit(1, sender=econ_node)
    assert econ_pool.deposit_of(econ_node) == ECON_MIN + 1


def test_deposit__below_minimum__reverts(econ_pool, econ_node, econ_genesis, chain):
    """A first deposit of less than 20,000 CPC is refused."""
    at(chain, econ_genesis, 0, RAISING)
    with ape.reverts("economy_pool: deposit below the minimum"):
        econ_pool.deposit(ECON_MIN - 1, sender=econ_node)


def test_deposit__zero_amount__reverts(econ_pool, econ_node, econ_genesis, chain):
    """Zero is refused, in raising too."""
    at(chain, econ_genesis, 0, RAISING)
    with ape.reverts("economy_pool: zero amount"):
        econ_pool.deposit(0, sender=econ_node)


def test_deposit__in_lock__reverts(econ_pool, econ_node, econ_genesis, chain):
    """Nothing enters during the lock."""
    at(chain, econ_genesis, 0, LOCK)
    with ape.reverts("economy_pool: not raising"):
        econ_pool.deposit(ECON_MIN, sender=econ_node)


def test_deposit__in_settlement__reverts(econ_pool, econ_node, econ_genesis, chain):
    """Nothing enters during the settlement."""
    at(chain, econ_genesis, 0, SETTLEMENT)
    with ape.reverts("economy_pool: not raising"):
        econ_pool.deposit(ECON_MIN, sender=econ_node)


def test_deposit__before_genesis__reverts(econ_pool, econ_node):
    """Before season 0 begins there is no raising."""
    with ape.reverts("economy_pool: not raising"):
        econ_pool.deposit(ECON_MIN, sender=econ_node)


def test_deposit__paused__reverts(econ_pool, owner, econ_node, econ_genesis, chain):
    """The emergency pause stops new deposits."""
    econ_pool.pause(sender=owner)
    at(chain, econ_genesis, 0, RAISING)
    with ape.reverts("pausable: new deposits and creations are paused"):
        econ_pool.deposit(ECON_MIN, sender=econ_node)


def test_deposit__next_season_raising__accepted(econ_pool, econ_node, econ_genesis, chain):
    """Season 1's raising (day 90 to 93) accepts deposits again: the phase follows the clock alone."""
    at(chain, econ_genesis, 1, 0)
    econ_pool.deposit(ECON_MIN, sender=econ_node)
    assert econ_pool.deposit_of(econ_node) == ECON_MIN

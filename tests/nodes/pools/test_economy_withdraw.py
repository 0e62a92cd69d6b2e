"""EconomyPool.withdraw: only in raising, what stays is 0 or at least the minimum; settled rewards stay."""

import ape

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import ECON_MIN, LOCK, RAISING, SETTLEMENT, at


def _deposited(pool, node, genesis, chain, amount=2 * ECON_MIN):
    at(chain, genesis, 0, RAISING)
    pool.deposit(amount, sender=node)


def test_withdraw__in_raising__deposit_total_and_balance(
    econ_pool, pools_cpc, econ_node, econ_genesis, chain
):
    """A partial withdrawal in the same raising returns the CPC and lowers deposit, total and votes."""
    _deposited(econ_pool, econ_node, econ_genesis, chain)
    before = pools_cpc.balanceOf(econ_node)
    tx = econ_pool.withdraw(ECON_MIN, sender=econ_node)
    assert econ_pool.deposit_of(econ_node) == econ_pool.total_deposits() == ECON_MIN
    assert pools_cpc.balanceOf(econ_node) == before + ECON_MIN
    assert econ_pool.Withdrawn(econ_node, ECON_MIN, ECON_MIN) in tx.events


def test_withdraw__whole_deposit__leaves_zero(econ_pool, econ_node, econ_genesis, chain):
    """Withdrawing everything is allowed: 0 is below the minimum but means "not a node"."""
    _deposited(econ_pool, econ_node, econ_genesis, chain)
    econ_pool.withdraw(2 * ECON_MIN, sender=econ_node)
    assert econ_pool.deposit_of(econ_node) == 0 == econ_pool.total_deposits()


def test_withdraw__rest_below_minimum__reverts(econ_pool, econ_node, econ_genesis, chain):
    """What stays must be at least the minimum unless it is zero."""
    _deposited(econ_pool, econ_node, econ_genesis, chain)
    with ape.reverts("economy_pool: deposit below the minimum"):
        econ_pool.withdraw(ECON_MIN + 1, sender=econ_node)


def test_withdraw__above_deposit__reverts(econ_pool, econ_node, econ_genesis, chain):
    """Nobody takes out more than it put in."""
    _deposited(econ_pool, econ_node, econ_genesis, chain)
    with ape.reverts("economy_pool: amount above deposit"):
        econ_pool.withdraw(2 * ECON_MIN + 1, sender=econ_node)


def test_withdraw__in_lock__reverts(econ_pool, econ_node, econ_genesis, chain):
    """The lock holds deposits for 84 days."""
    _deposited(econ_pool, econ_node, econ_genesis, chain)
    at(chain, econ_genesis, 0, LOCK)
    with ape.reverts("economy_pool: not raising"):
        econ_pool.withdraw(ECON_MIN, sender=econ_node)


def test_withdraw__in_settlement__reverts(econ_pool, econ_node, econ_genesis, chain):
    """Settlement is for claims only; the deposit leaves in the next raising."""
    _deposited(econ_pool, econ_node, econ_genesis, chain)
    at(chain, econ_genesis, 0, SETTLEMENT)
    with ape.reverts("economy_pool: not raising"):
        econ_pool.withdraw(ECON_MIN, sender=econ_node)


def test_withdraw__zero_amount__reverts(econ_pool, econ_node, econ_genesis, chain):
    """Zero is refused before anything else."""
    _deposited(econ_pool, econ_node, econ_genesis, chain)
    with ape.reverts("economy_pool: zero amount"):
        econ_pool.withdraw(0, sender=econ_node)


def test_withdraw__next_raising_after_a_season__reward_stays_claimable(
    econ_funded, econ_node, econ_genesis, chain
):
    """A node that leaves in season 1's raising keeps season 0's reward (settled on the way out)."""
    _deposited(econ_funded, econ_node, econ_genesis, chain)
    at(chain, econ_genesis, 1, RAISING)
    econ_funded.withdraw(2 * ECON_MIN, sender=econ_node)
    assert econ_funded.claimable(econ_node) == model.REWARD_PER_SEASON
    assert econ_funded.claim(sender=econ_node).return_value == model.REWARD_PER_SEASON


def test_pause__paused__withdraw_and_claim_stay_open(econ_funded, owner, econ_node, econ_genesis, chain):
    """The emergency pause stops new deposits only: a node still claims and leaves."""
    _deposited(econ_funded, econ_node, econ_genesis, chain)
    econ_funded.pause(sender=owner)
    at(chain, econ_genesis, 1, RAISING)
    assert econ_funded.claim(sender=econ_node).return_value == model.REWARD_PER_SEASON
    econ_funded.withdraw(2 * ECON_MIN, sender=econ_node)
    assert econ_funded.deposit_of(econ_node) == 0

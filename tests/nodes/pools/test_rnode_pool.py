"""RNodePool: deposits of at least 200,000 CPC, a withdrawal waits out the lock after the last deposit
and any committee term; zero amounts and force-sent CPC change nothing."""

import ape
import pytest

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import RNODE_MIN

ZERO = "0x0000000000000000000000000000000000000000"
LOCK = model.DEFAULT_LOCK_MINUTES * 60


def _deposit(pool, node, amount=2 * RNODE_MIN):
    return pool.deposit(amount, sender=node)


def test_constructor__deployed__parameters(rnode_pool, pools_cpc, owner, rnode_committee):
    """CPC, owner, the 100-minute lock, the committee set by the fixture, no deposit."""
    assert rnode_pool.cpc() == pools_cpc
    assert rnode_pool.owner() == owner
    assert rnode_pool.lock_minutes() == model.DEFAULT_LOCK_MINUTES
    assert rnode_pool.MIN_DEPOSIT() == RNODE_MIN
    assert rnode_pool.MAX_LOCK_MINUTES() == model.MAX_LOCK_MINUTES
    assert rnode_pool.committee() == rnode_committee
    assert rnode_pool.total_deposits() == 0


@pytest.mark.parametrize("which", ["token", "owner"])
def test_constructor__zero_argument__reverts(project, deployer, owner, pools_cpc, which):
    """Each argument must be set."""
    args = (ZERO, owner) if which == "token" else (pools_cpc, ZERO)
    with ape.reverts(f"rnode_pool: zero {which}"):
        project.RNodePool.deploy(*args, sender=deployer)


def test_deposit__minimum__deposit_votes_and_unlock_time(rnode_pool, econ_node):
    """A first deposit of 200,000 CPC: deposit, total, votes, and a lock of 100 minutes from now."""
    tx = _deposit(rnode_pool, econ_node, RNODE_MIN)
    assert rnode_pool.deposit_of(econ_node) == rnode_pool.total_deposits() == RNODE_MIN
    assert rnode_pool.getVotes(econ_node) == RNODE_MIN
    assert rnode_pool.unlock_time(econ_node) == tx.timestamp + LOCK
    assert rnode_pool.Deposited(econ_node, RNODE_MIN, RNODE_MIN) in tx.events


def test_deposit__below_minimum__reverts(rnode_pool, econ_node):
    """Less than 200,000 CPC is not an RNode."""
    with ape.reverts("rnode_pool: deposit below the minimum"):
        _deposit(rnode_pool, econ_node, RNODE_MIN - 1)


def test_deposit__zero_amount__reverts(rnode_pool, econ_node):
    """Zero is refused."""
    with ape.reverts("rnode_pool: zero amount"):
        _deposit(rnode_pool, econ_node, 0)


def test_deposit__paused__reverts(rnode_pool, owner, econ_node):
    """The emergency pause stops new deposits."""
    rnode_pool.pause(sender=owner)
    with ape.reverts("pausable: new deposits and creations are paused"):
        _deposit(rnode_pool, econ_node)


def test_withdraw__after_lock__returns_cpc(rnode_pool, pools_cpc, econ_node, chain):
    """Once 100 minutes have passed, the RNode takes its CPC back, partly or wholly."""
    tx = _deposit(rnode_pool, econ_node)
    before = pools_cpc.balanceOf(econ_node)
    chain.pending_timestamp = tx.timestamp + LOCK
    tx = rnode_pool.withdraw(RNODE_MIN, sender=econ_node)
    assert rnode_pool.Withdrawn(econ_node, RNODE_MIN, RNODE_MIN) in tx.events
    rnode_pool.withdraw(RNODE_MIN, sender=econ_node)
    assert pools_cpc.balanceOf(econ_node) == before + 2 * RNODE_MIN
    assert rnode_pool.deposit_of(econ_node) == rnode_pool.total_deposits() == 0


def test_withdraw__within_lock__reverts(rnode_pool, econ_node, chain):
    """A second before the lock ends is too early."""
    tx = _deposit(rnode_pool, econ_node)
    chain.pending_timestamp = tx.timestamp + LOCK - 1
    with ape.reverts("rnode_pool: deposit locked"):
        rnode_pool.withdraw(RNODE_MIN, sender=econ_node)


def test_withdraw__top_up__restarts_the_lock(rnode_pool, econ_node, chain):
    """The lock runs from the last deposit: a top-up locks the whole deposit again."""
    tx = _deposit(rnode_pool, econ_node)
    chain.pending_timestamp = tx.timestamp + LOCK - 10
    top_up = _deposit(rnode_pool, econ_node, 1)
    chain.pending_timestamp = tx.timestamp + LOCK
    with ape.reverts("rnode_pool: deposit locked"):
        rnode_pool.withdraw(RNODE_MIN, sender=econ_node)
    chain.pending_timestamp = top_up.timestamp + LOCK
    rnode_pool.withdraw(RNODE_MIN, sender=econ_node)


def test_withdraw__elected_to_a_term__reverts_until_it_ends(rnode_pool, rnode_committee, econ_node, chain):
    """While the committee holds the RNode to a current or future term it cannot leave; from the
    term's end it can."""
    tx = _deposit(rnode_pool, econ_node)
    end = tx.timestamp + 10 * LOCK
    rnode_committee.set_locked_until(econ_node, end, sender=econ_node)
    chain.pending_timestamp = end - 1
    with ape.reverts("rnode_pool: elected to a committee term"):
        rnode_pool.withdraw(RNODE_MIN, sender=econ_node)
    chain.mine(timestamp=end)
    assert rnode_pool.can_withdraw(econ_node)
    rnode_pool.withdraw(RNODE_MIN, sender=econ_node)


def test_withdraw__no_committee__only_the_time_lock(rnode_pool, rnode_committee, owner, econ_node, chain):
    """With the committee unset (empty), no term lock applies."""
    tx = _deposit(rnode_pool, econ_node)
    rnode_committee.set_locked_until(econ_node, 2**40, sender=econ_node)
    rnode_pool.set_committee(ZERO, sender=owner)
    chain.pending_timestamp = tx.timestamp + LOCK
    rnode_pool.withdraw(RNODE_MIN, sender=econ_node)


def test_withdraw__zero_amount__reverts(rnode_pool, econ_node):
    """Zero is refused, in the lock too."""
    _deposit(rnode_pool, econ_node)
    with ape.reverts("rnode_pool: zero amount"):
        rnode_pool.withdraw(0, sender=econ_node)


def test_withdraw__above_deposit__reverts(rnode_pool, econ_node):
    """Nobody takes out more than it put in."""
    _deposit(rnode_pool, econ_node)
    with ape.reverts("rnode_pool: amount above deposit"):
        rnode_pool.withdraw(2 * RNODE_MIN + 1, sender=econ_node)


def test_withdraw__rest_below_minimum__reverts(rnode_pool, econ_node):
    """What stays must be at least 200,000 CPC unless it is zero."""
    _deposit(rnode_pool, econ_node)
    with ape.reverts("rnode_pool: deposit below the minimum"):
        rnode_pool.withdraw(RNODE_MIN + 1, sender=econ_node)


def test_set_lock_minutes__by_owner__applies_to_later_deposits(
    rnode_pool, owner, econ_node, econ_node2, chain
):
    """A new lock applies from the next deposit; earlier deposits keep their unlock time."""
    first = _deposit(rnode_pool, econ_node)
    tx = rnode_pool.set_lock_minutes(model.MAX_LOCK_MINUTES, sender=owner)
    assert rnode_pool.LockMinutesSet(model.MAX_LOCK_MINUTES) in tx.events
    second = _deposit(rnode_pool, econ_node2)
    assert rnode_pool.unlock_time(econ_node) == first.timestamp + LOCK
    assert rnode_pool.unlock_time(econ_node2) == second.timestamp + model.MAX_LOCK_MINUTES * 60


def test_set_lock_minutes__above_one_day__reverts(rnode_pool, owner):
    """At most one day."""
    with ape.reverts("rnode_pool: lock above the limit"):
        rnode_pool.set_lock_minutes(model.MAX_LOCK_MINUTES + 1, sender=owner)


def test_set_lock_minutes__non_owner__reverts(rnode_pool, non_owner):
    """Only the owner (until a parameter registry is named)."""
    with ape.reverts("ownable: caller is not the owner"):
        rnode_pool.set_lock_minutes(1, sender=non_owner)


def test_set_committee__non_owner__reverts(rnode_pool, non_owner):
    """Only the owner names the committee."""
    with ape.reverts("ownable: caller is not the owner"):
        rnode_pool.set_committee(ZERO, sender=non_owner)


def test_set_committee__not_a_contract__reverts(rnode_pool, owner, non_owner):
    """An account without code cannot answer `locked_until`."""
    with ape.reverts("rnode_pool: committee is not a contract"):
        rnode_pool.set_committee(non_owner, sender=owner)


def test_set_committee__by_owner__event(rnode_pool, owner, node_votes):
    """The owner may move to another committee contract."""
    tx = rnode_pool.set_committee(node_votes, sender=owner)
    assert rnode_pool.committee() == node_votes
    assert rnode_pool.CommitteeSet(node_votes) in tx.events


def test_sweep__force_sent_cpc__owner_recovers_it(
    rnode_pool, pools_cpc, owner, pools_funder, econ_node, chain
):
    """Force-sent CPC is surplus: deposits and withdrawals are untouched, the owner sweeps it."""
    pools_cpc.transfer(rnode_pool, 5, sender=econ_node)
    tx = _deposit(rnode_pool, econ_node)
    assert rnode_pool.surplus() == 5
    chain.pending_timestamp = tx.timestamp + LOCK
    rnode_pool.withdraw(2 * RNODE_MIN, sender=econ_node)
    assert rnode_pool.sweep(pools_funder, sender=owner).return_value == 5
    assert pools_cpc.balanceOf(rnode_pool) == 0


def test_sweep__no_surplus__reverts(rnode_pool, owner, pools_funder, econ_node):
    """Deposits are never surplus."""
    _deposit(rnode_pool, econ_node)
    with ape.reverts("rnode_pool: no surplus"):
        rnode_pool.sweep(pools_funder, sender=owner)


def test_sweep__non_owner__reverts(rnode_pool, non_owner):
    """Only the owner sweeps."""
    with ape.reverts("ownable: caller is not the owner"):
        rnode_pool.sweep(non_owner, sender=non_owner)


def test_sweep__zero_receiver__reverts(rnode_pool, pools_cpc, owner, econ_node):
    """The surplus must go somewhere."""
    pools_cpc.transfer(rnode_pool, 1, sender=econ_node)
    with ape.reverts("rnode_pool: zero receiver"):
        rnode_pool.sweep(ZERO, sender=owner)


def test_can_withdraw__no_deposit_then_the_unlock_second__false_then_true(
    rnode_pool, econ_node, pools_outsider, chain
):
    """Nothing deposited is never withdrawable; a deposit is from its unlock second on (read at a
    block of exactly that second, and of the second before)."""
    assert not rnode_pool.can_withdraw(pools_outsider)
    _deposit(rnode_pool, econ_node)
    unlock = rnode_pool.unlock_time(econ_node)
    chain.mine(timestamp=unlock - 1)
    assert not rnode_pool.can_withdraw(econ_node)
    chain.mine(timestamp=unlock)
    assert rnode_pool.can_withdraw(econ_node)

"""RNodePool.getPastVotes / getPastTotalSupply over a long history: the pools' checkpoints go through
the shared module contracts/shared/checkpoints.vy (Staking's too), with the unlock time kept in the
head word only."""

import ape

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import RNODE_MIN

ZERO = "0x" + "00" * 20


def test_getPastVotes__many_deposits__each_timepoint_reads_its_value(
    rnode_pool, econ_node, econ_node2, chain
):
    """Nine top-ups ten seconds apart (another RNode's deposit among them): every second in between
    reads the deposit in force then, before the first reads 0 (binary search of the history), and the
    unlock time follows the latest deposit without entering the history."""
    start = chain.pending_timestamp + 100
    stamps = []
    other = start + 45
    for i in range(9):
        chain.pending_timestamp = start + 10 * i
        stamps.append(rnode_pool.deposit(RNODE_MIN + i, sender=econ_node).timestamp)
        if i == 4:
            chain.pending_timestamp = other
            assert rnode_pool.deposit(RNODE_MIN, sender=econ_node2).timestamp == other
    chain.mine(deltatime=10)
    assert rnode_pool.numCheckpoints(econ_node) == 9
    assert rnode_pool.numCheckpoints("0x0000000000000000000000000000000000000000") == 10
    assert rnode_pool.getPastVotes(econ_node, stamps[0] - 1) == 0
    assert rnode_pool.getPastTotalSupply(stamps[0] - 1) == 0
    for i, stamp in enumerate(stamps):
        expected = sum(RNODE_MIN + k for k in range(i + 1))
        assert rnode_pool.getPastVotes(econ_node, stamp) == expected
        assert rnode_pool.getPastVotes(econ_node, stamp + 9) == expected
        for t in (stamp, stamp + 5, stamp + 9):
            assert rnode_pool.getPastTotalSupply(t) == expected + (RNODE_MIN if t >= other else 0)
    assert rnode_pool.unlock_time(econ_node) == stamps[-1] + rnode_pool.lock_minutes() * 60


def test_getPastVotes__two_deposits_in_one_second__one_checkpoint(rnode_pool, econ_node, chain):
    """Two deposits within one second overwrite that second's checkpoint: the count stays one and
    the second reads the sum, never the first deposit alone."""
    stamp = chain.pending_timestamp + 50
    chain.pending_timestamp = stamp
    rnode_pool.deposit(RNODE_MIN, sender=econ_node)
    chain.pending_timestamp = stamp  # the next block in the same second
    assert rnode_pool.deposit(RNODE_MIN, sender=econ_node).timestamp == stamp
    chain.mine(deltatime=5)
    assert rnode_pool.numCheckpoints(econ_node) == 1
    assert rnode_pool.getPastVotes(econ_node, stamp) == 2 * RNODE_MIN
    assert rnode_pool.getPastVotes(econ_node, stamp - 1) == 0


def test_pool_votes__the_total_s_key__reads_as_no_node(rnode_pool, econ_node, chain):
    """The zero address is where a pool keeps its total: read as an account it is no node (no
    deposit, no votes now or then, no unlock time), after a deposit and after a withdrawal."""
    tx = rnode_pool.deposit(RNODE_MIN, sender=econ_node)
    chain.mine(deltatime=5)
    assert rnode_pool.total_deposits() == RNODE_MIN
    assert rnode_pool.deposit_of(ZERO) == rnode_pool.getVotes(ZERO) == 0
    assert rnode_pool.getPastVotes(ZERO, tx.timestamp) == rnode_pool.unlock_time(ZERO) == 0
    chain.pending_timestamp = tx.timestamp + model.DEFAULT_LOCK_MINUTES * 60
    rnode_pool.withdraw(RNODE_MIN, sender=econ_node)
    assert rnode_pool.unlock_time(ZERO) == rnode_pool.total_deposits() == 0


def test_pool_votes__the_head_s_own_second__not_yet_past(rnode_pool, econ_node, chain):
    """A timepoint is past only once a later block exists (ERC-5805): the head's own second, and
    any later one, is refused for a node's votes and for the total alike."""
    rnode_pool.deposit(RNODE_MIN, sender=econ_node)
    chain.mine(deltatime=5)
    head = chain.blocks.head.timestamp
    for timepoint in (head, head + 1_000):
        with ape.reverts("deposit_votes: timepoint not yet past"):
            rnode_pool.getPastVotes(econ_node, timepoint)
        with ape.reverts("deposit_votes: timepoint not yet past"):
            rnode_pool.getPastTotalSupply(timepoint)
    assert rnode_pool.getPastVotes(econ_node, head - 1) == RNODE_MIN
    assert rnode_pool.getPastTotalSupply(head - 1) == RNODE_MIN

"""RNodePool.getPastVotes / getPastTotalSupply over a long history: the pools' checkpoints go through
the shared module contracts/shared/checkpoints.vy (Staking's too), with the unlock time kept in the
head word only."""

from tests.nodes.pools.conftest import RNODE_MIN


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

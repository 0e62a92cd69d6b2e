"""getPastVotes / getPastTotalSupply: checkpoints per second, the latest first, binary search."""

import ape

from tests.governance.staking.conftest import delegate


def test_getPastVotes__current_timepoint__reverts(staking, staker, chain):
    """Only the past can be read: the current second may still change."""
    now = chain.blocks.head.timestamp
    with ape.reverts("staking: timepoint not yet past"):
        staking.getPastVotes(staker, now + 1)
    with ape.reverts("staking: timepoint not yet past"):
        staking.getPastTotalSupply(now + 1)


def test_getPastVotes__many_checkpoints__each_timepoint_reads_its_value(staking, staker, chain):
    """Nine stakes ten seconds apart: every second in between reads the value in force then,
    before the first reads 0 (binary search over the older checkpoints)."""
    start = chain.pending_timestamp + 100
    stamps = []
    for i in range(9):
        chain.pending_timestamp = start + 10 * i
        stamps.append(staking.stake(i + 1, sender=staker).timestamp)
    chain.mine(deltatime=10)
    assert staking.numCheckpoints(staker) == 9
    assert staking.getPastVotes(staker, stamps[0] - 1) == 0
    for i, stamp in enumerate(stamps):
        expected = sum(range(1, i + 2))
        assert staking.getPastVotes(staker, stamp) == expected
        assert staking.getPastVotes(staker, stamp + 9) == expected
        assert staking.getPastTotalSupply(stamp + 5) == expected


def test_getPastVotes__two_changes_in_one_second__one_checkpoint(staking, staker, delegatee, chain):
    """Changes within one second overwrite that second's checkpoint: no transient value is readable."""
    stamp = chain.pending_timestamp + 50
    chain.pending_timestamp = stamp
    staking.stake(1000, sender=staker)
    chain.pending_timestamp = stamp  # the next block in the same second
    assert delegate(staking, delegatee, staker).timestamp == stamp
    chain.mine(deltatime=5)
    assert staking.numCheckpoints(staker) == 1
    assert staking.getPastVotes(staker, stamp) == 0
    assert staking.getPastVotes(delegatee, stamp) == 1000


def test_getVotes__zero_address__reads_zero(staking, staker, chain):
    """The zero address keys the total's checkpoints but has no votes of its own."""
    staking.stake(10, sender=staker)
    chain.mine(deltatime=2)
    zero = "0x0000000000000000000000000000000000000000"
    assert staking.getVotes(zero) == 0
    assert staking.getPastVotes(zero, chain.blocks.head.timestamp - 1) == 0

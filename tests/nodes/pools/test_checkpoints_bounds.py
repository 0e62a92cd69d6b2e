"""contracts/shared/checkpoints.vy at its bound, through the RNode Pool (deposit_votes' head word keeps
the count in 48 bits): a past read of a key with 2**48 - 1 checkpoints takes all MAX_SEARCH_STEPS =
48 halvings of the binary search to reach the first one (the survivor of mutation testing,
docs/assurance.md)."""

from tests.nodes.pools.conftest import RNODE_MIN
from tests.tests_support import map_entry_slot, set_storage_word, storage_word

VALUE_BITS = 112  # deposit_votes' head word: value 112 | time 48 | count 48 | extra 48
COUNT_SHIFT = 160
EXTRA_SHIFT = 208
COUNT_MASK = 2**48 - 1
TIME_SHIFT = 208  # checkpoints' history word: value 208 | time 48


def _base_holding(chain, contract, slot_of, word: int, bases: int = 64) -> int:
    """The base slot `b` of a map of `contract` whose entry `slot_of(b)` holds `word` now."""
    for base in range(bases):
        if storage_word(chain, contract, slot_of(base)) == word:
            return base
    raise AssertionError(f"no map of {contract.address} below slot {bases} holds {word}")


def test_getPastVotes__count_2_48_minus_1__the_48th_halving_reads_the_first_checkpoint(
    rnode_pool, econ_node, chain
):
    """Kills checkpoints.vy:48 (MAX_SEARCH_STEPS 47): the node's head says 2**48 - 1 checkpoints and
    every one the search meets after the first (indexes 2**k - 1, k = 47 .. 1) was written after the
    timepoint, so the search halves to the left 48 times; the 48th step reads index 0, the deposit
    in force then. After 47 steps the range is still [0, 1] and the read would be 0."""
    t1 = chain.pending_timestamp + 100
    t2 = t1 + 10
    chain.pending_timestamp = t1
    rnode_pool.deposit(RNODE_MIN, sender=econ_node)
    chain.pending_timestamp = t2
    rnode_pool.deposit(RNODE_MIN, sender=econ_node)
    chain.mine(timestamp=t2 + 10)
    assert rnode_pool.numCheckpoints(econ_node) == 2
    key = int(econ_node.address, 16)

    # The head word: value 2 * RNODE_MIN, time t2, count 2, the unlock time on top.
    head = (
        2 * RNODE_MIN
        | (t2 << VALUE_BITS)
        | (2 << COUNT_SHIFT)
        | (rnode_pool.unlock_time(econ_node) << EXTRA_SHIFT)
    )
    head_slot = map_entry_slot(_base_holding(chain, rnode_pool, lambda b: map_entry_slot(b, key), head), key)
    # The history: index 0 holds the first deposit, written at t1.
    first = RNODE_MIN | (t1 << TIME_SHIFT)
    history_base = _base_holding(
        chain, rnode_pool, lambda b: map_entry_slot(map_entry_slot(b, key), 0), first
    )
    row = map_entry_slot(history_base, key)

    set_storage_word(chain, rnode_pool, head_slot, head | (COUNT_MASK << COUNT_SHIFT))
    assert rnode_pool.numCheckpoints(econ_node) == 2**48 - 1
    for k in range(1, 48):
        set_storage_word(
            chain, rnode_pool, map_entry_slot(row, 2**k - 1), (RNODE_MIN + k) | (t2 << TIME_SHIFT)
        )

    assert rnode_pool.getPastVotes(econ_node, t1) == RNODE_MIN
    assert rnode_pool.getPastVotes(econ_node, t2 - 1) == RNODE_MIN
    assert rnode_pool.getPastVotes(econ_node, t1 - 1) == 0
    assert rnode_pool.getPastVotes(econ_node, t2) == 2 * RNODE_MIN  # the head's own second

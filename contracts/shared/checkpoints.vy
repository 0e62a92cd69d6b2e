# pragma version ~=0.4.3
"""
@title Checkpoint history and past reads (ERC-5805, timestamp clock)
@custom:contract-name checkpoints
@license GNU Affero General Public License v3.0 only
@notice The checkpoint machinery of every votes source of the suite,
        written once: governance staking (contracts/governance/Staking.vy)
        and the node pools (contracts/nodes/deposit_votes.vy, summed by
        NodeVotes) initialise it.

        A key (an account, or a host's total under a key of its choice)
        has a list of checkpoints (value, second), one per second in
        which its value changed. The latest one is the host's: it sits
        in the host's head word for the key, packed with whatever the
        host writes on the same hot path (Staking: the exclusion flag,
        with the value derived from what is delegated in; the node
        pools: the RNode unlock time), so a change writes one slot for
        the head. Everything older is this module's: the history array,
        one word per checkpoint (value 208 bits | second 48), by index
        0 .. count - 2.

        Writing (`_push`): when a change lands in a later second than
        the head's, the head moves into the history and the count grows
        by one; a second change in the same second overwrites the head
        (the count stays), so power gained in the second of a snapshot
        never counts at an earlier timepoint. The host then writes its
        head with the new value, `block.timestamp` and the count `_push`
        returned.

        Reading (`_lookup`): the value of the last checkpoint written at
        or before t, 0 if none: the head first (the usual case for a
        running vote, as OpenZeppelin's `upperLookupRecent`), then a
        binary search of the history, at most `MAX_SEARCH_STEPS` steps
        (hosts keep counts below 2**48). The host asserts t < clock()
        with its own revert prefix before it reads, so a past read never
        sees a checkpoint that can still change.

        The host unpacks its head and passes the latest checkpoint's
        value, second and the count in; this module never reads a head
        word, so each host keeps its own layout.
@custom:security State only, no external call. Values must fit 208
        bits and counts 48 (the hosts' head layouts are narrower).
"""


# @dev Binary-search steps of a past read: hosts store counts in at most 48 bits, and a search of
#      n < 2**48 checkpoints ends in at most 48 halvings.
MAX_SEARCH_STEPS: constant(uint256) = 48

# History word: value | second.
_VALUE_MASK: constant(uint256) = 2**208 - 1
_TIME_SHIFT: constant(uint256) = 208


# @dev A history word unpacked: one past checkpoint.
struct Point:
    value: uint256
    time: uint256


# @dev Checkpoints older than the head's, per key, by index.
_history: HashMap[address, HashMap[uint256, uint256]]


@external
@view
def clock() -> uint48:
    """
    @notice The current timepoint (ERC-6372): `block.timestamp`.
    @return uint48 The timestamp.
    """
    return convert(block.timestamp, uint48)


@external
@view
def CLOCK_MODE() -> String[32]:
    """
    @notice The ERC-6372 description of the clock.
    @return String "mode=timestamp".
    """
    return "mode=timestamp"


@internal
def _push(key: address, latest: uint256, time: uint256, count: uint256) -> uint256:
    """
    @dev Makes room for a checkpoint of `key` written now: in a later
         second than the latest one, the latest moves into the history;
         in the same second the host overwrites it. The caller then
         writes its head with the new value, `block.timestamp` and the
         count returned.
    @param key The key.
    @param latest The latest checkpoint's value, from the host's head.
    @param time The second it was written (0: never).
    @param count How many checkpoints the key has, the latest included.
    @return uint256 The count of checkpoints once the head is written.
    """
    if time == block.timestamp:
        return count
    if count != 0:
        self._history[key][count - 1] = self._pack_point(Point(value=latest, time=time))
    return count + 1


@internal
@view
def _lookup(
    key: address, latest: uint256, time: uint256, count: uint256, timepoint: uint256
) -> uint256:
    """
    @dev The value of the last checkpoint of `key` written at or before
         `timepoint` (0 if none): the head first, then a binary search of
         the history, at most `MAX_SEARCH_STEPS` steps.
    @param key The key.
    @param latest The latest checkpoint's value, from the host's head.
    @param time The second it was written.
    @param count How many checkpoints the key has, the latest included.
    @param timepoint The timestamp (the host has checked it is past).
    @return uint256 The value.
    """
    if count == 0:
        return 0
    if time <= timepoint:
        return latest
    # The first history checkpoint written after `timepoint`, in [0, count - 1]
    # (index count - 1 stands for the head, already known to be after it).
    low: uint256 = 0
    high: uint256 = count - 1
    for _: uint256 in range(MAX_SEARCH_STEPS):
        if low >= high:
            break
        # Both are below 2**48, so the sum cannot overflow; // 2 rounds
        # down, so mid < high and the range shrinks every step.
        mid: uint256 = unsafe_add(low, high) // 2
        if self._unpack_point(self._history[key][mid]).time > timepoint:
            high = mid
        else:
            low = mid + 1
    if low == 0:
        return 0
    return self._unpack_point(self._history[key][low - 1]).value


@internal
@pure
def _unpack_point(word: uint256) -> Point:
    """
    @dev A history word as a struct.
    @param word The packed word.
    @return Point Its fields.
    """
    return Point(value=word & _VALUE_MASK, time=word >> _TIME_SHIFT)


@internal
@pure
def _pack_point(p: Point) -> uint256:
    """
    @dev A struct as a history word.
    @param p The fields (value below 2**208, time below 2**48).
    @return uint256 The packed word.
    """
    return p.value | (p.time << _TIME_SHIFT)

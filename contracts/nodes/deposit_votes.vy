# pragma version ~=0.4.3
"""
@title Deposits as checkpointed votes (ERC-5805 reads, timestamp clock)
@custom:contract-name deposit_votes
@license GNU Affero General Public License v3.0 only
@notice The node pools' bookkeeping of deposits, written once for the
        Economy Pool and the RNode Pool: a node's deposit IS its voting
        power in the CPC Governor (through NodeVotes, which sums the
        pools), so the deposit is stored only here, as the value of the
        node's latest checkpoint, and the pool's total as the latest
        checkpoint of the key `_TOTAL` (the zero address, which never
        deposits). Votes follow deposits: there is no delegation.

        Checkpoints by contracts/shared/checkpoints.vy, the module
        contracts/governance/Staking.vy uses too: per key a head word
        (here) holds the latest checkpoint; an older one moves to the
        module's history array (one word: value 208 bits | second 48)
        when a change lands in a later second, and two changes in one
        second overwrite that second's checkpoint. A read at timepoint
        t < now returns the value after the last change at or before t:
        the head first, then a binary search of the history, at most
        `checkpoints.MAX_SEARCH_STEPS` steps (counts are below 2**48).
        The ERC-6372 `clock` and `CLOCK_MODE` are the module's, exported
        from here.

        Head word = value (112 bits) | latest second (48) | count (48)
                    | host field (48).
        A value is at most the pool's CPC, below CPC's cap of 10**27 <
        2**90, so it fits. The host field is the pool's own per-node
        number kept in the same slot (the RNode Pool's unlock time), so
        a deposit writes one slot per node; it is not part of the
        checkpoint and the history does not keep it.
@custom:security State only; the host moves tokens after calling
        `_change` (checks-effects-interactions). Reverts carry this
        module's name: "deposit_votes: ...".
"""


from contracts.shared import checkpoints
from contracts.shared import constants

initializes: checkpoints


exports: (
    # ERC-6372 clock (contracts/shared/checkpoints.vy).
    checkpoints.clock,
    checkpoints.CLOCK_MODE,
)


# @dev The key of the total's head word and history.
_TOTAL: constant(address) = empty(address)

# Head word: value | latest second | count | host field.
_VALUE_MASK: constant(uint256) = 2**112 - 1
_TIME_SHIFT: constant(uint256) = 112
_TIME_MASK: constant(uint256) = constants.MASK_48
_COUNT_SHIFT: constant(uint256) = 160
_COUNT_MASK: constant(uint256) = constants.MASK_48
_EXTRA_SHIFT: constant(uint256) = 208


# @dev A head word unpacked.
struct Head:
    # the latest checkpoint's value
    value: uint256
    # the second it was written (0: never)
    time: uint256
    # how many checkpoints the key has, the latest included
    count: uint256
    # the host's own field (not part of the checkpoint)
    extra: uint256


# @dev Head words (see the notice); `_TOTAL` holds the pool's total.
_heads: HashMap[address, uint256]


@external
@view
def deposit_of(node: address) -> uint256:
    """
    @notice The CPC `node` has in the pool now (its votes).
    @param node The node.
    @return uint256 The deposit, in wei.
    """
    if node == _TOTAL:
        return 0
    return self._value_of(node)


@external
@view
def total_deposits() -> uint256:
    """
    @notice The CPC of every node in the pool together now.
    @return uint256 The total, in wei.
    """
    return self._value_of(_TOTAL)


@external
@view
def getVotes(account: address) -> uint256:
    """
    @notice The voting power `account` holds now: its deposit.
    @param account The node.
    @return uint256 The votes, in wei of CPC.
    """
    if account == _TOTAL:
        return 0
    return self._value_of(account)


@external
@view
def getPastVotes(account: address, timepoint: uint256) -> uint256:
    """
    @notice The deposit `account` had at `timepoint`: the value after the
            last change at or before it.
    @param account The node.
    @param timepoint A timestamp strictly before `clock()`.
    @return uint256 The votes, in wei of CPC.
    """
    assert timepoint < block.timestamp, "deposit_votes: timepoint not yet past"
    if account == _TOTAL:
        return 0
    return self._lookup(account, timepoint)


@external
@view
def getPastTotalSupply(timepoint: uint256) -> uint256:
    """
    @notice The pool's total deposits at `timepoint`.
    @param timepoint A timestamp strictly before `clock()`.
    @return uint256 The total, in wei of CPC.
    """
    assert timepoint < block.timestamp, "deposit_votes: timepoint not yet past"
    return self._lookup(_TOTAL, timepoint)


@external
@view
def numCheckpoints(account: address) -> uint256:
    """
    @notice How many checkpoints `account`'s deposit has (`empty(address)`:
            the total's).
    @param account The node.
    @return uint256 The count.
    """
    return self._unpack_head(self._heads[account]).count


@internal
@view
def _value_of(key: address) -> uint256:
    """
    @dev The latest value of `key`: a node's deposit, or the total.
    @param key A node, or `_TOTAL`.
    @return uint256 The value, in wei of CPC.
    """
    # One field of the hot path, read without unpacking the rest: the value is the low field.
    return self._heads[key] & _VALUE_MASK


@internal
@view
def _extra_of(node: address) -> uint256:
    """
    @dev The host's own field of `node`'s head word.
    @param node The node.
    @return uint256 The field (below 2**48).
    """
    # One field of the hot path, read without unpacking the rest: the host field is the top one.
    return self._heads[node] >> _EXTRA_SHIFT


@internal
def _write(key: address, amount: uint256, extra: uint256):
    """
    @dev Makes `amount` the latest checkpoint of `key` as of now: a change
         in a later second first moves the head into the history; one in
         the same second overwrites it.
    @param key A node, or `_TOTAL`.
    @param amount The new value (below 2**112).
    @param extra The host field to store with it (below 2**48).
    """
    h: Head = self._unpack_head(self._heads[key])
    count: uint256 = checkpoints._push(key, h.value, h.time, h.count)
    self._heads[key] = self._pack_head(
        Head(value=amount, time=block.timestamp, count=count, extra=extra)
    )


@internal
def _change(
    node: address, deposit: uint256, total: uint256, amount: uint256, increase: bool, extra: uint256
):
    """
    @dev Adds `amount` to (or removes it from) `node`'s deposit and the
         total, checkpointing both. The host has read both values (it
         checks its minimums on them) and passes them in.
    @param node The node.
    @param deposit The node's deposit before the change.
    @param total The total before the change.
    @param amount The change, in wei (the host checks it is not zero and,
           for a removal, at most `deposit`).
    @param increase True for a deposit.
    @param extra The node's host field from now on (below 2**48).
    """
    if increase:
        self._write(node, deposit + amount, extra)
        self._write(_TOTAL, total + amount, 0)
    else:
        self._write(node, deposit - amount, extra)
        self._write(_TOTAL, total - amount, 0)


@internal
@view
def _lookup(key: address, timepoint: uint256) -> uint256:
    """
    @dev The value of the last checkpoint of `key` written at or before
         `timepoint` (0 if none), read by the checkpoint module from the
         head and the history.
    @param key A node, or `_TOTAL`.
    @param timepoint The timestamp (checked to be past).
    @return uint256 The value.
    """
    h: Head = self._unpack_head(self._heads[key])
    return checkpoints._lookup(key, h.value, h.time, h.count, timepoint)


@internal
@pure
def _unpack_head(word: uint256) -> Head:
    """
    @dev A head word as a struct.
    @param word The packed word.
    @return Head Its fields.
    """
    return Head(
        value=word & _VALUE_MASK,
        time=(word >> _TIME_SHIFT) & _TIME_MASK,
        count=(word >> _COUNT_SHIFT) & _COUNT_MASK,
        extra=word >> _EXTRA_SHIFT,
    )


@internal
@pure
def _pack_head(h: Head) -> uint256:
    """
    @dev A struct as a head word.
    @param h The fields (each within its width).
    @return uint256 The packed word.
    """
    return (
        h.value
        | (h.time << _TIME_SHIFT)
        | (h.count << _COUNT_SHIFT)
        | (h.extra << _EXTRA_SHIFT)
    )

# pragma version ~=0.4.3
"""
@title Rate limit: a bridge's ERC-7281 minting or burning allowance
@custom:contract-name rate_limit
@license GNU Affero General Public License v3.0 only
@notice The arithmetic of one ERC-7281 (xERC20) limit, packed into one
        storage word, with no storage of its own: the token keeps one
        word per bridge and direction and calls these pure functions.
        The semantics are the reference xERC20's (defi-wonderland,
        XERC20.sol), to the wei:

        Glossary (one limit, one direction):
          M    the max limit (`max`), set by governance
          c    the current limit at the last update (`current`)
          t0   the time of that update (`timestamp`)
          D    DURATION = 1 day, the time to refill from 0 to M
          r    M // D, the refill rate in wei per second (rounded down,
               as the reference; the last `M % D` wei come back only
               when the whole day has passed)

        The limit available at time t is
          c                         if c == M
          M                         if t >= t0 + D
          min(c + (t - t0) * r, M)  otherwise
        Spending `a` (a mint or a burn) sets c := available(t) - a,
        t0 := t. Setting a new max M' sets c := available(t) + (M' - M)
        when it grows, max(available(t) - (M - M'), 0) when it shrinks,
        and t0 := t: a new max moves the current limit by the difference.
@custom:security Amounts are below 2**104 (about 2e31, over a thousand
        times the largest cap of the suite: 1e28): the token refuses a
        larger max, and a current limit never exceeds its max. Times are
        below 2**48 (year 8,900,000).
"""


# @dev The time a limit takes to refill from zero to its max (ERC-7281's
#      reference DURATION).
DURATION: constant(uint256) = 86400

# @dev Largest max limit a word can hold.
MAX_LIMIT: constant(uint256) = 2**104 - 1


# Word layout, low bits first: current (104) | max (104) | timestamp (48).
_CURRENT_MASK: constant(uint256) = 2**104 - 1
_MAX_SHIFT: constant(uint256) = 104
_MAX_MASK: constant(uint256) = 2**104 - 1
_TIMESTAMP_SHIFT: constant(uint256) = 208
_TIMESTAMP_MASK: constant(uint256) = 2**48 - 1


# @dev One limit, unpacked.
struct Limit:
    # The max limit, in wei: what the limit refills to.
    max: uint256
    # The current limit at `timestamp`, in wei.
    current: uint256
    # The time of the last spend or max change (0: never set).
    timestamp: uint256


@internal
@pure
def _pack(limit: Limit) -> uint256:
    """
    @dev A limit as its storage word (fields in range: see the header).
    @param limit The limit.
    @return uint256 The word.
    """
    return (
        limit.current
        | (limit.max << _MAX_SHIFT)
        | (limit.timestamp << _TIMESTAMP_SHIFT)
    )


@internal
@pure
def _unpack(word: uint256) -> Limit:
    """
    @dev A storage word as its limit.
    @param word The word (zero: a limit never set).
    @return Limit The limit.
    """
    return Limit(
        max=(word >> _MAX_SHIFT) & _MAX_MASK,
        current=word & _CURRENT_MASK,
        timestamp=(word >> _TIMESTAMP_SHIFT) & _TIMESTAMP_MASK,
    )


@internal
@view
def _available(limit: Limit) -> uint256:
    """
    @dev The limit available now: c refilled at r = M // D per second
         since t0, never above M (see the header's formula).
    @param limit The limit as last stored.
    @return uint256 What can be minted or burnt now, in wei.
    """
    if limit.current == limit.max:
        return limit.current
    # t0 <= now (stored times are past block times), so no underflow.
    elapsed: uint256 = block.timestamp - limit.timestamp
    if elapsed >= DURATION:
        return limit.max
    # r rounds down, as the reference's ratePerSecond: the refill never
    # runs ahead of M per day. elapsed < D and r < 2**104 keep it small.
    refilled: uint256 = limit.current + elapsed * (limit.max // DURATION)
    return min(refilled, limit.max)


@internal
@view
def _spent(limit: Limit, available: uint256, amount: uint256) -> uint256:
    """
    @dev The word after spending `amount` of `available` now.
    @param limit The limit as last stored (its max is kept).
    @param available `_available(limit)`, already checked >= `amount`.
    @param amount The amount minted or burnt, in wei.
    @return uint256 The new word.
    """
    return self._pack(
        Limit(max=limit.max, current=available - amount, timestamp=block.timestamp)
    )


@internal
@view
def _with_max(limit: Limit, new_max: uint256) -> uint256:
    """
    @dev The word after governance sets a new max now: the current limit
         moves by the difference between the maxes, never below zero.
    @param limit The limit as last stored.
    @param new_max The new max limit, in wei (<= MAX_LIMIT).
    @return uint256 The new word.
    """
    available: uint256 = self._available(limit)
    current: uint256 = 0
    if new_max >= limit.max:
        # available <= M, so available + (M' - M) <= M'.
        current = available + (new_max - limit.max)
    elif available > limit.max - new_max:
        current = available - (limit.max - new_max)
    return self._pack(Limit(max=new_max, current=current, timestamp=block.timestamp))

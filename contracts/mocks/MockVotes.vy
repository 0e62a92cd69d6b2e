# pragma version ~=0.4.3
"""
@title MockVotes: a test double of the votes source (ERC-5805, timestamp clock)
@custom:contract-name MockVotes
@license GNU Affero General Public License v3.0 only
@notice Stands in for governance's Staking until it lands: the owner sets
        an account's voting power (`set_votes`), which writes a checkpoint
        at the current timestamp for the account and for the total. Past
        reads binary-search the checkpoints with the semantics
        interfaces/IVotes.vyi fixes: `getPastVotes(a, t)` and
        `getPastTotalSupply(t)` revert for t >= clock(), and the value at
        t is the one after the last change made at or before t.
        Delegation is recorded and logged but moves no power (the owner
        sets power directly); `delegateBySig` is not supported.
"""


from interfaces import IVotes

implements: IVotes


# @dev Checkpoint word: timepoint (48 bits) | value (208 bits).
_TIME_MASK: constant(uint256) = 2**48 - 1
_VALUE_SHIFT: constant(uint256) = 48
# @dev Binary search bound: 2**64 checkpoints.
_SEARCH_STEPS: constant(uint256) = 64

# @dev The account allowed to set voting power.
owner: public(immutable(address))
# @dev Checkpoints per account, index -> word (the total's under the zero address).
_checkpoints: HashMap[address, HashMap[uint256, uint256]]
# @dev Number of checkpoints per account.
_counts: HashMap[address, uint256]
# @dev Whom an account delegated to (recorded only).
delegates: public(HashMap[address, address])


@deploy
def __init__():
    """
    @dev The deployer sets voting power.
    """
    owner = msg.sender


@external
def set_votes(account: address, amount: uint256):
    """
    @dev Sets `account`'s power to `amount` from now on, and the total by
         the difference.
    @param account The account (not the zero address).
    @param amount The new power.
    """
    assert msg.sender == owner, "mock_votes: caller is not the owner"
    assert account != empty(address), "mock_votes: zero account"
    previous: uint256 = self._latest(account)
    self._write(account, amount)
    self._write(empty(address), self._latest(empty(address)) + amount - previous)
    log IVotes.DelegateVotesChanged(delegate=account, previousVotes=previous, newVotes=amount)


@view
@external
def clock() -> uint48:
    """
    @dev ERC-6372: the current timestamp.
    """
    return convert(block.timestamp, uint48)


@view
@external
def CLOCK_MODE() -> String[32]:
    """
    @dev ERC-6372: a timestamp clock.
    """
    return "mode=timestamp"


@view
@external
def getVotes(account: address) -> uint256:
    """
    @dev The power `account` holds now.
    """
    return self._latest(account)


@view
@external
def getPastVotes(account: address, timepoint: uint256) -> uint256:
    """
    @dev The power `account` held at `timepoint` (< clock()).
    """
    assert timepoint < block.timestamp, "mock_votes: future lookup"
    return self._at(account, timepoint)


@view
@external
def getPastTotalSupply(timepoint: uint256) -> uint256:
    """
    @dev The total power at `timepoint` (< clock()).
    """
    assert timepoint < block.timestamp, "mock_votes: future lookup"
    return self._at(empty(address), timepoint)


@external
def delegate(delegatee: address):
    """
    @dev Records and logs a delegation (moves no power in this double).
    """
    log IVotes.DelegateChanged(
        delegator=msg.sender, fromDelegate=self.delegates[msg.sender], toDelegate=delegatee
    )
    self.delegates[msg.sender] = delegatee


@external
def delegateBySig(
    delegatee: address,
    nonce: uint256,
    expiry: uint256,
    v: uint8,
    r: bytes32,
    s: bytes32,
):
    """
    @dev Not part of what the Governor reads; this double refuses it.
    """
    raise "mock_votes: not supported"


@internal
@view
def _latest(account: address) -> uint256:
    """
    @dev The value of `account`'s last checkpoint (0 if none).
    """
    count: uint256 = self._counts[account]
    if count == 0:
        return 0
    return self._checkpoints[account][count - 1] >> _VALUE_SHIFT


@internal
def _write(account: address, amount: uint256):
    """
    @dev Appends a checkpoint at now, or overwrites the last one if it was
         written at the same timestamp.
    """
    count: uint256 = self._counts[account]
    word: uint256 = block.timestamp | (amount << _VALUE_SHIFT)
    if count != 0 and self._checkpoints[account][count - 1] & _TIME_MASK == block.timestamp:
        self._checkpoints[account][count - 1] = word
        return
    self._checkpoints[account][count] = word
    self._counts[account] = count + 1


@internal
@view
def _at(account: address, timepoint: uint256) -> uint256:
    """
    @dev Binary search: the value of the last checkpoint with time <= timepoint.
    """
    low: uint256 = 0
    high: uint256 = self._counts[account]
    for _: uint256 in range(_SEARCH_STEPS):
        if low >= high:
            break
        mid: uint256 = (low + high) // 2
        if self._checkpoints[account][mid] & _TIME_MASK > timepoint:
            high = mid
        else:
            low = mid + 1
    if low == 0:
        return 0
    return self._checkpoints[account][low - 1] >> _VALUE_SHIFT

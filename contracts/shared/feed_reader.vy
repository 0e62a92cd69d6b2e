# pragma version ~=0.4.3
"""
@title Chainlink-compatible price feed reader
@custom:contract-name feed_reader
@license GNU Affero General Public License v3.0 only
@notice Reads an AggregatorV3 feed (`latestRoundData()`, `decimals()`) and
        checks what every consumer must check: a positive answer, an update
        time not in the future, and an age within the feed's heartbeat.
        Stateless: each consumer keeps its own feed, heartbeat and scale
        (packed as it likes) and passes them in. Import with
        `from contracts.shared import feed_reader`.
@custom:security A reverting read is the safe outcome: a consumer that
        cannot price an asset refuses the operation that needs the price
        (or, where an operation must not be vetoed by an unrelated feed,
        calls `_try_answer` and values what cannot be priced at zero).
"""


# @dev Chainlink's AggregatorV3Interface, the part the suite reads.
interface IAggregatorV3:
    def decimals() -> uint8: view
    def latestRoundData() -> (uint80, int256, uint256, uint256, uint80): view


# @dev Shortest and longest heartbeat a consumer may give a feed: one minute
#      to one week (stablecoin feeds update daily; a margin is the caller's).
MIN_HEARTBEAT: constant(uint256) = 60
MAX_HEARTBEAT: constant(uint256) = 7 * 86_400


@internal
@view
def _decimals(feed: address) -> uint256:
    """
    @dev The feed's answer decimals, checked to be a contract first.
    @param feed The feed.
    @return uint256 Its decimals.
    """
    assert feed.is_contract, "feed_reader: feed has no code"
    return convert(staticcall IAggregatorV3(feed).decimals(), uint256)


@internal
@pure
def _check_heartbeat(heartbeat: uint256):
    """
    @dev Refuses a heartbeat outside [MIN_HEARTBEAT, MAX_HEARTBEAT].
    @param heartbeat The longest accepted answer age, in seconds.
    """
    assert heartbeat >= MIN_HEARTBEAT and heartbeat <= MAX_HEARTBEAT, "feed_reader: heartbeat out of bounds"


@internal
@view
def _answer(feed: address, heartbeat: uint256) -> uint256:
    """
    @dev The feed's latest answer, checked: positive, not future-dated,
         at most `heartbeat` seconds old.
    @param feed The feed.
    @param heartbeat The longest accepted answer age, in seconds.
    @return uint256 The answer, in the feed's decimals.
    """
    answer: int256 = 0
    updated_at: uint256 = 0
    answer, updated_at = self._latest(feed)
    assert answer > 0, "feed_reader: non-positive price"
    assert updated_at <= block.timestamp, "feed_reader: timestamp in the future"
    # safe: checked just above
    assert unsafe_sub(block.timestamp, updated_at) <= heartbeat, "feed_reader: stale price"
    return convert(answer, uint256)


@internal
@view
def _try_answer(feed: address, heartbeat: uint256) -> (bool, uint256):
    """
    @dev As `_answer`, but reports a failed check instead of reverting
         (a feed that reverts itself still reverts).
    @param feed The feed.
    @param heartbeat The longest accepted answer age, in seconds.
    @return bool Whether the answer passed every check.
    @return uint256 The answer if it did, else 0.
    """
    answer: int256 = 0
    updated_at: uint256 = 0
    answer, updated_at = self._latest(feed)
    # safe: the subtraction runs only when updated_at <= block.timestamp
    if answer <= 0 or updated_at > block.timestamp or unsafe_sub(block.timestamp, updated_at) > heartbeat:
        return False, 0
    return True, convert(answer, uint256)


@internal
@view
def _latest(feed: address) -> (int256, uint256):
    """
    @dev The feed's latest answer and its update time, unchecked.
    @param feed The feed.
    @return int256 The answer.
    @return uint256 The update time.
    """
    round_id: uint80 = 0
    answer: int256 = 0
    started_at: uint256 = 0
    updated_at: uint256 = 0
    answered_in: uint80 = 0
    round_id, answer, started_at, updated_at, answered_in = staticcall IAggregatorV3(feed).latestRoundData()
    return answer, updated_at

# pragma version ~=0.4.3
"""
@title Test helper: a settable Chainlink AggregatorV3 feed
@custom:contract-name MockPriceFeed
@license GNU Affero General Public License v3.0 only
@notice Test-only (lending). Anyone may set the answer and its timestamp;
        `latestRoundData` answers like Chainlink's AggregatorV3. The round
        lives in one storage slot (like Chainlink's packed transmissions),
        so a reading costs one cold SLOAD.
"""


# @dev Decimals of the answer.
decimals: public(immutable(uint8))
# @dev The current round, packed: answer | updated_at << 128 | round_id << 192.
_round: uint256


@deploy
def __init__(decimals_: uint8, answer_: int256):
    decimals = decimals_
    self._write(answer_, block.timestamp, 1)


@external
@view
def answer() -> int256:
    return self._read().answer


@external
@view
def updated_at() -> uint256:
    return self._read().updated_at


@external
@view
def round_id() -> uint80:
    return self._read().round_id


@external
def set_answer(answer_: int256):
    """
    @dev Sets a new answer, timestamped now.
    @param answer_ The answer.
    """
    self._write(answer_, block.timestamp, self._read().round_id + 1)


@external
def set_updated_at(updated_at_: uint256):
    """
    @dev Backdates (or forward-dates) the answer.
    @param updated_at_ The timestamp.
    """
    r: RoundOut = self._read()
    self._write(r.answer, updated_at_, r.round_id)


@external
@view
def description() -> String[32]:
    return "mock / USD"


@external
@view
def latestRoundData() -> (uint80, int256, uint256, uint256, uint80):
    """
    @dev Chainlink's AggregatorV3 reading.
    """
    r: RoundOut = self._read()
    return r.round_id, r.answer, r.updated_at, r.updated_at, r.round_id


struct RoundOut:
    answer: int256
    updated_at: uint256
    round_id: uint80


@internal
@view
def _read() -> RoundOut:
    packed: uint256 = self._round
    # the answer is stored biased by 2**127 so it fits the low 128 bits
    answer: int256 = convert(packed & (2**128 - 1), int256) - 2**127
    return RoundOut(answer=answer, updated_at=(packed >> 128) & (2**64 - 1), round_id=convert(packed >> 192, uint80))


@internal
def _write(answer_: int256, updated_at_: uint256, round_id_: uint80):
    assert answer_ >= -(2**127) and answer_ < 2**127, "feed: answer out of range"
    low: uint256 = convert(answer_ + 2**127, uint256)
    self._round = low | (updated_at_ << 128) | (convert(round_id_, uint256) << 192)

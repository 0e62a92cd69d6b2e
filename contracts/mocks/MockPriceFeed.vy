# pragma version ~=0.4.3
"""
@title Test helper: a settable Chainlink AggregatorV3 feed
@custom:contract-name MockPriceFeed
@license GNU Affero General Public License v3.0 only
@notice Test-only (lending). Anyone may set the answer and its timestamp;
        `latestRoundData` answers like Chainlink's AggregatorV3.
"""


# @dev Decimals of the answer.
decimals: public(immutable(uint8))
# @dev The current answer.
answer: public(int256)
# @dev When the answer was set.
updated_at: public(uint256)
# @dev The current round.
round_id: public(uint80)


@deploy
def __init__(decimals_: uint8, answer_: int256):
    decimals = decimals_
    self.answer = answer_
    self.updated_at = block.timestamp
    self.round_id = 1


@external
def set_answer(answer_: int256):
    """
    @dev Sets a new answer, timestamped now.
    @param answer_ The answer.
    """
    self.answer = answer_
    self.updated_at = block.timestamp
    self.round_id += 1


@external
def set_updated_at(updated_at_: uint256):
    """
    @dev Backdates (or forward-dates) the answer.
    @param updated_at_ The timestamp.
    """
    self.updated_at = updated_at_


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
    return self.round_id, self.answer, self.updated_at, self.updated_at, self.round_id

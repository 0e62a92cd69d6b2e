# pragma version ~=0.4.3
"""
@title Owner-set price feed with Chainlink's AggregatorV3 read interface
@custom:contract-name LocalPriceFeed
@license GNU Affero General Public License v3.0 only
@notice Stands in for a Chainlink aggregator on local chains, in tests
        and in the demo: the owner sets the answer and its `updatedAt`
        time, and consumers read them through `latestRoundData` and
        `decimals` exactly as they would read a real feed. Every
        `set_answer` starts a new round id. Generic on purpose: any
        domain that values an asset (payout fees, lending) can use it.
@custom:security Never deploy this as a production oracle: its owner
        decides the price. On live chains deploy configuration points
        consumers at the chain's real Chainlink feeds instead.
@custom:kill The owner makes consumers refuse the feed by setting an
        answer whose `updated_at` lies beyond their staleness limit (or a
        non-positive answer). Ownership moves in two steps and cannot be
        renounced.
"""


from interfaces import ILocalPriceFeed
from snekmate.auth import ownable
from snekmate.auth import ownable_2step

implements: ILocalPriceFeed

initializes: ownable
initializes: ownable_2step[ownable := ownable]


exports: (
    ownable.owner,
    ownable_2step.pending_owner,
    ownable_2step.transfer_ownership,
    ownable_2step.accept_ownership,
    # Deliberately not exported: `ownable_2step.renounce_ownership`
    # (a renounced feed would keep its last answer for good).
)


# @dev Decimals of `answer`, fixed at deployment (Chainlink USD feeds use 8).
decimals: public(immutable(uint8))
# @dev Human-readable description, e.g. "ETH / USD".
description: public(String[32])
# @dev The current answer, in units of 10**-decimals.
answer: public(int256)
# @dev When the current answer was set (Chainlink's `updatedAt`).
updated_at: public(uint256)
# @dev Id of the current round; starts at 1 with the first answer.
round_id: public(uint80)


@deploy
def __init__(decimals_: uint8, description_: String[32], owner_: address):
    """
    @dev Deploys a feed with no answer yet (`latestRoundData` reverts
         until the owner sets one).
    @param decimals_ Decimals of the answer (at most 18).
    @param description_ What the answer prices, e.g. "ETH / USD".
    @param owner_ The account that may set answers.
    """
    assert decimals_ <= 18, "local_price_feed: too many decimals"
    assert owner_ != empty(address), "local_price_feed: zero owner"
    decimals = decimals_
    self.description = description_
    ownable.__init__()
    ownable_2step.__init__()
    ownable_2step._transfer_ownership(owner_)


@external
def set_answer(answer_: int256, updated_at_: uint256):
    """
    @dev Sets the answer and its update time; starts a new round.
    @notice `updated_at_` may lie in the past (to simulate a stale feed)
            but not in the future.
    @param answer_ The new answer, in units of 10**-decimals.
    @param updated_at_ The time the answer is said to be from.
    """
    ownable._check_owner()
    assert updated_at_ <= block.timestamp, "local_price_feed: update in the future"
    assert updated_at_ != 0, "local_price_feed: zero update time"
    self.answer = answer_
    self.updated_at = updated_at_
    self.round_id += 1
    log ILocalPriceFeed.AnswerUpdated(current=answer_, roundId=convert(self.round_id, uint256), updatedAt=updated_at_)


@external
@view
def latestRoundData() -> (uint80, int256, uint256, uint256, uint80):
    """
    @dev Chainlink's AggregatorV3 read: the latest answer.
    @return roundId The current round id.
    @return answer The answer, in units of 10**-decimals.
    @return startedAt Same as updatedAt (one-step rounds).
    @return updatedAt When the answer was set.
    @return answeredInRound Same as roundId.
    """
    rid: uint80 = self.round_id
    assert rid != 0, "local_price_feed: no answer yet"
    return (rid, self.answer, self.updated_at, self.updated_at, rid)

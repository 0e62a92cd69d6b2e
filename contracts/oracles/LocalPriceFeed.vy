# pragma version ~=0.4.3
"""
@title Owner-set price feed with Chainlink's AggregatorV3 read interface
@custom:contract-name LocalPriceFeed
@license GNU Affero General Public License v3.0 only
@notice The suite's one settable price feed: it stands in for a
        Chainlink aggregator on local chains, in every domain's tests,
        in the gas bench and in the demo. The owner sets the answer and
        its `updatedAt` time; consumers read them through
        `latestRoundData` and `decimals` exactly as they would read a
        real feed. Every `set_answer` starts a new round id.
        The time may lie in the past (a stale feed) or in the future (a
        faulty one), the answer may be zero or negative, and the
        decimals may be any uint8, so that consumers' checks can be
        exercised. The
        round lives in one storage slot, as Chainlink packs its
        transmissions, so a read costs one cold SLOAD, close to a real
        aggregator (which costs more through its proxy).
@custom:security Never deploy this as a production oracle: its owner
        decides the price. On live chains deploy configuration points
        consumers at the chain's real Chainlink feeds instead.
@custom:kill Nothing to stop: a local double holding no funds. Its
        consumers' owners point them at another feed.
"""


from interfaces import ILocalPriceFeed

implements: ILocalPriceFeed


from contracts.shared import constants
from contracts.shared import owner_2step

initializes: owner_2step


exports: (
    owner_2step.__interface__,
    # Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
    # not exported: a feed nobody can move is useless to the tests and the demo.
)


# @dev Answers are stored biased by 2**159 so that a signed 160-bit
#      answer fits the low 160 bits as an unsigned number (wide enough for
#      consumers' "price too large" checks at 2**128).
_ANSWER_BIAS: constant(int256) = 2**159

# Layout of `_round`: biased answer in bits 0..159, updatedAt in bits
# 160..207 (timestamps fit 48 bits), round id in bits 208..255.
_ANSWER_SHIFT: constant(uint256) = 0
_ANSWER_MASK: constant(uint256) = constants.MASK_160
_UPDATED_AT_SHIFT: constant(uint256) = 160
_UPDATED_AT_MASK: constant(uint256) = constants.MASK_48
_ROUND_ID_SHIFT: constant(uint256) = 208
_ROUND_ID_MASK: constant(uint256) = constants.MASK_48


# @dev One round, unpacked.
struct Round:
    answer: int256
    updated_at: uint256
    round_id: uint256


# @dev Decimals of `answer`, fixed at deployment (Chainlink USD feeds use 8).
decimals: public(immutable(uint8))
# @dev Human-readable description, e.g. "ETH / USD".
description: public(String[32])
# @dev The current round, packed (0 before the first answer).
_round: uint256


@deploy
def __init__(decimals_: uint8, description_: String[32], owner_: address):
    """
    @dev Deploys a feed with no answer yet (`latestRoundData` reverts
         until the owner sets one).
    @param decimals_ Decimals of the answer (Chainlink USD feeds use 8;
           any uint8 is accepted, to test consumers' bounds).
    @param description_ What the answer prices, e.g. "ETH / USD".
    @param owner_ The account that may set answers.
    """
    assert owner_ != empty(address), "local_price_feed: zero owner"
    decimals = decimals_
    self.description = description_
    owner_2step.__init__(owner_)


@external
def set_answer(answer_: int256, updated_at_: uint256):
    """
    @dev Sets the answer and its update time; starts a new round.
         Owner only. `updated_at_` may lie in the past (a stale feed)
         or in the future (a faulty feed), never at 0.
    @param answer_ The new answer, in units of 10**-decimals, a signed
           160-bit number.
    @param updated_at_ The time the answer is said to be from.
    """
    owner_2step.ownable._check_owner()
    assert updated_at_ != 0, "local_price_feed: zero update time"
    assert answer_ >= -_ANSWER_BIAS and answer_ < _ANSWER_BIAS, "local_price_feed: answer out of range"
    assert updated_at_ <= _UPDATED_AT_MASK, "local_price_feed: update time out of range"
    round_id_: uint256 = self._unpack(self._round).round_id + 1
    self._round = self._pack(Round(answer=answer_, updated_at=updated_at_, round_id=round_id_))
    log ILocalPriceFeed.AnswerUpdated(current=answer_, roundId=round_id_, updatedAt=updated_at_)


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
    r: Round = self._unpack(self._round)
    assert r.round_id != 0, "local_price_feed: no answer yet"
    rid: uint80 = convert(r.round_id, uint80)
    return (rid, r.answer, r.updated_at, r.updated_at, rid)


@external
@view
def answer() -> int256:
    """
    @dev The current answer, in units of 10**-decimals (0 before the first).
    @return int256 The answer.
    """
    return self._unpack(self._round).answer


@external
@view
def updated_at() -> uint256:
    """
    @dev When the current answer was set (0 before the first).
    @return uint256 The time.
    """
    return self._unpack(self._round).updated_at


@external
@view
def round_id() -> uint80:
    """
    @dev Id of the current round (0 before the first answer).
    @return uint80 The round id.
    """
    return convert(self._unpack(self._round).round_id, uint80)


@internal
@pure
def _pack(r: Round) -> uint256:
    """
    @dev Packs a round into one word; the caller checked the ranges.
    @param r The round.
    @return uint256 The packed word.
    """
    return (
        (convert(r.answer + _ANSWER_BIAS, uint256) << _ANSWER_SHIFT)
        | (r.updated_at << _UPDATED_AT_SHIFT)
        | (r.round_id << _ROUND_ID_SHIFT)
    )


@internal
@pure
def _unpack(packed: uint256) -> Round:
    """
    @dev Inverse of `_pack`; the empty word reads as answer 0, round 0.
    @param packed The packed word.
    @return Round The round.
    """
    if packed == 0:
        return empty(Round)
    return Round(
        answer=convert((packed >> _ANSWER_SHIFT) & _ANSWER_MASK, int256) - _ANSWER_BIAS,
        updated_at=(packed >> _UPDATED_AT_SHIFT) & _UPDATED_AT_MASK,
        round_id=(packed >> _ROUND_ID_SHIFT) & _ROUND_ID_MASK,
    )

# pragma version ~=0.4.3
"""
@title Price adapter: Chainlink-compatible feeds, checked and normalised
@custom:contract-name PriceAdapter
@license GNU Affero General Public License v3.0 only
@notice One AggregatorV3 feed per asset (`latestRoundData()`, `decimals()`),
        quoting the asset in USD. `price(asset)` returns the USD value
        (18 decimals) of 10**18 smallest units of the asset, so that
            value_usd_wad = amount x price / 1e18
        whatever the asset's and the feed's decimals:
            price = answer x 10**(36 - feed decimals - asset decimals)
        It reverts on a missing feed ("price_adapter: no feed") and with
        the shared feed reader's reasons on a non-positive answer, an
        answer older than the feed's heartbeat, or a timestamp in the
        future (contracts/shared/feed_reader.vy).
@custom:security A reverting price is read by the Controller as "worth
        nothing" for collateral (it lowers borrowing power and cannot veto a
        liquidation) and stops anything that must value a debt in the asset;
        repaying, supplying, and every operation of an account without debt
        never need a price.
@custom:kill Nothing to stop: the adapter holds no funds. In an emergency
        the owner points a broken asset's feed elsewhere with `set_feed`, or
        the Controller's owner points the Controller at another adapter
        (`set_price_adapter`).
"""


from interfaces import IPriceAdapter

implements: IPriceAdapter


from contracts.shared import constants
from contracts.shared import feed_reader
from contracts.shared import tuned

initializes: tuned


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an adapter without an owner could never replace a dead or compromised feed,
# and every market priced by it would freeze for good.
# Tunable numbers: once the parameter registry is named, it alone sets them
# (contracts/shared/tunable.vy).
exports: tuned.__interface__


interface IDecimals:
    def decimals() -> uint8: view


# @dev feed decimals + asset decimals may not exceed this (36 - sum >= 0).
MAX_DECIMALS_SUM: constant(uint256) = 36

# Layout of a `_feeds` word (one read per price): feed address in bits
# 0..159, heartbeat in seconds in bits 160..191, scale exponent
# 36 - feed decimals - asset decimals in bits 192..199.
_FEED_SHIFT: constant(uint256) = 0
_FEED_MASK: constant(uint256) = constants.MASK_160
_HEARTBEAT_SHIFT: constant(uint256) = 160
_HEARTBEAT_MASK: constant(uint256) = constants.MASK_32
_EXPONENT_SHIFT: constant(uint256) = 192
_EXPONENT_MASK: constant(uint256) = constants.MASK_8


# @dev One asset's feed, unpacked.
struct FeedConfig:
    feed: address
    heartbeat: uint256
    exponent: uint256


# @dev Per asset, its packed FeedConfig (0: no feed).
_feeds: HashMap[address, uint256]


@deploy
def __init__(owner_: address):
    """
    @dev Deploys with no feed.
    @param owner_ Governance (an explicit argument: CREATE2 deployments run
           the constructor from the factory, not from the deployer).
    """
    assert owner_ != empty(address), "price_adapter: zero owner"
    tuned.__init__(owner_)


@external
def set_feed(asset: address, feed_: address, heartbeat_: uint256):
    """
    @dev Sets `asset`'s feed; the feed must answer a fresh positive price now.
    @param asset The asset (an ERC-20 with `decimals()`).
    @param feed_ An AggregatorV3-compatible USD feed.
    @param heartbeat_ Longest accepted answer age, 60 s..7 days.
    """
    tuned.tunable._check_writer()
    assert asset.is_contract, "price_adapter: asset has no code"
    feed_reader._check_heartbeat(heartbeat_)
    # feed_reader._decimals refuses a feed without code
    decimals_sum: uint256 = feed_reader._decimals(feed_) + convert(staticcall IDecimals(asset).decimals(), uint256)
    assert decimals_sum <= MAX_DECIMALS_SUM, "price_adapter: decimals too large"
    # safe: decimals_sum <= MAX_DECIMALS_SUM checked above
    config: FeedConfig = FeedConfig(feed=feed_, heartbeat=heartbeat_, exponent=unsafe_sub(MAX_DECIMALS_SUM, decimals_sum))
    self._feeds[asset] = self._pack(config)
    self._price(asset)
    log IPriceAdapter.FeedSet(asset=asset, feed=feed_, heartbeat=heartbeat_)


@external
@view
def price(asset: address) -> uint256:
    """
    @dev USD value (WAD) of 10**18 smallest units of `asset`, checked.
    @param asset The asset.
    @return uint256 The normalised price.
    """
    return self._price(asset)


@external
@view
def feed(asset: address) -> address:
    """
    @dev `asset`'s USD feed (empty if none).
    @param asset The asset.
    @return address The feed.
    """
    return self._unpack(self._feeds[asset]).feed


@external
@view
def heartbeat(asset: address) -> uint256:
    """
    @dev Longest accepted age of `asset`'s feed answer, in seconds.
    @param asset The asset.
    @return uint256 The heartbeat.
    """
    return self._unpack(self._feeds[asset]).heartbeat


@external
@view
def scale(asset: address) -> uint256:
    """
    @dev 10**(36 - feed decimals - asset decimals): answer x scale = price.
    @param asset The asset.
    @return uint256 The scale.
    """
    return 10**self._unpack(self._feeds[asset]).exponent


@internal
@view
def _price(asset: address) -> uint256:
    """
    @dev price = answer x 10**exponent, the answer checked by the feed
         reader (positive, not future-dated, within the heartbeat).
         Exact: no division.
    @param asset The asset.
    @return uint256 The normalised price.
    """
    packed: uint256 = self._feeds[asset]
    assert packed != 0, "price_adapter: no feed"
    config: FeedConfig = self._unpack(packed)
    return feed_reader._answer(config.feed, config.heartbeat) * 10**config.exponent


@internal
@pure
def _pack(config: FeedConfig) -> uint256:
    """
    @dev Packs a FeedConfig into one word; the fields fit their masks
         (address 160 bits, heartbeat <= 7 days, exponent <= 36).
    @param config The unpacked configuration.
    @return uint256 The packed word.
    """
    return (
        (convert(config.feed, uint256) << _FEED_SHIFT)
        | (config.heartbeat << _HEARTBEAT_SHIFT)
        | (config.exponent << _EXPONENT_SHIFT)
    )


@internal
@pure
def _unpack(packed: uint256) -> FeedConfig:
    """
    @dev Inverse of `_pack`.
    @param packed The packed word.
    @return FeedConfig The fields.
    """
    return FeedConfig(
        feed=convert(convert((packed >> _FEED_SHIFT) & _FEED_MASK, uint160), address),
        heartbeat=(packed >> _HEARTBEAT_SHIFT) & _HEARTBEAT_MASK,
        exponent=(packed >> _EXPONENT_SHIFT) & _EXPONENT_MASK,
    )

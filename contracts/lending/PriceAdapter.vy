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
        It reverts on a missing feed, a non-positive answer, an answer
        older than the feed's heartbeat, or a timestamp in the future.
@custom:security A reverting price is read by the Controller as "worth
        nothing" for collateral (it lowers borrowing power and cannot veto a
        liquidation) and stops anything that must value a debt in the asset;
        repaying, supplying, and every operation of an account without debt
        never need a price.
"""


from snekmate.auth import ownable

initializes: ownable


exports: (
    ownable.owner,
    ownable.transfer_ownership,
    ownable.renounce_ownership,
)


interface IAggregatorV3:
    def decimals() -> uint8: view
    def latestRoundData() -> (uint80, int256, uint256, uint256, uint80): view


interface IDecimals:
    def decimals() -> uint8: view


# @dev Shortest and longest heartbeat a feed may be given.
MIN_HEARTBEAT: constant(uint256) = 60
MAX_HEARTBEAT: constant(uint256) = 7 * 86400
# @dev feed decimals + asset decimals may not exceed this (36 - sum >= 0).
MAX_DECIMALS_SUM: constant(uint256) = 36
# @dev Field masks of the packed feed slot.
MASK_160: constant(uint256) = 2**160 - 1
MASK_32: constant(uint256) = 2**32 - 1


# @dev Packed per asset (one read per price): feed address (bits 0..159)
#      | heartbeat in seconds (bits 160..191) | scale exponent
#      36 - feed decimals - asset decimals (bits 192..199).
_feeds: HashMap[address, uint256]


event FeedSet:
    asset: indexed(address)
    feed: indexed(address)
    heartbeat: uint256


@deploy
def __init__(owner_: address):
    """
    @dev Deploys with no feed.
    @param owner_ Governance.
    """
    assert owner_ != empty(address), "price: zero owner"
    ownable.__init__()
    ownable._transfer_ownership(owner_)


@external
def set_feed(asset: address, feed_: address, heartbeat_: uint256):
    """
    @dev Sets `asset`'s feed; the feed must answer a fresh positive price now.
    @param asset The asset (an ERC-20 with `decimals()`).
    @param feed_ An AggregatorV3-compatible USD feed.
    @param heartbeat_ Longest accepted answer age, 60 s..7 days.
    """
    ownable._check_owner()
    assert asset.is_contract, "price: asset has no code"
    assert feed_.is_contract, "price: feed has no code"
    assert heartbeat_ >= MIN_HEARTBEAT and heartbeat_ <= MAX_HEARTBEAT, "price: heartbeat out of bounds"
    decimals_sum: uint256 = convert(staticcall IAggregatorV3(feed_).decimals(), uint256) + convert(staticcall IDecimals(asset).decimals(), uint256)
    assert decimals_sum <= MAX_DECIMALS_SUM, "price: decimals too large"
    self._feeds[asset] = convert(feed_, uint256) | (heartbeat_ << 160) | ((MAX_DECIMALS_SUM - decimals_sum) << 192)
    self._price(asset)
    log FeedSet(asset=asset, feed=feed_, heartbeat=heartbeat_)


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
    return convert(convert(self._feeds[asset] & MASK_160, uint160), address)


@external
@view
def heartbeat(asset: address) -> uint256:
    """
    @dev Longest accepted age of `asset`'s feed answer, in seconds.
    @param asset The asset.
    @return uint256 The heartbeat.
    """
    return (self._feeds[asset] >> 160) & MASK_32


@external
@view
def scale(asset: address) -> uint256:
    """
    @dev 10**(36 - feed decimals - asset decimals): answer x scale = price.
    @param asset The asset.
    @return uint256 The scale.
    """
    return 10**(self._feeds[asset] >> 192)


@internal
@view
def _price(asset: address) -> uint256:
    packed: uint256 = self._feeds[asset]
    assert packed != 0, "price: no feed"
    feed_: address = convert(convert(packed & MASK_160, uint160), address)
    round_id: uint80 = 0
    answer: int256 = 0
    started_at: uint256 = 0
    updated_at: uint256 = 0
    answered_in: uint80 = 0
    round_id, answer, started_at, updated_at, answered_in = staticcall IAggregatorV3(feed_).latestRoundData()
    assert answer > 0, "price: non-positive price"
    assert updated_at <= block.timestamp, "price: timestamp in the future"
    # safe: checked just above
    assert unsafe_sub(block.timestamp, updated_at) <= (packed >> 160) & MASK_32, "price: stale price"
    return convert(answer, uint256) * 10**(packed >> 192)

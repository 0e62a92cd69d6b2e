# pragma version ~=0.4.3
"""
@title Live-stream tipping: viewers tip anchors, anchors withdraw, tippers earn CC
@custom:contract-name AnchorTips
@license GNU Affero General Public License v3.0 only
@notice CloudChat 4.5: viewers tip anchors (streamers) in CC or any
        listed asset, with a message a live-stream dApp shows
        (`Tipped` event); the platform keeps a share in basis points
        set per asset through the parameter registry (at most
        `MAX_PLATFORM_BPS`); anchors withdraw what they were tipped by
        pull; viewers who tip in CC earn a share of a governance-funded
        CC reward stream ("users who consume also earn").

        Glossary (per asset, amounts in its smallest unit):
          x      what arrived from the tipper (a fee-on-transfer token
                 is credited with what actually arrived, never more)
          b      the asset's platform share, in bps
          f      platform share of one tip = x * b // 10,000
          A_a    anchor a's balance,  P  the platform's balance
        A tip credits A_a += x - f and P += f.

        Reward weight: a tipper's shares in the reward stream are the
        CC wei it tipped, for ever (`tipped`); tips in other assets earn
        nothing. Valuing other assets in CC would need a price read on
        every tip (gas over the 60,000 target, and a DEX spot price that
        a flash swap moves); CC is the token the paper tips in. The
        stream is contracts/shared/reward_accumulator.vy: anyone `fund`s
        it with CC, governance sets its rate, tippers `claim`.

        Conservation, wei-exact, for every asset X:
          balance(X) == sum_a A_a(X) + P(X) + [X == CC] * (funded - paid)
        and the accumulator's own funded == paid + sum earned + dust +
        unallocated (tests/payments/test_tips_stateful.py checks both).

        Storage: one word per asset, packed so a tip reads and writes it
        once: listed (bit 0) | platform bps (16 bits) | platform balance
        (the rest, 239 bits); one word per (anchor, asset).
@custom:security Checks-effects-interactions: the tip's token moves first
        only because what arrived must be measured. `tip` holds no
        reentrancy lock (the lock's ~2,300 gas would put an ERC-20 tip
        over its 60,000 target); instead what it credits is capped at
        `amount`, so a token that calls back (ERC-777 hooks) and nests a
        tip inside the measured transfer is credited once, by the nested
        call (tests/payments/test_tips_attacks.py). A token that both
        takes a fee and calls back must not be listed. `withdraw`,
        `collect`, `claim` and `fund` hold the lock and write before they
        pay. Native coin leaves only through `withdraw` and `collect`,
        after the balance is zeroed. Nobody can move another account's
        balance: `withdraw` pays the caller's own.
@custom:kill The guardian pauses new tips and funding (pausable); anchors'
        withdrawals, the platform's collection and tippers' reward claims
        stay open. Governance can delist an asset or set the reward rate
        to 0. Ownership moves in two steps and cannot be renounced.
"""


from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import governed
from contracts.shared import reward_accumulator
from contracts.shared import tunable
from interfaces import IAnchorTips
from interfaces import IPausable

implements: IAnchorTips
implements: IPausable

initializes: governed
initializes: reward_accumulator[tunable := tunable]  # the `tunable` the wiring module initializes


# The funded reward stream: its views and `set_reward_rate`, guarded by the
# parameter registry's writer check (contracts/shared/reward_accumulator.vy).
# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless contract could never list an asset or move the treasury again.
# Tunable numbers: once the parameter registry is named, it alone sets the platform shares and
# the reward rate (contracts/shared/tunable.vy).
# Emergency pause of new tips and funding by the guardian; ways out stay open.
# `reward_accumulator.apy` is not exported: a tipper's shares are CC spent, not CC held, so the
# accumulator's per-share figure is no yield.
exports: (reward_accumulator.__interface__, governed.__interface__)


# @dev The most a platform share can be: 20% of a tip.
MAX_PLATFORM_BPS: public(constant(uint256)) = 2_000
# @dev The longest message, in characters (a chat line).
MAX_MESSAGE: public(constant(uint256)) = 280

# Asset word, from bit 0: listed (1) | platform bps (16) | platform balance (239).
_LISTED: constant(uint256) = 1
_BPS_SHIFT: constant(uint256) = 1
_BPS_MASK: constant(uint256) = constants.MASK_16
_OWED_SHIFT: constant(uint256) = 17


# @dev Per asset: listed | platform bps | platform balance (see the notice).
_assets: HashMap[address, uint256]
# @dev What each anchor can withdraw: anchor -> asset -> amount.
_balances: HashMap[address, HashMap[address, uint256]]
# @dev CC tipped per tipper, in wei: its shares in the reward stream.
_tipped: HashMap[address, uint256]
# @dev Where the platform's shares go (`collect`).
treasury: public(address)


@deploy
def __init__(reward_token_: address, owner_: address):
    """
    @dev Fixes the reward token (CC) and the owner. No asset is listed,
         the rate is 0 and nothing is funded. The arguments are the same
         on every chain (CC has one CREATE2 address), so is the address.
    @param reward_token_ CC: the reward paid to tippers, and the asset
           whose tips weigh.
    @param owner_ The owner (the deployer; governance accepts later).
    """
    assert reward_token_ != empty(address), "anchor_tips: zero reward token"
    assert owner_ != empty(address), "anchor_tips: zero owner"
    governed.__init__(owner_)
    reward_accumulator.__init__(reward_token_)


# Tipping


@external
@payable
def tip(anchor: address, asset: address, amount: uint256, message: String[MAX_MESSAGE]):
    """
    @notice Tips `anchor` `amount` of `asset` (the native coin: zero, sent
            as value; an ERC-20: approved beforehand) with a message. The
            platform keeps its share; the anchor withdraws the rest. A CC
            tip adds what arrived to the tipper's reward shares.
    @param anchor Who is tipped.
    @param asset A listed asset (zero: the native coin).
    @param amount The tip, in the asset's smallest unit.
    @param message Shown by the dApp (at most 280 characters; may be empty).
    """
    governed.pausable._check_not_paused()
    assert anchor != empty(address), "anchor_tips: zero anchor"
    assert amount != 0, "anchor_tips: zero amount"
    word: uint256 = self._assets[asset]
    assert word & _LISTED != 0, "anchor_tips: asset not listed"
    received: uint256 = amount
    if asset == asset_transfer.NATIVE:
        assert msg.value == amount, "anchor_tips: value is not the amount"
    else:
        assert msg.value == 0, "anchor_tips: value sent with a token tip"
        # What arrived, measured (a fee-on-transfer token is credited exactly) and capped at
        # `amount`: a token that calls back could nest a tip inside this transfer, whose own
        # credit is booked by the nested call; the cap keeps it from being counted twice here.
        received = min(asset_transfer._pull(asset, msg.sender, amount), amount)
        assert received != 0, "anchor_tips: nothing arrived"
    # f = x * b // BPS, rounded down: the anchor gets the wei the floor leaves.
    fee: uint256 = received * ((word >> _BPS_SHIFT) & _BPS_MASK) // constants.BPS
    self._assets[asset] = word + (fee << _OWED_SHIFT)
    self._balances[anchor][asset] += received - fee
    if asset == reward_accumulator.reward_token:
        shares: uint256 = self._tipped[msg.sender]
        reward_accumulator._deposit(msg.sender, shares, received)
        self._tipped[msg.sender] = shares + received
    log IAnchorTips.Tipped(
        tipper=msg.sender, anchor=anchor, asset=asset, amount=received, platform_share=fee, message=message
    )


@external
@nonreentrant
def withdraw(asset: address) -> uint256:
    """
    @notice Pays the caller (an anchor) everything it was tipped in
            `asset`. Open while paused.
    @param asset The asset (zero: the native coin).
    @return uint256 The amount paid.
    """
    amount: uint256 = self._balances[msg.sender][asset]
    assert amount != 0, "anchor_tips: nothing to withdraw"
    self._balances[msg.sender][asset] = 0
    log IAnchorTips.Withdrawn(anchor=msg.sender, asset=asset, amount=amount)
    asset_transfer._pay(asset, msg.sender, amount)
    return amount


@external
@nonreentrant
def collect(asset: address) -> uint256:
    """
    @notice Pays the platform's share of `asset` tips to the treasury;
            anyone may call (the treasury is fixed by the owner).
    @param asset The asset (zero: the native coin).
    @return uint256 The amount paid.
    """
    receiver: address = self.treasury
    assert receiver != empty(address), "anchor_tips: no treasury"
    word: uint256 = self._assets[asset]
    amount: uint256 = word >> _OWED_SHIFT
    assert amount != 0, "anchor_tips: nothing to collect"
    self._assets[asset] = word & ((1 << _OWED_SHIFT) - 1)
    log IAnchorTips.Collected(asset=asset, treasury=receiver, amount=amount)
    asset_transfer._pay(asset, receiver, amount)
    return amount


# Rewards


@external
@nonreentrant
def claim() -> uint256:
    """
    @notice Pays the caller the CC its tips earned so far. Open while
            paused.
    @return uint256 The amount paid, in CC wei.
    """
    return reward_accumulator._claim(msg.sender, self._tipped[msg.sender], msg.sender)


@external
@nonreentrant
def fund(amount: uint256):
    """
    @notice Adds `amount` CC (approved beforehand) to the tippers' reward
            budget: the Ecosystem allocation's way in. Anyone may fund.
    @param amount The amount, in CC wei.
    """
    governed.pausable._check_not_paused()
    assert amount != 0, "anchor_tips: zero amount"
    # CC is the suite's own token: the module pulls exactly what it is asked for.
    reward_accumulator._fund(msg.sender, amount)


@view
@external
def earned(account: address) -> uint256:
    """
    @notice The CC `account` could claim now.
    @param account The tipper.
    @return uint256 The amount, in CC wei.
    """
    return reward_accumulator._earned(account, self._tipped[account])


@view
@external
def balance_of(anchor: address, asset: address) -> uint256:
    """
    @notice What `anchor` can withdraw of `asset`.
    @param anchor The anchor.
    @param asset The asset (zero: the native coin).
    @return uint256 The amount.
    """
    return self._balances[anchor][asset]


@view
@external
def tipped(account: address) -> uint256:
    """
    @notice The CC `account` has tipped in total: its reward shares.
    @param account The tipper.
    @return uint256 The amount, in CC wei.
    """
    return self._tipped[account]


# Configuration


@view
@external
def asset_config(asset: address) -> IAnchorTips.AssetConfig:
    """
    @notice Whether `asset` is listed, its platform share and the
            platform's uncollected balance in it.
    @param asset The asset (zero: the native coin).
    @return AssetConfig The three fields.
    """
    word: uint256 = self._assets[asset]
    return IAnchorTips.AssetConfig(
        listed=word & _LISTED != 0,
        platform_bps=(word >> _BPS_SHIFT) & _BPS_MASK,
        platform_balance=word >> _OWED_SHIFT,
    )


@external
def set_asset_listed(asset: address, listed: bool):
    """
    @notice Lists or delists an asset for new tips (balances stay
            withdrawable). Only the owner (a proposal). List plain ERC-20s
            (fee-on-transfer ones are credited with what arrives).
    @param asset The asset (zero: the native coin).
    @param listed Whether new tips in it are accepted.
    """
    governed.owner_2step.ownable._check_owner()
    word: uint256 = self._assets[asset]
    if listed:
        word |= _LISTED
    else:
        word &= ~_LISTED
    self._assets[asset] = word
    log IAnchorTips.AssetListed(asset=asset, listed=listed)


@external
def set_platform_bps(asset: address, bps: uint256):
    """
    @notice Sets the platform's share of tips in `asset`. The parameter
            registry (the owner until it is named).
    @param asset The asset (zero: the native coin).
    @param bps The share, in basis points (at most 2,000).
    """
    governed.tunable._check_writer()
    assert bps <= MAX_PLATFORM_BPS, "anchor_tips: platform share above the limit"
    word: uint256 = self._assets[asset]
    self._assets[asset] = (word & ~(_BPS_MASK << _BPS_SHIFT)) | (bps << _BPS_SHIFT)
    log IAnchorTips.PlatformShareSet(asset=asset, bps=bps)


@external
def set_treasury(treasury_: address):
    """
    @notice Names where the platform's shares go. Only the owner.
    @param treasury_ The treasury (not zero).
    """
    governed.owner_2step.ownable._check_owner()
    assert treasury_ != empty(address), "anchor_tips: zero treasury"
    self.treasury = treasury_
    log IAnchorTips.TreasurySet(treasury=treasury_)

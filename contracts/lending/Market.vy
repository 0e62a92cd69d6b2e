# pragma version ~=0.4.3
"""
@title Pledge-lending market: an ERC-4626 deposit voucher over one asset, with borrowing
@custom:contract-name Market
@license GNU Affero General Public License v3.0 only
@notice One market per asset (CloudChat 4.4, CartyCoin 3.1.2). Suppliers
        deposit the asset and receive this contract's ERC-20 token, the
        "deposit slip" (voucher), which implements ERC-4626 so wallets and
        aggregators value it. Borrowers borrow the asset against the
        collateral they enabled in the `Controller`, which is the only
        contract that judges account health and the only one allowed to
        create markets (from this contract deployed as an ERC-5202
        blueprint).

        Accounting (Compound v2 cToken, read with Curve's habits):
        - `cash` is the asset the market holds by its own accounting; it
          never reads `balanceOf(self)`, so a donation cannot move the
          exchange rate (the Hundred/Onyx empty-market attack).
        - Interest accrues per second through a global borrow index, O(1)
          per operation whatever the number of borrowers. The per-second
          borrow rate is stored after every state change (Curve's
          `rate`), so every view (`totalAssets`, `debt_of`,
          `account_snapshot`) sees interest up to the current second
          without calling the rate model.
        - Vouchers are worth `cash + borrows - reserves`; conversions use
          virtual shares and assets (`VIRTUAL_SHARES`, `VIRTUAL_ASSETS`)
          and every division rounds against the user.

        Glossary of symbols used in the formulas:
          C   cash: asset held by the market, reserves included
          B   total borrows, interest included up to `last_accrual`
          R   reserves: the protocol's share of interest (governance)
          A   total assets owned by voucher holders = C + B - R
          S   voucher total supply
          I   global borrow index (WAD, starts at 1.0)
          r   borrow rate per second (WAD)
          dt  seconds since `last_accrual`
          rf  reserve factor (WAD)
          p   an account's debt principal, i its index at last touch
          VS, VA  virtual shares and virtual assets
@custom:security Every function that moves tokens or calls another
        contract is `@nonreentrant` and follows checks-effects-interactions:
        state is final (and the Controller has approved it) before the
        asset leaves, so an ERC-777-style hook or a native-coin receiver
        sees a consistent market. Views are not locked, so the Controller
        can read every market while one of them is mid-operation; they
        only ever see committed state.
        Governance of a market is the Controller's owner (one seam: handing
        the Controller to the timelock hands every market to it).
@custom:kill A market has no switch of its own: the Controller's levers
        stop it (its pause guardian or owner pauses the market's deposits
        and borrows, the owner cuts its collateral factor to 0 or delists
        it). Repay, liquidation and healthy withdrawals never stop.
"""


from ethereum.ercs import IERC20
from ethereum.ercs import IERC20Detailed
from ethereum.ercs import IERC4626

implements: IERC20
implements: IERC20Detailed
implements: IERC4626


from snekmate.utils import math

from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.lending import market_controls

from interfaces import IController
from interfaces import IKinkRateModel
from interfaces import ILendingMining
from interfaces import IMarket

implements: IMarket


interface IWrappedNative:
    def deposit(): payable
    def withdraw(wad: uint256): nonpayable


# @dev Cap on the borrow rate, whatever the rate model says: 1000% a year.
MAX_BORROW_RATE: constant(uint256) = 10 * constants.WAD // constants.YEAR
# @dev Upper bound of the reserve factor: 50% of interest.
MAX_RESERVE_FACTOR: constant(uint256) = 5 * 10**17
# @dev Virtual shares and assets (OpenZeppelin's "decimals offset" of 3):
#      an empty market prices 1 asset unit at 1,000 voucher units, and
#      inflating that rate would cost an attacker 1,000 times what it
#      could steal.
VIRTUAL_SHARES: constant(uint256) = 1000
VIRTUAL_ASSETS: constant(uint256) = 1
# @dev Voucher decimals = asset decimals + DECIMALS_OFFSET.
DECIMALS_OFFSET: constant(uint8) = 3


# @dev The asset lent and borrowed.
asset: public(immutable(address))
# @dev The risk engine that created and lists this market.
controller: public(immutable(address))
# @dev True when `asset` is the chain's wrapped native coin: the `_native`
#      entry points then take and pay the native coin.
is_native: public(immutable(bool))
# @dev Voucher decimals (asset decimals + 3).
decimals: public(immutable(uint8))
# @dev This market's id in the Controller (its listing order), passed to the
#      Controller's hooks so they find the market's slot without a lookup.
market_id: public(immutable(uint256))

# @dev Voucher name, e.g. "Pledge CC deposit slip".
name: public(String[64])
# @dev Voucher symbol, e.g. "slipCC".
symbol: public(String[32])
# @dev Voucher balances.
balanceOf: public(HashMap[address, uint256])
# @dev Voucher allowances, owner => spender => amount.
allowance: public(HashMap[address, HashMap[address, uint256]])
# @dev Voucher total supply (S).
totalSupply: public(uint256)

# @dev Packed (one slot, one write per operation): cash C (bits 0..127)
#      | total borrows B as of `last_accrual` (bits 128..255). C is the asset
#      the market holds by its own accounting, reserves included.
_pool: uint256
# @dev Packed: borrow index I, WAD (bits 0..127) | last accrual timestamp
#      (bits 128..167) | borrow rate per second r, WAD (bits 168..231) |
#      control flags (bits 232..255; read with the state, so a market
#      without pause or cap pays nothing for them).
_rates: uint256
# @dev Packed caps, asset units (0: none): supply cap on A after a deposit
#      (bits 0..127) | borrow cap on B after a borrow (bits 128..255).
_caps: uint256
# @dev Packed: reserves R as of `last_accrual` (bits 0..127) | reserve
#      factor rf, WAD (bits 128..255).
_reserves: uint256
# @dev Contract computing r from cash and borrows.
rate_model: public(address)
# @dev Packed per account: debt principal p (bits 0..127) | the index i it
#      was recorded at (bits 128..255).
_debts: HashMap[address, uint256]
# @dev Liquidity mining (contracts/lending/LendingMining.vy, the suppliers'
#      stream, which hands debts to the borrowers'), told every voucher
#      balance and debt change while the `MINED` control bit is set.
mining: public(address)


# `Totals` (C, B, R, I as of now), `AccountSnapshot` and `Rates` are
# declared in interfaces/IMarket.vyi.


struct State:
    # the three packed slots, unpacked
    cash: uint256
    borrows: uint256
    reserves: uint256
    index: uint256
    last: uint256
    rate: uint256
    rf: uint256
    flags: uint256


@deploy
def __init__(
    asset_: address,
    controller_: address,
    rate_model_: address,
    reserve_factor_: uint256,
    is_native_: bool,
    market_id_: uint256,
    name_: String[64],
    symbol_: String[32],
):
    """
    @dev Called by `Controller.create_market` through `create_from_blueprint`.
    @param asset_ The asset lent and borrowed.
    @param controller_ The risk engine (Controller) listing this market.
    @param rate_model_ The interest rate model.
    @param reserve_factor_ The share of interest kept as reserves, WAD.
    @param is_native_ True when `asset_` is the wrapped native coin.
    @param market_id_ The id the Controller lists this market under.
    @param name_ The voucher's name.
    @param symbol_ The voucher's symbol.
    """
    assert asset_ != empty(address), "market: zero asset"
    assert controller_ != empty(address), "market: zero controller"
    assert rate_model_ != empty(address), "market: zero rate model"
    assert reserve_factor_ <= MAX_RESERVE_FACTOR, "market: reserve factor too high"
    asset = asset_
    controller = controller_
    is_native = is_native_
    market_id = market_id_
    decimals = staticcall IERC20Detailed(asset_).decimals() + DECIMALS_OFFSET
    self.name = name_
    self.symbol = symbol_
    self.rate_model = rate_model_
    self._commit(State(cash=0, borrows=0, reserves=0, index=constants.WAD, last=0, rate=0, rf=reserve_factor_, flags=0))


@external
@payable
def __default__():
    """
    @dev Accepts the native coin from the wrapped native contract only
         (when it unwraps for `redeem_native` and `borrow_native`).
    """
    assert is_native and msg.sender == asset, "market: unexpected native coin"


# ---------------------------------------------------------------- ERC-20


@external
def transfer(to: address, amount: uint256) -> bool:
    """
    @dev Moves vouchers; refused if they are collateral the sender needs.
    @param to The receiver.
    @param amount The voucher amount.
    @return bool True.
    """
    self._transfer(msg.sender, to, amount)
    assert staticcall IController(controller).on_redeem(msg.sender, market_id)
    return True


@external
def transferFrom(owner: address, to: address, amount: uint256) -> bool:
    """
    @dev Moves vouchers with an allowance; refused if they are collateral
         `owner` needs.
    @param owner The account debited.
    @param to The receiver.
    @param amount The voucher amount.
    @return bool True.
    """
    self._spend_allowance(owner, msg.sender, amount)
    self._transfer(owner, to, amount)
    assert staticcall IController(controller).on_redeem(owner, market_id)
    return True


@external
def approve(spender: address, amount: uint256) -> bool:
    """
    @dev Sets `spender`'s allowance over the caller's vouchers.
    @param spender The spender.
    @param amount The allowance (max_value(uint256) never decreases).
    @return bool True.
    """
    assert spender != empty(address), "market: approve to zero address"
    self.allowance[msg.sender][spender] = amount
    log IMarket.Approval(owner=msg.sender, spender=spender, value=amount)
    return True


# --------------------------------------------------------------- ERC-4626


@external
@view
def totalAssets() -> uint256:
    """
    @dev What all vouchers are worth now: A = C + B - R, interest to now.
    @return uint256 The total assets, in asset units.
    """
    t: State = self._current()
    return self._assets_of(t)


@external
@view
def convertToShares(assetAmount: uint256) -> uint256:
    """
    @dev Vouchers for `assetAmount` at the current rate, rounded down.
    @param assetAmount The asset amount.
    @return uint256 The voucher amount.
    """
    return self._to_shares(assetAmount, self._assets_of(self._current()), False)


@external
@view
def convertToAssets(shareAmount: uint256) -> uint256:
    """
    @dev Assets for `shareAmount` vouchers at the current rate, rounded down.
    @param shareAmount The voucher amount.
    @return uint256 The asset amount.
    """
    return self._to_assets(shareAmount, self._assets_of(self._current()), False)


@external
@view
def maxDeposit(owner: address) -> uint256:
    """
    @dev The most `deposit` accepts now: cash is accounted in 128 bits.
    @param owner Unused (no per-account limit).
    @return uint256 The asset amount.
    """
    t: State = self._current()
    return self._max_deposit(t, self._assets_of(t))


@external
@view
def maxMint(owner: address) -> uint256:
    """
    @dev The most vouchers `mint` accepts now: `maxDeposit` in vouchers,
         rounded down (so the assets `mint` takes, rounded up, fit).
    @param owner Unused (no per-account limit).
    @return uint256 The voucher amount.
    """
    t: State = self._current()
    total: uint256 = self._assets_of(t)
    return self._to_shares(self._max_deposit(t, total), total, False)


@external
@view
def previewDeposit(assets: uint256) -> uint256:
    """
    @dev Vouchers `deposit(assets)` would mint now (rounded down).
    @param assets The asset amount.
    @return uint256 The voucher amount.
    """
    return self._to_shares(assets, self._assets_of(self._current()), False)


@external
@view
def previewMint(shares: uint256) -> uint256:
    """
    @dev Assets `mint(shares)` would take now (rounded up).
    @param shares The voucher amount.
    @return uint256 The asset amount.
    """
    return self._to_assets(shares, self._assets_of(self._current()), True)


@external
@view
def previewWithdraw(assets: uint256) -> uint256:
    """
    @dev Vouchers `withdraw(assets)` would burn now (rounded up).
    @param assets The asset amount.
    @return uint256 The voucher amount.
    """
    return self._to_shares(assets, self._assets_of(self._current()), True)


@external
@view
def previewRedeem(shares: uint256) -> uint256:
    """
    @dev Assets `redeem(shares)` would pay now (rounded down).
    @param shares The voucher amount.
    @return uint256 The asset amount.
    """
    return self._to_assets(shares, self._assets_of(self._current()), False)


@external
@view
def maxWithdraw(owner: address) -> uint256:
    """
    @dev The most `withdraw` pays now for `owner`: its vouchers in assets,
         capped by the market's cash and by what the Controller's health
         check lets it take (a few units short of the exact limit, never
         above it, as ERC-4626 requires).
    @param owner The voucher holder.
    @return uint256 The asset amount.
    """
    t: State = self._current()
    limit: uint256 = 0
    owned: uint256 = 0
    limit, owned = self._max_exit(owner, t, self._assets_of(t))
    return limit


@external
@view
def maxRedeem(owner: address) -> uint256:
    """
    @dev The most vouchers `redeem` burns now for `owner`: all of them when
         neither cash nor health limits it, else `maxWithdraw` in vouchers
         (rounded down); 0 when they would pay nothing.
    @param owner The voucher holder.
    @return uint256 The voucher amount.
    """
    t: State = self._current()
    total: uint256 = self._assets_of(t)
    limit: uint256 = 0
    owned: uint256 = 0
    limit, owned = self._max_exit(owner, t, total)
    if limit == 0:
        return 0
    if limit == owned:
        return self.balanceOf[owner]
    shares: uint256 = self._to_shares(limit, total, False)
    if self._to_assets(shares, total, False) == 0:
        return 0
    return shares


@external
@nonreentrant
def deposit(assets: uint256, receiver: address) -> uint256:
    """
    @dev Supplies `assets` and mints vouchers to `receiver` (rounded down).
    @param assets The asset amount, pulled from the caller.
    @param receiver Who gets the vouchers.
    @return uint256 The vouchers minted.
    """
    shares: uint256 = self._deposit(assets, receiver)
    asset_transfer._pull_exact(asset, msg.sender, assets)
    return shares


@external
@nonreentrant
def mint(shares: uint256, receiver: address) -> uint256:
    """
    @dev Mints exactly `shares` vouchers to `receiver` for assets rounded up.
    @param shares The voucher amount.
    @param receiver Who gets the vouchers.
    @return uint256 The assets pulled from the caller.
    """
    t: State = self._accrue()
    assets: uint256 = self._to_assets(shares, self._assets_of(t), True)
    self._supply(t, msg.sender, receiver, assets, shares)
    asset_transfer._pull_exact(asset, msg.sender, assets)
    return assets


@external
@nonreentrant
def withdraw(assets: uint256, receiver: address, owner: address) -> uint256:
    """
    @dev Pays exactly `assets` to `receiver`, burning `owner`'s vouchers
         rounded up; refused below health 1.
    @param assets The asset amount.
    @param receiver Who gets the assets.
    @param owner Whose vouchers burn (caller or an approved spender).
    @return uint256 The vouchers burnt.
    """
    t: State = self._accrue()
    shares: uint256 = self._to_shares(assets, self._assets_of(t), True)
    self._exit(t, receiver, owner, assets, shares)
    asset_transfer._pay_token(asset, receiver, assets)
    return shares


@external
@nonreentrant
def redeem(shares: uint256, receiver: address, owner: address) -> uint256:
    """
    @dev Burns `shares` of `owner`'s vouchers and pays the assets, rounded
         down, to `receiver`; refused below health 1.
    @param shares The voucher amount.
    @param receiver Who gets the assets.
    @param owner Whose vouchers burn (caller or an approved spender).
    @return uint256 The assets paid.
    """
    assets: uint256 = self._redeem(shares, receiver, owner)
    asset_transfer._pay_token(asset, receiver, assets)
    return assets


# ------------------------------------------------------------ native coin


@external
@payable
@nonreentrant
def deposit_native(receiver: address) -> uint256:
    """
    @dev `deposit` paid in the native coin (wrapped here).
    @param receiver Who gets the vouchers.
    @return uint256 The vouchers minted.
    """
    self._check_native()
    shares: uint256 = self._deposit(msg.value, receiver)
    extcall IWrappedNative(asset).deposit(value=msg.value)
    return shares


@external
@nonreentrant
def redeem_native(shares: uint256, receiver: address, owner: address) -> uint256:
    """
    @dev `redeem` paid out in the native coin (unwrapped here).
    @param shares The voucher amount.
    @param receiver Who gets the native coin.
    @param owner Whose vouchers burn.
    @return uint256 The assets paid.
    """
    self._check_native()
    assets: uint256 = self._redeem(shares, receiver, owner)
    self._push_native(receiver, assets)
    return assets


@external
@nonreentrant
def borrow_native(amount: uint256, receiver: address):
    """
    @dev `borrow` paid out in the native coin.
    @param amount The amount borrowed.
    @param receiver Who gets the native coin.
    """
    self._check_native()
    self._borrow(amount, receiver)
    self._push_native(receiver, amount)


@external
@payable
@nonreentrant
def repay_native(borrower: address) -> uint256:
    """
    @dev `repay` paid in the native coin; any excess over the debt is
         refunded to the caller.
    @param borrower Whose debt is repaid.
    @return uint256 The amount repaid.
    """
    self._check_native()
    repaid: uint256 = self._repay(msg.sender, borrower, msg.value)
    extcall IWrappedNative(asset).deposit(value=repaid)
    if msg.value > repaid:
        # safe: repaid <= msg.value (`_repay` caps at the debt)
        raw_call(msg.sender, b"", value=unsafe_sub(msg.value, repaid))
    return repaid


# -------------------------------------------------------------- borrowing


@external
@nonreentrant
def borrow(amount: uint256, receiver: address):
    """
    @dev Borrows `amount` to `receiver`; the Controller enters this market
         for the caller and refuses the loan below health 1.
    @param amount The amount borrowed.
    @param receiver Who gets the asset.
    """
    self._borrow(amount, receiver)
    asset_transfer._pay_token(asset, receiver, amount)


@external
@nonreentrant
def repay(amount: uint256, borrower: address) -> uint256:
    """
    @dev Repays up to `amount` of `borrower`'s debt (any caller may repay
         for anyone); `max_value(uint256)` repays it all.
    @param amount The most to repay.
    @param borrower Whose debt is repaid.
    @return uint256 The amount repaid (pulled from the caller).
    """
    repaid: uint256 = self._repay(msg.sender, borrower, amount)
    asset_transfer._pull_exact(asset, msg.sender, repaid)
    return repaid


@external
@nonreentrant
def liquidate(borrower: address, repay_amount: uint256, collateral_market: address, min_seized: uint256) -> uint256:
    """
    @dev Repays `repay_amount` of an unhealthy `borrower`'s debt here and
         takes vouchers of `collateral_market` worth the repaid value times
         the liquidation incentive (the Controller checks health < 1 and
         the close factor and prices the seizure).
    @param borrower The account liquidated (not the caller).
    @param repay_amount The debt repaid, pulled from the caller.
    @param collateral_market The market whose vouchers are seized.
    @param min_seized The fewest vouchers the caller accepts (slippage).
    @return uint256 The vouchers seized.
    """
    assert borrower != msg.sender, "market: self-liquidation"
    assert repay_amount != 0, "market: zero amount"
    t: State = self._accrue()
    debt: uint256 = self._debt(borrower, t.index)
    seized: uint256 = staticcall IController(controller).liquidation_seize(borrower, collateral_market, repay_amount, debt)
    assert seized >= min_seized, "market: seized below minimum"
    # repay_amount <= close factor x debt < debt (checked by the Controller)
    self._reduce_debt(t, borrower, debt, repay_amount)
    log IMarket.Repay(payer=msg.sender, borrower=borrower, amount=repay_amount, debt=debt - repay_amount)
    log IMarket.Liquidate(
        liquidator=msg.sender,
        borrower=borrower,
        repaid=repay_amount,
        collateral_market=collateral_market,
        seized_shares=seized,
    )
    if collateral_market == self:
        self._transfer_collateral(borrower, msg.sender, seized)
    else:
        extcall IMarket(collateral_market).seize(msg.sender, borrower, seized)
    asset_transfer._pull_exact(asset, msg.sender, repay_amount)
    return seized


@external
@nonreentrant
def seize(liquidator: address, borrower: address, shares: uint256):
    """
    @dev Moves `shares` vouchers from `borrower` to `liquidator` during a
         liquidation run by another listed market.
    @param liquidator Who receives the vouchers.
    @param borrower Whose vouchers are seized.
    @param shares The voucher amount.
    """
    assert msg.sender != self and staticcall IController(controller).is_listed(msg.sender), "market: caller is not a listed market"
    self._transfer_collateral(borrower, liquidator, shares)


@external
@nonreentrant
def write_off(borrower: address) -> uint256:
    """
    @dev Writes off the debt of an account left without collateral (the
         Controller checks: collateral worth at most the dust threshold and
         less than the debt, then burns the vouchers the account still holds
         in every market it entered, so the defaulter keeps nothing, whoever
         calls). Reserves absorb the loss first; the rest lowers what
         vouchers are worth, shared by all suppliers pro rata.
    @param borrower The insolvent account.
    @return uint256 The debt written off.
    """
    t: State = self._accrue()
    debt: uint256 = self._debt(borrower, t.index)
    assert debt != 0, "market: no debt"
    assert extcall IController(controller).on_write_off(borrower)
    covered: uint256 = min(debt, t.reserves)
    self._debts[borrower] = 0
    if t.flags & market_controls.MINED != 0:
        self._mine(borrower, 0, True)
    # B can trail the sum of debts by rounding (it rounds down), hence min
    t.borrows -= min(debt, t.borrows)
    # safe: covered <= t.reserves
    t.reserves = unsafe_sub(t.reserves, covered)
    self._commit(t)
    log IMarket.BadDebtWrittenOff(borrower=borrower, debt=debt, covered_by_reserves=covered)
    return debt


@external
def accrue():
    """
    @dev Accrues interest up to now (anyone; every operation does it too).
    """
    self._commit(self._accrue())


# ------------------------------------------------------------- governance


@external
def set_reserve_factor(reserve_factor_: uint256):
    """
    @dev Sets the share of future interest kept as reserves.
    @param reserve_factor_ The new factor, WAD, at most 50%.
    """
    self._check_tunable()
    assert reserve_factor_ <= MAX_RESERVE_FACTOR, "market: reserve factor too high"
    t: State = self._accrue()
    t.rf = reserve_factor_
    self._commit(t)
    log IMarket.ReserveFactorSet(reserve_factor=reserve_factor_)


@external
def set_rate_model(rate_model_: address):
    """
    @dev Switches the interest rate model (linear or kink); interest up to
         now accrues at the old rate.
    @param rate_model_ The new model.
    """
    self._check_tunable()
    assert rate_model_ != empty(address), "market: zero rate model"
    t: State = self._accrue()
    self.rate_model = rate_model_
    self._commit(t)
    log IMarket.RateModelSet(rate_model=rate_model_)


@external
@nonreentrant
def withdraw_reserves(amount: uint256, receiver: address):
    """
    @dev Governance takes reserves out (never suppliers' assets).
    @param amount The amount, at most the reserves and the cash.
    @param receiver Who gets it.
    """
    self._check_governance()
    self._check_call(receiver, amount != 0)
    t: State = self._accrue()
    assert amount <= t.reserves, "market: amount exceeds reserves"
    assert amount <= t.cash, "market: not enough cash"
    # safe: both checked just above
    t.reserves = unsafe_sub(t.reserves, amount)
    t.cash = unsafe_sub(t.cash, amount)
    self._commit(t)
    log IMarket.ReservesWithdrawn(receiver=receiver, amount=amount)
    asset_transfer._pay_token(asset, receiver, amount)


# ------------------------------------------------------------------ views


@external
@view
def cash() -> uint256:
    """
    @dev C: the asset the market holds by its own accounting.
    @return uint256 The cash, reserves included.
    """
    return self._pool & constants.MASK_128


@external
@view
def total_borrows() -> uint256:
    """
    @dev B as of `last_accrual` (see `current_totals` for now).
    @return uint256 The total borrows.
    """
    return self._pool >> 128


@external
@view
def total_reserves() -> uint256:
    """
    @dev R as of `last_accrual` (see `current_totals` for now).
    @return uint256 The reserves.
    """
    return self._reserves & constants.MASK_128


@external
@view
def reserve_factor() -> uint256:
    """
    @dev rf: the share of interest kept as reserves, WAD.
    @return uint256 The reserve factor.
    """
    return self._reserves >> 128


@external
@view
def borrow_index() -> uint256:
    """
    @dev I as of `last_accrual`, WAD.
    @return uint256 The borrow index.
    """
    return self._rates & constants.MASK_128


@external
@view
def last_accrual() -> uint256:
    """
    @dev When interest last accrued into storage.
    @return uint256 The timestamp.
    """
    return (self._rates >> 128) & constants.MASK_40


@external
@view
def borrow_rate() -> uint256:
    """
    @dev r: the borrow rate per second since the last change, WAD.
    @return uint256 The rate.
    """
    return (self._rates >> 168) & constants.MASK_64


@external
@view
def debt_principal(account: address) -> uint256:
    """
    @dev p: `account`'s debt as of its last operation.
    @param account The borrower.
    @return uint256 The principal.
    """
    return self._debts[account] & constants.MASK_128


@external
@view
def debt_index(account: address) -> uint256:
    """
    @dev i: the borrow index at `account`'s last operation.
    @param account The borrower.
    @return uint256 The index.
    """
    return self._debts[account] >> 128


@external
@view
def debt_of(account: address) -> uint256:
    """
    @dev `account`'s debt now, interest included, rounded up.
    @param account The borrower.
    @return uint256 The debt in asset units.
    """
    return self._debt(account, self._current().index)


@external
@view
def account_snapshot(account: address) -> IMarket.AccountSnapshot:
    """
    @dev What the Controller needs to value an account here, as of now.
    @param account The account.
    @return AccountSnapshot The asset (for its price), the account's
            vouchers in assets (rounded down) and its debt (rounded up).
    """
    shares: uint256 = self.balanceOf[account]
    packed: uint256 = self._debts[account]
    if shares == 0 and packed == 0:
        return IMarket.AccountSnapshot(asset=asset, supplied=0, debt=0)
    t: State = self._current()
    supplied: uint256 = 0
    debt: uint256 = 0
    if shares != 0:
        supplied = self._to_assets(shares, self._assets_of(t), False)
    if packed & constants.MASK_128 != 0:
        # ceil(p * I / i)
        debt = math._ceil_div((packed & constants.MASK_128) * t.index, packed >> 128)
    return IMarket.AccountSnapshot(asset=asset, supplied=supplied, debt=debt)


@external
@view
def current_totals() -> IMarket.Totals:
    """
    @dev Cash, borrows, reserves and borrow index as of now.
    @return Totals The four figures.
    """
    t: State = self._current()
    return IMarket.Totals(cash=t.cash, borrows=t.borrows, reserves=t.reserves, index=t.index)


@external
@view
def exchange_rate() -> uint256:
    """
    @dev Asset units per voucher unit now, WAD: (A + VA) / (S + VS),
         rounded down (0.001 in an empty market).
    @return uint256 The rate.
    """
    return (self._assets_of(self._current()) + VIRTUAL_ASSETS) * constants.WAD // (self.totalSupply + VIRTUAL_SHARES)


@external
@view
def rates() -> IMarket.Rates:
    """
    @dev The market's figures for dashboards, now, all WAD: utilization
         U = B / (C + B), borrow APR, supply APR = borrow APR x U x (1 - rf),
         and both APYs with per-second compounding (e^APR - 1).
    @return Rates The five figures, named.
    """
    t: State = self._current()
    u: uint256 = 0
    if t.borrows != 0:
        # U = B / (C + B), rounded down
        u = t.borrows * constants.WAD // (t.cash + t.borrows)
    r: uint256 = self._model_rate(t.cash, t.borrows)
    borrow_apr: uint256 = r * constants.YEAR
    # supply APR = borrow APR * U * (1 - rf), rounded down
    supply_apr: uint256 = borrow_apr * u // constants.WAD * (constants.WAD - t.rf) // constants.WAD
    return IMarket.Rates(
        utilization=u,
        borrow_apr=borrow_apr,
        supply_apr=supply_apr,
        borrow_apy=self._apy(borrow_apr),
        supply_apy=self._apy(supply_apr),
    )


# ----------------------------------------------------------- stray tokens


@external
@nonreentrant
def sweep(token: address) -> uint256:
    """
    @dev Governance takes a stray ERC-20 sent here by mistake. Refused for
         the market's asset: cash is never swept (nor a donation of it,
         which the accounting ignores and leaves in the contract).
    @param token The stray token.
    @return uint256 The amount sent to governance.
    """
    self._check_governance()
    assert token != asset, "market: cannot sweep the asset"
    amount: uint256 = staticcall IERC20(token).balanceOf(self)
    asset_transfer._pay_token(token, msg.sender, amount)
    return amount


# ---------------------------------------------------- Controller only
# (declared last: the dispatcher tries a bucket's functions in declaration
# order, and `account_snapshot` is read on every health check)


@external
def forfeit(account: address) -> uint256:
    """
    @dev Burns every voucher of `account` (a defaulter being written off);
         the assets behind them stay in the pool, so they raise what every
         other voucher is worth. Only the Controller, from `on_write_off`;
         not locked, since the writing-off market may be this one.
    @param account The defaulter.
    @return uint256 The vouchers burnt.
    """
    self._check_controller()
    shares: uint256 = self.balanceOf[account]
    self._burn(account, shares)
    if (self._rates >> 232) & market_controls.MINED != 0:
        self._mine(account, 0, False)
    return shares


@external
def set_controls(flags: uint256, caps: uint256):
    """
    @dev Stores the pause, delisting and cap state the Controller keeps
         (bits as `DEPOSIT_PAUSED`..`BORROW_CAPPED`; caps packed as
         `_caps`). Only the Controller.
    @param flags The control flags.
    @param caps Supply cap | borrow cap << 128.
    """
    self._check_controller()
    # flags do not enter the interest: no accrual needed to change them; the
    # mining bit is governance's (`set_mining`) and stays as it is
    mined: uint256 = (market_controls.MINED << 232)
    self._rates = (self._rates & (2**232 - 1 | mined)) | ((flags << 232) & ~mined)
    self._caps = caps


@external
def set_mining(mining_: address):
    """
    @dev Governance: the liquidity mining contract (empty: none); sets or
         clears the `MINED` bit, so an unmined market costs one bit test.
         Stop its streams before unsetting it: it hears of no change after.
    @param mining_ The suppliers' LendingMining of this market, or empty.
    """
    self._check_governance()
    self.mining = mining_
    self._rates = (self._rates & ~(market_controls.MINED << 232)) | (
        # bit 237 = 232 + 5: MINED (32) in the flag bits
        convert(mining_ != empty(address), uint256) << 237
    )


# --------------------------------------------------------------- internal


@internal
@view
def _check_tunable():
    """
    @dev Reverts unless the caller may set the market's tunable numbers:
         the Controller's parameter registry once it names one (read at
         every call, like governance), governance before.
    """
    registry: address = staticcall IController(controller).parameter_registry()
    if registry == empty(address):
        self._check_governance()
    else:
        assert msg.sender == registry, "market: caller is not the parameter registry"


@internal
@view
def _check_native():
    """
    @dev Reverts unless the market's asset is the wrapped native coin (the
         `*_native` entry points). One copy of the check: the legacy code
         generator stores a revert string once per assert.
    """
    assert is_native, "market: not a native market"


@internal
@pure
def _check_call(receiver: address, nonzero: bool):
    """
    @dev Reverts on an empty receiver or a zero amount (deposit, mint,
         withdraw, redeem, borrow): one copy of both checks.
    @param receiver Who would get the vouchers or the assets.
    @param nonzero Whether the operation's amounts are all non-zero.
    """
    assert receiver != empty(address), "market: zero receiver"
    assert nonzero, "market: zero amount"


@internal
@view
def _check_governance():
    """
    @dev Reverts unless the caller is governance: the Controller's owner,
         read at every call, so handing the Controller over (to the
         timelock) hands every market with it.
    """
    assert msg.sender == staticcall IController(controller).owner(), (
        "market: caller is not governance"
    )


@internal
@view
def _check_controller():
    """
    @dev Reverts unless the caller is this market's Controller.
    """
    assert msg.sender == controller, "market: caller is not the controller"


@internal
@view
def _model_rate(cash_: uint256, borrows: uint256) -> uint256:
    """
    @dev The borrow rate the rate model quotes for this cash and these
         borrows, capped at `MAX_BORROW_RATE` whatever model governance sets
         (so a faulty model cannot run the index away).
    @param cash_ C.
    @param borrows B.
    @return uint256 r, per second (WAD).
    """
    # r = min(model(C, B), cap): the cap holds whatever model governance sets
    return min(staticcall IKinkRateModel(self.rate_model).borrow_rate(cash_, borrows), MAX_BORROW_RATE)


@internal
@view
def _apy(apr: uint256) -> uint256:
    """
    @dev The yearly yield of a yearly rate compounded every second,
         e^APR - 1; `math._wad_exp` rounds down, so the figure shown never
         overstates. Assumes APR <= 10 (WAD), which the rate cap guarantees.
    @param apr The yearly rate (WAD).
    @return uint256 The APY (WAD).
    """
    # APY = e^APR - 1 (limit of per-second compounding); APR <= 10 by the cap
    return convert(math._wad_exp(convert(apr, int256)), uint256) - constants.WAD


@internal
@view
def _load() -> State:
    """
    @dev Unpacks the three state slots (`_pool`, `_rates`, `_reserves`) as
         stored, with no interest since `last`: see `_current` for now.
    @return State The stored state.
    """
    pool: uint256 = self._pool
    rates_: uint256 = self._rates
    reserves: uint256 = self._reserves
    return State(
        cash=pool & constants.MASK_128,
        borrows=pool >> 128,
        reserves=reserves & constants.MASK_128,
        index=rates_ & constants.MASK_128,
        last=(rates_ >> 128) & constants.MASK_40,
        rate=(rates_ >> 168) & constants.MASK_64,
        rf=reserves >> 128,
        flags=rates_ >> 232,
    )


@internal
def _commit(t: State):
    """
    @dev Writes the state after an operation, stamped now (`t.last` is
         ignored), with the rate for the new cash and borrows (`t.rate` is
         ignored; r stays fixed until the next change). Packs in place: no
         copy of the state.
    @param t The state after the operation.
    """
    rate: uint256 = self._model_rate(t.cash, t.borrows)
    # convert() reverts past each field's width: no silent truncation
    self._pool = (
        convert(convert(t.cash, uint128), uint256)
        | (convert(convert(t.borrows, uint128), uint256) << 128)
    )
    self._rates = (
        convert(convert(t.index, uint128), uint256)
        | (convert(convert(block.timestamp, uint40), uint256) << 128)
        | (convert(convert(rate, uint64), uint256) << 168)
        | (t.flags << 232)
    )
    self._reserves = (
        convert(convert(t.reserves, uint128), uint256)
        | (convert(convert(t.rf, uint128), uint256) << 128)
    )


@internal
@view
def _current() -> State:
    """
    @dev The state as of now, without writing.
         f  = r * dt                          (simple interest since last accrual)
         I' = I + floor(I * f / WAD)          (index rounds down)
         B' = floor(B * I' / I)               (borrows follow the index, round down
                                               so B' never exceeds the sum of debts)
         R' = R + ceil((B' - B) * rf / WAD)  (reserves round up: the protocol
                                               never loses its unit of a share; the
                                               suppliers' part (B' - B) - (R' - R) >= 0
                                               since rf <= 1/2)
    @return State The state accrued up to now.
    """
    t: State = self._load()
    dt: uint256 = block.timestamp - t.last
    if dt == 0:
        return t
    f: uint256 = t.rate * dt
    new_index: uint256 = t.index + t.index * f // constants.WAD
    new_borrows: uint256 = t.borrows * new_index // t.index
    # safe: new_index >= t.index, so new_borrows >= t.borrows
    interest: uint256 = unsafe_sub(new_borrows, t.borrows)
    # ceil(interest x rf / WAD); WAD > 0, and both factors fit 128 bits
    t.reserves += unsafe_div(interest * t.rf + unsafe_sub(constants.WAD, 1), constants.WAD)
    t.borrows = new_borrows
    t.index = new_index
    return t


@internal
@view
def _accrue() -> State:
    """
    @dev The state accrued up to now. Does not write: every caller ends
         with `_commit`, which stores it (one write per operation).
    @return State The accrued state.
    """
    return self._current()


@internal
@pure
def _assets_of(t: State) -> uint256:
    """
    @dev What the voucher holders own in `t`: A = C + B - R. Cannot
         underflow: R <= C + B always, since reserves come out of interest
         and leave only through `withdraw_reserves`/`write_off`, which lower
         R with C or B.
    @param t A state.
    @return uint256 A.
    """
    # A = C + B - R (R <= C + B always: reserves come out of interest, and
    # leave only through `withdraw_reserves`/`write_off`, which lower R)
    return t.cash + t.borrows - t.reserves


@internal
@view
def _to_shares(assets: uint256, total_assets: uint256, round_up: bool) -> uint256:
    """
    @dev Converts assets to vouchers at the current exchange rate, with
         the virtual shares and assets (inflation-attack margin). Rounds
         down on deposit and up on withdraw: always against the user.
    @param assets The asset amount.
    @param total_assets A.
    @param round_up True to round up (withdraw, previews of it).
    @return uint256 The voucher amount.
    """
    # shares = assets * (S + VS) / (A + VA); down on deposit, up on withdraw
    return math._mul_div(
        assets, self.totalSupply + VIRTUAL_SHARES, total_assets + VIRTUAL_ASSETS, round_up
    )


@internal
@view
def _to_assets(shares: uint256, total_assets: uint256, round_up: bool) -> uint256:
    """
    @dev Converts vouchers to assets at the current exchange rate, with
         the virtual shares and assets. Rounds down on redeem and up on
         mint: always against the user.
    @param shares The voucher amount.
    @param total_assets A.
    @param round_up True to round up (mint, previews of it).
    @return uint256 The asset amount.
    """
    # assets = shares * (A + VA) / (S + VS); down on redeem, up on mint
    return math._mul_div(
        shares, total_assets + VIRTUAL_ASSETS, self.totalSupply + VIRTUAL_SHARES, round_up
    )


@internal
@view
def _max_deposit(t: State, total_assets: uint256) -> uint256:
    """
    @dev What a deposit may add now: the room left in the 128-bit cash
         field and under the supply cap; 0 while deposits are paused or the
         market is delisted, or if it would not mint a voucher.
    @param t The current state.
    @param total_assets A in `t`.
    @return uint256 The asset amount.
    """
    if t.flags & (market_controls.DEPOSIT_PAUSED | market_controls.DELISTED) != 0:
        return 0
    room: uint256 = constants.MASK_128 - t.cash
    if t.flags & market_controls.SUPPLY_CAPPED != 0:
        cap: uint256 = self._caps & constants.MASK_128
        room = min(room, cap - min(cap, total_assets))
    if self._to_shares(room, total_assets, False) == 0:
        return 0
    return room


@internal
@view
def _max_exit(owner: address, t: State, total_assets: uint256) -> (uint256, uint256):
    """
    @dev The assets `owner` may take out now, and what its vouchers are
         worth: min(worth, C, what the Controller's borrow limit allows).
         The Controller's figure absorbs the roundings of its value sums;
         the burn of vouchers rounded up can cost the account up to
         ceil((A + VA) / (S + VS)) more units of collateral (one while a
         voucher is worth less than a unit), subtracted here.
    @param owner The voucher holder.
    @param t The current state.
    @param total_assets A in `t`.
    @return uint256 The asset amount `withdraw` accepts.
    @return uint256 The owner's vouchers in assets, rounded down.
    """
    owned: uint256 = self._to_assets(self.balanceOf[owner], total_assets, False)
    limit: uint256 = min(owned, t.cash)
    if limit == 0:
        return 0, owned
    allowed: uint256 = staticcall IController(controller).redeemable(owner, self)
    if allowed < limit:
        # ceil(rate): the collateral one voucher burnt too many can cost
        margin: uint256 = math._ceil_div(total_assets + VIRTUAL_ASSETS, self.totalSupply + VIRTUAL_SHARES)
        limit = allowed - min(allowed, margin)
    return limit, owned


@internal
@view
def _debt(account: address, index: uint256) -> uint256:
    """
    @dev An account's debt at borrow index `index`: its principal grown by
         the index since it was last touched, rounded up (the borrower owes
         the rounding, so the sum of debts never falls below B).
    @param account The borrower.
    @param index The current borrow index I.
    @return uint256 The debt (0 if none).
    """
    # debt = ceil(p * I / i): the borrower owes the rounding
    packed: uint256 = self._debts[account]
    principal: uint256 = packed & constants.MASK_128
    if principal == 0:
        return 0
    return math._ceil_div(principal * index, packed >> 128)


@internal
def _set_debt(account: address, principal: uint256, index: uint256):
    """
    @dev Records `account`'s debt as a principal at index `index` (packed:
         principal | index << 128); convert() reverts past 128 bits.
    @param account The borrower.
    @param principal The debt now (0 clears it).
    @param index The borrow index it was computed at.
    """
    self._debts[account] = (
        convert(convert(principal, uint128), uint256)
        | (convert(convert(index, uint128), uint256) << 128)
    )


@internal
def _deposit(assets: uint256, receiver: address) -> uint256:
    """
    @dev `deposit` and `deposit_native` after accrual: mints vouchers for
         `assets`, rounded down; the caller then brings the asset in.
    @param assets The asset amount.
    @param receiver Who gets the vouchers.
    @return uint256 The vouchers minted.
    """
    t: State = self._accrue()
    shares: uint256 = self._to_shares(assets, self._assets_of(t), False)
    self._supply(t, msg.sender, receiver, assets, shares)
    return shares


@internal
def _redeem(shares: uint256, receiver: address, owner: address) -> uint256:
    """
    @dev `redeem` and `redeem_native` after accrual: burns `shares` for
         assets rounded down (health checked); the caller then pays out.
    @param shares The voucher amount.
    @param receiver Who gets the assets.
    @param owner Whose vouchers burn.
    @return uint256 The assets to pay.
    """
    t: State = self._accrue()
    assets: uint256 = self._to_assets(shares, self._assets_of(t), False)
    self._exit(t, receiver, owner, assets, shares)
    return assets


@internal
def _supply(t: State, caller: address, receiver: address, assets: uint256, shares: uint256):
    """
    @dev The effects of a deposit or mint: checks, adds `assets` to C
         (refused past the 128-bit field, the supply cap, a pause or a
         delisting), commits the state and mints `shares` to `receiver`.
         The caller has rounded `shares` (or `assets`) against the user and
         pulls the asset afterwards.
    @param t The accrued state.
    @param caller Who supplies (logged as the sender).
    @param receiver Who gets the vouchers.
    @param assets The asset amount.
    @param shares The vouchers minted.
    """
    self._check_call(receiver, assets != 0 and shares != 0)
    n: State = t
    n.cash += assets
    assert n.cash <= constants.MASK_128, "market: cash bound"
    if n.flags != 0:
        self._check_open(n.flags, False, n.cash + n.borrows - n.reserves)
    self._commit(n)
    self.totalSupply += shares
    # safe: a balance never exceeds S, which did not overflow just above
    self.balanceOf[receiver] = unsafe_add(self.balanceOf[receiver], shares)
    log IMarket.Transfer(sender=empty(address), receiver=receiver, value=shares)
    log IMarket.Deposit(sender=caller, owner=receiver, assets=assets, shares=shares)
    if n.flags & market_controls.MINED != 0:
        self._mine(receiver, self.balanceOf[receiver], False)


@internal
def _exit(t: State, receiver: address, owner: address, assets: uint256, shares: uint256):
    """
    @dev The effects of a withdraw or redeem: spends the allowance of a
         spender, burns `shares` of `owner`'s vouchers, takes `assets` out
         of C, commits, then asks the Controller whether `owner` is still
         healthy (reverts otherwise). Never paused: exits stay open. The
         caller has rounded against the user and pays out afterwards.
    @param t The accrued state.
    @param receiver Who gets the assets (logged).
    @param owner Whose vouchers burn.
    @param assets The asset amount.
    @param shares The vouchers burnt.
    """
    self._check_call(receiver, assets != 0 and shares != 0)
    if msg.sender != owner:
        self._spend_allowance(owner, msg.sender, shares)
    # reserves are a claim on the pool, not set-aside cash (Compound): any
    # cash may pay a supplier; governance takes reserves when cash allows
    assert t.cash >= assets, "market: not enough cash"
    assert self.balanceOf[owner] >= shares, "market: redeem exceeds balance"
    self._burn(owner, shares)
    n: State = t
    # safe: assets <= C checked above
    n.cash = unsafe_sub(t.cash, assets)
    self._commit(n)
    if t.flags & market_controls.MINED != 0:
        self._mine(owner, self.balanceOf[owner], False)
    log IMarket.Withdraw(sender=msg.sender, receiver=receiver, owner=owner, assets=assets, shares=shares)
    # health after the burn: refused if these vouchers back a loan too far
    assert staticcall IController(controller).on_redeem(owner, market_id)


@internal
@view
def _check_open(flags: uint256, borrowing: bool, total: uint256):
    """
    @dev Refuses a deposit (or a borrow) while the market is delisted or
         that operation is paused, or when `total`, A (or B) after it,
         exceeds the supply (or borrow) cap.
    @param flags The control flags.
    @param borrowing True for a borrow, False for a deposit.
    @param total A after the deposit, or B after the borrow.
    """
    assert flags & market_controls.DELISTED == 0, "market: delisted"
    if borrowing:
        assert flags & market_controls.BORROW_PAUSED == 0, "market: borrow paused"
        if flags & market_controls.BORROW_CAPPED != 0:
            assert total <= self._caps >> 128, "market: borrow cap reached"
    else:
        assert flags & market_controls.DEPOSIT_PAUSED == 0, "market: deposit paused"
        if flags & market_controls.SUPPLY_CAPPED != 0:
            assert total <= self._caps & constants.MASK_128, "market: supply cap reached"


@internal
def _borrow(amount: uint256, receiver: address):
    """
    @dev `borrow` and `borrow_native` before the payout: accrues, adds
         `amount` to the caller's debt (the debt rounds up) and to B,
         refused past C, the borrow cap, a pause or a delisting; commits,
         then the Controller enters this market for the caller and reverts
         below health 1. The caller then pays `amount` out.
    @param amount The amount borrowed.
    @param receiver Who will get the asset (logged; checked non-zero).
    """
    self._check_call(receiver, amount != 0)
    t: State = self._accrue()
    assert t.cash >= amount, "market: not enough cash"
    debt: uint256 = self._debt(msg.sender, t.index) + amount
    self._set_debt(msg.sender, debt, t.index)
    if t.flags & market_controls.MINED != 0:
        self._mine(msg.sender, debt * constants.WAD // t.index, True)
    t.borrows += amount
    if t.flags != 0:
        self._check_open(t.flags, True, t.borrows)
    # safe: amount <= C checked above
    t.cash = unsafe_sub(t.cash, amount)
    self._commit(t)
    log IMarket.Borrow(borrower=msg.sender, receiver=receiver, amount=amount, debt=debt)
    # the Controller enters this market for the borrower and checks health
    # with the debt already recorded
    extcall IController(controller).on_borrow(msg.sender, market_id)


@internal
def _repay(payer: address, borrower: address, amount: uint256) -> uint256:
    """
    @dev `repay` and `repay_native` before the payment: accrues and cuts
         `borrower`'s debt by at most that debt (`max_value(uint256)` repays
         it all). The caller then brings in the amount returned.
    @param payer Who pays (logged).
    @param borrower Whose debt is repaid.
    @param amount The most to repay.
    @return uint256 The amount repaid, min(amount, debt).
    """
    assert borrower != empty(address), "market: zero borrower"
    assert amount != 0, "market: zero amount"
    t: State = self._accrue()
    debt: uint256 = self._debt(borrower, t.index)
    assert debt != 0, "market: no debt"
    repaid: uint256 = min(amount, debt)
    self._reduce_debt(t, borrower, debt, repaid)
    log IMarket.Repay(payer=payer, borrower=borrower, amount=repaid, debt=debt - repaid)
    return repaid


@internal
def _reduce_debt(t: State, borrower: address, debt: uint256, repaid: uint256):
    """
    @dev Lowers `borrower`'s debt by `repaid` and moves it from B to C,
         then commits; `repaid <= debt` is the caller's check. B rounds down
         and each debt up, so B may trail the sum of debts: it floors at 0.
    @param t The accrued state.
    @param borrower Whose debt is reduced.
    @param debt Its debt at `t.index`.
    @param repaid The amount repaid.
    """
    self._set_debt(borrower, debt - repaid, t.index)
    if t.flags & market_controls.MINED != 0:
        self._mine(borrower, (debt - repaid) * constants.WAD // t.index, True)
    n: State = t
    # B rounds down and each debt rounds up, so B may trail: floor at 0
    n.borrows = t.borrows - min(repaid, t.borrows)
    n.cash = t.cash + repaid
    self._commit(n)


@internal
def _mine(account: address, shares: uint256, debt: bool):
    """
    @dev Reports `account`'s new shares to the mining contract: vouchers,
         or (`debt`) its debt as the index-normalised principal
         debt * WAD // I (rounded down), constant while interest accrues.
    @param account The holder.
    @param shares Its shares after the change.
    @param debt True for the borrowers' stream.
    """
    extcall ILendingMining(self.mining).on_balance(account, shares, debt)


@internal
def _burn(owner: address, shares: uint256):
    """
    @dev Burns `shares` of `owner`'s vouchers; shares <= its balance is
         the caller's check.
    @param owner The holder.
    @param shares The voucher amount.
    """
    # safe: the caller's check; S >= any balance
    self.balanceOf[owner] = unsafe_sub(self.balanceOf[owner], shares)
    self.totalSupply = unsafe_sub(self.totalSupply, shares)
    log IMarket.Transfer(sender=owner, receiver=empty(address), value=shares)


@internal
def _transfer(owner: address, to: address, amount: uint256):
    """
    @dev Moves `amount` vouchers from `owner` to `to` (not the zero
         address). Judges no health: `transfer`/`transferFrom` ask the
         Controller afterwards, a liquidation's seizure must not.
    @param owner The account debited.
    @param to The receiver.
    @param amount The voucher amount.
    """
    assert to != empty(address), "market: transfer to zero address"
    owned: uint256 = self.balanceOf[owner]
    assert owned >= amount, "market: transfer amount exceeds balance"
    # safe: checked just above; balances sum to S
    self.balanceOf[owner] = unsafe_sub(owned, amount)
    self.balanceOf[to] = unsafe_add(self.balanceOf[to], amount)
    log IMarket.Transfer(sender=owner, receiver=to, value=amount)
    if (self._rates >> 232) & market_controls.MINED != 0:
        self._mine(owner, unsafe_sub(owned, amount), False)
        self._mine(to, self.balanceOf[to], False)


@internal
def _transfer_collateral(borrower: address, liquidator: address, shares: uint256):
    """
    @dev A liquidation's seizure: moves `shares` of `borrower`'s vouchers
         to `liquidator`, with the seizure's own reason if the borrower
         holds fewer. No health check (the borrower is being liquidated).
    @param borrower Whose vouchers are seized.
    @param liquidator Who receives them.
    @param shares The voucher amount.
    """
    assert self.balanceOf[borrower] >= shares, "market: seize exceeds collateral"
    self._transfer(borrower, liquidator, shares)


@internal
def _spend_allowance(owner: address, spender: address, amount: uint256):
    """
    @dev Spends `amount` of `spender`'s allowance over `owner`'s vouchers;
         an infinite allowance (`max_value(uint256)`) is never lowered.
    @param owner The holder.
    @param spender The caller spending it.
    @param amount The voucher amount.
    """
    allowed: uint256 = self.allowance[owner][spender]
    if allowed != max_value(uint256):
        assert allowed >= amount, "market: insufficient allowance"
        # safe: checked just above
        self.allowance[owner][spender] = unsafe_sub(allowed, amount)


@internal
def _push_native(receiver: address, amount: uint256):
    """
    @dev Unwraps `amount` of the wrapped asset and sends the native coin
         to `receiver` with all gas (receivers may be contracts); the state
         is final by then, and every caller is `@nonreentrant`.
    @param receiver Who gets the native coin.
    @param amount The amount.
    """
    extcall IWrappedNative(asset).withdraw(amount)
    # full gas on purpose: receivers may be contracts; state is final here
    raw_call(receiver, b"", value=amount)

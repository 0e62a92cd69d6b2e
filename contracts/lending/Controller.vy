# pragma version ~=0.4.3
"""
@title Pledge-lending controller: market factory and risk engine
@custom:contract-name Controller
@license GNU Affero General Public License v3.0 only
@notice The Comptroller of the suite's money markets (CloudChat 4.4).
        - Factory: governance creates one `Market` per asset from a blueprint
          (ERC-5202) and the new market is listed at once, with its
          collateral factor.
        - Risk (Aave's two factors): each market has a collateral factor cf
          (the borrow limit) and a liquidation threshold lt, with
          0 <= cf <= lt <= 0.9 < 1. An account enables markets as
          collateral (`enter_markets`); borrowing enters the borrowed
          market too. It may borrow or withdraw while
              sum(supplied_m x price_m x cf_m) >= sum(debt_m x price_m)
          (markets ask `on_borrow` / `on_redeem` after they have recorded
          the new state, so a loan or a withdrawal past the limit reverts,
          in any order and within any transaction), and is liquidatable
          once
              health = sum(supplied_m x price_m x lt_m) / sum(debt_m x price_m) < 1.
          Since lt >= cf, cutting a collateral factor never makes anyone
          liquidatable; a threshold is cut by at most `MAX_THRESHOLD_CUT`
          per `THRESHOLD_CUT_DELAY` and never below cf, so an account within
          its borrow limit is never liquidatable by a cut.
        - Controls (Compound's): a supply cap and a borrow cap per market
          (0: none); a pause guardian who, like the owner, pauses new
          deposits and new borrows per market (only the owner unpauses;
          repay, liquidation and healthy withdrawals are never paused);
          `delist` closes a market to new entries, deposits and borrows
          for good while its positions repay, withdraw and liquidate.
        - Liquidation: below health 1 anyone but the borrower may repay up to
          close factor x the debt in one market and take vouchers of an
          entered market worth repaid value x e, where e is the liquidation
          incentive capped at the account's collateral / debt ratio while
          the account is solvent (`_incentive`): the bonus comes out of the
          borrower's surplus, never out of suppliers, so liquidating a
          solvent account to the end leaves no debt to write off and
          self-liquidation through a second account cannot pay.
        - Bad debt: once an account's collateral is worth at most
          `bad_debt_dust` (USD, WAD) and less than its debt, any market
          where it owes may write the debt off (reserves first, then
          suppliers pro rata; see `Market.write_off`). What collateral is
          left is seized first: its vouchers in every entered market are
          burnt (`on_write_off`), so their assets go to that market's
          suppliers and a borrower who writes itself off keeps nothing.
        Values are USD with 18 decimals; prices come from the price adapter
        (Chainlink feeds with staleness and sign checks).
@custom:security Loops run over an account's entered markets only (a
        bitmask of market ids, bounded by `MAX_MARKETS`); never over users.
@custom:kill Nothing pauses repay, liquidation or the withdrawal of a
        healthy account: positions can always be closed. In an emergency
        the pause guardian (or the owner) pauses new deposits and borrows
        per market (`set_paused`); the owner stops new borrowing power by
        cutting collateral factors to 0 (liquidation thresholds stay, so
        nobody becomes liquidatable by it) and retires a market for good
        with `delist`. Ownership moves in two steps and
        cannot be renounced.
"""


from contracts.lending import market_controls
from contracts.shared import constants
from contracts.shared import tuned

initializes: tuned


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: a renounced Controller would freeze every market's risk settings, reserve
# factor and rate model for good (the owner of the Controller governs every market).
# Tunable numbers: once the parameter registry is named, it alone sets them
# (contracts/shared/tunable.vy).
exports: tuned.__interface__


from interfaces import IController
from interfaces import IMarket
from interfaces import IPriceAdapter

implements: IController


# @dev Most markets the controller lists.
MAX_MARKETS: constant(uint256) = 32
# @dev Field masks of the packed market slot.
MASK_160: constant(uint256) = 2**160 - 1
# @dev On-chain bound of every collateral factor (strictly below 1).
MAX_COLLATERAL_FACTOR: constant(uint256) = 9 * 10**17
# @dev Bound of every liquidation threshold: with MAX_LIQUIDATION_INCENTIVE,
#      lt x incentive <= 0.99 < 1.
MAX_LIQUIDATION_THRESHOLD: constant(uint256) = 9 * 10**17
# @dev The most one cut lowers a liquidation threshold (5 points), and the
#      least time between two cuts (7 days): an account over its borrow
#      limit has a week per 5 points to repay before the next step.
MAX_THRESHOLD_CUT: constant(uint256) = 5 * 10**16
THRESHOLD_CUT_DELAY: constant(uint256) = 7 * 86400
# Market control flags: contracts/lending/market_controls.vy (`Market.set_controls`).
# @dev Bounds of the close factor (Compound's: 5%..90%).
MIN_CLOSE_FACTOR: constant(uint256) = 5 * 10**16
MAX_CLOSE_FACTOR: constant(uint256) = 9 * 10**17
# @dev Bounds of the liquidation incentive (1.0..1.1): with
#      MAX_COLLATERAL_FACTOR, cf x incentive <= 0.99 < 1.
MIN_LIQUIDATION_INCENTIVE: constant(uint256) = constants.WAD
MAX_LIQUIDATION_INCENTIVE: constant(uint256) = 11 * 10**17
# @dev Upper bound of the bad-debt dust threshold: USD 100.
MAX_BAD_DEBT_DUST: constant(uint256) = 100 * constants.WAD
# @dev Defaults (Compound v2's usual figures).
DEFAULT_CLOSE_FACTOR: constant(uint256) = 5 * 10**17
DEFAULT_LIQUIDATION_INCENTIVE: constant(uint256) = 108 * 10**16
DEFAULT_BAD_DEBT_DUST: constant(uint256) = constants.WAD


# @dev ERC-5202 blueprint of `Market` (its code starts with 0xFE7100).
market_blueprint: public(address)
# @dev Price source for every listed asset.
price_adapter: public(address)
# @dev The chain's wrapped native coin (its market takes the native coin too).
wrapped_native: public(address)
# @dev Number of listed markets; their ids are 0..market_count-1.
market_count: public(uint256)
# @dev Packed per market id: market address (bits 0..159) | collateral
#      factor cf, WAD (bits 160..255): one read per market in health loops.
_markets: HashMap[uint256, uint256]
# @dev Market => its id + 1 (0: not listed).
_ids: HashMap[address, uint256]
# @dev Asset => its market (one market per asset).
market_for: public(HashMap[address, address])
# @dev Share of one debt a single liquidation may repay, WAD.
close_factor: public(uint256)
# @dev Seized value / repaid value in a liquidation, WAD.
liquidation_incentive: public(uint256)
# @dev Collateral value (USD, WAD) at or below which debt may be written off.
bad_debt_dust: public(uint256)
# @dev Packed per market id: liquidation threshold lt, WAD (bits 0..63) |
#      time of its last cut (bits 64..127) | pause and delisting flags
#      (bits 128..255: `DEPOSIT_PAUSED | BORROW_PAUSED | DELISTED`). Read
#      by liquidation checks only: borrowing reads `_markets` alone.
_controls: HashMap[uint256, uint256]
# @dev Per market id: supply cap (bits 0..127) | borrow cap (bits
#      128..255), asset units, 0 = none; the market keeps a copy it checks.
_caps: HashMap[uint256, uint256]
# @dev Who may pause deposits and borrows (never unpause), beside the owner.
pause_guardian: public(address)
# @dev Markets each account has entered (collateral enabled or borrowed),
#      as a bitmask of market ids: one slot per account.
_membership: HashMap[address, uint256]


struct Liquidity:
    # an account's standing, USD WAD
    borrowable: uint256  # sum of collateral x price x cf (rounded down)
    debt: uint256  # sum of debt x price (rounded up)
    collateral: uint256  # sum of collateral x price, no factors (rounded down)
    priced: bool  # every debt could be priced (always true in strict mode)


@deploy
def __init__(owner_: address):
    """
    @dev Deploys with Compound's default close factor (50%) and incentive
         (8%); the blueprint, adapter and wrapped native coin are set per
         chain afterwards.
    @param owner_ Governance (a timelock in production).
    """
    assert owner_ != empty(address), "controller: zero owner"
    tuned.__init__(owner_)
    self.close_factor = DEFAULT_CLOSE_FACTOR
    self.liquidation_incentive = DEFAULT_LIQUIDATION_INCENTIVE
    self.bad_debt_dust = DEFAULT_BAD_DEBT_DUST


# ------------------------------------------------------------- governance


@external
def set_market_blueprint(blueprint: address):
    """
    @dev Sets the ERC-5202 blueprint new markets are created from.
    @param blueprint The blueprint's address.
    """
    tuned.owner_2step.ownable._check_owner()
    assert blueprint.is_contract, "controller: blueprint has no code"
    self.market_blueprint = blueprint
    log IController.MarketBlueprintSet(blueprint=blueprint)


@external
def set_price_adapter(price_adapter_: address):
    """
    @dev Sets the price source.
    @param price_adapter_ The adapter.
    """
    tuned.owner_2step.ownable._check_owner()
    assert price_adapter_.is_contract, "controller: price adapter has no code"
    self.price_adapter = price_adapter_
    log IController.PriceAdapterSet(price_adapter=price_adapter_)


@external
def set_wrapped_native(wrapped_native_: address):
    """
    @dev Sets the wrapped native coin (before its market is created).
    @param wrapped_native_ The WETH-like token.
    """
    tuned.owner_2step.ownable._check_owner()
    assert wrapped_native_.is_contract, "controller: wrapped native has no code"
    self.wrapped_native = wrapped_native_
    log IController.WrappedNativeSet(wrapped_native=wrapped_native_)


@external
def create_market(
    asset: address,
    rate_model: address,
    reserve_factor: uint256,
    collateral_factor_: uint256,
    liquidation_threshold_: uint256,
    name: String[64],
    symbol: String[32],
) -> address:
    """
    @dev Creates the market of `asset` from the blueprint and lists it.
         Refused with a collateral factor of 1 or more (above the bound)
         or when the asset's price feed is missing, stale or not positive.
    @param asset The asset.
    @param rate_model The interest rate model (linear or kink).
    @param reserve_factor The market's reserve factor, WAD (<= 50%).
    @param collateral_factor_ The collateral factor, WAD (<= 90%).
    @param liquidation_threshold_ The liquidation threshold, WAD (cf..90%).
    @param name The voucher's name.
    @param symbol The voucher's symbol.
    @return address The new market.
    """
    tuned.owner_2step.ownable._check_owner()
    assert asset.is_contract, "controller: asset has no code"
    assert rate_model.is_contract, "controller: rate model has no code"
    assert self.market_for[asset] == empty(address), "controller: market exists"
    assert self.market_blueprint != empty(address), "controller: no blueprint"
    count: uint256 = self.market_count
    assert count < MAX_MARKETS, "controller: too many markets"
    self._check_collateral_factor(asset, collateral_factor_)
    assert liquidation_threshold_ >= collateral_factor_, "controller: threshold below collateral factor"
    assert liquidation_threshold_ <= MAX_LIQUIDATION_THRESHOLD, "controller: threshold too high"
    # the market must be priceable from its first block, collateral or not
    assert self._price(asset) != 0, "controller: zero price"
    is_native: bool = asset == self.wrapped_native
    market: address = create_from_blueprint(
        self.market_blueprint,
        asset,  # asset_
        self,  # controller_
        rate_model,  # rate_model_
        reserve_factor,  # reserve_factor_
        is_native,  # is_native_
        count,  # market_id_
        name,  # name_
        symbol,  # symbol_
        code_offset=3,  # skips the ERC-5202 preamble 0xFE7100
    )
    self._markets[count] = convert(market, uint256) | (collateral_factor_ << 160)
    self._controls[count] = liquidation_threshold_
    self._ids[market] = count + 1
    self.market_count = count + 1
    self.market_for[asset] = market
    log IController.MarketListed(market=market, asset=asset, rate_model=rate_model, collateral_factor=collateral_factor_, liquidation_threshold=liquidation_threshold_)
    return market


@external
def set_collateral_factor(market: address, collateral_factor_: uint256):
    """
    @dev Sets a market's collateral factor, the borrow limit (0: adds no
         borrowing power). Any cut is safe at once: liquidation reads the
         threshold, so a cut only stops new borrowing and withdrawals.
    @param market A listed market.
    @param collateral_factor_ The factor, WAD, at most the threshold.
    """
    tuned.tunable._check_writer()
    id: uint256 = self._ids[market]
    assert id != 0, "controller: market not listed"
    self._check_collateral_factor(staticcall IMarket(market).asset(), collateral_factor_)
    # safe: id >= 1 checked above
    assert collateral_factor_ <= self._controls[unsafe_sub(id, 1)] & constants.MASK_64, "controller: collateral factor above threshold"
    # safe: id >= 1 checked above
    self._markets[unsafe_sub(id, 1)] = convert(market, uint256) | (collateral_factor_ << 160)
    log IController.CollateralFactorSet(market=market, collateral_factor=collateral_factor_)


@external
def set_close_factor(close_factor_: uint256):
    """
    @dev Sets the share of a debt one liquidation may repay.
    @param close_factor_ WAD, 5%..90%.
    """
    tuned.tunable._check_writer()
    assert close_factor_ >= MIN_CLOSE_FACTOR and close_factor_ <= MAX_CLOSE_FACTOR, "controller: close factor out of bounds"
    self.close_factor = close_factor_
    log IController.CloseFactorSet(close_factor=close_factor_)


@external
def set_liquidation_incentive(liquidation_incentive_: uint256):
    """
    @dev Sets seized value / repaid value.
    @param liquidation_incentive_ WAD, 1.0..1.1.
    """
    tuned.tunable._check_writer()
    assert liquidation_incentive_ >= MIN_LIQUIDATION_INCENTIVE and liquidation_incentive_ <= MAX_LIQUIDATION_INCENTIVE, "controller: incentive out of bounds"
    self.liquidation_incentive = liquidation_incentive_
    log IController.LiquidationIncentiveSet(liquidation_incentive=liquidation_incentive_)


@external
def set_bad_debt_dust(bad_debt_dust_: uint256):
    """
    @dev Sets the collateral value at or below which debt is bad.
    @param bad_debt_dust_ USD, WAD, at most 100.
    """
    tuned.tunable._check_writer()
    assert bad_debt_dust_ <= MAX_BAD_DEBT_DUST, "controller: dust out of bounds"
    self.bad_debt_dust = bad_debt_dust_
    log IController.BadDebtDustSet(bad_debt_dust=bad_debt_dust_)


# --------------------------------------------------------------- accounts


@external
def enter_markets(markets_: DynArray[address, MAX_MARKETS]):
    """
    @dev Enables the caller's vouchers in `markets_` as collateral.
    @param markets_ Listed markets, not delisted (already entered ones are
           skipped).
    """
    mask: uint256 = self._membership[msg.sender]
    for market: address in markets_:
        bit: uint256 = self._bit(market)
        if mask & bit == 0:
            assert (self._controls[self._ids[market] - 1] >> 128) & market_controls.DELISTED == 0, "controller: market delisted"
            mask |= bit
            log IController.MarketEntered(account=msg.sender, market=market)
    self._membership[msg.sender] = mask


@external
def exit_market(market: address):
    """
    @dev Disables a market as the caller's collateral; refused while the
         caller owes there or if health would fall below 1.
    @param market An entered market.
    """
    mask: uint256 = self._membership[msg.sender]
    bit: uint256 = 0
    if self._ids[market] != 0:
        bit = self._bit(market)
    assert mask & bit != 0, "controller: market not entered"
    snapshot: IMarket.AccountSnapshot = staticcall IMarket(market).account_snapshot(msg.sender)
    assert snapshot.debt == 0, "controller: debt outstanding"
    self._membership[msg.sender] = mask ^ bit
    log IController.MarketExited(account=msg.sender, market=market)
    # an account without debt needs no prices (a stale feed cannot lock it)
    if self._has_debt(msg.sender):
        self._check_healthy(msg.sender)


# ---------------------------------------------------------- market hooks


@external
def on_borrow(borrower: address, market_id: uint256):
    """
    @dev Called by a market after recording a loan: enters the market for
         `borrower` and reverts below health 1.
    @param borrower The borrower.
    @param market_id The calling market's id (its listing order), checked
           against the caller; the health loop then reads its slot warm.
    """
    assert market_id < MAX_MARKETS and self._market_at(market_id) == msg.sender, "controller: caller is not a listed market"
    mask: uint256 = self._membership[borrower]
    bit: uint256 = 1 << market_id
    if mask & bit == 0:
        self._membership[borrower] = mask | bit
        log IController.MarketEntered(account=borrower, market=msg.sender)
    self._check_healthy(borrower)


@external
@view
def on_redeem(account: address, market_id: uint256) -> bool:
    """
    @dev Called by a market after vouchers left `account` (withdrawal or
         transfer): reverts below health 1 if they were collateral.
    @param account The account whose vouchers left.
    @param market_id The calling market's id (a view: a caller passing
           another id only learns whether that account is healthy).
    @return bool True (or a revert).
    """
    # vouchers that are not collateral, or an account without debt, need no
    # prices: a stale feed cannot freeze a supplier's withdrawal
    if (self._membership[account] >> market_id) & 1 != 0 and self._has_debt(account):
        self._check_healthy(account)
    return True


@external
@view
def liquidation_seize(borrower: address, collateral_market: address, repay_amount: uint256, debt: uint256) -> uint256:
    """
    @dev Checks a liquidation asked by the borrowed market (the caller) and
         prices it: vouchers seized = repaid x price_borrowed x incentive /
         price_collateral, in collateral vouchers, rounded down.
    @param borrower The account liquidated.
    @param collateral_market The market whose vouchers are seized.
    @param repay_amount The debt repaid.
    @param debt The borrower's whole debt in the calling market.
    @return uint256 The vouchers to seize.
    """
    assert self._ids[msg.sender] != 0, "controller: caller is not a listed market"
    assert self._is_member(borrower, collateral_market), "controller: not the borrower's collateral"
    # collateral whose feed fails counts as zero: a market the borrower
    # entered with 1 wei behind a stale feed cannot veto its liquidation
    l: Liquidity = self._liquidity(borrower, True, True)
    assert l.borrowable < l.debt, "controller: account is healthy"
    # max repay = debt x close factor, rounded down
    assert repay_amount <= debt * self.close_factor // constants.WAD, "controller: repay exceeds close factor"
    repaid_value: uint256 = repay_amount * self._price(staticcall IMarket(msg.sender).asset()) // constants.WAD
    incentive: uint256 = self._incentive(l.collateral, l.debt)
    # seized assets = repaid value x e / collateral price, rounded down (the
    # borrower keeps the dust)
    seized_assets: uint256 = repaid_value * incentive // self._price(staticcall IMarket(collateral_market).asset())
    return staticcall IMarket(collateral_market).convertToShares(seized_assets)


@external
def on_write_off(borrower: address) -> bool:
    """
    @dev Called by a market before writing off `borrower`'s debt: reverts
         unless the collateral is worth at most `bad_debt_dust` and less
         than the debt, then seizes that collateral: the borrower's vouchers
         in every entered market are burnt (`Market.forfeit`), so the assets
         behind them go to that market's suppliers. Burnt rather than paid
         to the caller: a borrower writing itself off, from any account,
         gets nothing back, and nobody races for the dust.
    @param borrower The account.
    @return bool True (or a revert).
    """
    assert self._ids[msg.sender] != 0, "controller: caller is not a listed market"
    l: Liquidity = self._liquidity(borrower, True, False)
    assert l.collateral <= self.bad_debt_dust and l.collateral < l.debt, "controller: debt is not bad"
    mask: uint256 = self._membership[borrower]
    for i: uint256 in range(MAX_MARKETS):
        if mask == 0:
            break
        if mask & 1 != 0:
            market: address = self._market_at(i)
            shares: uint256 = extcall IMarket(market).forfeit(borrower)
            if shares != 0:
                log IController.CollateralForfeited(account=borrower, market=market, shares=shares)
        mask >>= 1
    return True


# ------------------------------------------------------------------ views


@external
@view
def account_liquidity(account: address) -> IController.AccountLiquidity:
    """
    @dev An account's standing now, USD with 18 decimals. Collateral whose
         price is unavailable counts as zero; a debt whose price is
         unavailable reverts with the adapter's reason.
    @param account The account.
    @return AccountLiquidity Borrowable value (sum of collateral x price
            x cf: the borrow limit), liquidation limit (the same with lt:
            liquidatable below the debt), debt value (sum of debt x price)
            and collateral value without factors.
    """
    b: Liquidity = self._liquidity(account, True, False)
    t: Liquidity = self._liquidity(account, True, True)
    return IController.AccountLiquidity(borrowable=b.borrowable, liquidation_limit=t.borrowable, debt=b.debt, collateral=b.collateral)


@external
@view
def redeemable(account: address, market: address) -> uint256:
    """
    @dev The most assets of `market` that `account` may withdraw now without
         falling below its borrow limit: max_value(uint256) when nothing
         limits it (not collateral, no debt, or collateral that adds no
         borrowing power), 0 when the account is at or below the limit or
         a debt cannot be priced. A few units of 1e-18 USD short of the
         exact limit (the roundings of the check), never above it; used by
         the markets' ERC-4626 `maxWithdraw` and `maxRedeem`.
    @param account The account.
    @param market A listed market.
    @return uint256 The asset amount.
    """
    id: uint256 = self._ids[market]
    if id == 0:
        return max_value(uint256)
    # safe: id >= 1
    packed: uint256 = self._markets[unsafe_sub(id, 1)]
    if (self._membership[account] >> unsafe_sub(id, 1)) & 1 == 0:
        return max_value(uint256)
    l: Liquidity = self._liquidity(account, False, False)
    if not l.priced or l.borrowable < l.debt:
        return 0
    if l.debt == 0:
        return max_value(uint256)
    cf: uint256 = packed >> 160
    p: uint256 = self._try_price(staticcall IMarket(market).asset())
    if cf == 0 or p == 0:
        return max_value(uint256)
    # a x p x cf / WAD^2 <= (borrowable - debt) - 2: the 2 units cover the
    # two floors of this market's weighted value; rounded down
    excess: uint256 = l.borrowable - l.debt
    return (excess - min(excess, 2)) * constants.WAD // cf * constants.WAD // p


@external
@view
def health_factor(account: address) -> uint256:
    """
    @dev Liquidation limit (collateral x price x lt) / debt value, WAD;
         max_value(uint256) without debt.
    @param account The account.
    @return uint256 The health factor (liquidatable below 1e18).
    """
    l: Liquidity = self._liquidity(account, True, True)
    if l.debt == 0:
        return max_value(uint256)
    # rounded down: an account at exactly 1 - 1 wei reads as unhealthy
    return l.borrowable * constants.WAD // l.debt


@external
@view
def markets_of(account: address) -> DynArray[address, MAX_MARKETS]:
    """
    @dev The markets an account has entered, in listing order.
    @param account The account.
    @return DynArray The markets.
    """
    result: DynArray[address, MAX_MARKETS] = []
    mask: uint256 = self._membership[account]
    for i: uint256 in range(MAX_MARKETS):
        if mask == 0:
            break
        if mask & 1 != 0:
            result.append(self._market_at(i))
        mask >>= 1
    return result


@external
@view
def is_member(account: address, market: address) -> bool:
    """
    @dev Whether `account` has entered `market`.
    @param account The account.
    @param market The market.
    @return bool True if entered.
    """
    return self._is_member(account, market)


@external
@view
def is_listed(market: address) -> bool:
    """
    @dev Whether `market` was created and listed here.
    @param market The address.
    @return bool True if listed.
    """
    return self._ids[market] != 0


@external
@view
def collateral_factor(market: address) -> uint256:
    """
    @dev A listed market's collateral factor, WAD (0 if not listed).
    @param market The market.
    @return uint256 The factor.
    """
    id: uint256 = self._ids[market]
    if id == 0:
        return 0
    # safe: id >= 1
    return self._markets[unsafe_sub(id, 1)] >> 160


@external
@view
def liquidation_threshold(market: address) -> uint256:
    """
    @dev A listed market's liquidation threshold, WAD (0 if not listed).
    @param market The market.
    @return uint256 The threshold.
    """
    id: uint256 = self._ids[market]
    if id == 0:
        return 0
    # safe: id >= 1
    return self._controls[unsafe_sub(id, 1)] & constants.MASK_64


@external
@view
def market_config(market: address) -> IController.MarketConfig:
    """
    @dev A listed market's risk parameters and controls, for dashboards.
    @param market A listed market.
    @return MarketConfig Collateral factor, liquidation threshold, time of
            the last threshold cut, supply and borrow caps (0: none), and
            whether deposits or borrows are paused and the market delisted.
    """
    i: uint256 = self._index(market)
    packed: uint256 = self._controls[i]
    caps: uint256 = self._caps[i]
    flags: uint256 = packed >> 128
    return IController.MarketConfig(
        collateral_factor=self._markets[i] >> 160,
        liquidation_threshold=packed & constants.MASK_64,
        last_threshold_cut=(packed >> 64) & constants.MASK_64,
        supply_cap=caps & constants.MASK_128,
        borrow_cap=caps >> 128,
        deposit_paused=flags & market_controls.DEPOSIT_PAUSED != 0,
        borrow_paused=flags & market_controls.BORROW_PAUSED != 0,
        delisted=flags & market_controls.DELISTED != 0,
    )


@external
@view
def all_markets() -> DynArray[address, MAX_MARKETS]:
    """
    @dev Every listed market, in listing order.
    @return DynArray The markets.
    """
    result: DynArray[address, MAX_MARKETS] = []
    for i: uint256 in range(self.market_count, bound=MAX_MARKETS):
        result.append(self._market_at(i))
    return result


# ---------------------------------------------- thresholds and controls
# (declared after the hooks and views: the dispatcher tries a bucket's
# functions in declaration order, and `on_borrow` is on the hot path)


@external
def set_liquidation_threshold(market: address, liquidation_threshold_: uint256):
    """
    @dev Sets a market's liquidation threshold lt (cf <= lt <= 90%). Raising
         it is safe at once. A cut is the dangerous move (accounts between
         the new and the old threshold become liquidatable), so it is
         refused below the collateral factor (an account within its borrow
         limit then stays unliquidatable), by more than `MAX_THRESHOLD_CUT`
         at once, or within `THRESHOLD_CUT_DELAY` of the previous cut.
    @param market A listed market.
    @param liquidation_threshold_ The threshold, WAD.
    """
    tuned.tunable._check_writer()
    id: uint256 = self._ids[market]
    assert id != 0, "controller: market not listed"
    # safe: id >= 1 checked above
    i: uint256 = unsafe_sub(id, 1)
    packed: uint256 = self._controls[i]
    old: uint256 = packed & constants.MASK_64
    assert liquidation_threshold_ <= MAX_LIQUIDATION_THRESHOLD, "controller: threshold too high"
    assert liquidation_threshold_ >= self._markets[i] >> 160, "controller: threshold below collateral factor"
    last_cut: uint256 = (packed >> 64) & constants.MASK_64
    if liquidation_threshold_ < old:
        assert old - liquidation_threshold_ <= MAX_THRESHOLD_CUT, "controller: threshold cut too large"
        assert last_cut == 0 or block.timestamp >= last_cut + THRESHOLD_CUT_DELAY, "controller: threshold cut too soon"
        last_cut = block.timestamp
    self._controls[i] = (packed >> 128 << 128) | (last_cut << 64) | liquidation_threshold_
    log IController.LiquidationThresholdSet(market=market, liquidation_threshold=liquidation_threshold_)


@external
def set_pause_guardian(pause_guardian_: address):
    """
    @dev Sets who may pause deposits and borrows beside the owner (zero:
         nobody but the owner).
    @param pause_guardian_ The guardian (a fast multisig in production).
    """
    tuned.owner_2step.ownable._check_owner()
    self.pause_guardian = pause_guardian_
    log IController.PauseGuardianSet(pause_guardian=pause_guardian_)


@external
def set_paused(market: address, deposit_paused: bool, borrow_paused: bool):
    """
    @dev Pauses or resumes new deposits (`deposit`, `mint`, their native
         forms) and new borrows in `market`. The pause guardian may only
         pause; the owner also resumes (not in a delisted market). Repay,
         liquidation and withdrawals are never paused.
    @param market A listed market.
    @param deposit_paused New deposits refused.
    @param borrow_paused New borrows refused.
    """
    i: uint256 = self._index(market)
    flags: uint256 = self._controls[i] >> 128
    wanted: uint256 = convert(deposit_paused, uint256) * market_controls.DEPOSIT_PAUSED | convert(borrow_paused, uint256) * market_controls.BORROW_PAUSED
    if msg.sender != tuned.owner_2step.ownable.owner:
        assert msg.sender == self.pause_guardian and msg.sender != empty(address), "controller: caller is not the owner or the pause guardian"
        assert wanted & flags == flags & (market_controls.DEPOSIT_PAUSED | market_controls.BORROW_PAUSED), "controller: only the owner unpauses"
    assert flags & market_controls.DELISTED == 0, "controller: market delisted"
    self._set_flags(market, i, wanted)
    log IController.PausedSet(market=market, deposit_paused=deposit_paused, borrow_paused=borrow_paused)


@external
def set_caps(market: address, supply_cap: uint256, borrow_cap: uint256):
    """
    @dev Sets a market's caps (0: none): deposits that would take its
         total assets A above `supply_cap`, and borrows that would take its
         total borrows B above `borrow_cap`, are refused. Existing
         positions above a lowered cap stay (they may only shrink).
    @param market A listed market.
    @param supply_cap The most total assets, asset units.
    @param borrow_cap The most total borrows, asset units.
    """
    tuned.tunable._check_writer()
    i: uint256 = self._index(market)
    assert supply_cap <= constants.MASK_128 and borrow_cap <= constants.MASK_128, "controller: cap out of bounds"
    self._caps[i] = supply_cap | (borrow_cap << 128)
    self._set_flags(market, i, self._controls[i] >> 128)
    log IController.CapsSet(market=market, supply_cap=supply_cap, borrow_cap=borrow_cap)


@external
def delist(market: address):
    """
    @dev Retires `market` for good: no new entries, deposits or borrows.
         Its positions still repay, withdraw (within their health) and get
         liquidated; its collateral factor and threshold stay as they are
         (the owner lowers them with the usual rules).
    @param market A listed market.
    """
    tuned.owner_2step.ownable._check_owner()
    i: uint256 = self._index(market)
    assert (self._controls[i] >> 128) & market_controls.DELISTED == 0, "controller: market delisted"
    self._set_flags(market, i, market_controls.DEPOSIT_PAUSED | market_controls.BORROW_PAUSED | market_controls.DELISTED)
    log IController.MarketDelisted(market=market)


# --------------------------------------------------------------- internal


@internal
@view
def _price(asset: address) -> uint256:
    """
    @dev USD (WAD) of 1e18 smallest units of `asset`; the adapter reverts on
         a missing, stale, future-dated or non-positive price.
    @param asset The asset.
    @return uint256 Its price (never 0).
    """
    return staticcall IPriceAdapter(self.price_adapter).price(asset)


@internal
@view
def _try_price(asset: address) -> uint256:
    """
    @dev `_price`, or 0 where the adapter reverts (whatever the reason).
    @param asset The asset.
    @return uint256 Its price, or 0.
    """
    ok: bool = False
    response: Bytes[32] = b""
    ok, response = raw_call(
        self.price_adapter,
        abi_encode(asset, method_id=method_id("price(address)")),
        max_outsize=32,
        is_static_call=True,
        revert_on_failure=False,
    )
    if not ok or len(response) != 32:
        return 0
    return convert(response, uint256)


@internal
@view
def _check_collateral_factor(asset: address, collateral_factor_: uint256):
    """
    @dev Reverts if a collateral factor is above `MAX_COLLATERAL_FACTOR` or
         no price adapter is set (a factor is meaningless without prices).
         The threshold checks are the caller's.
    @param asset The market's asset; not read (kept for the call sites).
    @param collateral_factor_ The factor, WAD.
    """
    assert collateral_factor_ <= MAX_COLLATERAL_FACTOR, "controller: collateral factor too high"
    assert self.price_adapter != empty(address), "controller: no price adapter"


@internal
@view
def _index(market: address) -> uint256:
    """
    @dev A listed market's id; reverts if `market` is not listed.
    @param market The market.
    @return uint256 Its id (0-based).
    """
    id: uint256 = self._ids[market]
    assert id != 0, "controller: market not listed"
    # safe: id >= 1 checked above
    return unsafe_sub(id, 1)


@internal
def _set_flags(market: address, i: uint256, flags: uint256):
    """
    @dev Stores a market's pause and delisting flags here and pushes them,
         with its caps, to the market, which checks them itself.
    @param market The market.
    @param i Its id.
    @param flags `DEPOSIT_PAUSED | BORROW_PAUSED | DELISTED` bits.
    """
    self._controls[i] = (self._controls[i] & constants.MASK_128) | (flags << 128)
    caps: uint256 = self._caps[i]
    pushed: uint256 = flags
    if caps & constants.MASK_128 != 0:
        pushed |= market_controls.SUPPLY_CAPPED
    if caps >> 128 != 0:
        pushed |= market_controls.BORROW_CAPPED
    extcall IMarket(market).set_controls(pushed, caps)


@internal
@view
def _bit(market: address) -> uint256:
    """
    @dev A listed market's bit in a membership mask: 1 << id; reverts if
         `market` is not listed. Ids stay below `MAX_MARKETS` (32), so the
         mask fits one slot.
    @param market The market.
    @return uint256 Its bit.
    """
    id: uint256 = self._ids[market]
    assert id != 0, "controller: market not listed"
    # safe: id >= 1 checked above
    return 1 << unsafe_sub(id, 1)


@internal
@view
def _is_member(account: address, market: address) -> bool:
    """
    @dev Whether `account` has entered `market` (collateral enabled or
         borrowed there); False for a market that is not listed.
    @param account The account.
    @param market The market.
    @return bool True if its bit is set in the account's mask.
    """
    id: uint256 = self._ids[market]
    if id == 0:
        return False
    # safe: id >= 1
    return (self._membership[account] >> unsafe_sub(id, 1)) & 1 != 0


@internal
@view
def _market_at(id: uint256) -> address:
    """
    @dev The market address of id `id`, from its packed `_markets` word
         (bits 0..159); the empty address for an id not listed.
    @param id The market id.
    @return address The market.
    """
    return convert(convert(self._markets[id] & MASK_160, uint160), address)


@internal
@view
def _liquidity(account: address, strict: bool, threshold: bool) -> Liquidity:
    """
    @dev An account's standing over its entered markets, USD WAD:
         borrowable = sum floor(floor(supplied x p / WAD) x f / WAD)    (down: protocol)
                      with f = cf (borrow limit) or lt (`threshold`: the
                      liquidation limit)
         debt       = sum ceil(debt x p / WAD)                         (up: protocol)
         collateral = sum floor(supplied x p / WAD)
         Collateral whose price is unavailable counts as zero (the
         conservative side for every check). A debt whose price is
         unavailable reverts with the adapter's reason when `strict`, else
         leaves `priced` false.
    @param account The account.
    @param strict Revert on an unpriceable debt.
    @param threshold Weigh collateral by lt instead of cf.
    @return Liquidity The sums.
    """
    l: Liquidity = Liquidity(borrowable=0, debt=0, collateral=0, priced=True)
    mask: uint256 = self._membership[account]
    for i: uint256 in range(MAX_MARKETS):
        if mask == 0:
            break
        if mask & 1 != 0:
            packed: uint256 = self._markets[i]
            snapshot: IMarket.AccountSnapshot = staticcall IMarket(
                convert(convert(packed & MASK_160, uint160), address)
            ).account_snapshot(account)
            if snapshot.supplied != 0 or snapshot.debt != 0:
                p: uint256 = self._try_price(snapshot.asset)
                if p == 0 and snapshot.debt != 0:
                    if strict:
                        p = self._price(snapshot.asset)  # reverts with the adapter's reason
                    else:
                        l.priced = False
                if snapshot.supplied != 0:
                    value: uint256 = snapshot.supplied * p // constants.WAD
                    l.collateral += value
                    # weighted value x f, rounded down (the borrow limit's
                    # path reads no second slot)
                    if threshold:
                        l.borrowable += value * (self._controls[i] & constants.MASK_64) // constants.WAD
                    else:
                        l.borrowable += value * (packed >> 160) // constants.WAD
                if snapshot.debt != 0:
                    # rounded up
                    l.debt += (snapshot.debt * p + constants.WAD - 1) // constants.WAD
        mask >>= 1
    return l


@internal
@view
def _has_debt(account: address) -> bool:
    """
    @dev Whether `account` owes anything in an entered market (it can owe
         only there: borrowing enters the market). Reads no price.
    @param account The account.
    @return bool True if any entered market holds a debt of it.
    """
    mask: uint256 = self._membership[account]
    for i: uint256 in range(MAX_MARKETS):
        if mask == 0:
            break
        if mask & 1 != 0:
            if (staticcall IMarket(self._market_at(i)).account_snapshot(account)).debt != 0:
                return True
        mask >>= 1
    return False


@internal
@view
def _incentive(raw: uint256, debt_value: uint256) -> uint256:
    """
    @dev The incentive e a liquidation pays, capped so that the liquidator's
         bonus never exceeds the account's collateral surplus:
             e = min(LI, (C - 2) / D)   while C >= D     (solvent)
             e = LI                     while C <  D     (already insolvent)
         with C = `raw` (collateral at market value, rounded down) and D =
         `debt_value` (rounded up), so the ratio rounds down (against the
         liquidator). Seizing r x e of collateral for r of debt with e <= C/D
         keeps C/D from falling:  (C - r e) / (D - r) >= C / D  iff  e <= C/D.
         The 2 units (1e-18 USD each) absorb the value and debt roundings of
         one liquidation, so an account solvent before a liquidation is
         solvent after it, and no sequence of liquidations can leave debt
         without collateral for suppliers to write off.
    @param raw C, USD WAD.
    @param debt_value D, USD WAD (non-zero: the account is liquidatable).
    @return uint256 e, WAD.
    """
    incentive: uint256 = self.liquidation_incentive
    if raw < debt_value:
        return incentive
    # safe: raw >= debt_value > 0 here; a result below 1 (C within 2 units
    # of D) only makes the liquidation unattractive
    return min(incentive, (raw - min(raw, 2)) * constants.WAD // debt_value)


@internal
@view
def _check_healthy(account: address):
    """
    @dev Reverts past the borrow limit (collateral weighed by cf).
    @param account The account.
    """
    l: Liquidity = self._liquidity(account, True, False)
    assert l.borrowable >= l.debt, "controller: insufficient collateral"

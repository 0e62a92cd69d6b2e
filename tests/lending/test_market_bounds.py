"""Market.vy's mutation survivors (mutation/results.json): each test pins the exact value, bound or
revert reason one surviving mutant changes. Bounds are met exactly (the whole balance, the whole cash,
the whole allowance, a cap reached to the unit), and a market whose vouchers are each worth many asset
units (a defaulter's vouchers forfeited) shows the roundings of one voucher unit."""

import ape
import pytest

from fivefold.lending import model as lending
from fivefold.units import DAY, WAD
from tests.tests_support import ZERO

USD = 10**6
# 999 CC: a multiple of S + VS = 1,500 once the market keeps 500 vouchers (so A = 0 mod S + VS)
FORFEITED = 999 * WAD
# what one voucher unit of that market is worth: (A + VA) // (S + VS), and the margin ceil of it
ONE_VOUCHER = (FORFEITED + 1) // 1_500
MARGIN = ONE_VOUCHER + 1


@pytest.fixture
def zero_model(project, deployer):
    """A rate model charging nothing: balances stay exact however many seconds pass."""
    return project.KinkRateModel.deploy(0, 0, lending.LINEAR_KINK, 0, sender=deployer)


@pytest.fixture
def rich_cc(interest_free, cc_market, controller, supplier, borrower, attacker, non_owner, supply, set_price):
    """The CC market after a write-off forfeited all but 500 of its vouchers: 500 left (1 with the
    attacker, 499 with non_owner) over 999 CC, so each voucher unit is worth 0.666 CC."""
    supply(interest_free, supplier, 10_000 * USD)
    supply(cc_market, borrower, FORFEITED)
    cc_market.transfer(attacker, 1, sender=borrower)
    cc_market.transfer(non_owner, 499, sender=borrower)
    controller.enter_markets([cc_market], sender=borrower)
    interest_free.borrow(1_000 * USD, borrower, sender=borrower)
    set_price("CC", 10_000)  # $0.0001: 999 CC are worth $0.0999, below the $1 dust
    interest_free.write_off(borrower, sender=supplier)
    set_price("CC", 2 * 10**8)
    assert (cc_market.totalSupply(), cc_market.totalAssets()) == (500, FORFEITED)
    return cc_market


# ------------------------------------------------------------- construction


def test_create_market__reserve_factor_at_the_bound__accepted(list_fresh):
    """Kills `reserve_factor_ <= MAX_RESERVE_FACTOR` -> `<` in the constructor."""
    market = list_fresh(reserve_factor=lending.MAX_RESERVE_FACTOR, name="Pledge X", symbol="slipX")
    assert market.reserve_factor() == lending.MAX_RESERVE_FACTOR


def test_name__listed_market__the_name_given(usd_market):
    """Kills `self.name = name_` -> `pass`."""
    assert (usd_market.name(), usd_market.symbol()) == ("Pledge USD6 deposit slip", "slipUSD6")


# ------------------------------------------------------------- views


def test_account_snapshot__no_vouchers_no_debt__zeros(usd_market, tokens, defaulter):
    """Kills `supplied=0` -> `supplied=1` in the early return of an empty account."""
    snapshot = usd_market.account_snapshot(defaulter)
    assert (snapshot.asset, snapshot.supplied, snapshot.debt) == (tokens["USD6"].address, 0, 0)


def test_account_snapshot__one_voucher_worth_units__counted(rich_cc, tokens, attacker):
    """Kills `shares == 0` -> `shares == 1` (early return) and `shares != 0` -> `!= 1` (supplied
    skipped): one voucher unit worth 0.666 CC counts in full."""
    snapshot = rich_cc.account_snapshot(attacker)
    assert (snapshot.asset, snapshot.supplied, snapshot.debt) == (tokens["CC"].address, ONE_VOUCHER, 0)


def test_max_exit__one_unit_of_cash_left__withdraw_one_redeem_its_vouchers(
    interest_free, supplier, borrower, supply, position
):
    """Kills `limit == 0` -> `== 1` in `_max_exit` and `_to_assets(shares) == 0` -> `== 1` in
    `maxRedeem`: one unit of cash left, worth exactly 1,000 vouchers."""
    supply(interest_free, supplier, 1_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1_000 * USD - 1))
    assert interest_free.cash() == 1
    assert interest_free.maxWithdraw(supplier) == 1
    assert interest_free.maxRedeem(supplier) == 1_000


def test_max_redeem__limit_under_one_voucher__zero(rich_cc, interest_free, controller, non_owner):
    """Kills `return 0` -> `return 1` in `maxRedeem`: what health lets non_owner take is worth less
    than one voucher unit, so no voucher may be redeemed."""
    controller.enter_markets([rich_cc], sender=non_owner)
    borrowable = controller.account_liquidity(non_owner).borrowable
    # leave $1.50 of borrowing power: 1 CC may go, minus the margin of one voucher unit
    interest_free.borrow((borrowable - 3 * WAD // 2) // 10**12, non_owner, sender=non_owner)
    limit = rich_cc.maxWithdraw(non_owner)
    assert 0 < limit < ONE_VOUCHER
    assert rich_cc.maxRedeem(non_owner) == 0


def test_max_withdraw__health_limits__margin_of_one_voucher_subtracted(
    rich_cc, interest_free, controller, non_owner
):
    """Kills `total_assets + VIRTUAL_ASSETS` -> `-` (A = 0 mod S + VS: the ceiling drops by one) and
    `totalSupply + VIRTUAL_SHARES` -> `-` (S < VS: underflow) in the margin of `_max_exit`."""
    controller.enter_markets([rich_cc], sender=non_owner)
    interest_free.borrow(100 * USD, non_owner, sender=non_owner)
    allowed = controller.redeemable(non_owner, rich_cc)
    assert MARGIN < allowed < rich_cc.convertToAssets(rich_cc.balanceOf(non_owner))
    assert rich_cc.maxWithdraw(non_owner) == allowed - MARGIN


def test_max_withdraw__cash_exactly_what_health_allows__all_of_it(
    interest_free, cc_market, controller, governance, supplier, borrower, liquidator, supply, position
):
    """Kills `allowed < limit` -> `<=` in `_max_exit`: at allowed == limit no margin is taken."""
    cc_market.set_rate_model(interest_free.rate_model(), sender=governance)
    supply(interest_free, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 500 * USD))
    allowed = controller.redeemable(borrower, cc_market)
    assert allowed < cc_market.convertToAssets(cc_market.balanceOf(borrower))
    # another account borrows CC until the market's cash is exactly what the borrower may take
    position(liquidator, {"USD6": 10_000 * USD}, ("CC", cc_market.cash() - allowed))
    assert cc_market.cash() == allowed == controller.redeemable(borrower, cc_market)
    assert cc_market.maxWithdraw(borrower) == allowed


def test_max_deposit__cap_room_worth_under_or_one_voucher__zero_or_the_room(rich_cc, controller, governance):
    """Kills `_to_shares(room) == 0` -> `== 1` in `_max_deposit`: room that mints no voucher is 0,
    room that mints exactly one is offered whole."""
    controller.set_caps(rich_cc, FORFEITED + 1, 0, sender=governance)
    assert rich_cc.maxDeposit(ZERO) == 0
    controller.set_caps(rich_cc, FORFEITED + MARGIN, 0, sender=governance)
    assert rich_cc.convertToShares(MARGIN) == 1
    assert rich_cc.maxDeposit(ZERO) == MARGIN


# ------------------------------------------------------------- interest


def test_accrue__one_second_after_the_last__that_second_accrues(
    chain, usd_market, supplier, borrower, supply, position
):
    """Kills `dt == 0` -> `dt == 1` in `_current`: one second of interest is not skipped."""
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1_000 * USD))
    last, index, rate = usd_market.last_accrual(), usd_market.borrow_index(), usd_market.borrow_rate()
    chain.pending_timestamp = last + 1
    usd_market.accrue(sender=supplier)
    assert usd_market.last_accrual() == last + 1
    assert usd_market.borrow_index() == index + index * rate // WAD > index


# ------------------------------------------------------------- supply and exit


def test_mint__one_voucher__accepted(usd_market, tokens, supplier):
    """Kills `shares != 0` -> `shares != 1` in `_supply`'s zero-amount check."""
    tokens["USD6"].approve(usd_market, 1, sender=supplier)
    receipt = usd_market.mint(1, supplier, sender=supplier)
    event = receipt.events.filter(usd_market.Deposit)[0]
    assert (event.assets, event.shares) == (1, 1)
    assert usd_market.balanceOf(supplier) == 1


def test_redeem__one_voucher_worth_units__pays_them(rich_cc, tokens, attacker):
    """Kills `shares != 0` -> `shares != 1` in `_exit`'s zero-amount check."""
    before = tokens["CC"].balanceOf(attacker)
    rich_cc.redeem(1, attacker, attacker, sender=attacker)
    assert tokens["CC"].balanceOf(attacker) - before == ONE_VOUCHER
    assert rich_cc.balanceOf(attacker) == 0


def test_deposit__deposits_paused_alone__reverts(usd_market, controller, governance, tokens, supplier):
    """Kills `n.flags != 0` -> `!= 1` in `_supply`: flags of exactly DEPOSIT_PAUSED are checked."""
    controller.set_paused(usd_market, True, False, sender=governance)
    tokens["USD6"].approve(usd_market, 100 * USD, sender=supplier)
    with ape.reverts("market: deposit paused"):
        usd_market.deposit(100 * USD, supplier, sender=supplier)


def test_deposit__reserves_accrued__supply_cap_reached_exactly(
    usd_market, zero_model, controller, governance, supplier, borrower, supply, position, warp
):
    """Kills `n.cash + n.borrows - n.reserves` -> `+ n.reserves`: the cap bounds A, reserves out."""
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1_000 * USD))
    warp(30 * DAY)
    usd_market.set_rate_model(zero_model, sender=governance)  # accrues; no interest from here on
    assert usd_market.total_reserves() > 0
    cap = usd_market.totalAssets() + 100 * USD
    controller.set_caps(usd_market, cap, 0, sender=governance)
    supply(usd_market, supplier, 100 * USD)
    assert usd_market.totalAssets() == cap


# ------------------------------------------------------------- borrowing


def test_borrow__all_the_cash__accepted(usd_market, supplier, borrower, supply, position):
    """Kills `t.cash >= amount` -> `>` in `_borrow`."""
    supply(usd_market, supplier, 1_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1_000 * USD))
    assert usd_market.cash() == 0
    assert usd_market.debt_principal(borrower) == 1_000 * USD


def test_borrow__exactly_the_borrow_cap__accepted(
    usd_market, controller, governance, supplier, borrower, supply, position
):
    """Kills `total <= borrow cap` -> `<` in `_check_open`."""
    controller.set_caps(usd_market, 0, 500 * USD, sender=governance)
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 500 * USD))
    assert usd_market.total_borrows() == 500 * USD


def test_set_mining__borrow_cap_in_force__cap_kept(
    usd_market, controller, governance, supplier, borrower, supply, position
):
    """Kills `MINED << 232` -> `<< 231` in `set_mining`: clearing the mining bit leaves the
    BORROW_CAPPED bit (bit 236) set."""
    controller.set_caps(usd_market, 0, 100 * USD, sender=governance)
    usd_market.set_mining(ZERO, sender=governance)
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD})
    with ape.reverts("market: borrow cap reached"):
        usd_market.borrow(100 * USD + 1, borrower, sender=borrower)


def test_repay_native__exact_debt__no_refund_call(
    project, deployer, native_market, zero_model, governance, supplier, borrower, attacker, position
):
    """Kills `msg.value > repaid` -> `>=` in `repay_native`: paying the debt exactly calls the payer
    back for nothing (a payer refusing the native coin would revert)."""
    native_market.set_rate_model(zero_model, sender=governance)
    native_market.deposit_native(supplier, value=10 * WAD, sender=supplier)
    position(borrower, {"CC": 1_000 * WAD}, ("WNAT", WAD // 10))
    debt = native_market.debt_of(borrower)
    assert debt == WAD // 10
    payer = project.MallActor.deploy(attacker, sender=deployer)
    payer.set_switches(True, False, ZERO, b"", sender=attacker)
    data = native_market.repay_native.encode_input(borrower)
    payer.execute(native_market, data, debt, value=debt, sender=attacker)
    assert native_market.debt_of(borrower) == 0


# ------------------------------------------------------------- liquidation


@pytest.fixture
def insolvent(usd_market, cc_market, tokens, supplier, borrower, liquidator, supply, position, set_price):
    """Borrower: 1,000 CC owes 1,000 USD6; CC falls to $0.50 ($500 < $1,000: the incentive is not
    capped). The supplier also holds 100 CC of vouchers."""
    supply(usd_market, supplier, 10_000 * USD)
    supply(cc_market, supplier, 100 * WAD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1_000 * USD))
    set_price("CC", 5 * 10**7)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)


def _seized(controller, adapter, tokens, cc_market, repay):
    """The vouchers a liquidation of `repay` USD6 seizes in CC at the full incentive."""
    value = repay * adapter.price(tokens["USD6"]) // WAD
    return cc_market.convertToShares(
        value * controller.liquidation_incentive() // adapter.price(tokens["CC"])
    )


def test_liquidate__seized_exactly_the_minimum__accepted(
    insolvent, usd_market, cc_market, controller, adapter, tokens, borrower, liquidator
):
    """Kills `seized >= min_seized` -> `>`."""
    seized = _seized(controller, adapter, tokens, cc_market, 400 * USD)
    usd_market.liquidate(borrower, 400 * USD, cc_market, seized, sender=liquidator)
    assert cc_market.balanceOf(liquidator) == seized


def test_liquidate__repay_event__debt_left(insolvent, usd_market, cc_market, borrower, liquidator):
    """Kills `debt - repay_amount` -> `+` in the Repay event a liquidation logs."""
    receipt = usd_market.liquidate(borrower, 400 * USD, cc_market, 0, sender=liquidator)
    event = receipt.events.filter(usd_market.Repay)[0]
    assert (event.payer, event.borrower, event.amount) == (liquidator.address, borrower.address, 400 * USD)
    assert event.debt == usd_market.debt_principal(borrower) > 500 * USD


def test_liquidate__seizes_the_whole_balance__accepted(
    insolvent, usd_market, cc_market, controller, adapter, tokens, supplier, borrower, liquidator
):
    """Kills `balanceOf[borrower] >= shares` -> `>` in `_transfer_collateral`."""
    seized = _seized(controller, adapter, tokens, cc_market, 470 * USD)  # 1,015.2 CC
    cc_market.transfer(borrower, seized - cc_market.balanceOf(borrower), sender=supplier)
    usd_market.liquidate(borrower, 470 * USD, cc_market, 0, sender=liquidator)
    assert cc_market.balanceOf(borrower) == 0 and cc_market.balanceOf(liquidator) == seized


# ------------------------------------------------------------- write-off


def test_write_off__mined_markets__defaulter_reported_at_zero(
    project,
    deployer,
    governance,
    usd_market,
    cc_market,
    tokens,
    supplier,
    borrower,
    supply,
    position,
    set_price,
):
    """Kills, in `forfeit`, `self._rates >> 232` -> `>> 231` (the MINED bit missed) and `_mine(account,
    0, ...)` -> `1`, and in `write_off` `_mine(borrower, 0, True)` -> `1`."""
    cc = tokens["CC"]
    usd_suppliers = project.LendingMining.deploy(
        usd_market, usd_market, False, cc, governance, sender=deployer
    )
    usd_borrowers = project.LendingMining.deploy(
        usd_market, usd_suppliers, True, cc, governance, sender=deployer
    )
    usd_suppliers.set_borrow_stream(usd_borrowers, sender=governance)
    usd_market.set_mining(usd_suppliers, sender=governance)
    cc_suppliers = project.LendingMining.deploy(cc_market, cc_market, False, cc, governance, sender=deployer)
    cc_market.set_mining(cc_suppliers, sender=governance)
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1_400 * USD))
    assert cc_suppliers.shares(borrower) == cc_market.balanceOf(borrower) != 0
    assert usd_borrowers.shares(borrower) != 0
    set_price("CC", 10_000)  # 1,000 CC worth $0.10: bad debt
    usd_market.write_off(borrower, sender=supplier)
    assert (cc_suppliers.shares(borrower), usd_borrowers.shares(borrower)) == (0, 0)


# ------------------------------------------------------------- reserves


@pytest.fixture
def reserves_over_cash(usd_market, supplier, borrower, supply, position, warp):
    """All the cash lent, then 30 days of interest: reserves of about 1.8 USD6 and no cash."""
    supply(usd_market, supplier, 1_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1_000 * USD))
    warp(30 * DAY)
    usd_market.accrue(sender=supplier)
    assert usd_market.cash() == 0 and usd_market.total_reserves() > 5


def test_withdraw_reserves__beyond_the_cash__reverts(reserves_over_cash, usd_market, governance):
    """Kills the removal of `assert amount <= t.cash` in `withdraw_reserves` (its reason)."""
    with ape.reverts("market: not enough cash"):
        usd_market.withdraw_reserves(1, governance, sender=governance)


def test_withdraw_reserves__exactly_the_cash__accepted(
    reserves_over_cash, usd_market, tokens, governance, supplier, supply
):
    """Kills `amount <= t.cash` -> `<` in `withdraw_reserves`."""
    supply(usd_market, supplier, 5)
    before = tokens["USD6"].balanceOf(governance)
    usd_market.withdraw_reserves(5, governance, sender=governance)
    assert usd_market.cash() == 0 and tokens["USD6"].balanceOf(governance) - before == 5


# ------------------------------------------------------------- vouchers


def test_transfer__whole_balance__accepted(usd_market, supplier, liquidator, supply):
    """Kills `owned >= amount` -> `>` in `_transfer`."""
    supply(usd_market, supplier, 100 * USD)
    shares = usd_market.balanceOf(supplier)
    usd_market.transfer(liquidator, shares, sender=supplier)
    assert (usd_market.balanceOf(supplier), usd_market.balanceOf(liquidator)) == (0, shares)


def test_transfer_from__whole_allowance__accepted(usd_market, supplier, liquidator, supply):
    """Kills `allowed >= amount` -> `>` in `_spend_allowance`."""
    supply(usd_market, supplier, 100 * USD)
    usd_market.approve(liquidator, 1_000, sender=supplier)
    usd_market.transferFrom(supplier, liquidator, 1_000, sender=liquidator)
    assert usd_market.allowance(supplier, liquidator) == 0 and usd_market.balanceOf(liquidator) == 1_000

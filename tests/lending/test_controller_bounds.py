"""The Controller's boundaries read at their exact values: every check accepts its limit and refuses
one past it, packed words (market flags, caps, threshold cuts) read back field by field, the views'
early returns, one unit of supply or debt counted, and a liquidation or write-off of an account whose
collateral is worth exactly its debt (the survivors of `ape run mutate` on Controller.vy).

Local system: CC at $2 (cf 0.75), CMDT at $1 (cf 0.60), USD6 at $1 (cf 0.80); lt = cf."""

import ape
import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD
from tests.lending.conftest import new_asset
from tests.tests_support import write_slot_holding

USD = 10**6
MAX = 2**256 - 1
MASK_128 = 2**128 - 1


def _flags(config):
    return (config.deposit_paused, config.borrow_paused, config.delisted)


@pytest.fixture
def at_par(interest_free, controller, supplier, borrower, supply, position, set_price):
    """100 CC against 1 USD6 owed (interest-free), then CC at $0.01: collateral $1 = debt $1, the
    default dust; liquidatable (lt 0.75: $0.75 < $1)."""
    supply(interest_free, supplier, 10_000 * USD)
    position(borrower, {"CC": 100 * WAD}, ("USD6", USD))
    set_price("CC", 10**6)
    liquidity = controller.account_liquidity(borrower)
    assert (liquidity.collateral, liquidity.debt) == (WAD, WAD)


@pytest.fixture
def loan(interest_free, supplier, borrower, supply, position):
    """10,000 USD6 supplied; the borrower owes 500 USD6 (interest-free) against 1,000 CC ($1,500)."""
    supply(interest_free, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 500 * USD))


# ------------------------------------------------------------- create_market


def test_create_market__31_listed__32nd_accepted_33rd_refused(
    project, chain, deployer, adapter, controller, system, governance
):
    """Kills 245 (`<` to `<=`, assert removed): with 31 markets counted the 32nd lists (id 31), and
    with 32 the next one reverts."""
    write_slot_holding(chain, controller, controller.market_count, 31)
    token, _ = new_asset(project, deployer, adapter, governance)
    market = lending.create_market(project, controller, token, system.linear, 0, 0, "X", "X", governance)
    assert controller.market_count() == 32 and market.market_id() == 31
    other, _ = new_asset(project, deployer, adapter, governance)
    with ape.reverts("controller: too many markets"):
        controller.create_market(other, system.linear, 0, 0, 0, "Y", "Y", sender=governance)


def test_create_market__threshold_at_max__listed(controller, list_fresh):
    """Kills 248 (`<=` to `<`): a threshold of exactly 90% is accepted."""
    market = list_fresh(liquidation_threshold=lending.MAX_LIQUIDATION_THRESHOLD)
    assert controller.liquidation_threshold(market) == lending.MAX_LIQUIDATION_THRESHOLD


def test_create_market__price_of_one_wei__listed(project, deployer, adapter, controller, system, governance):
    """Kills 250 (`!= 0` to `!= 1`): a 6-decimal asset with a 30-decimal feed answering 1 is priced
    at exactly 1 (scale 10**0); only a zero price is refused."""
    token, _ = new_asset(project, deployer, adapter, governance, answer=1, feed_decimals=30)
    assert adapter.price(token) == 1
    market = lending.create_market(project, controller, token, system.linear, 0, 0, "X", "X", governance)
    assert controller.is_listed(market) and controller.market_for(token) == market.address


# ------------------------------------------------------------ risk setters


def test_set_liquidation_incentive__at_minimum__stored(controller, governance):
    """Kills 312 (`>=` to `>`) and 313 (store removed): an incentive of exactly 1.0 is stored."""
    receipt = controller.set_liquidation_incentive(lending.MIN_LIQUIDATION_INCENTIVE, sender=governance)
    assert controller.liquidation_incentive() == WAD
    events = receipt.events.filter(controller.LiquidationIncentiveSet)
    assert [e.liquidation_incentive for e in events] == [WAD]


def test_set_bad_debt_dust__new_value__stored(controller, governance):
    """Kills 325 (store removed): the dust reads back what was set, up to the bound."""
    controller.set_bad_debt_dust(5 * WAD, sender=governance)
    assert controller.bad_debt_dust() == 5 * WAD
    controller.set_bad_debt_dust(lending.MAX_BAD_DEBT_DUST, sender=governance)
    assert controller.bad_debt_dust() == lending.MAX_BAD_DEBT_DUST


def test_factor_views__not_listed__zero(controller, stranger):
    """Kills 593 and 608 (`return 0` to `return 1`): an address that is not a market has no factors."""
    assert controller.collateral_factor(stranger) == 0
    assert controller.liquidation_threshold(stranger) == 0


# ------------------------------------------------------- threshold cuts


def test_set_liquidation_threshold__second_cut_one_second_early__reverts(
    controller, cc_market, governance, chain
):
    """Kills 101 (the delay 7 x 86400 as 6 x 86400 or 7 x 86399): a second cut at the last second
    before 7 days is refused, at 7 days it goes through."""
    controller.set_liquidation_threshold(cc_market, lending.MAX_LIQUIDATION_THRESHOLD, sender=governance)
    receipt = controller.set_liquidation_threshold(cc_market, 85 * 10**16, sender=governance)
    cut_at = receipt.timestamp
    chain.mine(timestamp=cut_at + lending.THRESHOLD_CUT_DELAY - 2)
    chain.pending_timestamp = cut_at + lending.THRESHOLD_CUT_DELAY - 1
    with ape.reverts("controller: threshold cut too soon"):
        controller.set_liquidation_threshold(cc_market, 84 * 10**16, sender=governance)
    chain.pending_timestamp = cut_at + lending.THRESHOLD_CUT_DELAY
    receipt = controller.set_liquidation_threshold(cc_market, 84 * 10**16, sender=governance)
    assert receipt.timestamp == cut_at + lending.THRESHOLD_CUT_DELAY
    assert controller.market_config(cc_market).last_threshold_cut == receipt.timestamp


def test_set_liquidation_threshold__same_value__no_cut_recorded(controller, cc_market, governance):
    """Kills 679 (`<` to `<=`): setting the threshold it already has is no cut: no time recorded, and
    right after a cut it is not "too soon"."""
    controller.set_liquidation_threshold(cc_market, 80 * 10**16, sender=governance)
    controller.set_liquidation_threshold(cc_market, 80 * 10**16, sender=governance)
    assert controller.market_config(cc_market).last_threshold_cut == 0
    receipt = controller.set_liquidation_threshold(cc_market, 78 * 10**16, sender=governance)
    controller.set_liquidation_threshold(cc_market, 78 * 10**16, sender=governance)
    config = controller.market_config(cc_market)
    assert (config.liquidation_threshold, config.last_threshold_cut) == (78 * 10**16, receipt.timestamp)


def test_set_liquidation_threshold__deposit_paused__flags_kept(controller, cc_market, governance):
    """Kills 683 (either shift of the flags as 127): a raise and a cut of the threshold leave the
    market's flags (bits 128 up) and the cut time (bits 64..127) as they were."""
    controller.set_paused(cc_market, True, False, sender=governance)
    controller.set_liquidation_threshold(cc_market, 80 * 10**16, sender=governance)
    config = controller.market_config(cc_market)
    assert _flags(config) == (True, False, False)
    assert (config.liquidation_threshold, config.last_threshold_cut) == (80 * 10**16, 0)
    receipt = controller.set_liquidation_threshold(cc_market, 76 * 10**16, sender=governance)
    config = controller.market_config(cc_market)
    assert _flags(config) == (True, False, False)
    assert (config.liquidation_threshold, config.last_threshold_cut) == (76 * 10**16, receipt.timestamp)


# ------------------------------------------------------ flags and caps


def test_market_config__one_pause__reads_back_alone(controller, usd_market, governance):
    """Kills 626 (`>> 128` to `>> 127`): each pause flag reads back on its own."""
    controller.set_paused(usd_market, True, False, sender=governance)
    assert _flags(controller.market_config(usd_market)) == (True, False, False)
    controller.set_paused(usd_market, False, True, sender=governance)
    assert _flags(controller.market_config(usd_market)) == (False, True, False)


def test_enter_markets__borrow_paused__entered(controller, cmdt_market, governance, borrower):
    """Kills 343 (`>> 128` to `>> 127`): a market whose borrows are paused is not delisted, and
    accounts still enter it."""
    controller.set_paused(cmdt_market, False, True, sender=governance)
    receipt = controller.enter_markets([cmdt_market], sender=borrower)
    assert controller.is_member(borrower, cmdt_market)
    assert [e.market for e in receipt.events.filter(controller.MarketEntered)] == [cmdt_market.address]


def test_delist__borrow_paused__delisted(controller, cmdt_market, governance):
    """Kills 751 (`>> 128` to `>> 127`): a market whose borrows are paused can still be delisted."""
    controller.set_paused(cmdt_market, False, True, sender=governance)
    controller.delist(cmdt_market, sender=governance)
    assert _flags(controller.market_config(cmdt_market)) == (True, True, True)


def test_set_caps__at_max__read_back(controller, usd_market, governance):
    """Kills 734 (both `<=` to `<`) and 632 (`caps >> 128` to `>> 127`): caps of 2**128 - 1 are
    accepted, and each cap reads back as set."""
    controller.set_caps(usd_market, MASK_128, MASK_128, sender=governance)
    config = controller.market_config(usd_market)
    assert (config.supply_cap, config.borrow_cap) == (MASK_128, MASK_128)
    controller.set_caps(usd_market, 3, 5, sender=governance)
    config = controller.market_config(usd_market)
    assert (config.supply_cap, config.borrow_cap) == (3, 5)


def test_set_caps__supply_cap_top_bit__borrows_uncapped(controller, usd_market, governance, borrower, loan):
    """Kills 835 (`caps >> 128` to `>> 127`): a supply cap with its bit 127 set and no borrow cap
    caps no borrow."""
    controller.set_caps(usd_market, 2**127, 0, sender=governance)
    usd_market.borrow(100 * USD, borrower, sender=borrower)
    assert usd_market.debt_of(borrower) == 600 * USD


# ------------------------------------------------------------- accounts


def test_exit_market__not_listed__not_entered(controller, cc_market, borrower, stranger):
    """Kills 357 (`bit = 0` to `bit = 1`): an address that is not listed was never entered, even by
    an account that entered market id 0 (CC)."""
    controller.enter_markets([cc_market], sender=borrower)
    with ape.reverts("controller: market not entered"):
        controller.exit_market(stranger, sender=borrower)
    assert controller.is_member(borrower, cc_market)


def test_exit_market__one_unit_debt_left__health_checked(
    interest_free, controller, cc_market, supplier, borrower, supply, position
):
    """Kills 951 (`debt != 0` to `debt != 1` in `_has_debt`): a debt of 1 unit is a debt, so leaving
    the only collateral behind it is refused."""
    supply(interest_free, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1))
    assert interest_free.debt_of(borrower) == 1
    with ape.reverts("controller: insufficient collateral"):
        controller.exit_market(cc_market, sender=borrower)


def test_account_liquidity__one_unit_supplied__counted(controller, usd_market, non_owner, supply):
    """Kills 914 and 921 (`supplied != 0` to `!= 1`): 1 unit of USD6 supplied is worth 1e-6 USD
    (1e12 in WAD) of collateral, 0.8 of it borrowable."""
    supply(usd_market, non_owner, 1)
    controller.enter_markets([usd_market], sender=non_owner)
    assert usd_market.account_snapshot(non_owner).supplied == 1
    liquidity = controller.account_liquidity(non_owner)
    assert (liquidity.borrowable, liquidity.liquidation_limit, liquidity.debt, liquidity.collateral) == (
        8 * 10**11,
        8 * 10**11,
        0,
        10**12,
    )


# ------------------------------------------------------------- redeemable


def test_redeemable__entered_nothing_supplied__unlimited(controller, cmdt_market, non_owner):
    """Kills 511 (`borrowable < debt` to `<=`): an account with no value and no debt (0 = 0) is not
    limited."""
    controller.enter_markets([cmdt_market], sender=non_owner)
    assert controller.redeemable(non_owner, cmdt_market) == MAX


def test_redeemable__collateral_without_debt__unlimited(controller, cc_market, borrower, supply):
    """Kills 513 (`debt == 0` to `== 1`): collateral with no debt behind it may all be withdrawn."""
    supply(cc_market, borrower, 1_000 * WAD)
    controller.enter_markets([cc_market], sender=borrower)
    assert controller.redeemable(borrower, cc_market) == MAX


def test_redeemable__past_borrow_limit__zero(controller, cc_market, borrower, set_price, loan):
    """Kills 512 (`return 0` to `return 1`): past the borrow limit nothing may be withdrawn."""
    set_price("CC", 60 * 10**6)  # 1,000 CC x $0.60 x 0.75 = $450 < $500
    assert controller.redeemable(borrower, cc_market) == 0


def test_redeemable__market_without_borrowing_power__unlimited(
    controller, cmdt_market, governance, borrower, supply, loan
):
    """Kills 517 (`cf == 0` to `cf == 1`): a market with collateral factor 0 adds no borrowing power,
    so its withdrawals are not limited (the mutant divides by the factor 0)."""
    controller.set_collateral_factor(cmdt_market, 0, sender=governance)
    supply(cmdt_market, borrower, 10 * WAD)
    controller.enter_markets([cmdt_market], sender=borrower)
    assert controller.redeemable(borrower, cmdt_market) == MAX


def test_redeemable__market_without_price__unlimited(
    controller, cmdt_market, borrower, supply, set_price, loan
):
    """Kills 517 (`p == 0` to `p == 1`): a market whose price fails counts for nothing, so its
    withdrawals are not limited (the mutant divides by the price 0)."""
    supply(cmdt_market, borrower, 10 * WAD)
    controller.enter_markets([cmdt_market], sender=borrower)
    set_price("CMDT", 0)
    assert controller.redeemable(borrower, cmdt_market) == MAX


def test_redeemable__within_limit__two_units_short_of_excess(controller, cc_market, borrower, loan):
    """Kills 522 (`min(excess, 2)` to `min(excess, 1)`): $1,500 borrowable - $500 owed leaves an
    excess of $1,000; redeemable = (excess - 2) / cf / price, rounded down at each step."""
    liquidity = controller.account_liquidity(borrower)
    excess = liquidity.borrowable - liquidity.debt
    assert excess == 1_000 * WAD
    cf, price = 75 * 10**16, 2 * WAD
    expected = (excess - 2) * WAD // cf * WAD // price
    assert expected != (excess - 1) * WAD // cf * WAD // price
    assert controller.redeemable(borrower, cc_market) == expected == 666_666_666_666_666_666_665


# ----------------------------------------------------- liquidation at par


def test_liquidate__collateral_equal_to_debt__incentive_just_below_one(
    at_par, usd_market, cc_market, borrower, liquidator, tokens
):
    """Kills 978 (`raw < debt` to `<=`) and both mutants of 982 (`raw - min(raw, 2)` as `+` or with
    1): at C = D = $1 the incentive is min(1.08, (C - 2) / D) = 1 - 2e-18, so repaying $0.50 seizes
    $0.50 x (1 - 2e-18) / $0.01 = 50 CC - 100 wei (the mutants: 54 CC, 50 CC + 100 wei, 50 CC - 50 wei)."""
    repaid_value = (USD // 2) * 10**30 // WAD  # USD6's price: 10**30 per 10**18 units
    assert repaid_value == WAD // 2
    assets = repaid_value * (WAD - 2) // 10**16  # CC's price: $0.01 = 10**16 per 10**18 wei
    assert assets == 50 * WAD - 100
    expected = cc_market.convertToShares(assets)
    mutants = {cc_market.convertToShares(a) for a in (54 * WAD, 50 * WAD + 100, 50 * WAD - 50)}
    assert expected not in mutants
    tokens["USD6"].approve(usd_market, MAX, sender=liquidator)
    before = cc_market.balanceOf(borrower)
    receipt = usd_market.liquidate(borrower, USD // 2, cc_market, 0, sender=liquidator)
    assert receipt.events.filter(usd_market.Liquidate)[0].seized_shares == expected
    assert before - cc_market.balanceOf(borrower) == expected


# ----------------------------------------------------------- write-off


def test_write_off__collateral_equal_to_debt__reverts(
    at_par, controller, usd_market, governance, borrower, supplier
):
    """Kills 453 (`collateral < debt` to `<=`): collateral at the dust but worth exactly the debt is
    not bad debt."""
    controller.set_bad_debt_dust(WAD, sender=governance)
    with ape.reverts("controller: debt is not bad"):
        usd_market.write_off(borrower, sender=supplier)


def test_write_off__collateral_exactly_at_dust__written_off(
    at_par, controller, usd_market, governance, borrower, supplier, set_price
):
    """Kills 453 (`collateral <= dust` to `<`): collateral worth exactly the dust, less than the debt,
    is written off."""
    set_price("CC", 9 * 10**5)  # 100 CC x $0.009 = $0.90
    assert controller.account_liquidity(borrower).collateral == 9 * 10**17
    controller.set_bad_debt_dust(9 * 10**17, sender=governance)
    usd_market.write_off(borrower, sender=supplier)
    assert usd_market.debt_of(borrower) == 0


def test_write_off__collateral_in_highest_entered_market__forfeited(
    controller, usd_market, cc_market, supplier, borrower, non_owner, supply, position, set_price
):
    """Kills 456 (`mask == 0` to `mask == 1`): the borrower's vouchers in its highest entered market
    (USD6, id 2, entered by the loan) are burnt too, not only those below it."""
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1_400 * USD))
    supply(usd_market, borrower, 10_000)  # $0.01 of USD6 vouchers
    set_price("CC", 10_000)  # 1,000 CC at $0.0001: $0.10
    cc_shares, usd_shares = cc_market.balanceOf(borrower), usd_market.balanceOf(borrower)
    assert cc_shares != 0 and usd_shares != 0
    receipt = usd_market.write_off(borrower, sender=non_owner)
    forfeited = [
        (e.account, e.market, e.shares) for e in receipt.events.filter(controller.CollateralForfeited)
    ]
    assert forfeited == [
        (borrower.address, cc_market.address, cc_shares),
        (borrower.address, usd_market.address, usd_shares),
    ]
    assert (cc_market.balanceOf(borrower), usd_market.balanceOf(borrower)) == (0, 0)

"""Review finding 13: the borrow limit (collateral factor) is separate from the liquidation threshold
(Aave's two factors). Borrowing and withdrawing read cf, liquidation reads lt >= cf; a cf cut never
makes anyone liquidatable, and a threshold cut is limited to 5 points a week, never below cf.

Local system: CC at $2 with cf 0.75; these tests raise CC's lt to 0.80."""

import ape
import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD

USD = 10**6
LT = 80 * 10**16


@pytest.fixture
def at_limit(interest_free, controller, cc_market, governance, supplier, borrower, supply, position):
    """lt 0.80 on CC; the borrower borrows exactly its limit: 1,000 CC x $2 x 0.75 = $1,500, and the
    debt stays $1,500 (interest-free)."""
    controller.set_liquidation_threshold(cc_market, LT, sender=governance)
    supply(interest_free, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 1_500 * USD))


def test_attack__collateral_factor_cut__no_instant_liquidation(
    at_limit, controller, cc_market, usd_market, governance, borrower, liquidator, tokens
):
    """The owner cuts CC's cf from 0.75 to 0: the borrower at its limit borrows and withdraws no more,
    but nobody can liquidate it (health reads lt: $1,600 / $1,500)."""
    controller.set_collateral_factor(cc_market, 0, sender=governance)
    assert controller.health_factor(borrower) == 1_600 * WAD // 1_500
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    with ape.reverts("controller: account is healthy"):
        usd_market.liquidate(borrower, 100 * USD, cc_market, 0, sender=liquidator)
    with ape.reverts("controller: insufficient collateral"):
        usd_market.borrow(1, borrower, sender=borrower)
    with ape.reverts("controller: insufficient collateral"):
        cc_market.withdraw(1, borrower, borrower, sender=borrower)


def test_attack__threshold_cut_to_factor__account_within_limit_not_liquidatable(
    at_limit, controller, cc_market, usd_market, governance, borrower, liquidator, tokens
):
    """The deepest cut allowed (lt down to cf, 5 points) leaves an account at its borrow limit at
    health exactly 1: still not liquidatable."""
    controller.set_liquidation_threshold(cc_market, 75 * 10**16, sender=governance)
    assert controller.health_factor(borrower) == WAD
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    with ape.reverts("controller: account is healthy"):
        usd_market.liquidate(borrower, 100 * USD, cc_market, 0, sender=liquidator)


def test_liquidate__between_limit_and_threshold__refused_until_threshold(
    at_limit, controller, cc_market, usd_market, borrower, liquidator, set_price, tokens
):
    """CC falls 5%: past the borrow limit ($1,425 < $1,500) but above the liquidation limit ($1,520);
    at $1.85 the liquidation limit ($1,480) is below the debt and liquidation goes through."""
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    set_price("CC", 190 * 10**6)
    borrowable, limit, debt, _ = controller.account_liquidity(borrower)
    assert borrowable < debt <= limit
    with ape.reverts("controller: account is healthy"):
        usd_market.liquidate(borrower, 100 * USD, cc_market, 0, sender=liquidator)
    set_price("CC", 185 * 10**6)
    assert controller.health_factor(borrower) < WAD
    usd_market.liquidate(borrower, 100 * USD, cc_market, 0, sender=liquidator)


def test_set_liquidation_threshold__cut_within_rules__once_a_week(controller, cc_market, governance, chain):
    """A cut of at most 5 points, then the next one only 7 days later; raises are free."""
    controller.set_liquidation_threshold(cc_market, lending.MAX_LIQUIDATION_THRESHOLD, sender=governance)
    receipt = controller.set_liquidation_threshold(cc_market, 85 * 10**16, sender=governance)
    assert receipt.events.filter(controller.LiquidationThresholdSet)[0].liquidation_threshold == 85 * 10**16
    cut_at = chain.blocks[receipt.block_number].timestamp
    assert controller.market_config(cc_market).last_threshold_cut == cut_at
    with ape.reverts("controller: threshold cut too soon"):
        controller.set_liquidation_threshold(cc_market, 84 * 10**16, sender=governance)
    controller.set_liquidation_threshold(cc_market, 86 * 10**16, sender=governance)  # a raise: any time
    chain.mine(timestamp=cut_at + lending.THRESHOLD_CUT_DELAY)
    controller.set_liquidation_threshold(cc_market, 81 * 10**16, sender=governance)
    assert controller.liquidation_threshold(cc_market) == 81 * 10**16


def test_set_liquidation_threshold__cut_too_large__reverts(controller, cc_market, governance):
    controller.set_liquidation_threshold(cc_market, lending.MAX_LIQUIDATION_THRESHOLD, sender=governance)
    with ape.reverts("controller: threshold cut too large"):
        controller.set_liquidation_threshold(cc_market, 85 * 10**16 - 1, sender=governance)


def test_set_liquidation_threshold__below_factor_or_above_max__reverts(controller, cc_market, governance):
    with ape.reverts("controller: threshold below collateral factor"):
        controller.set_liquidation_threshold(cc_market, 75 * 10**16 - 1, sender=governance)
    with ape.reverts("controller: threshold too high"):
        controller.set_liquidation_threshold(
            cc_market, lending.MAX_LIQUIDATION_THRESHOLD + 1, sender=governance
        )


def test_set_liquidation_threshold__not_owner_or_not_listed__reverts(
    controller, cc_market, governance, non_owner, stranger
):
    with ape.reverts("ownable: caller is not the owner"):
        controller.set_liquidation_threshold(cc_market, LT, sender=non_owner)
    with ape.reverts("controller: market not listed"):
        controller.set_liquidation_threshold(stranger, LT, sender=governance)


def test_create_market__threshold_out_of_bounds__reverts(controller, system, fresh_asset, governance):
    token, _ = fresh_asset
    with ape.reverts("controller: threshold below collateral factor"):
        controller.create_market(
            token, system.linear, 0, 5 * 10**17, 5 * 10**17 - 1, "X", "X", sender=governance
        )
    with ape.reverts("controller: threshold too high"):
        controller.create_market(
            token,
            system.linear,
            0,
            5 * 10**17,
            lending.MAX_LIQUIDATION_THRESHOLD + 1,
            "X",
            "X",
            sender=governance,
        )


def test_create_market__threshold_given__listed_with_both(controller, list_fresh):
    market = list_fresh(liquidation_threshold=6 * 10**17)
    config = controller.market_config(market)
    assert (config.collateral_factor, config.liquidation_threshold, config.last_threshold_cut) == (
        5 * 10**17,
        6 * 10**17,
        0,
    )

import ape
import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD


@pytest.fixture
def underwater(usd_market, tokens, supplier, borrower, liquidator, supply, position, set_price):
    """Borrower: 1,000 CC ($2, cf 0.75 -> $1,500) owes $1,400; CC falls to $1.80 -> $1,350 < $1,400."""
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    set_price("CC", 180 * 10**6)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)


def test_liquidate__underwater__seizes_value_plus_incentive(underwater, controller, usd_market, cc_market, borrower, liquidator):
    assert controller.health_factor(borrower) < WAD
    repay = 500 * 10**6
    expected_assets = lending.seize_assets(repay, 10**30, 18 * 10**17)
    assert expected_assets == 300 * WAD  # $500 x 1.08 / $1.80
    expected = cc_market.convertToShares(expected_assets)
    receipt = usd_market.liquidate(borrower, repay, cc_market, 0, sender=liquidator)
    assert cc_market.balanceOf(liquidator) == expected
    assert cc_market.convertToAssets(cc_market.balanceOf(borrower)) == 700 * WAD
    event = receipt.events.filter(usd_market.Liquidate)[0]
    assert event.repaid == repay and event.seized_shares == expected and event.collateral_market == cc_market.address
    # cf x incentive < 1: the liquidation raised the borrower's health
    assert controller.health_factor(borrower) > controller.health_factor(borrower, block_id=receipt.block_number - 1)


def test_liquidate__healthy_account__reverts(usd_market, cc_market, tokens, supplier, borrower, liquidator, supply, position):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    with ape.reverts("controller: account is healthy"):
        usd_market.liquidate(borrower, 100 * 10**6, cc_market, 0, sender=liquidator)


def test_liquidate__beyond_close_factor__reverts(underwater, usd_market, cc_market, borrower, liquidator):
    debt = usd_market.debt_of(borrower)
    with ape.reverts("controller: repay exceeds close factor"):
        usd_market.liquidate(borrower, debt // 2 + 10**6, cc_market, 0, sender=liquidator)


def test_liquidate__self__reverts(underwater, usd_market, cc_market, tokens, borrower):
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=borrower)
    with ape.reverts("market: self-liquidation"):
        usd_market.liquidate(borrower, 100 * 10**6, cc_market, 0, sender=borrower)


def test_liquidate__below_min_seized__reverts(underwater, usd_market, cc_market, borrower, liquidator):
    with ape.reverts("market: seized below minimum"):
        usd_market.liquidate(borrower, 100 * 10**6, cc_market, 10**40, sender=liquidator)


def test_liquidate__market_not_entered_by_borrower__reverts(underwater, usd_market, cmdt_market, borrower, liquidator):
    with ape.reverts("controller: not the borrower's collateral"):
        usd_market.liquidate(borrower, 100 * 10**6, cmdt_market, 0, sender=liquidator)


def test_liquidate__zero__reverts(underwater, usd_market, cc_market, borrower, liquidator):
    with ape.reverts("market: zero amount"):
        usd_market.liquidate(borrower, 0, cc_market, 0, sender=liquidator)


def test_liquidate__stale_price__reverts(underwater, usd_market, cc_market, borrower, liquidator, warp):
    warp(3601, refresh=False)
    with ape.reverts("price: stale price"):
        usd_market.liquidate(borrower, 100 * 10**6, cc_market, 0, sender=liquidator)


def test_liquidate__same_market_collateral__moves_vouchers_inside(usd_market, tokens, supplier, borrower, liquidator, supply, position, warp, controller):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"USD6": 1000 * 10**6}, ("USD6", 799 * 10**6))
    warp(2 * 365 * 86400)
    assert controller.health_factor(borrower) < WAD
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    before = usd_market.balanceOf(borrower)
    seized = usd_market.liquidate(borrower, 100 * 10**6, usd_market, 1, sender=liquidator).return_value
    assert usd_market.balanceOf(liquidator) == before - usd_market.balanceOf(borrower) > 0


def test_seize__not_called_by_a_market__reverts(cc_market, borrower, liquidator):
    with ape.reverts("market: caller is not a listed market"):
        cc_market.seize(liquidator, borrower, 1, sender=liquidator)


def test_liquidation_seize__not_called_by_a_market__reverts(controller, cc_market, borrower, liquidator):
    with ape.reverts("controller: caller is not a listed market"):
        controller.liquidation_seize(borrower, cc_market, 1, 1, sender=liquidator)


def test_liquidate__seize_beyond_collateral__reverts(underwater, controller, usd_market, cc_market, borrower, liquidator, governance, set_price):
    controller.set_close_factor(9 * 10**17, sender=governance)
    set_price("CC", 100 * 10**6)  # 1,000 CC now worth $1,000 against $1,400 of debt
    with ape.reverts("market: seize exceeds collateral"):
        usd_market.liquidate(borrower, 1260 * 10**6, cc_market, 0, sender=liquidator)

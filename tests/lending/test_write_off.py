import ape
import pytest

from fivefold.units import WAD


@pytest.fixture
def insolvent(usd_market, cc_market, supplier, borrower, supply, position, set_price, warp):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    warp(30 * 86400)  # some reserves accrue
    set_price("CC", 10_000)  # CC crashes to $0.0001: 1,000 CC are worth $0.10


def test_write_off__collateral_gone__reserves_then_suppliers_absorb(
    insolvent, usd_market, borrower, non_owner
):
    reserves = usd_market.current_totals()[2]
    assets = usd_market.totalAssets()
    debt = usd_market.debt_of(borrower)
    receipt = usd_market.write_off(borrower, sender=non_owner)
    event = receipt.events.filter(usd_market.BadDebtWrittenOff)[0]
    assert event.borrower == borrower and abs(event.debt - debt) <= 10
    # reserves were smaller than the debt: all of them went
    assert abs(event.covered_by_reserves - reserves) <= 10**4 and event.covered_by_reserves > 0
    assert usd_market.debt_of(borrower) == 0
    assert usd_market.total_reserves() == 0
    # suppliers lose debt - reserves, pro rata, and nothing more
    assert assets - usd_market.totalAssets() <= event.debt - event.covered_by_reserves + 10
    assert usd_market.total_borrows() <= 10


def test_write_off__collateral_left__reverts(usd_market, supplier, borrower, supply, position, set_price):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    set_price("CC", 150 * 10**6)  # underwater but $1,500 of collateral remains: liquidate instead
    with ape.reverts("controller: debt is not bad"):
        usd_market.write_off(borrower, sender=supplier)


def test_write_off__no_debt__reverts(usd_market, non_owner):
    with ape.reverts("market: no debt"):
        usd_market.write_off(non_owner, sender=non_owner)


def test_on_write_off__not_called_by_a_market__reverts(controller, borrower):
    with ape.reverts("controller: caller is not a listed market"):
        controller.on_write_off(borrower, sender=borrower)


def test_attack__borrower_writes_off_itself__keeps_no_collateral(
    insolvent, usd_market, cc_market, cmdt_market, controller, borrower, supplier, supply, tokens
):
    """A defaulter that triggers its own write-off gains nothing: its vouchers in every entered market
    are burnt first (wei-exact), the assets behind them stay with that market's suppliers, and the
    borrower's tokens do not move."""
    supply(cc_market, supplier, 1_000 * WAD)  # another CC supplier, who gets the forfeited value
    supply(cmdt_market, borrower, 10**6)  # a second entered market, dust in it too
    controller.enter_markets([cmdt_market], sender=borrower)
    cc_shares, cmdt_shares = cc_market.balanceOf(borrower), cmdt_market.balanceOf(borrower)
    cc_supply, cmdt_supply = cc_market.totalSupply(), cmdt_market.totalSupply()
    cc_assets, cmdt_assets = cc_market.totalAssets(), cmdt_market.totalAssets()
    supplier_worth = cc_market.convertToAssets(cc_market.balanceOf(supplier))
    wallet = {s: tokens[s].balanceOf(borrower) for s in ("CC", "CMDT", "USD6")}
    receipt = usd_market.write_off(borrower, sender=borrower)
    forfeited = [
        (e.account, e.market, e.shares) for e in receipt.events.filter(controller.CollateralForfeited)
    ]
    assert forfeited == [
        (borrower.address, cc_market.address, cc_shares),
        (borrower.address, cmdt_market.address, cmdt_shares),
    ]
    assert cc_market.balanceOf(borrower) == 0 and cmdt_market.balanceOf(borrower) == 0
    assert cc_market.totalSupply() == cc_supply - cc_shares
    assert cmdt_market.totalSupply() == cmdt_supply - cmdt_shares
    # the assets stay in the pools (no interest in CC/CMDT: no loans there)
    assert (cc_market.totalAssets(), cmdt_market.totalAssets()) == (cc_assets, cmdt_assets)
    assert {s: tokens[s].balanceOf(borrower) for s in ("CC", "CMDT", "USD6")} == wallet
    assert cc_market.convertToAssets(cc_market.balanceOf(supplier)) > supplier_worth
    assert usd_market.debt_of(borrower) == 0


def test_write_off__vouchers_not_entered__kept(insolvent, usd_market, cmdt_market, borrower, supply):
    """Only collateral (entered markets) is seized: vouchers the defaulter never pledged stay its own."""
    supply(cmdt_market, borrower, 5 * WAD)
    shares = cmdt_market.balanceOf(borrower)
    usd_market.write_off(borrower, sender=borrower)
    assert cmdt_market.balanceOf(borrower) == shares


def test_forfeit__not_the_controller__reverts(cc_market, borrower, non_owner):
    with ape.reverts("market: caller is not the controller"):
        cc_market.forfeit(borrower, sender=non_owner)

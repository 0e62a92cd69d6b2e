import ape
import pytest

from fivefold.units import WAD


@pytest.fixture
def insolvent(usd_market, cc_market, supplier, borrower, supply, position, set_price, warp):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    warp(30 * 86400)  # some reserves accrue
    set_price("CC", 10_000)  # CC crashes to $0.0001: 1,000 CC are worth $0.10


def test_write_off__collateral_gone__reserves_then_suppliers_absorb(insolvent, usd_market, borrower, non_owner):
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

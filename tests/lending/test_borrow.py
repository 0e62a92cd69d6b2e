import ape

from fivefold.lending import model as lending
from fivefold.units import WAD


def test_borrow__two_collateral_markets__sums_factor_weighted_value(
    controller, usd_market, supplier, borrower, supply, position
):
    supply(usd_market, supplier, 10_000 * 10**6)
    # CC: 100 x $2 x 0.75 = 150; CMDT: 100 x $1 x 0.60 = 60 -> $210 borrowable
    position(borrower, {"CC": 100 * WAD, "CMDT": 100 * WAD})
    weighted, limit, debt_value, raw = controller.account_liquidity(borrower)
    assert (weighted, limit, debt_value, raw) == (210 * WAD, 210 * WAD, 0, 300 * WAD)
    usd_market.borrow(210 * 10**6, borrower, sender=borrower)
    assert controller.health_factor(borrower) == WAD


def test_borrow__beyond_borrowable__reverts(usd_market, supplier, borrower, supply, position):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 100 * WAD, "CMDT": 100 * WAD})
    with ape.reverts("controller: insufficient collateral"):
        usd_market.borrow(210 * 10**6 + 1, borrower, sender=borrower)


def test_borrow__collateral_not_entered__reverts(usd_market, cc_market, supplier, borrower, supply):
    supply(usd_market, supplier, 10_000 * 10**6)
    supply(cc_market, borrower, 100 * WAD)
    with ape.reverts("controller: insufficient collateral"):
        usd_market.borrow(1, borrower, sender=borrower)


def test_borrow__enters_the_borrowed_market(controller, usd_market, supplier, borrower, supply, position):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 100 * WAD}, ("USD6", 10 * 10**6))
    assert usd_market.address in controller.markets_of(borrower)
    assert controller.is_member(borrower, usd_market)


def test_borrow__to_receiver__pays_receiver_and_charges_caller(
    usd_market, tokens, supplier, borrower, supply, position, non_owner
):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 100 * WAD})
    before = tokens["USD6"].balanceOf(non_owner)
    receipt = usd_market.borrow(10 * 10**6, non_owner, sender=borrower)
    assert tokens["USD6"].balanceOf(non_owner) - before == 10 * 10**6
    assert usd_market.debt_principal(borrower) == 10 * 10**6
    event = receipt.events.filter(usd_market.Borrow)[0]
    assert event.borrower == borrower and event.receiver == non_owner and event.debt == 10 * 10**6


def test_borrow__more_than_cash__reverts(usd_market, supplier, borrower, supply, position):
    supply(usd_market, supplier, 10 * 10**6)
    position(borrower, {"CC": 100 * WAD})
    with ape.reverts("market: not enough cash"):
        usd_market.borrow(11 * 10**6, borrower, sender=borrower)


def test_borrow__zero__reverts(usd_market, borrower):
    with ape.reverts("market: zero amount"):
        usd_market.borrow(0, borrower, sender=borrower)


def test_borrow__zero_receiver__reverts(usd_market, borrower):
    with ape.reverts("market: zero receiver"):
        usd_market.borrow(1, "0x0000000000000000000000000000000000000000", sender=borrower)


def test_borrow__stale_collateral_price__counts_as_zero(
    usd_market, feeds, deployer, chain, supplier, borrower, supply, position
):
    """Collateral whose feed is stale is worth nothing to the health check (issue 9, finding 9)."""
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 100 * WAD})
    lending.set_local_answer(feeds["CC"], feeds["CC"].answer(), deployer, chain.pending_timestamp - 3601)
    with ape.reverts("controller: insufficient collateral"):
        usd_market.borrow(10 * 10**6, borrower, sender=borrower)


def test_enter_markets__twice__enters_once(controller, usd_market, borrower):
    # entering twice keeps one membership bit
    controller.enter_markets([usd_market], sender=borrower)
    controller.enter_markets([usd_market], sender=borrower)
    assert list(controller.markets_of(borrower)) == [usd_market.address]

import ape

from fivefold.units import WAD


def _open(usd_market, supplier, borrower, supply, position, amount=100 * 10**6):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", amount))


def test_repay__part__lowers_debt(usd_market, tokens, supplier, borrower, supply, position):
    _open(usd_market, supplier, borrower, supply, position)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=borrower)
    receipt = usd_market.repay(40 * 10**6, borrower, sender=borrower)
    event = receipt.events.filter(usd_market.Repay)[0]
    # a second or two of interest may separate the borrow from the repay
    assert event.amount == 40 * 10**6 and 60 * 10**6 <= event.debt <= 60 * 10**6 + 100
    assert usd_market.debt_principal(borrower) == event.debt


def test_repay__max__clears_debt_with_interest(
    usd_market, tokens, supplier, borrower, supply, position, warp
):
    _open(usd_market, supplier, borrower, supply, position)
    warp(365 * 86400)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=borrower)
    before = tokens["USD6"].balanceOf(borrower)
    usd_market.repay(2**256 - 1, borrower, sender=borrower)
    paid = before - tokens["USD6"].balanceOf(borrower)
    assert paid > 100 * 10**6
    assert usd_market.debt_of(borrower) == 0
    assert usd_market.total_borrows() == 0


def test_repay__on_behalf__pulls_from_payer(
    usd_market, tokens, supplier, borrower, supply, position, non_owner
):
    _open(usd_market, supplier, borrower, supply, position)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=non_owner)
    before = tokens["USD6"].balanceOf(non_owner)
    usd_market.repay(10 * 10**6, borrower, sender=non_owner)
    assert before - tokens["USD6"].balanceOf(non_owner) == 10 * 10**6
    assert 90 * 10**6 <= usd_market.debt_principal(borrower) <= 90 * 10**6 + 100


def test_repay__no_debt__reverts(usd_market, borrower):
    with ape.reverts("market: no debt"):
        usd_market.repay(1, borrower, sender=borrower)


def test_repay__zero__reverts(usd_market, borrower):
    with ape.reverts("market: zero amount"):
        usd_market.repay(0, borrower, sender=borrower)


def test_repay__zero_borrower__reverts(usd_market, borrower):
    with ape.reverts("market: zero borrower"):
        usd_market.repay(1, "0x0000000000000000000000000000000000000000", sender=borrower)

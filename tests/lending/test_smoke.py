from fivefold.units import WAD


def test_borrow__against_collateral__pays_out(
    system, supply, position, supplier, borrower, usd_market, tokens
):
    supply(usd_market, supplier, 1_000_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1000 * 10**6))
    assert tokens["USD6"].balanceOf(borrower) == 10**18 + 1000 * 10**6
    assert usd_market.debt_principal(borrower) == 1000 * 10**6

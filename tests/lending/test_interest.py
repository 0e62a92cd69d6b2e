
from fivefold.lending import model as lending
from fivefold.units import WAD, YEAR


def _stored(market):
    return lending.Totals(
        market.cash(), market.total_borrows(), market.total_reserves(), market.borrow_index()
    )


def _open(usd_market, supplier, borrower, supply, position, borrow=4_000 * 10**6):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 10_000 * WAD}, ("USD6", borrow))


def test_borrow_rate__after_each_change__follows_linear_model(
    usd_market, supplier, borrower, supply, position
):
    _open(usd_market, supplier, borrower, supply, position)
    t = _stored(usd_market)
    # SPEC: 2.5% + U x 20%, U = B / (C + B) = 4,000 / 10,000
    assert lending.utilization(t.cash, t.borrows) == 4 * 10**17
    assert lending.linear_rate_per_year(t.cash, t.borrows) == 105 * 10**15
    assert usd_market.borrow_rate() == lending.per_second(105 * 10**15)


def test_accrue__after_time__matches_mirror(usd_market, supplier, borrower, supply, position, chain):
    _open(usd_market, supplier, borrower, supply, position)
    before, rate, last = _stored(usd_market), usd_market.borrow_rate(), usd_market.last_accrual()
    chain.mine(deltatime=90 * 86400)
    receipt = usd_market.accrue(sender=supplier)
    dt = chain.blocks[receipt.block_number].timestamp - last
    expected = lending.accrue(before, rate, dt, usd_market.reserve_factor())
    assert _stored(usd_market) == expected
    # suppliers earn interest x (1 - rf): A grows by exactly (B' - B) - (R' - R)
    assert expected.assets - before.assets == (expected.borrows - before.borrows) - (
        expected.reserves - before.reserves
    )
    # and the borrower's debt follows the index (rounded up)
    assert usd_market.debt_of(borrower) >= lending.debt(
        usd_market.debt_principal(borrower), expected.index, usd_market.debt_index(borrower)
    )


def test_accrue__one_year__borrower_pays_about_the_apr(
    usd_market, supplier, borrower, supply, position, chain
):
    _open(usd_market, supplier, borrower, supply, position)
    chain.mine(deltatime=YEAR)
    usd_market.accrue(sender=supplier)
    debt = usd_market.debt_principal(borrower)
    index = usd_market.borrow_index()
    owed = lending.debt(debt, index, usd_market.debt_index(borrower))
    # simple interest over one accrual: 4,000 x 10.5%
    assert abs(owed - 4_420 * 10**6) <= 2 * 10**6


def test_rates__view__apr_and_apy(usd_market, supplier, borrower, supply, position):
    _open(usd_market, supplier, borrower, supply, position)
    rates = usd_market.rates()
    u, b_apr, s_apr, b_apy, s_apy = rates
    assert (rates.utilization, rates.supply_apy) == (u, s_apy)  # named fields for dApps
    assert u == 4 * 10**17
    assert b_apr == lending.per_second(105 * 10**15) * YEAR
    assert s_apr == lending.supply_rate_per_year(b_apr, u, usd_market.reserve_factor())
    assert abs(b_apy / WAD - lending.apy(b_apr)) < 1e-9
    assert abs(s_apy / WAD - lending.apy(s_apr)) < 1e-9
    assert s_apr < b_apr * u // WAD


def test_rates__empty_market__base_rate_only(cmdt_market):
    u, b_apr, s_apr, _, s_apy = cmdt_market.rates()
    assert u == 0 and s_apr == 0 and s_apy == 0
    assert b_apr == lending.per_second(lending.DEFAULT_BASE_RATE) * YEAR


def test_set_rate_model__kink__jumps_above_kink(
    system, usd_market, governance, supplier, borrower, supply, position
):
    _open(usd_market, supplier, borrower, supply, position, borrow=9_000 * 10**6)
    usd_market.set_rate_model(system.kink, sender=governance)
    cash, borrows = usd_market.cash(), usd_market.total_borrows()
    expected = lending.kink_rate_per_year(cash, borrows)
    assert expected > lending.linear_rate_per_year(cash, borrows)
    assert usd_market.borrow_rate() == lending.per_second(expected)


def test_borrow_rate__model_above_cap__is_capped(
    project, deployer, usd_market, governance, supplier, borrower, supply, position
):
    steep = project.KinkRateModel.deploy(WAD, 10 * WAD, lending.LINEAR_KINK, 0, sender=deployer)
    usd_market.set_rate_model(steep, sender=governance)
    _open(usd_market, supplier, borrower, supply, position, borrow=9_900 * 10**6)
    assert (
        lending.linear_rate_per_year(usd_market.cash(), usd_market.total_borrows(), WAD, 10 * WAD) > 10 * WAD
    )
    assert usd_market.borrow_rate() == lending.MAX_BORROW_RATE


def test_accrue__many_borrowers__constant_work(
    usd_market, supplier, borrower, supply, position, chain, non_owner
):
    # O(1): accrual touches the index only; a second borrower changes nothing in its cost
    _open(usd_market, supplier, borrower, supply, position)
    chain.mine(deltatime=100)
    usd_market.accrue(sender=supplier)  # reserves go from zero to non-zero once
    chain.mine(deltatime=100)
    first = usd_market.accrue(sender=supplier).gas_used
    position(non_owner, {"CC": 10_000 * WAD}, ("USD6", 100 * 10**6))
    chain.mine(deltatime=100)
    second = usd_market.accrue(sender=supplier).gas_used
    assert first == second

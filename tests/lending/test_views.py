"""Named return structs for dApps (declared in interfaces/IMarket.vyi and IController.vyi): the
fields read by name equal the positional values."""

from fivefold.units import WAD

USD = 10**6


def test_account_snapshot__named_fields(usd_market, cc_market, supplier, borrower, supply, position, tokens):
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 500 * USD))
    snapshot = usd_market.account_snapshot(borrower)
    assert (snapshot.asset, snapshot.supplied, snapshot.debt) == (
        tokens["USD6"].address,
        0,
        usd_market.debt_of(borrower),
    )
    collateral = cc_market.account_snapshot(borrower)
    assert (
        collateral.supplied == cc_market.convertToAssets(cc_market.balanceOf(borrower))
        and collateral.debt == 0
    )


def test_account_liquidity__named_fields(controller, usd_market, supplier, borrower, supply, position):
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 500 * USD))
    liquidity = controller.account_liquidity(borrower)
    # 1,000 CC x $2: x 0.75 (cf) and x 0.75 (lt, equal in the local system)
    assert (liquidity.borrowable, liquidity.liquidation_limit, liquidity.collateral) == (
        1_500 * WAD,
        1_500 * WAD,
        2_000 * WAD,
    )
    assert liquidity.debt == 500 * WAD


def test_market_config__named_fields(controller, usd_market):
    config = controller.market_config(usd_market)
    assert (config.collateral_factor, config.liquidation_threshold) == (80 * 10**16, 80 * 10**16)
    assert (
        config.supply_cap,
        config.borrow_cap,
        config.deposit_paused,
        config.borrow_paused,
        config.delisted,
    ) == (0, 0, False, False, False)

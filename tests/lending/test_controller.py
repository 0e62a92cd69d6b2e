import ape

from fivefold.lending import model as lending
from fivefold.units import WAD

ZERO = "0x0000000000000000000000000000000000000000"


def test_create_market__from_blueprint__lists_it(project, controller, system, fresh_asset, list_fresh):
    token, _ = fresh_asset
    market = list_fresh(name="Pledge X", symbol="slipX")
    assert controller.is_listed(market) and controller.market_for(token) == market.address
    assert controller.collateral_factor(market) == 5 * 10**17
    assert market.controller() == controller.address and market.asset() == token.address
    assert market.decimals() == 9 and not market.is_native()
    assert market.address in controller.all_markets()
    assert len(controller.all_markets()) == 5
    # the blueprint itself cannot be called: its code starts with the ERC-5202 preamble
    assert bytes(project.provider.get_code(system.blueprint))[:3] == bytes.fromhex("fe7100")


def test_create_market__native_asset__is_native(native_market, tokens):
    assert native_market.is_native() and native_market.asset() == tokens["WNAT"].address


def test_create_market__factor_of_one__reverts(controller, system, fresh_asset, governance):
    token, _ = fresh_asset
    with ape.reverts("controller: collateral factor too high"):
        controller.create_market(token, system.linear, 0, WAD, 0, "X", "X", sender=governance)
    with ape.reverts("controller: collateral factor too high"):
        controller.create_market(
            token, system.linear, 0, lending.MAX_COLLATERAL_FACTOR + 1, 0, "X", "X", sender=governance
        )


def test_create_market__oracle_returns_zero__reverts(controller, system, fresh_asset, governance, deployer):
    token, feed = fresh_asset
    lending.set_local_answer(feed, 0, deployer)
    with ape.reverts("feed_reader: non-positive price"):
        controller.create_market(token, system.linear, 0, 0, 0, "X", "X", sender=governance)


def test_create_market__no_feed__reverts(project, deployer, controller, system, governance):
    token = project.MockStablecoin.deploy(sender=deployer)
    with ape.reverts("price_adapter: no feed"):
        controller.create_market(token, system.linear, 0, 0, 0, "X", "X", sender=governance)


def test_create_market__twice__reverts(controller, system, tokens, governance):
    with ape.reverts("controller: market exists"):
        controller.create_market(tokens["CC"], system.linear, 0, 0, 0, "X", "X", sender=governance)


def test_create_market__bad_input__reverts(controller, system, fresh_asset, governance):
    token, _ = fresh_asset
    with ape.reverts("controller: asset has no code"):
        controller.create_market(governance, system.linear, 0, 0, 0, "X", "X", sender=governance)
    with ape.reverts("controller: rate model has no code"):
        controller.create_market(token, ZERO, 0, 0, 0, "X", "X", sender=governance)
    with ape.reverts("market: reserve factor too high"):
        controller.create_market(
            token, system.linear, lending.MAX_RESERVE_FACTOR + 1, 0, 0, "X", "X", sender=governance
        )


def test_create_market__non_owner__reverts(controller, system, fresh_asset, non_owner):
    token, _ = fresh_asset
    with ape.reverts("ownable: caller is not the owner"):
        controller.create_market(token, system.linear, 0, 0, 0, "X", "X", sender=non_owner)


def test_create_market__no_blueprint__reverts(project, deployer, governance, system, fresh_asset):
    bare = project.Controller.deploy(governance, sender=deployer)
    token, _ = fresh_asset
    with ape.reverts("controller: no blueprint"):
        bare.create_market(token, system.linear, 0, 0, 0, "X", "X", sender=governance)


def test_constructor__zero_owner__reverts(project, deployer):
    with ape.reverts("controller: zero owner"):
        project.Controller.deploy(ZERO, sender=deployer)


def test_set_collateral_factor__bounds(controller, cc_market, governance, non_owner, stranger):
    with ape.reverts("controller: collateral factor above threshold"):
        controller.set_collateral_factor(cc_market, lending.MAX_COLLATERAL_FACTOR, sender=governance)
    controller.set_liquidation_threshold(cc_market, lending.MAX_LIQUIDATION_THRESHOLD, sender=governance)
    controller.set_collateral_factor(cc_market, lending.MAX_COLLATERAL_FACTOR, sender=governance)
    assert controller.collateral_factor(cc_market) == lending.MAX_COLLATERAL_FACTOR
    with ape.reverts("controller: collateral factor too high"):
        controller.set_collateral_factor(cc_market, WAD, sender=governance)
    with ape.reverts("controller: market not listed"):
        controller.set_collateral_factor(stranger, 0, sender=governance)
    with ape.reverts("ownable: caller is not the owner"):
        controller.set_collateral_factor(cc_market, 0, sender=non_owner)


def test_set_close_factor__bounds(controller, governance, non_owner):
    controller.set_close_factor(lending.MAX_CLOSE_FACTOR, sender=governance)
    assert controller.close_factor() == lending.MAX_CLOSE_FACTOR
    for bad in (lending.MIN_CLOSE_FACTOR - 1, lending.MAX_CLOSE_FACTOR + 1):
        with ape.reverts("controller: close factor out of bounds"):
            controller.set_close_factor(bad, sender=governance)
    with ape.reverts("ownable: caller is not the owner"):
        controller.set_close_factor(lending.MAX_CLOSE_FACTOR, sender=non_owner)


def test_set_liquidation_incentive__bounds(controller, governance, non_owner):
    controller.set_liquidation_incentive(lending.MAX_LIQUIDATION_INCENTIVE, sender=governance)
    # cf x incentive < 1 for every allowed pair
    assert lending.MAX_COLLATERAL_FACTOR * lending.MAX_LIQUIDATION_INCENTIVE < WAD * WAD
    for bad in (WAD - 1, lending.MAX_LIQUIDATION_INCENTIVE + 1):
        with ape.reverts("controller: incentive out of bounds"):
            controller.set_liquidation_incentive(bad, sender=governance)
    with ape.reverts("ownable: caller is not the owner"):
        controller.set_liquidation_incentive(WAD, sender=non_owner)


def test_set_bad_debt_dust__bounds(controller, governance, non_owner):
    controller.set_bad_debt_dust(lending.MAX_BAD_DEBT_DUST, sender=governance)
    with ape.reverts("controller: dust out of bounds"):
        controller.set_bad_debt_dust(lending.MAX_BAD_DEBT_DUST + 1, sender=governance)
    with ape.reverts("ownable: caller is not the owner"):
        controller.set_bad_debt_dust(0, sender=non_owner)


def test_setters__no_code__revert(controller, governance, non_owner):
    with ape.reverts("controller: blueprint has no code"):
        controller.set_market_blueprint(non_owner, sender=governance)
    with ape.reverts("controller: price adapter has no code"):
        controller.set_price_adapter(non_owner, sender=governance)
    with ape.reverts("controller: wrapped native has no code"):
        controller.set_wrapped_native(non_owner, sender=governance)
    with ape.reverts("ownable: caller is not the owner"):
        controller.set_price_adapter(controller, sender=non_owner)


def test_enter_markets__unlisted__reverts(controller, borrower, stranger):
    with ape.reverts("controller: market not listed"):
        controller.enter_markets([stranger], sender=borrower)


def test_exit_market__no_debt_healthy__leaves(controller, cc_market, cmdt_market, borrower, supply):
    supply(cc_market, borrower, WAD)
    controller.enter_markets([cc_market, cmdt_market], sender=borrower)
    receipt = controller.exit_market(cc_market, sender=borrower)
    assert list(controller.markets_of(borrower)) == [cmdt_market.address]
    assert not controller.is_member(borrower, cc_market)
    assert receipt.events.filter(controller.MarketExited)[0].market == cc_market.address


def test_exit_market__debt_outstanding__reverts(controller, usd_market, supplier, borrower, supply, position):
    supply(usd_market, supplier, 1000 * 10**6)
    position(borrower, {"CC": 100 * WAD}, ("USD6", 10 * 10**6))
    with ape.reverts("controller: debt outstanding"):
        controller.exit_market(usd_market, sender=borrower)


def test_exit_market__collateral_needed__reverts(
    controller, usd_market, cc_market, supplier, borrower, supply, position
):
    supply(usd_market, supplier, 1000 * 10**6)
    position(borrower, {"CC": 100 * WAD}, ("USD6", 10 * 10**6))
    with ape.reverts("controller: insufficient collateral"):
        controller.exit_market(cc_market, sender=borrower)


def test_exit_market__not_entered__reverts(controller, cc_market, borrower):
    with ape.reverts("controller: market not entered"):
        controller.exit_market(cc_market, sender=borrower)


def test_on_borrow__not_a_market__reverts(controller, borrower):
    with ape.reverts("controller: caller is not a listed market"):
        controller.on_borrow(borrower, 0, sender=borrower)


def test_health_factor__mirror(controller, cc_market, usd_market, supplier, borrower, supply, position):
    supply(usd_market, supplier, 1000 * 10**6)
    position(borrower, {"CC": 100 * WAD}, ("USD6", 100 * 10**6))
    positions = [
        lending.Position(cc_market.convertToAssets(cc_market.balanceOf(borrower)), 0, 2 * WAD, 75 * 10**16),
        lending.Position(0, usd_market.debt_of(borrower), 10**30, 80 * 10**16),
    ]
    assert controller.health_factor(borrower) == lending.health_factor(positions)
    assert controller.health_factor(supplier) == 2**256 - 1


def test_create_market__no_price_adapter__reverts(project, deployer, governance, system, fresh_asset):
    bare = project.Controller.deploy(governance, sender=deployer)
    bare.set_market_blueprint(system.blueprint, sender=governance)
    token, _ = fresh_asset
    with ape.reverts("controller: no price adapter"):
        bare.create_market(token, system.linear, 0, 0, 0, "X", "X", sender=governance)


def test_market_constructor__zero_inputs__revert(project, deployer, controller, system, tokens):
    with ape.reverts("market: zero asset"):
        project.Market.deploy(ZERO, controller, system.linear, 0, False, 0, "X", "X", sender=deployer)
    with ape.reverts("market: zero controller"):
        project.Market.deploy(tokens["CC"], ZERO, system.linear, 0, False, 0, "X", "X", sender=deployer)
    with ape.reverts("market: zero rate model"):
        project.Market.deploy(tokens["CC"], controller, ZERO, 0, False, 0, "X", "X", sender=deployer)

import ape

from fivefold.lending import model as lending
from fivefold.units import WAD


def _earn(usd_market, supplier, borrower, supply, position, warp):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 10_000 * WAD}, ("USD6", 5_000 * 10**6))
    warp(365 * 86400)
    usd_market.accrue(sender=supplier)


def test_withdraw_reserves__governance__takes_reserves_only(
    usd_market, tokens, governance, treasury, supplier, borrower, supply, position, warp
):
    _earn(usd_market, supplier, borrower, supply, position, warp)
    reserves = usd_market.total_reserves()
    assets = usd_market.totalAssets()
    assert reserves > 0
    usd_market.withdraw_reserves(reserves, treasury, sender=governance)
    assert tokens["USD6"].balanceOf(treasury) == reserves
    # only what accrued in the seconds since (the view accrues up to now)
    assert usd_market.total_reserves() <= 10**4
    # suppliers' claim is untouched: it only grew by the interest of the seconds in between
    assert assets <= usd_market.totalAssets() <= assets + 10**4


def test_withdraw_reserves__more_than_reserves__reverts(
    usd_market, governance, treasury, supplier, borrower, supply, position, warp
):
    _earn(usd_market, supplier, borrower, supply, position, warp)
    with ape.reverts("market: amount exceeds reserves"):
        usd_market.withdraw_reserves(usd_market.total_reserves() + 10**6, treasury, sender=governance)


def test_withdraw_reserves__non_governance__reverts(usd_market, non_owner):
    with ape.reverts("market: caller is not governance"):
        usd_market.withdraw_reserves(1, non_owner, sender=non_owner)


def test_withdraw_reserves__bad_input__reverts(usd_market, governance):
    with ape.reverts("market: zero receiver"):
        usd_market.withdraw_reserves(1, "0x0000000000000000000000000000000000000000", sender=governance)
    with ape.reverts("market: zero amount"):
        usd_market.withdraw_reserves(0, governance, sender=governance)


def test_set_reserve_factor__bounds_and_auth(usd_market, governance, non_owner):
    receipt = usd_market.set_reserve_factor(lending.MAX_RESERVE_FACTOR, sender=governance)
    assert usd_market.reserve_factor() == lending.MAX_RESERVE_FACTOR
    assert receipt.events.filter(usd_market.ReserveFactorSet)[0].reserve_factor == lending.MAX_RESERVE_FACTOR
    with ape.reverts("market: reserve factor too high"):
        usd_market.set_reserve_factor(lending.MAX_RESERVE_FACTOR + 1, sender=governance)
    with ape.reverts("market: caller is not governance"):
        usd_market.set_reserve_factor(0, sender=non_owner)


def test_set_rate_model__auth_and_zero(usd_market, system, governance, non_owner):
    with ape.reverts("market: caller is not governance"):
        usd_market.set_rate_model(system.kink, sender=non_owner)
    with ape.reverts("market: zero rate model"):
        usd_market.set_rate_model("0x0000000000000000000000000000000000000000", sender=governance)


def test_governance__follows_controller_owner(usd_market, controller, governance, non_owner):
    controller.transfer_ownership(non_owner, sender=governance)
    # an offer is not a transfer: the market still answers to the current owner
    with ape.reverts("market: caller is not governance"):
        usd_market.set_reserve_factor(0, sender=non_owner)
    controller.accept_ownership(sender=non_owner)
    usd_market.set_reserve_factor(0, sender=non_owner)
    with ape.reverts("market: caller is not governance"):
        usd_market.set_reserve_factor(0, sender=governance)

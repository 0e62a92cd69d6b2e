"""Empty-market exchange-rate inflation by donation (Hundred Finance, Onyx): must not pay."""

import ape

from fivefold.lending import model as lending
from fivefold.units import WAD


def test_donation__empty_market__does_not_move_exchange_rate(cmdt_market, tokens, attacker, supplier, supply):
    # 1. the attacker is the first supplier, with 1 wei
    supply(cmdt_market, attacker, 1)
    assert cmdt_market.balanceOf(attacker) == 1000  # virtual shares: 1 wei -> 1,000 units
    rate = cmdt_market.exchange_rate()
    # 2. and donates a fortune straight to the market
    tokens["CMDT"].transfer(cmdt_market, 1_000_000 * WAD, sender=attacker)
    assert cmdt_market.exchange_rate() == rate
    assert cmdt_market.totalAssets() == 1
    # 3. the victim deposits and gets the fair number of vouchers
    supply(cmdt_market, supplier, 1000 * WAD)
    assert cmdt_market.balanceOf(supplier) == lending.to_shares(1000 * WAD, 1, 1000)
    # 4. both leave: the victim loses nothing, the attacker gets back its 1 wei only
    before = tokens["CMDT"].balanceOf(attacker)
    cmdt_market.redeem(1000, attacker, attacker, sender=attacker)
    assert tokens["CMDT"].balanceOf(attacker) - before <= 1
    victim_before = tokens["CMDT"].balanceOf(supplier)
    cmdt_market.redeem(cmdt_market.balanceOf(supplier), supplier, supplier, sender=supplier)
    assert tokens["CMDT"].balanceOf(supplier) - victim_before >= 1000 * WAD - 1


def test_donation__then_borrow_elsewhere__collateral_worth_only_accounted_assets(
    controller, cmdt_market, usd_market, tokens, attacker, supplier, supply
):
    supply(usd_market, supplier, 100_000 * 10**6)
    supply(cmdt_market, attacker, 1)
    tokens["CMDT"].transfer(cmdt_market, 1_000_000 * WAD, sender=attacker)
    controller.enter_markets([cmdt_market], sender=attacker)
    # the donation is not collateral: 1 wei is worth nothing
    assert controller.account_liquidity(attacker).borrowable == 0
    with ape.reverts("controller: insufficient collateral"):
        usd_market.borrow(1, attacker, sender=attacker)


def test_redeem_rounding__inflated_rate__never_pays_more_than_owned(
    cc_market, usd_market, tokens, attacker, supplier, borrower, supply, position, warp
):
    # a market whose rate has grown through interest, the only way it can grow
    supply(cc_market, supplier, 1000 * WAD)
    position(borrower, {"USD6": 1_000_000 * 10**6}, ("CC", 900 * WAD))
    warp(365 * 86400)
    # the loan is repaid: the rate stays where interest left it, and stops moving
    tokens["CC"].approve(cc_market, 2**256 - 1, sender=borrower)
    cc_market.repay(2**256 - 1, borrower, sender=borrower)
    assert cc_market.exchange_rate() > WAD // 1000
    supply(cc_market, attacker, 3 * WAD)
    shares = cc_market.balanceOf(attacker)
    worth = cc_market.convertToAssets(shares)
    # withdrawing one wei at a time burns at least one voucher each time (rounded up) ...
    before = cc_market.balanceOf(attacker)
    cc_market.withdraw(1, attacker, attacker, sender=attacker)
    assert before - cc_market.balanceOf(attacker) >= 1
    # ... and a voucher too small to be worth a wei pays nothing: refused
    with ape.reverts("market: zero amount"):
        cc_market.redeem(1, attacker, attacker, sender=attacker)
    start = tokens["CC"].balanceOf(attacker)
    cc_market.redeem(cc_market.balanceOf(attacker), attacker, attacker, sender=attacker)
    assert tokens["CC"].balanceOf(attacker) - start + 1 <= worth

import ape

from fivefold.lending import model as lending
from fivefold.units import WAD
from tests.tests_support import isolated


def test_redeem__all_shares__returns_deposit(cc_market, tokens, supplier, supply):
    before = tokens["CC"].balanceOf(supplier)
    supply(cc_market, supplier, 10 * WAD)
    shares = cc_market.balanceOf(supplier)
    receipt = cc_market.redeem(shares, supplier, supplier, sender=supplier)
    assert tokens["CC"].balanceOf(supplier) == before
    assert cc_market.balanceOf(supplier) == 0 and cc_market.cash() == 0
    event = receipt.events.filter(cc_market.Withdraw)[0]
    assert event.assets == 10 * WAD and event.shares == shares


def test_withdraw__exact_assets__burns_shares_rounded_up(
    cc_market, supplier, borrower, supply, position, warp
):
    supply(cc_market, supplier, 1000 * WAD)
    position(borrower, {"CMDT": 10_000 * WAD}, ("CC", 400 * WAD))
    warp(86400)
    assets = 3 * WAD + 1
    receipt = cc_market.withdraw(assets, supplier, supplier, sender=supplier)
    shares = receipt.events.filter(cc_market.Withdraw)[0].shares
    # the state the withdrawal saw, rebuilt from the state it left in its own block
    block = receipt.block_number
    cash, borrows, reserves, _ = cc_market.current_totals(block_id=block)
    total_before = cash + borrows - reserves + assets
    supply_before = cc_market.totalSupply(block_id=block) + shares
    assert shares == lending.to_shares(assets, total_before, supply_before, round_up=True)
    assert shares > lending.to_shares(assets, total_before, supply_before)


def test_redeem__more_than_balance__reverts(cc_market, supplier, supply):
    supply(cc_market, supplier, WAD)
    with ape.reverts("market: redeem exceeds balance"):
        cc_market.redeem(cc_market.balanceOf(supplier) + 1, supplier, supplier, sender=supplier)


def test_withdraw__more_than_cash__reverts(cc_market, supplier, borrower, supply, position):
    supply(cc_market, supplier, 100 * WAD)
    position(borrower, {"CMDT": 10_000 * WAD}, ("CC", 60 * WAD))
    with ape.reverts("market: not enough cash"):
        cc_market.withdraw(50 * WAD, supplier, supplier, sender=supplier)


def test_redeem__by_spender_without_allowance__reverts(cc_market, supplier, supply, non_owner):
    supply(cc_market, supplier, WAD)
    with ape.reverts("market: insufficient allowance"):
        cc_market.redeem(1000, non_owner, supplier, sender=non_owner)


def test_redeem__by_approved_spender__spends_allowance(cc_market, tokens, supplier, supply, non_owner):
    supply(cc_market, supplier, WAD)
    cc_market.approve(non_owner, 5000, sender=supplier)
    cc_market.redeem(3000, non_owner, supplier, sender=non_owner)
    assert cc_market.allowance(supplier, non_owner) == 2000


def test_redeem__zero__reverts(cc_market, supplier, supply):
    supply(cc_market, supplier, WAD)
    with ape.reverts("market: zero amount"):
        cc_market.redeem(0, supplier, supplier, sender=supplier)


def test_withdraw__zero_receiver__reverts(cc_market, supplier, supply):
    supply(cc_market, supplier, WAD)
    with ape.reverts("market: zero receiver"):
        cc_market.withdraw(1, "0x0000000000000000000000000000000000000000", supplier, sender=supplier)


def test_withdraw__collateral_backing_a_loan__reverts_below_health_one(
    cc_market, usd_market, supplier, borrower, supply, position
):
    supply(usd_market, supplier, 10_000 * 10**6)
    # 1000 CC at $2 x 0.75 = $1,500 borrowable
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    with ape.reverts("controller: insufficient collateral"):
        cc_market.withdraw(100 * WAD, borrower, borrower, sender=borrower)
    cc_market.withdraw(60 * WAD, borrower, borrower, sender=borrower)


def test_max_withdraw__capped_by_cash(cc_market, supplier, borrower, supply, position):
    supply(cc_market, supplier, 100 * WAD)
    position(borrower, {"CMDT": 10_000 * WAD}, ("CC", 70 * WAD))
    assert cc_market.maxWithdraw(supplier) == 30 * WAD
    assert cc_market.maxRedeem(supplier) == lending.to_shares(
        30 * WAD, cc_market.totalAssets(), cc_market.totalSupply()
    )


def test_max_withdraw__collateral_backing_a_loan__respects_health(
    chain, cc_market, interest_free, supplier, borrower, supply, position
):
    """ERC-4626 finding 10: maxWithdraw/maxRedeem ignored the health check. Now `withdraw(maxWithdraw)` and
    `redeem(maxRedeem)` go through for a borrower, and what the old figure (all its vouchers) offered is
    refused."""
    supply(interest_free, supplier, 10_000 * 10**6)
    # 1,000 CC at $2 x 0.75 = $1,500 of power against $1,200: 200 CC may go
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1200 * 10**6))
    owned = cc_market.convertToAssets(cc_market.balanceOf(borrower))
    limit = cc_market.maxWithdraw(borrower)
    assert 200 * WAD - 10**6 <= limit < 200 * WAD
    with ape.reverts("controller: insufficient collateral"):
        cc_market.withdraw(owned, borrower, borrower, sender=borrower)
    with isolated(chain):
        cc_market.withdraw(limit, borrower, borrower, sender=borrower)
    shares = cc_market.maxRedeem(borrower)
    assert 0 < shares < cc_market.balanceOf(borrower)
    cc_market.redeem(shares, borrower, borrower, sender=borrower)
    assert cc_market.maxWithdraw(borrower) <= 10**6


def test_max_redeem__vouchers_worth_nothing__zero(
    cc_market, usd_market, supplier, borrower, supply, position, warp, tokens, non_owner
):
    """ERC-4626 finding 10: maxRedeem offered voucher dust that pays 0 assets (and so reverts); it
    now says 0."""
    supply(cc_market, supplier, 1000 * WAD)
    position(borrower, {"USD6": 1_000_000 * 10**6}, ("CC", 900 * WAD))
    warp(365 * 86400)  # interest lifts the rate: one voucher is worth less than one unit still
    cc_market.transfer(non_owner, 1, sender=supplier)
    assert cc_market.convertToAssets(1) == 0
    assert cc_market.maxRedeem(non_owner) == 0 and cc_market.maxWithdraw(non_owner) == 0

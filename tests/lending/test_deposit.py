import ape
from ape import Contract

from fivefold.lending import model as lending
from fivefold.units import WAD


def test_deposit__empty_market__mints_at_virtual_rate(cc_market, tokens, supplier, supply):
    receipt = supply(cc_market, supplier, 5 * WAD)
    expected = lending.to_shares(5 * WAD, 0, 0)
    assert expected == 5 * WAD * 1000
    assert cc_market.balanceOf(supplier) == expected
    assert cc_market.totalSupply() == expected
    assert cc_market.cash() == 5 * WAD
    assert cc_market.totalAssets() == 5 * WAD
    assert tokens["CC"].balanceOf(cc_market) == 5 * WAD
    event = receipt.events.filter(cc_market.Deposit)[0]
    assert event.sender == supplier and event.owner == supplier
    assert event.assets == 5 * WAD and event.shares == expected


def test_deposit__after_interest__rounds_shares_down(cc_market, supplier, borrower, supply, position, warp, non_owner):
    supply(cc_market, supplier, 1000 * WAD)
    position(borrower, {"CMDT": 10_000 * WAD}, ("CC", 500 * WAD))
    warp(30 * 86400)
    total, s = cc_market.totalAssets(), cc_market.totalSupply()
    amount = 7 * WAD + 3
    assert cc_market.previewDeposit(amount) == lending.to_shares(amount, total, s)
    supply(cc_market, non_owner, amount)
    # one more block passed between preview and deposit: same block-level formula with new totals
    assert cc_market.balanceOf(non_owner) <= lending.to_shares(amount, total, s)


def test_deposit__zero_amount__reverts(cc_market, supplier):
    with ape.reverts("market: zero amount"):
        cc_market.deposit(0, supplier, sender=supplier)


def test_deposit__zero_receiver__reverts(cc_market, tokens, supplier):
    tokens["CC"].approve(cc_market, WAD, sender=supplier)
    with ape.reverts("market: zero receiver"):
        cc_market.deposit(WAD, "0x0000000000000000000000000000000000000000", sender=supplier)


def test_deposit__without_allowance__reverts(cc_market, supplier):
    with ape.reverts():
        cc_market.deposit(WAD, supplier, sender=supplier)


def test_mint__exact_shares__pulls_assets_rounded_up(cc_market, tokens, supplier, supply, non_owner):
    supply(cc_market, supplier, 10 * WAD)
    shares = 1234567
    need = cc_market.previewMint(shares)
    assert need == lending.to_assets(shares, cc_market.totalAssets(), cc_market.totalSupply(), round_up=True)
    tokens["CC"].approve(cc_market, need, sender=non_owner)
    before = tokens["CC"].balanceOf(non_owner)
    cc_market.mint(shares, non_owner, sender=non_owner)
    assert cc_market.balanceOf(non_owner) == shares
    assert before - tokens["CC"].balanceOf(non_owner) == need


def test_deposit__views__describe_erc4626(cc_market, tokens, supplier):
    assert cc_market.asset() == tokens["CC"].address
    assert cc_market.decimals() == 21
    assert cc_market.maxDeposit(supplier) == 2**256 - 1
    assert cc_market.maxMint(supplier) == 2**256 - 1
    assert cc_market.symbol() == "slipCC"
    assert cc_market.convertToShares(WAD) == 1000 * WAD
    assert cc_market.convertToAssets(1000 * WAD) == WAD
    assert cc_market.exchange_rate() == WAD // 1000

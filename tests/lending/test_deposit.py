import ape

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


def test_deposit__after_interest__rounds_shares_down(
    cc_market, supplier, borrower, supply, position, warp, non_owner
):
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
    assert cc_market.maxDeposit(supplier) == 2**128 - 1
    assert cc_market.maxMint(supplier) == (2**128 - 1) * 1000
    assert cc_market.symbol() == "slipCC"
    assert cc_market.convertToShares(WAD) == 1000 * WAD
    assert cc_market.convertToAssets(1000 * WAD) == WAD
    assert cc_market.exchange_rate() == WAD // 1000


def test_max_deposit__near_the_cash_bound__deposit_of_max_succeeds(usd_market, tokens, supplier, deployer):
    """ERC-4626 finding 10: maxDeposit/maxMint said max_value(uint256) although cash is accounted in 128 bits;
    they now return the room left, `deposit(maxDeposit)` goes through and one unit more is refused."""
    tokens["USD6"].faucet(supplier, 2**129, sender=deployer)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=supplier)
    usd_market.deposit(2**127, supplier, sender=supplier)
    room = usd_market.maxDeposit(supplier)
    assert room == 2**128 - 1 - 2**127
    assert usd_market.maxMint(supplier) == lending.to_shares(
        room, usd_market.totalAssets(), usd_market.totalSupply()
    )
    with ape.reverts("market: cash bound"):
        usd_market.deposit(room + 1, supplier, sender=supplier)
    usd_market.mint(usd_market.maxMint(supplier), supplier, sender=supplier)
    assert usd_market.maxDeposit(supplier) <= 1

import ape

from fivefold.units import WAD

ZERO = "0x0000000000000000000000000000000000000000"


def test_transfer__free_vouchers__moves(cc_market, supplier, supply, non_owner):
    supply(cc_market, supplier, WAD)
    cc_market.transfer(non_owner, 5000, sender=supplier)
    assert cc_market.balanceOf(non_owner) == 5000


def test_transfer__collateral_backing_loan__reverts(
    cc_market, usd_market, supplier, borrower, supply, position, non_owner
):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    with ape.reverts("controller: insufficient collateral"):
        cc_market.transfer(non_owner, cc_market.balanceOf(borrower) // 2, sender=borrower)
    cc_market.approve(non_owner, 2**256 - 1, sender=borrower)
    with ape.reverts("controller: insufficient collateral"):
        cc_market.transferFrom(borrower, non_owner, cc_market.balanceOf(borrower) // 2, sender=non_owner)


def test_transfer_from__allowance__spent_unless_infinite(cc_market, supplier, supply, non_owner):
    supply(cc_market, supplier, WAD)
    cc_market.approve(non_owner, 100, sender=supplier)
    cc_market.transferFrom(supplier, non_owner, 60, sender=non_owner)
    assert cc_market.allowance(supplier, non_owner) == 40
    with ape.reverts("market: insufficient allowance"):
        cc_market.transferFrom(supplier, non_owner, 41, sender=non_owner)
    cc_market.approve(non_owner, 2**256 - 1, sender=supplier)
    cc_market.transferFrom(supplier, non_owner, 41, sender=non_owner)
    assert cc_market.allowance(supplier, non_owner) == 2**256 - 1


def test_transfer__bad_input__reverts(cc_market, supplier, supply, non_owner):
    supply(cc_market, supplier, WAD)
    with ape.reverts("market: transfer to zero address"):
        cc_market.transfer(ZERO, 1, sender=supplier)
    with ape.reverts("market: transfer amount exceeds balance"):
        cc_market.transfer(non_owner, cc_market.balanceOf(supplier) + 1, sender=supplier)
    with ape.reverts("market: approve to zero address"):
        cc_market.approve(ZERO, 1, sender=supplier)

import ape

from fivefold.units import WAD


def test_deposit_native__wraps_and_mints(native_market, tokens, supplier):
    native_market.deposit_native(supplier, value=2 * WAD, sender=supplier)
    assert native_market.convertToAssets(native_market.balanceOf(supplier)) == 2 * WAD
    assert tokens["WNAT"].balanceOf(native_market) == 2 * WAD


def test_redeem_native__unwraps_to_receiver(native_market, supplier, non_owner):
    native_market.deposit_native(supplier, value=2 * WAD, sender=supplier)
    before = non_owner.balance
    native_market.redeem_native(native_market.balanceOf(supplier), non_owner, supplier, sender=supplier)
    assert non_owner.balance - before == 2 * WAD


def test_borrow_native__and_repay_native_with_refund(
    native_market, supplier, borrower, supply, position, non_owner
):
    native_market.deposit_native(supplier, value=10 * WAD, sender=supplier)
    position(borrower, {"CC": 10_000 * WAD})
    before = non_owner.balance
    native_market.borrow_native(WAD, non_owner, sender=borrower)
    assert non_owner.balance - before == WAD
    receipt = native_market.repay_native(borrower, value=2 * WAD, sender=non_owner)
    repaid = receipt.return_value
    assert WAD <= repaid < WAD + 10**12
    assert native_market.debt_of(borrower) == 0
    # the excess came back
    assert before - non_owner.balance - receipt.total_fees_paid == repaid - WAD


def test_native_entry_points__erc20_market__revert(cc_market, supplier):
    with ape.reverts("market: not a native market"):
        cc_market.deposit_native(supplier, value=1, sender=supplier)
    with ape.reverts("market: not a native market"):
        cc_market.redeem_native(1, supplier, supplier, sender=supplier)
    with ape.reverts("market: not a native market"):
        cc_market.borrow_native(1, supplier, sender=supplier)
    with ape.reverts("market: not a native market"):
        cc_market.repay_native(supplier, value=1, sender=supplier)


def test_default__stray_native_coin__reverts(native_market, cc_market, supplier):
    with ape.reverts("market: unexpected native coin"):
        supplier.transfer(native_market, 1)
    with ape.reverts("market: unexpected native coin"):
        supplier.transfer(cc_market, 1)

"""Attacks on MerchantInvoices, each performed and shown to fail."""

import ape

from fivefold.payments import invoices as inv
from tests.payments.conftest import DAY, NATIVE, USDT


def test_attack__replayed_invoice__refused(
    pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """Paying the same signed invoice twice: the second payment is refused, nothing moves."""
    invoice = make_invoice(pay_usdt, 10 * USDT)
    signature = sign_invoice(pay_invoices, invoice)
    pay_invoices.pay(inv.as_tuple(invoice), signature, sender=payer)
    before = pay_usdt.balanceOf(payer)
    with ape.reverts("merchant_invoices: invoice already used"):
        pay_invoices.pay(inv.as_tuple(invoice), signature, sender=payer)
    assert pay_usdt.balanceOf(payer) == before
    assert pay_invoices.balance_of(merchant, pay_usdt) == 10 * USDT


def test_attack__invoice_for_another_merchant__refused(
    pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, outsider
):
    """An outsider signs an invoice naming the merchant (to pay itself under the merchant's id) or
    reuses the merchant's signature for itself: neither verifies."""
    invoice = make_invoice(pay_usdt, USDT)
    with ape.reverts("merchant_invoices: bad signature"):
        pay_invoices.pay(
            inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice, signer=outsider), sender=payer
        )
    redirected = invoice | {"merchant": outsider.address}
    with ape.reverts("merchant_invoices: bad signature"):
        pay_invoices.pay(inv.as_tuple(redirected), sign_invoice(pay_invoices, invoice), sender=payer)


def test_attack__invoice_for_another_chain_or_contract__refused(
    project, deployer, owner, pay_invoices, pay_usdt, make_invoice, sign_invoice, payer
):
    """A signature made for chain id + 1, or for another MerchantInvoices, does not verify here."""
    invoice = make_invoice(pay_usdt, USDT)
    with ape.reverts("merchant_invoices: bad signature"):
        pay_invoices.pay(
            inv.as_tuple(invoice),
            sign_invoice(pay_invoices, invoice, chain_id=ape.chain.chain_id + 1),
            sender=payer,
        )
    other = project.MerchantInvoices.deploy(owner, sender=deployer)
    with ape.reverts("merchant_invoices: bad signature"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(other, invoice), sender=payer)


def test_attack__fee_on_transfer_token__refused(
    pay_invoices, pay_fot, pay_dex, pay_usdt, make_invoice, sign_invoice, payer, owner
):
    """A listed fee-on-transfer token delivers 1% less: the payment is refused, as a settlement asset
    and as a swap input, so the merchant is never owed less than the invoice."""
    pay_invoices.set_asset_listed(pay_fot, True, sender=owner)
    pay_fot.approve(pay_invoices, 2**256 - 1, sender=payer)
    invoice = make_invoice(pay_fot, 10**18)
    with ape.reverts("merchant_invoices: token delivered less than the amount"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)
    invoice = make_invoice(pay_usdt, USDT, id=2)
    with ape.reverts("merchant_invoices: token delivered less than max_in"):
        pay_invoices.pay_with_swap(
            inv.as_tuple(invoice),
            sign_invoice(pay_invoices, invoice),
            [pay_fot.address, pay_usdt.address],
            10**18,
            sender=payer,
        )


def test_attack__reentrancy_via_native_withdraw__refused(
    pay_invoices, pay_attacker, make_invoice, sign_invoice, payer, merchant
):
    """A payer contract pays a native invoice, is refunded, and reenters `withdraw` when the native
    coin arrives: the lock refuses the nested call (the balance is zeroed before paying anyway) and
    it is paid once."""
    invoice = make_invoice(NATIVE, 10**16, refund_deadline=ape.chain.pending_timestamp + DAY)
    data = pay_invoices.pay.encode_input(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice))
    pay_attacker.execute(pay_invoices, data, 10**16, value=10**16, sender=payer)
    pay_invoices.refund(inv.as_tuple(invoice), pay_attacker, sender=merchant)
    withdraw = pay_invoices.withdraw.encode_input(NATIVE)
    pay_attacker.arm(pay_invoices, withdraw, sender=payer)
    before = ape.chain.provider.get_balance(pay_attacker.address)
    pay_attacker.execute(pay_invoices, withdraw, 0, sender=payer)
    assert pay_attacker.attempted() and not pay_attacker.succeeded()
    assert ape.chain.provider.get_balance(pay_attacker.address) - before == 10**16
    assert pay_invoices.balance_of(pay_attacker, NATIVE) == 0


def test_attack__withdraw_someone_elses_balance__gets_nothing(
    pay_invoices, make_invoice, sign_invoice, payer, merchant, outsider
):
    """An outsider calls withdraw while the merchant has a balance: it is paid nothing and the
    merchant's balance is untouched (withdraw pays only the caller's own)."""
    invoice = make_invoice(NATIVE, 10**16)
    pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), value=10**16, sender=payer)
    with ape.reverts("merchant_invoices: nothing to withdraw"):
        pay_invoices.withdraw(NATIVE, sender=outsider)
    assert pay_invoices.balance_of(merchant, NATIVE) == 10**16


def test_attack__stray_native_coin__refused(pay_invoices, outsider):
    """Only the router may send the native coin outside a payment."""
    with ape.reverts("merchant_invoices: native coin only from the router"):
        outsider.transfer(pay_invoices, 1)


def test_attack__router_delivers_less__refused(
    project,
    deployer,
    owner,
    pay_invoices,
    pay_dex,
    pay_usdt,
    pay_cc,
    make_invoice,
    sign_invoice,
    payer,
    merchant,
):
    """Governance names a router that lies (it reports the exact output but delivers one wei less): the
    invoice is measured, not trusted, so the payment reverts and the merchant is owed nothing."""
    router = project.PaymentsShortRouter.deploy(pay_dex.weth, sender=deployer)
    pay_usdt.transfer(router, 1_000 * USDT, sender=payer)  # the router's own stock of the output
    pay_invoices.set_router(router, sender=owner)
    invoice = make_invoice(pay_usdt, 100 * USDT)
    path = [pay_cc.address, pay_usdt.address]
    with ape.reverts("merchant_invoices: swap delivered other than the amount"):
        pay_invoices.pay_with_swap(
            inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), path, 10**21, sender=payer
        )
    assert pay_invoices.balance_of(merchant, pay_usdt) == 0

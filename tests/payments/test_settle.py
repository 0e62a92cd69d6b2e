"""MerchantInvoices.refund, release, cancel and withdraw: what happens after a payment."""

import ape

from fivefold.payments import invoices as inv
from tests.payments.conftest import DAY, NATIVE, USDT


def _paid(pay_invoices, make_invoice, sign_invoice, payer, asset, amount, window=DAY, value=0):
    invoice = make_invoice(asset, amount, refund_deadline=ape.chain.pending_timestamp + window)
    pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), value=value, sender=payer)
    return invoice


def test_refund__inside_window__credits_the_payer(
    pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """The merchant refunds in full before the deadline; the payer withdraws it."""
    invoice = _paid(pay_invoices, make_invoice, sign_invoice, payer, pay_usdt, 40 * USDT)
    tx = pay_invoices.refund(inv.as_tuple(invoice), payer, sender=merchant)
    assert pay_invoices.escrowed(pay_usdt) == 0
    assert pay_invoices.balance_of(payer, pay_usdt) == 40 * USDT
    assert pay_invoices.status(merchant, 1) == inv.REFUNDED
    assert tx.events.filter(pay_invoices.InvoiceRefunded)[0].amount == 40 * USDT
    before = pay_usdt.balanceOf(payer)
    pay_invoices.withdraw(pay_usdt, sender=payer)
    assert pay_usdt.balanceOf(payer) - before == 40 * USDT


def test_refund__not_the_merchant__reverts(pay_invoices, pay_usdt, make_invoice, sign_invoice, payer):
    """Only the merchant refunds (a payer cannot take its money back alone)."""
    invoice = _paid(pay_invoices, make_invoice, sign_invoice, payer, pay_usdt, USDT)
    with ape.reverts("merchant_invoices: caller is not the merchant"):
        pay_invoices.refund(inv.as_tuple(invoice), payer, sender=payer)


def test_refund__after_deadline__reverts(pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, merchant):
    """Attack: a refund after the refund deadline is refused; the payment is the merchant's."""
    invoice = _paid(pay_invoices, make_invoice, sign_invoice, payer, pay_usdt, USDT, window=100)
    ape.chain.pending_timestamp += 100
    with ape.reverts("merchant_invoices: refund deadline passed"):
        pay_invoices.refund(inv.as_tuple(invoice), payer, sender=merchant)


def test_refund__twice_or_wrong_payer__reverts(
    pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, merchant, outsider
):
    """A record is refunded once, and only to the account that paid."""
    invoice = _paid(pay_invoices, make_invoice, sign_invoice, payer, pay_usdt, USDT)
    with ape.reverts("merchant_invoices: payment not escrowed"):
        pay_invoices.refund(inv.as_tuple(invoice), outsider, sender=merchant)
    pay_invoices.refund(inv.as_tuple(invoice), payer, sender=merchant)
    with ape.reverts("merchant_invoices: payment not escrowed"):
        pay_invoices.refund(inv.as_tuple(invoice), payer, sender=merchant)


def test_release__after_deadline__credits_the_merchant(
    pay_invoices, make_invoice, sign_invoice, payer, merchant, outsider
):
    """From the refund deadline on, anyone releases the escrow to the merchant."""
    invoice = _paid(pay_invoices, make_invoice, sign_invoice, payer, NATIVE, 10**16, window=100, value=10**16)
    with ape.reverts("merchant_invoices: refund window still open"):
        pay_invoices.release(inv.as_tuple(invoice), payer, sender=outsider)
    ape.chain.pending_timestamp += 100
    pay_invoices.release(inv.as_tuple(invoice), payer, sender=outsider)
    assert pay_invoices.balance_of(merchant, NATIVE) == 10**16
    assert pay_invoices.status(merchant, 1) == inv.SETTLED
    with ape.reverts("merchant_invoices: payment not escrowed"):
        pay_invoices.release(inv.as_tuple(invoice), payer, sender=outsider)


def test_release__changed_amount__reverts(
    pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """The record binds every field: a release with a larger amount matches nothing."""
    invoice = _paid(pay_invoices, make_invoice, sign_invoice, payer, pay_usdt, USDT, window=10)
    ape.chain.pending_timestamp += 10
    with ape.reverts("merchant_invoices: payment not escrowed"):
        pay_invoices.release(inv.as_tuple(invoice | {"amount": 2 * USDT}), payer, sender=merchant)


def test_cancel__unpaid_invoice__can_no_longer_be_paid(
    pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """The merchant voids an id; its signed invoice is refused from then on; a used id cannot be voided."""
    invoice = make_invoice(pay_usdt, USDT)
    pay_invoices.cancel(1, sender=merchant)
    assert pay_invoices.status(merchant, 1) == inv.CANCELLED
    with ape.reverts("merchant_invoices: invoice already used"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)
    with ape.reverts("merchant_invoices: invoice already used"):
        pay_invoices.cancel(1, sender=merchant)


def test_withdraw__nothing_owed__reverts(pay_invoices, outsider):
    """Nothing to withdraw is an error, not a silent zero."""
    with ape.reverts("merchant_invoices: nothing to withdraw"):
        pay_invoices.withdraw(NATIVE, sender=outsider)


def test_withdraw__paused__stays_open(pay_invoices, make_invoice, sign_invoice, payer, merchant, owner):
    """The pause never blocks a way out."""
    invoice = make_invoice(NATIVE, 10**16)
    pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), value=10**16, sender=payer)
    pay_invoices.pause(sender=owner)
    assert pay_invoices.withdraw(NATIVE, sender=merchant).return_value == 10**16

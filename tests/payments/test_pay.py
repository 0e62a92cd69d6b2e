"""MerchantInvoices.pay: an invoice paid in its own asset, exactly once."""

import ape

from fivefold.payments import invoices as inv
from tests.payments.conftest import DAY, NATIVE, USDT


def test_pay__usdt_with_refund_window__escrows_the_amount(
    pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """A USDT invoice with a refund window is held in escrow; the merchant has no balance yet."""
    invoice = make_invoice(pay_usdt, 250 * USDT, refund_deadline=ape.chain.pending_timestamp + DAY)
    before = pay_usdt.balanceOf(payer)
    tx = pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)
    assert pay_usdt.balanceOf(payer) == before - 250 * USDT
    assert pay_invoices.escrowed(pay_usdt) == 250 * USDT
    assert pay_invoices.balance_of(merchant, pay_usdt) == 0
    assert pay_invoices.status(merchant, 1) == inv.ESCROWED
    event = tx.events.filter(pay_invoices.InvoicePaid)[0]
    assert (event.payer, event.amount, event.paid_in, event.escrowed) == (
        payer,
        250 * USDT,
        pay_usdt.address,
        True,
    )


def test_pay__native_without_refund_window__credits_the_merchant(
    pay_invoices, make_invoice, sign_invoice, payer, merchant
):
    """A native invoice with no refund window is the merchant's at once (pull balance)."""
    invoice = make_invoice(NATIVE, 10**17)
    pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), value=10**17, sender=payer)
    assert pay_invoices.balance_of(merchant, NATIVE) == 10**17
    assert pay_invoices.escrowed(NATIVE) == 0
    assert pay_invoices.status(merchant, 1) == inv.SETTLED


def test_pay__named_payer__accepts_only_that_payer(
    pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, outsider
):
    """An invoice naming its payer is refused from anyone else."""
    invoice = make_invoice(pay_usdt, USDT, payer=payer.address)
    with ape.reverts("merchant_invoices: caller is not the invoice's payer"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=outsider)
    pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)


def test_pay__past_deadline__reverts(pay_invoices, pay_usdt, make_invoice, sign_invoice, payer):
    """An invoice is payable until its deadline only."""
    invoice = make_invoice(pay_usdt, USDT, deadline=ape.chain.pending_timestamp + 10)
    ape.chain.pending_timestamp += 11
    with ape.reverts("merchant_invoices: invoice expired"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)


def test_pay__at_the_deadline_second__paid_and_credited_not_escrowed(
    pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """The deadline itself is the last payable second; the refund window is open before its
    deadline only, so a payment in the deadline's second is the merchant's at once."""
    at = ape.chain.pending_timestamp + 100
    invoice = make_invoice(pay_usdt, USDT, deadline=at, refund_deadline=at)
    ape.chain.pending_timestamp = at
    tx = pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)
    assert tx.timestamp == at
    assert pay_invoices.status(merchant, 1) == inv.SETTLED
    assert (pay_invoices.balance_of(merchant, pay_usdt), pay_invoices.escrowed(pay_usdt)) == (USDT, 0)


def test_pay__unlisted_asset__reverts(pay_invoices, pay_fot, make_invoice, sign_invoice, payer):
    """Only listed assets settle invoices."""
    invoice = make_invoice(pay_fot, 10**18)
    with ape.reverts("merchant_invoices: asset not listed"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)


def test_pay__zero_amount_or_merchant__reverts(pay_invoices, pay_usdt, make_invoice, sign_invoice, payer):
    """An invoice of nothing, or of nobody, is refused."""
    invoice = make_invoice(pay_usdt, 0)
    with ape.reverts("merchant_invoices: zero amount"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)
    invoice = make_invoice(pay_usdt, 1, merchant=NATIVE)
    with ape.reverts("merchant_invoices: zero merchant"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)


def test_pay__changed_amount__bad_signature(pay_invoices, pay_usdt, make_invoice, sign_invoice, payer):
    """A payer who lowers the signed amount has no merchant signature for it."""
    invoice = make_invoice(pay_usdt, 100 * USDT)
    signature = sign_invoice(pay_invoices, invoice)
    with ape.reverts("merchant_invoices: bad signature"):
        pay_invoices.pay(inv.as_tuple(invoice | {"amount": USDT}), signature, sender=payer)


def test_pay__native_value_mismatch__reverts(pay_invoices, pay_usdt, make_invoice, sign_invoice, payer):
    """The native coin sent must be the amount; none may come with a token payment."""
    invoice = make_invoice(NATIVE, 10**17)
    with ape.reverts("merchant_invoices: value is not the amount"):
        pay_invoices.pay(
            inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), value=10**16, sender=payer
        )
    invoice = make_invoice(pay_usdt, USDT, id=2)
    with ape.reverts("merchant_invoices: value sent with a token payment"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), value=1, sender=payer)


def test_pay__paused__reverts(pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, owner):
    """The guardian's pause stops new payments."""
    pay_invoices.pause(sender=owner)
    invoice = make_invoice(pay_usdt, USDT)
    with ape.reverts("pausable: new deposits and creations are paused"):
        pay_invoices.pay(inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), sender=payer)


def test_invoice_digest__python_helper__matches_the_contract(pay_invoices, pay_usdt, make_invoice):
    """fivefold/payments/invoices.py hashes the invoice as the contract does."""
    from eth_account.messages import encode_typed_data
    from eth_utils import keccak

    invoice = make_invoice(pay_usdt, 7 * USDT, id=42, refund_deadline=123)
    domain = pay_invoices.eip712Domain()
    typed = encode_typed_data(
        full_message={
            "types": {
                "EIP712Domain": [
                    {"name": "name", "type": "string"},
                    {"name": "version", "type": "string"},
                    {"name": "chainId", "type": "uint256"},
                    {"name": "verifyingContract", "type": "address"},
                ],
                "Invoice": [{"name": n, "type": t} for n, t in inv.INVOICE],
            },
            "primaryType": "Invoice",
            "domain": {
                "name": domain[1],
                "version": domain[2],
                "chainId": ape.chain.chain_id,
                "verifyingContract": pay_invoices.address,
            },
            "message": invoice,
        }
    )
    digest = keccak(b"\x19" + typed.version + typed.header + typed.body)
    assert pay_invoices.invoice_digest(inv.as_tuple(invoice)) == digest
    assert pay_invoices.INVOICE_TYPEHASH() == inv.TYPEHASH


def test_pay__erc1271_merchant_wallet__accepted_and_refunds(
    project, deployer, pay_invoices, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """A smart-contract wallet is a merchant: its ERC-1271 answer (its owner key signed the digest)
    accepts the invoice, and it refunds through its own call."""
    wallet = project.SnapshotsMockWallet.deploy(merchant, sender=deployer)
    invoice = make_invoice(
        pay_usdt, 3 * USDT, merchant=wallet.address, refund_deadline=ape.chain.pending_timestamp + DAY
    )
    pay_invoices.pay(
        inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice, signer=merchant), sender=payer
    )
    assert pay_invoices.status(wallet, 1) == inv.ESCROWED
    wallet.execute(
        pay_invoices, pay_invoices.refund.encode_input(inv.as_tuple(invoice), payer), sender=merchant
    )
    assert pay_invoices.balance_of(payer, pay_usdt) == 3 * USDT

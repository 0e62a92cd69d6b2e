"""MerchantInvoices.pay_with_swap: an invoice paid in another listed asset through the router."""

import ape

from fivefold.nft import dex
from fivefold.payments import invoices as inv
from tests.payments.conftest import DAY, NATIVE, USDT
from tests.tests_support import isolated


def _quote(pay_dex, amount, path):
    return pay_dex.router.getAmountsIn(amount, path)[0]


def test_pay_with_swap__native_for_usdt__merchant_gets_exact_amount_payer_gets_surplus(
    pay_invoices, pay_dex, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """Paid in the native coin: the merchant is owed exactly the USDT amount, the payer spends what
    the pool asked and gets the rest of max_in back."""
    invoice = make_invoice(pay_usdt, 100 * USDT)
    path = [pay_dex.weth.address, pay_usdt.address]
    need = _quote(pay_dex, 100 * USDT, path)
    max_in = need * 2
    before = payer.balance
    tx = pay_invoices.pay_with_swap(
        inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), path, max_in, value=max_in, sender=payer
    )
    assert pay_invoices.balance_of(merchant, pay_usdt) == 100 * USDT
    assert before - payer.balance == need + tx.gas_used * tx.gas_price
    assert ape.chain.provider.get_balance(pay_invoices.address) == 0
    event = tx.events.filter(pay_invoices.InvoicePaid)[0]
    assert (event.paid_in, event.paid_in_amount) == (NATIVE, need)


def test_pay_with_swap__usdt_for_native__merchant_gets_exact_native(
    pay_invoices, pay_dex, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """Paid in USDT for a native-coin invoice (swapTokensForExactETH): exact native owed, the unspent
    USDT back, no allowance left to the router."""
    invoice = make_invoice(NATIVE, 10**17)
    path = [pay_usdt.address, pay_dex.weth.address]
    need = _quote(pay_dex, 10**17, path)
    before = pay_usdt.balanceOf(payer)
    pay_invoices.pay_with_swap(
        inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), path, need + 5 * USDT, sender=payer
    )
    assert pay_invoices.balance_of(merchant, NATIVE) == 10**17
    assert before - pay_usdt.balanceOf(payer) == need
    assert pay_usdt.allowance(pay_invoices, pay_dex.router) == 0
    assert pay_usdt.balanceOf(pay_invoices) == 0


def test_pay_with_swap__cc_for_usdt__escrowed(
    pay_invoices, pay_dex, pay_usdt, pay_cc, make_invoice, sign_invoice, payer
):
    """Paid in CC through the CC/USDT pool into escrow (refund window open)."""
    invoice = make_invoice(pay_usdt, 50 * USDT, refund_deadline=ape.chain.pending_timestamp + 3_600)
    path = [pay_cc.address, pay_usdt.address]
    need = _quote(pay_dex, 50 * USDT, path)
    pay_invoices.pay_with_swap(
        inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), path, need, sender=payer
    )
    assert pay_invoices.escrowed(pay_usdt) == 50 * USDT
    assert pay_usdt.balanceOf(pay_invoices) == 50 * USDT
    assert pay_cc.balanceOf(pay_invoices) == 0


def test_pay_with_swap__asset_already_held__only_the_swaps_delivery_counts(
    pay_invoices, pay_dex, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """With USDT already in escrow, the swap's delivery is the balance's change: the second
    invoice is credited its amount and the escrow stays as it was."""
    first = make_invoice(pay_usdt, 250 * USDT, refund_deadline=ape.chain.pending_timestamp + DAY)
    pay_invoices.pay(inv.as_tuple(first), sign_invoice(pay_invoices, first), sender=payer)
    second = make_invoice(pay_usdt, 100 * USDT, id=2)
    path = [pay_dex.weth.address, pay_usdt.address]
    need = _quote(pay_dex, 100 * USDT, path)
    pay_invoices.pay_with_swap(
        inv.as_tuple(second), sign_invoice(pay_invoices, second), path, need, value=need, sender=payer
    )
    assert pay_invoices.balance_of(merchant, pay_usdt) == 100 * USDT
    assert pay_invoices.escrowed(pay_usdt) == 250 * USDT
    assert pay_usdt.balanceOf(pay_invoices) == 350 * USDT


def test_pay_with_swap__payer_refusing_native_pays_exact_max_in__no_refund_call(
    project, pay_invoices, pay_dex, pay_usdt, make_invoice, sign_invoice, payer, merchant
):
    """A contract payer that refuses the native coin can pay with exactly what the pool asks:
    nothing is left over, so nothing (not even a zero-value call) is sent back to it."""
    wallet = project.MallActor.deploy(payer, sender=payer)
    wallet.set_switches(True, False, NATIVE, b"", sender=payer)
    invoice = make_invoice(pay_usdt, 100 * USDT)
    path = [pay_dex.weth.address, pay_usdt.address]
    need = _quote(pay_dex, 100 * USDT, path)
    data = pay_invoices.pay_with_swap.encode_input(
        inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), path, need
    )
    wallet.execute(pay_invoices, data, need, value=need, sender=payer)
    assert pay_invoices.balance_of(merchant, pay_usdt) == 100 * USDT
    assert ape.chain.provider.get_balance(wallet.address) == 0


def test_pay_with_swap__max_in_too_low__router_reverts(
    pay_invoices, pay_dex, pay_usdt, make_invoice, sign_invoice, payer
):
    """A max_in below what the pool asks spends nothing: the router refuses."""
    invoice = make_invoice(pay_usdt, 100 * USDT)
    path = [pay_dex.weth.address, pay_usdt.address]
    max_in = _quote(pay_dex, 100 * USDT, path) - 1
    with ape.reverts("UniswapV2Router: EXCESSIVE_INPUT_AMOUNT"):
        pay_invoices.pay_with_swap(
            inv.as_tuple(invoice),
            sign_invoice(pay_invoices, invoice),
            path,
            max_in,
            value=max_in,
            sender=payer,
        )


def test_pay_with_swap__bad_paths__revert(
    pay_invoices, pay_dex, pay_usdt, pay_cc, pay_fot, make_invoice, sign_invoice, payer
):
    """Paths that do not lead from a listed asset to the invoice's asset are refused."""
    invoice = make_invoice(pay_usdt, USDT)
    t, s = inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice)
    weth, usdt = pay_dex.weth.address, pay_usdt.address
    with ape.reverts("merchant_invoices: path too short"):
        pay_invoices.pay_with_swap(t, s, [usdt], USDT, sender=payer)
    with ape.reverts("merchant_invoices: path does not end in the invoice's asset"):
        pay_invoices.pay_with_swap(t, s, [usdt, weth], USDT, sender=payer)
    with ape.reverts("merchant_invoices: same asset, use pay"):
        pay_invoices.pay_with_swap(t, s, [usdt, weth, usdt], USDT, sender=payer)
    with ape.reverts("merchant_invoices: asset paid in not listed"):
        pay_invoices.pay_with_swap(t, s, [pay_fot.address, usdt], USDT, sender=payer)
    with ape.reverts("merchant_invoices: native payment path must start at the wrapped native coin"):
        pay_invoices.pay_with_swap(t, s, [pay_cc.address, usdt], 10, value=10, sender=payer)
    with ape.reverts("merchant_invoices: value is not max_in"):
        pay_invoices.pay_with_swap(t, s, [weth, usdt], 11, value=10, sender=payer)


def test_pay_with_swap__no_router__reverts(
    project, deployer, owner, pay_usdt, make_invoice, sign_invoice, payer
):
    """Before governance names the router, no swap is possible."""
    contract = project.MerchantInvoices.deploy(owner, sender=deployer)
    contract.set_asset_listed(pay_usdt, True, sender=owner)
    invoice = make_invoice(pay_usdt, USDT)
    with ape.reverts("merchant_invoices: no router"):
        contract.pay_with_swap(
            inv.as_tuple(invoice),
            sign_invoice(contract, invoice),
            [NATIVE, pay_usdt.address],
            1,
            sender=payer,
        )


def test_pay_with_swap__sandwich__bounded_by_max_in(
    pay_invoices, pay_dex, pay_usdt, make_invoice, sign_invoice, payer, sandwicher
):
    """Attack: a sandwicher buys USDT just before the payment to raise its price. With 1% slack on
    the quote, the payment reverts instead of overpaying; without the front-run it goes through at
    the quoted price."""
    invoice = make_invoice(pay_usdt, 1_000 * USDT)
    path = [pay_dex.weth.address, pay_usdt.address]
    need = _quote(pay_dex, 1_000 * USDT, path)
    max_in = need + need // 100
    with isolated(ape.chain):
        dex.swap_native(pay_dex, 10**19, pay_usdt, sandwicher)  # 10 native: moves the price ~20%
        with ape.reverts("UniswapV2Router: EXCESSIVE_INPUT_AMOUNT"):
            pay_invoices.pay_with_swap(
                inv.as_tuple(invoice),
                sign_invoice(pay_invoices, invoice),
                path,
                max_in,
                value=max_in,
                sender=payer,
            )
    tx = pay_invoices.pay_with_swap(
        inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), path, max_in, value=max_in, sender=payer
    )
    assert tx.events.filter(pay_invoices.InvoicePaid)[0].paid_in_amount == need


def test_pay_with_swap__two_hops_cc_to_native__exact_native(
    pay_invoices, pay_dex, pay_usdt, pay_cc, make_invoice, sign_invoice, payer, merchant
):
    """A native invoice paid in CC over two pools (CC -> USDT -> WETH): exact native owed, the CC the
    swap did not spend back to the payer."""
    invoice = make_invoice(NATIVE, 10**16)
    path = [pay_cc.address, pay_usdt.address, pay_dex.weth.address]
    need = _quote(pay_dex, 10**16, path)
    before = pay_cc.balanceOf(payer)
    pay_invoices.pay_with_swap(
        inv.as_tuple(invoice), sign_invoice(pay_invoices, invoice), path, 2 * need, sender=payer
    )
    assert pay_invoices.balance_of(merchant, NATIVE) == 10**16
    assert before - pay_cc.balanceOf(payer) == need
    assert pay_cc.balanceOf(pay_invoices) == 0

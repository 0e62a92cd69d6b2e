"""TokenSale.refund, withdraw and close: a failed round pays buyers back and its CC returns to the
treasury; a succeeded round's takings and unsold CC go to the treasury; no loop over buyers."""

import ape

from fivefold.sale import model as sale_model
from fivefold.units import MONTH, to_wei

from .conftest import NATIVE, PUBLIC, PUBLIC_CAP, SEED, SEED_CAP, SOFT_CAP, seed_proof

USDT_PAID = 100 * 10**6  # buys 400,000 CC: below the soft cap
USDT_SOFT = 2_600 * 10**6  # buys 10,400,000 CC: above it


def _buy_usdt(sale, usdt, buyer, paid):
    usdt.approve(sale, paid, sender=buyer)
    return sale.buy(PUBLIC, usdt, paid, 0, [], sender=buyer).return_value


def test_refund__failed_round__buyer_paid_back_and_cc_to_treasury(
    chain, sale_open, sale_times, sale_vault, sale_usdt, sale_cc, sale_public_buyer, treasury, non_owner
):
    """Below the soft cap at the end: anyone refunds a purchase before the vesting start; the buyer gets
    the whole payment, the vault returns the whole schedule to the treasury."""
    sid = _buy_usdt(sale_open, sale_usdt, sale_public_buyer, USDT_PAID)
    chain.mine(timestamp=sale_times[1] - 1 if sale_times[2] > sale_times[1] else sale_times[1])
    chain.mine(timestamp=sale_times[1])
    assert sale_open.phase(PUBLIC) == sale_model.FAILED
    # the vesting start is the end: refund in the same second, before anything vested
    before_buyer, before_cc = sale_usdt.balanceOf(sale_public_buyer), sale_cc.balanceOf(treasury)
    assert sale_vault.vested_amount(sid, chain.pending_timestamp) == to_wei(80_000)  # TGE share from start
    receipt = sale_open.refund(sid, sender=non_owner)
    refund = sale_model.refund(USDT_PAID, to_wei(320_000), to_wei(400_000))
    assert receipt.return_value == refund
    assert sale_usdt.balanceOf(sale_public_buyer) - before_buyer == refund
    assert sale_usdt.balanceOf(treasury) == USDT_PAID - refund
    assert sale_cc.balanceOf(treasury) - before_cc == to_wei(320_000)
    assert sale_open.purchase(sid) == (sale_usdt.address, USDT_PAID, True)


def test_refund__before_the_vesting_start__whole_payment(
    chain, sale_bare, owner, sale_vault, sale_usdt, sale_cc, sale_public_buyer, treasury
):
    """With the vesting start a month after the end, a refund returns everything, to the wei."""
    start = chain.pending_timestamp + 10
    end = start + 86_400
    rid = sale_bare.add_round(
        start,
        end,
        end + MONTH,
        sale_model.ROUNDS["public"].price,
        PUBLIC_CAP,
        SOFT_CAP,
        PUBLIC_CAP,
        b"\0" * 32,
        sale_model.ROUNDS["public"].plan.encode_args(),
        sender=owner,
    ).return_value
    sale_cc.approve(sale_bare, PUBLIC_CAP, sender=treasury)
    sale_bare.fund(rid, sender=treasury)
    chain.mine(timestamp=start)
    sale_usdt.approve(sale_bare, USDT_PAID, sender=sale_public_buyer)
    sid = sale_bare.buy(rid, sale_usdt, USDT_PAID, 0, [], sender=sale_public_buyer).return_value
    chain.mine(timestamp=end)
    before = sale_usdt.balanceOf(sale_public_buyer)
    cc_before = sale_cc.balanceOf(treasury)
    sale_bare.refund(sid, sender=sale_public_buyer)
    assert sale_usdt.balanceOf(sale_public_buyer) - before == USDT_PAID
    assert sale_cc.balanceOf(treasury) - cc_before == to_wei(400_000)
    assert sale_vault.schedule(sid).total == 0
    assert sale_bare.close(rid, sender=sale_public_buyer).return_value == PUBLIC_CAP - to_wei(400_000)


def test_refund__twice__reverts(chain, sale_open, sale_times, sale_usdt, sale_public_buyer):
    """Attack: refunding a purchase again."""
    sid = _buy_usdt(sale_open, sale_usdt, sale_public_buyer, USDT_PAID)
    chain.mine(timestamp=sale_times[1])
    sale_open.refund(sid, sender=sale_public_buyer)
    with ape.reverts("token_sale: already refunded"):
        sale_open.refund(sid, sender=sale_public_buyer)


def test_refund__round_open_or_succeeded__reverts(chain, sale_open, sale_times, sale_usdt, sale_public_buyer):
    """Attack: a buyer of a round that is still open, or that succeeded, takes the payment back."""
    sid = _buy_usdt(sale_open, sale_usdt, sale_public_buyer, USDT_SOFT)
    with ape.reverts("token_sale: round not failed"):
        sale_open.refund(sid, sender=sale_public_buyer)
    chain.mine(timestamp=sale_times[1])
    assert sale_open.phase(PUBLIC) == sale_model.SUCCEEDED
    with ape.reverts("token_sale: round not failed"):
        sale_open.refund(sid, sender=sale_public_buyer)


def test_refund__unknown_purchase__reverts(sale_open, sale_public_buyer):
    """Purchase ids start at 1."""
    with ape.reverts("token_sale: unknown purchase"):
        sale_open.refund(1, sender=sale_public_buyer)


def test_withdraw__succeeded_round__takings_to_the_treasury(
    chain, sale_open, sale_times, sale_usdt, sale_public_buyer, sale_buyer, owner, treasury, non_owner
):
    """Anyone sends a succeeded round's takings, per asset, to the treasury; once."""
    _buy_usdt(sale_open, sale_usdt, sale_public_buyer, USDT_SOFT)
    sale_open.buy(
        SEED, NATIVE, 10**18, 0, seed_proof(sale_buyer, owner, treasury), value=10**18, sender=sale_buyer
    )
    with ape.reverts("token_sale: round not succeeded"):
        sale_open.withdraw(PUBLIC, sale_usdt, sender=non_owner)
    chain.mine(timestamp=sale_times[1])
    before = sale_usdt.balanceOf(treasury)
    assert sale_open.withdraw(PUBLIC, sale_usdt, sender=non_owner).return_value == USDT_SOFT
    assert sale_usdt.balanceOf(treasury) - before == USDT_SOFT
    with ape.reverts("token_sale: nothing to withdraw"):
        sale_open.withdraw(PUBLIC, sale_usdt, sender=non_owner)
    # the seed round sold 11,111,111 CC: above the soft cap
    native_before = treasury.balance
    sale_open.withdraw(SEED, NATIVE, sender=non_owner)
    assert treasury.balance - native_before == 10**18


def test_withdraw__failed_round__reverts(chain, sale_open, sale_times, sale_usdt, sale_public_buyer):
    """A failed round's payments are the buyers' refunds."""
    _buy_usdt(sale_open, sale_usdt, sale_public_buyer, USDT_PAID)
    chain.mine(timestamp=sale_times[1])
    with ape.reverts("token_sale: round not succeeded"):
        sale_open.withdraw(PUBLIC, sale_usdt, sender=sale_public_buyer)


def test_close__succeeded_round__unsold_cc_to_the_treasury(
    chain, sale_open, sale_times, sale_usdt, sale_cc, sale_public_buyer, treasury
):
    """Cap minus sold returns once; the seed round with nothing sold fails and returns its whole cap."""
    _buy_usdt(sale_open, sale_usdt, sale_public_buyer, USDT_SOFT)
    with ape.reverts("token_sale: round not decided"):
        sale_open.close(PUBLIC, sender=sale_public_buyer)
    chain.mine(timestamp=sale_times[1])
    before = sale_cc.balanceOf(treasury)
    sale_open.close(PUBLIC, sender=sale_public_buyer)
    sale_open.close(SEED, sender=sale_public_buyer)
    assert sale_cc.balanceOf(treasury) - before == PUBLIC_CAP - to_wei(10_400_000) + SEED_CAP
    with ape.reverts("token_sale: round already closed"):
        sale_open.close(PUBLIC, sender=sale_public_buyer)


def test_close__sold_out__decided_before_the_end(
    sale_bare, chain, owner, treasury, sale_cc, sale_usdt, sale_public_buyer
):
    """A sold-out round succeeds at once: no more purchases, withdraw and close at once."""
    start = chain.pending_timestamp + 10
    cap = to_wei(400_000)
    rid = sale_bare.add_round(
        start,
        start + 86_400,
        start + 86_400,
        sale_model.ROUNDS["public"].price,
        cap,
        cap,
        cap,
        b"\0" * 32,
        sale_model.ROUNDS["public"].plan.encode_args(),
        sender=owner,
    ).return_value
    sale_cc.approve(sale_bare, cap, sender=treasury)
    sale_bare.fund(rid, sender=treasury)
    chain.mine(timestamp=start)
    sale_usdt.approve(sale_bare, USDT_PAID, sender=sale_public_buyer)
    sale_bare.buy(rid, sale_usdt, USDT_PAID, 0, [], sender=sale_public_buyer)
    assert sale_bare.phase(rid) == sale_model.SUCCEEDED
    assert sale_bare.close(rid, sender=sale_public_buyer).return_value == 0
    assert sale_bare.withdraw(rid, sale_usdt, sender=sale_public_buyer).return_value == USDT_PAID

"""Attack: a buyer contract re-enters the sale when a refund pays it the native coin."""

from fivefold.sale import model as sale_model

from .conftest import NATIVE, PUBLIC


def test_refund__reentrant_buyer__second_refund_refused(
    project, chain, sale_open, sale_times, stranger, non_owner
):
    """A contract buys in the public round with 0.1 native coin (below the soft cap); the round fails;
    when `refund` pays it, it calls `refund` again for the same purchase: the lock refuses the inner
    call, the outer one completes, and the attacker is paid exactly once."""
    attacker = project.ReentrantAttacker.deploy(sender=stranger)
    paid = 10**17
    data = sale_open.buy.encode_input(PUBLIC, NATIVE, paid, 0, [])
    attacker.execute(sale_open, data, paid, value=paid, sender=stranger)
    sid = sale_open.purchase_count()
    chain.mine(timestamp=sale_times[1])
    assert sale_open.phase(PUBLIC) == sale_model.FAILED
    attacker.arm(sale_open, sale_open.refund.encode_input(sid), sender=stranger)
    before = attacker.balance
    refund = sale_open.refund(sid, sender=non_owner).return_value
    assert attacker.attempted() and not attacker.succeeded()
    assert attacker.balance - before == refund
    assert sale_open.purchase(sid)[2]

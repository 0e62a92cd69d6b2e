"""RedPacket.withdraw_fees: the treasury pulls accrued fees per asset."""

import ape

from .conftest import NATIVE, TOKEN


def test_withdraw_fees__treasury__receives_accrued_erc20(redpacket, create_packet, creator, cmdt, treasury):
    create_packet(creator, cmdt, 50 * TOKEN)
    create_packet(creator, cmdt, 200 * TOKEN)
    fees = redpacket.fees(cmdt)
    assert fees == 1 * TOKEN + 5 * TOKEN  # 2% of USD 50 + (2% of USD 100 + 3% of the next USD 100)
    tx = redpacket.withdraw_fees(cmdt, sender=treasury)
    assert cmdt.balanceOf(treasury) == fees and redpacket.fees(cmdt) == 0
    assert tx.decode_logs(redpacket.FeesWithdrawn)[0].amount == fees


def test_withdraw_fees__native__receives_native(redpacket, create_packet, creator, treasury):
    create_packet(creator, None, TOKEN // 100)
    fees = redpacket.fees(NATIVE)
    before = treasury.balance
    tx = redpacket.withdraw_fees(NATIVE, sender=treasury)
    assert treasury.balance == before + fees - tx.total_fees_paid


def test_withdraw_fees__not_treasury__reverts(redpacket, create_packet, creator, cmdt, owner):
    create_packet(creator, cmdt, TOKEN)
    with ape.reverts("red_packet: caller is not the treasury"):
        redpacket.withdraw_fees(cmdt, sender=owner)


def test_withdraw_fees__nothing_accrued__reverts(redpacket, cmdt, treasury):
    with ape.reverts("red_packet: no fees"):
        redpacket.withdraw_fees(cmdt, sender=treasury)


def test_withdraw_fees__escrow_untouched(redpacket, create_packet, creator, cmdt, treasury, claimer):
    p = create_packet(creator, cmdt, 50 * TOKEN, shares=1)
    redpacket.withdraw_fees(cmdt, sender=treasury)
    assert p.claim(claimer).return_value == p.rp.claimed_amount(p.id, claimer) == 49 * TOKEN
    assert cmdt.balanceOf(redpacket) == 0

"""AnchorTips.tip: a tip in a listed asset with a message, split between the anchor and the platform."""

import ape

from fivefold.payments.model import platform_share
from tests.payments.conftest import CC_BPS, NATIVE, USDT, USDT_BPS


def test_tip__usdt__anchor_and_platform_split(pay_tips, pay_usdt, anchor, tipper):
    """5% of a USDT tip is the platform's (rounded down), the rest the anchor's; the event carries the
    message a live-stream dApp shows."""
    amount = 12_345_679
    tx = pay_tips.tip(anchor, pay_usdt, amount, "gg!", sender=tipper)
    fee = platform_share(amount, USDT_BPS)
    assert fee == 617_283
    assert pay_tips.balance_of(anchor, pay_usdt) == amount - fee
    assert pay_tips.asset_config(pay_usdt).platform_balance == fee
    event = tx.events.filter(pay_tips.Tipped)[0]
    assert (event.tipper, event.anchor, event.asset) == (tipper, anchor, pay_usdt.address)
    assert (event.amount, event.platform_share, event.message) == (amount, fee, "gg!")
    assert pay_tips.tipped(tipper) == 0  # not CC: no reward weight


def test_tip__native__credited_in_full_at_zero_share(pay_tips, anchor, tipper):
    """A native tip (sent as value) with a 0% platform share is all the anchor's."""
    pay_tips.tip(anchor, NATIVE, 10**15, "", value=10**15, sender=tipper)
    assert pay_tips.balance_of(anchor, NATIVE) == 10**15
    assert pay_tips.asset_config(NATIVE).platform_balance == 0


def test_tip__cc__adds_reward_weight(pay_tips, pay_cc, anchor, tipper):
    """A CC tip adds what arrived to the tipper's shares of the reward stream."""
    pay_tips.tip(anchor, pay_cc, 10**20, "CC!", sender=tipper)
    assert pay_tips.tipped(tipper) == 10**20
    assert pay_tips.total_shares() == 10**20
    assert pay_tips.balance_of(anchor, pay_cc) == 10**20 - platform_share(10**20, CC_BPS)


def test_tip__bad_input__reverts(pay_tips, pay_usdt, pay_fot, anchor, tipper):
    """Zero anchor, zero amount, an unlisted asset, a wrong value, value with a token tip, a message
    above 280 characters are refused (the last by the ABI decoder of `String[280]`, which gives no
    reason)."""
    with ape.reverts("anchor_tips: zero anchor"):
        pay_tips.tip(NATIVE, pay_usdt, USDT, "", sender=tipper)
    with ape.reverts("anchor_tips: zero amount"):
        pay_tips.tip(anchor, pay_usdt, 0, "", sender=tipper)
    with ape.reverts("anchor_tips: asset not listed"):
        pay_tips.tip(anchor, pay_fot, 10**18, "", sender=tipper)
    with ape.reverts("anchor_tips: value is not the amount"):
        pay_tips.tip(anchor, NATIVE, 10, "", value=9, sender=tipper)
    with ape.reverts("anchor_tips: value sent with a token tip"):
        pay_tips.tip(anchor, pay_usdt, USDT, "", value=1, sender=tipper)
    with ape.reverts():
        pay_tips.tip(anchor, pay_usdt, USDT, "x" * 281, sender=tipper)


def test_tip__paused__reverts(pay_tips, pay_usdt, anchor, tipper, owner):
    """The guardian's pause stops new tips."""
    pay_tips.pause(sender=owner)
    with ape.reverts("pausable: new deposits and creations are paused"):
        pay_tips.tip(anchor, pay_usdt, USDT, "", sender=tipper)

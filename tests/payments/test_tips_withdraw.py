"""AnchorTips.withdraw and collect: the anchors' and the platform's ways out."""

import ape

from fivefold.payments.model import platform_share
from tests.payments.conftest import NATIVE, USDT, USDT_BPS


def test_withdraw__anchor__gets_its_whole_balance(pay_tips, pay_usdt, anchor, tipper, second_tipper):
    """The anchor withdraws what two viewers tipped, less the platform's share."""
    pay_tips.tip(anchor, pay_usdt, 10 * USDT, "a", sender=tipper)
    pay_tips.tip(anchor, pay_usdt, 20 * USDT, "b", sender=second_tipper)
    owed = 30 * USDT - 2 * platform_share(10 * USDT, USDT_BPS) - platform_share(10 * USDT, USDT_BPS)
    tx = pay_tips.withdraw(pay_usdt, sender=anchor)
    assert tx.return_value == owed
    assert pay_usdt.balanceOf(anchor) == owed
    assert pay_tips.balance_of(anchor, pay_usdt) == 0
    assert tx.events.filter(pay_tips.Withdrawn)[0].amount == owed


def test_withdraw__nothing__reverts(pay_tips, anchor):
    """Nothing owed is an error."""
    with ape.reverts("anchor_tips: nothing to withdraw"):
        pay_tips.withdraw(NATIVE, sender=anchor)


def test_withdraw__paused__stays_open(pay_tips, anchor, tipper, owner):
    """The pause never blocks an anchor's withdrawal."""
    pay_tips.tip(anchor, NATIVE, 10**15, "", value=10**15, sender=tipper)
    pay_tips.pause(sender=owner)
    assert pay_tips.withdraw(NATIVE, sender=anchor).return_value == 10**15


def test_collect__platform_share__goes_to_the_treasury(
    pay_tips, pay_usdt, anchor, tipper, treasury, outsider
):
    """Anyone sends the platform's share to the treasury; a second collect has nothing."""
    pay_tips.tip(anchor, pay_usdt, 10 * USDT, "", sender=tipper)
    fee = platform_share(10 * USDT, USDT_BPS)
    before = pay_usdt.balanceOf(treasury)
    assert pay_tips.collect(pay_usdt, sender=outsider).return_value == fee
    assert pay_usdt.balanceOf(treasury) - before == fee
    assert pay_tips.asset_config(pay_usdt).platform_balance == 0
    assert pay_tips.asset_config(pay_usdt).listed
    assert pay_tips.asset_config(pay_usdt).platform_bps == USDT_BPS
    with ape.reverts("anchor_tips: nothing to collect"):
        pay_tips.collect(pay_usdt, sender=outsider)


def test_collect__no_treasury__reverts(project, deployer, owner, pay_cc, outsider):
    """Before a treasury is named nothing can be collected."""
    tips = project.AnchorTips.deploy(pay_cc, owner, sender=deployer)
    with ape.reverts("anchor_tips: no treasury"):
        tips.collect(NATIVE, sender=outsider)

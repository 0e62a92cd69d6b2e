"""AnchorTips' owner functions, constructor and ownership."""

import ape

from tests.payments.conftest import NATIVE


def test_constructor__zero_arguments__revert(project, deployer, owner, pay_cc):
    """A reward token and an owner are required."""
    with ape.reverts("anchor_tips: zero reward token"):
        project.AnchorTips.deploy(NATIVE, owner, sender=deployer)
    with ape.reverts("anchor_tips: zero owner"):
        project.AnchorTips.deploy(pay_cc, NATIVE, sender=deployer)


def test_set_platform_bps__bounded__keeps_listing_and_balance(
    pay_tips, pay_usdt, anchor, tipper, owner, outsider
):
    """The share is at most 20%; changing it leaves the listing and the platform's balance alone."""
    pay_tips.tip(anchor, pay_usdt, 10**6, "", sender=tipper)
    balance = pay_tips.asset_config(pay_usdt).platform_balance
    with ape.reverts("anchor_tips: platform share above the limit"):
        pay_tips.set_platform_bps(pay_usdt, 2_001, sender=owner)
    with ape.reverts("ownable: caller is not the owner"):
        pay_tips.set_platform_bps(pay_usdt, 1, sender=outsider)
    pay_tips.set_platform_bps(pay_usdt, 2_000, sender=owner)
    config = pay_tips.asset_config(pay_usdt)
    assert (config.listed, config.platform_bps, config.platform_balance) == (True, 2_000, balance)


def test_set_asset_listed__delist__keeps_share_and_balances(
    pay_tips, pay_usdt, anchor, tipper, owner, outsider
):
    """Delisting stops new tips; the anchor still withdraws."""
    pay_tips.tip(anchor, pay_usdt, 10**6, "", sender=tipper)
    with ape.reverts("ownable: caller is not the owner"):
        pay_tips.set_asset_listed(pay_usdt, False, sender=outsider)
    pay_tips.set_asset_listed(pay_usdt, False, sender=owner)
    config = pay_tips.asset_config(pay_usdt)
    assert not config.listed and config.platform_bps == 500
    with ape.reverts("anchor_tips: asset not listed"):
        pay_tips.tip(anchor, pay_usdt, 10**6, "", sender=tipper)
    assert pay_tips.withdraw(pay_usdt, sender=anchor).return_value > 0


def test_set_treasury__owner_only_not_zero(pay_tips, owner, outsider):
    """Only the owner names the treasury, never zero."""
    with ape.reverts("ownable: caller is not the owner"):
        pay_tips.set_treasury(outsider, sender=outsider)
    with ape.reverts("anchor_tips: zero treasury"):
        pay_tips.set_treasury(NATIVE, sender=owner)
    pay_tips.set_treasury(outsider, sender=owner)
    assert pay_tips.treasury() == outsider


def test_ownership__two_steps__no_renounce(pay_tips, owner, outsider):
    """Ownership moves only when accepted; renounce_ownership is not exported."""
    pay_tips.transfer_ownership(outsider, sender=owner)
    pay_tips.accept_ownership(sender=outsider)
    assert pay_tips.owner() == outsider
    assert not hasattr(pay_tips, "renounce_ownership")

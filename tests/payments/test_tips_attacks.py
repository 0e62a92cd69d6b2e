"""Attacks on AnchorTips, each performed and shown to fail."""

import ape

from fivefold.payments.model import platform_share
from tests.payments.conftest import NATIVE


def test_attack__fee_on_transfer_token__credited_exactly(pay_tips, pay_fot, anchor, tipper, owner):
    """A listed fee-on-transfer token delivers 1% less: the tip is booked at what arrived, so the
    contract never owes more than it holds."""
    pay_tips.set_asset_listed(pay_fot, True, sender=owner)
    pay_tips.set_platform_bps(pay_fot, 500, sender=owner)
    pay_fot.approve(pay_tips, 2**256 - 1, sender=tipper)
    tx = pay_tips.tip(anchor, pay_fot, 10**18, "", sender=tipper)
    arrived = 10**18 - 10**16
    assert tx.events.filter(pay_tips.Tipped)[0].amount == arrived
    owed = pay_tips.balance_of(anchor, pay_fot) + pay_tips.asset_config(pay_fot).platform_balance
    assert owed == arrived == pay_fot.balanceOf(pay_tips)


def test_attack__nested_tip_in_hook__counted_once(project, deployer, pay_tips, pay_attacker, anchor, owner):
    """A token with ERC-777-style hooks: the tipper's hook nests a second tip inside the measured
    transfer of the first. Both tips arrive once and are credited once (the outer credit is capped at
    its amount): the contract owes exactly what it holds."""
    hook = project.MockQuirkyToken.deploy(0, sender=deployer)
    pay_tips.set_asset_listed(hook, True, sender=owner)
    hook.mint(pay_attacker, 10**21, sender=deployer)
    pay_attacker.hook_into(hook, pay_tips, 2**256 - 1, sender=deployer)
    pay_attacker.arm(pay_tips, pay_tips.tip.encode_input(anchor, hook, 10**18, "nested"), sender=deployer)
    pay_attacker.execute(
        pay_tips, pay_tips.tip.encode_input(anchor, hook, 5 * 10**18, "outer"), 0, sender=deployer
    )
    assert pay_attacker.attempted() and pay_attacker.succeeded()
    assert hook.balanceOf(pay_tips) == 6 * 10**18
    assert pay_tips.balance_of(anchor, hook) == 6 * 10**18


def test_attack__reentrancy_via_native_withdraw__paid_once(pay_tips, pay_attacker, tipper, deployer):
    """An anchor contract reenters `withdraw` when the native coin arrives: the nested call is refused
    and the anchor is paid its balance once."""
    pay_tips.tip(pay_attacker, NATIVE, 10**16, "", value=10**16, sender=tipper)
    withdraw = pay_tips.withdraw.encode_input(NATIVE)
    pay_attacker.arm(pay_tips, withdraw, sender=deployer)
    before = ape.chain.provider.get_balance(pay_attacker.address)
    pay_attacker.execute(pay_tips, withdraw, 0, sender=deployer)
    assert pay_attacker.attempted() and not pay_attacker.succeeded()
    assert ape.chain.provider.get_balance(pay_attacker.address) - before == 10**16
    assert ape.chain.provider.get_balance(pay_tips.address) == 0


def test_attack__withdraw_someone_elses_balance__gets_nothing(pay_tips, pay_usdt, anchor, tipper, outsider):
    """An outsider's withdraw pays only its own balance (none); the anchor's stays whole."""
    pay_tips.tip(anchor, pay_usdt, 10**6, "", sender=tipper)
    owed = pay_tips.balance_of(anchor, pay_usdt)
    with ape.reverts("anchor_tips: nothing to withdraw"):
        pay_tips.withdraw(pay_usdt, sender=outsider)
    assert pay_tips.balance_of(anchor, pay_usdt) == owed == 10**6 - platform_share(10**6, 500)


def test_attack__claim_without_tipping__gets_nothing(
    pay_tips, pay_cc, anchor, tipper, outsider, treasury, owner
):
    """An account that never tipped CC earns nothing from a running stream."""
    pay_tips.fund(10**22, sender=treasury)
    pay_tips.set_reward_rate(10**16, sender=owner)
    pay_tips.tip(anchor, pay_cc, 10**20, "", sender=tipper)
    ape.chain.pending_timestamp += 3_600
    assert pay_tips.claim(sender=outsider).return_value == 0


def test_attack__token_moves_nothing__tip_refused(project, deployer, pay_tips, anchor, tipper, owner):
    """A listed token whose transfer of 1 wei moves nothing (a rebasing token at a huge index rounds
    the shares moved to 0) would log a tip that paid nothing: refused."""
    rebasing = project.MockQuirkyToken.deploy(0, sender=deployer)
    rebasing.mint(tipper, 10**21, sender=deployer)
    rebasing.rebase(10**30, sender=deployer)  # 1 wei is now 10**-12 of a share: it rounds to 0
    pay_tips.set_asset_listed(rebasing, True, sender=owner)
    rebasing.approve(pay_tips, 2**256 - 1, sender=tipper)
    with ape.reverts("anchor_tips: nothing arrived"):
        pay_tips.tip(anchor, rebasing, 1, "", sender=tipper)
    assert rebasing.balanceOf(pay_tips) == 0

"""AnchorTips.fund, set_reward_rate, earned and claim: the tippers' CC reward stream."""

import ape

from tests.payments.conftest import HOUR

RATE = 10**16  # 0.01 CC per second
BUDGET = 10**22


def test_claim__two_tippers__share_by_cc_tipped(
    pay_tips, pay_cc, anchor, tipper, second_tipper, treasury, owner
):
    """Rewards stream in proportion to CC tipped: a tipper of 3x the CC earns 3x (to rounding), after
    what it earned alone in the seconds between the two tips (read from the blocks, not assumed 0)."""
    pay_tips.fund(BUDGET, sender=treasury)
    pay_tips.set_reward_rate(RATE, sender=owner)
    first = pay_tips.tip(anchor, pay_cc, 3 * 10**20, "", sender=tipper)
    second_tip = pay_tips.tip(anchor, pay_cc, 10**20, "", sender=second_tipper)
    alone = RATE * (second_tip.timestamp - first.timestamp)
    ape.chain.pending_timestamp += HOUR
    before = pay_cc.balanceOf(tipper)
    receipt = pay_tips.claim(sender=tipper)
    paid = receipt.return_value
    assert pay_cc.balanceOf(tipper) - before == paid
    second = pay_tips.earned(second_tipper, block_id=receipt.block_number)
    assert second > 0 and abs(paid - alone - 3 * second) <= 3 * 10**6
    assert pay_tips.earned(tipper, block_id=receipt.block_number) == 0


def test_claim__no_budget__pays_nothing(pay_tips, pay_cc, anchor, tipper, owner):
    """Without funding nothing streams: the rate alone pays nothing."""
    pay_tips.set_reward_rate(RATE, sender=owner)
    pay_tips.tip(anchor, pay_cc, 10**20, "", sender=tipper)
    ape.chain.pending_timestamp += HOUR
    assert pay_tips.claim(sender=tipper).return_value == 0


def test_fund__zero_or_paused__reverts(pay_tips, treasury, owner):
    """Funding nothing is an error; the pause stops new funding."""
    with ape.reverts("anchor_tips: zero amount"):
        pay_tips.fund(0, sender=treasury)
    pay_tips.pause(sender=owner)
    with ape.reverts("pausable: new deposits and creations are paused"):
        pay_tips.fund(1, sender=treasury)


def test_set_reward_rate__registry_named__only_the_registry(pay_tips, owner, outsider, project, deployer):
    """Once the parameter registry is named, the owner no longer sets the rate or the shares."""
    registry = project.MockStablecoin.deploy(sender=deployer)  # any contract stands in for the registry
    pay_tips.set_parameter_registry(registry, sender=owner)
    with ape.reverts("tunable: caller is not the parameter registry"):
        pay_tips.set_reward_rate(RATE, sender=owner)
    with ape.reverts("tunable: caller is not the parameter registry"):
        pay_tips.set_platform_bps(registry, 1, sender=owner)

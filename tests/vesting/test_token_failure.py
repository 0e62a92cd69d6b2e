"""VestingVault against a token whose transfer returns False: the vault reverts, never records a payout."""

import ape

from fivefold.units import to_wei
from fivefold.vesting.model import PLANS

TOTAL = to_wei(1_000)


def test_release__token_returns_false__reverts(
    project, deployer, owner, treasury, beneficiary, stranger, chain
):
    token = project.VestingFalseToken.deploy(sender=deployer)
    vault = project.VestingVault.deploy(token.address, owner, sender=deployer)
    vault.set_treasury(treasury, sender=owner)
    token.set_balance(vault, TOTAL, sender=deployer)
    vault.add_plan(*PLANS["cc.public_whitelist"].encode_args(), sender=owner)
    start = chain.pending_timestamp - 1
    vault.create_schedules([(1, beneficiary.address, 0, TOTAL, start, True)], sender=owner)
    with ape.reverts("asset_transfer: transfer failed"):
        vault.release(1, sender=stranger)
    assert vault.schedule(1).released == 0

"""Gas measurements of the vesting vault (see fivefold/gas.py)."""

from fivefold.gas import Bench, operation
from fivefold.tokens.bench import capped_token
from fivefold.units import MONTH, to_wei
from fivefold.vesting.model import PLANS

BATCH = 7  # the CC table's vested rows


def _vault_with_token(b: Bench, supply: int):
    """A CappedToken whose whole supply sits in a fresh vault (treasury set)."""
    token = capped_token(b, "Cloud Chat", "CC", supply)
    vault = b.project.VestingVault.deploy(token.address, b.owner, sender=b.deployer)
    token.initialize_supply([vault.address], [supply], sender=b.owner)
    vault.set_treasury(b.treasury, sender=b.owner)
    return token, vault


@operation(
    "vesting.release",
    "second release (month 2 of cc.public: 20% at TGE + 4 x 20%) to a beneficiary that already holds the "
    "token",
    target=48_000,
)
def release(b: Bench):
    total = to_wei(200_000_000)
    _, vault = _vault_with_token(b, 2 * total)
    vault.add_plan(*PLANS["cc.public"].encode_args(), sender=b.owner)
    start = b.chain.pending_timestamp
    vault.create_schedules([(1, b.user(0).address, 0, total, start, False)], sender=b.owner)
    b.chain.pending_timestamp = start + MONTH
    vault.release(1, sender=b.user(1))
    b.chain.pending_timestamp = start + 2 * MONTH
    return vault.release(1, sender=b.user(1))


@operation(
    "vesting.create",
    f"create_schedules: a batch of {BATCH} new schedules (as many as the CC table has vested rows), one plan",
)
def create(b: Bench):
    total = to_wei(100_000_000)
    _, vault = _vault_with_token(b, BATCH * total)
    vault.add_plan(*PLANS["cc.seed"].encode_args(), sender=b.owner)
    start = b.chain.pending_timestamp
    batch = [(i + 1, b.user(i % 4).address, 0, total, start, True) for i in range(BATCH)]
    return vault.create_schedules(batch, sender=b.owner)

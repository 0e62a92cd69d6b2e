"""VestingVault views: vested_amount, releasable, schedule, plan, unallocated."""

import ape

from fivefold.units import MONTH, to_wei
from fivefold.vesting.model import PLANS, vested_amount

SEED_TOTAL = to_wei(1_000_000_000)  # the ready vault's revocable schedule (conftest)

TOTAL = to_wei(200_000_000)


def test_vested_amount__around_each_unlock__matches_the_mirror(vault, public_schedule, start):
    plan = PLANS["cc.public"]
    for t in [
        0,
        start - 1,
        start,
        start + 1,
        *[start + k * MONTH + d for k in range(1, 6) for d in (-1, 0)],
        2**64,
    ]:
        assert vault.vested_amount(public_schedule, t) == vested_amount(plan, TOTAL, start, t)


def test_releasable__after_partial_release__is_the_difference(vault, public_schedule, stranger, chain, start):
    chain.pending_timestamp = start
    vault.release(public_schedule, sender=stranger)
    chain.mine(timestamp=start + 2 * MONTH)
    assert vault.releasable(public_schedule) == 2 * TOTAL // 5


def test_schedule__unknown__reverts(vault, public_schedule):
    with ape.reverts("vesting_vault: unknown schedule"):
        vault.schedule(999)


def test_vested_amount__unknown__reverts(vault, public_schedule):
    with ape.reverts("vesting_vault: unknown schedule"):
        vault.vested_amount(999, 0)


def test_releasable__unknown__reverts(vault, public_schedule):
    with ape.reverts("vesting_vault: unknown schedule"):
        vault.releasable(999)


def test_plan__unknown__reverts(vault, public_schedule):
    with ape.reverts("vesting_vault: unknown plan"):
        vault.plan(vault.plan_count())


def test_unallocated__after_funding__is_balance_minus_committed(vault, vest_token, public_schedule):
    assert vault.unallocated() == vest_token.balanceOf(vault) - vault.committed() == TOTAL + SEED_TOTAL

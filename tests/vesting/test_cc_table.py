"""SPEC.md's CC vesting table and CPC team lock, walked month by month on one vault each.

Every release is checked to the wei against `fivefold.vesting` (the mirror), every
row must end with exactly its allocation, and the vault with nothing.
"""

import ape
import pytest

from fivefold.units import MONTH, YEAR, to_wei
from fivefold.vesting.model import (
    CC_ALLOCATIONS,
    CPC_TEAM_ALLOCATION,
    PLANS,
    SCHEDULE_IDS,
    ScheduleRequest,
    unlock_times,
    vested_amount,
)

CC_CAP = to_wei(10_000_000_000)
CPC_CAP = to_wei(1_000_000_000)
MONTHS = 60  # the developer team's last tranche unlocks at month 59


@pytest.fixture
def deploy_vault_with_supply(project, deployer, owner, treasury, holder):
    """Deploys a token whose initial distribution mints `vested` straight into a new vault."""

    def deploy(symbol, cap, vested):
        token = project.CappedToken.deploy(
            symbol, symbol, cap, owner, symbol, "1", ape.chain.chain_id, sender=owner
        )
        vault = project.VestingVault.deploy(token.address, owner, sender=deployer)
        vault.set_treasury(treasury, sender=owner)
        token.initialize_supply([vault.address, holder.address], [vested, cap - vested], sender=owner)
        return token, vault

    return deploy


@pytest.fixture
def row_beneficiaries(accounts):
    """One fresh account per CC row (they never send transactions)."""
    return {row: accounts.generate_test_account() for row in CC_ALLOCATIONS}


def test_cc_table__month_by_month__every_release_to_the_wei(
    deploy_vault_with_supply, row_beneficiaries, owner, stranger, chain
):
    token, vault = deploy_vault_with_supply("CC", CC_CAP, sum(CC_ALLOCATIONS.values()))
    start = (chain.pending_timestamp + MONTH) // 3600 * 3600  # the TGE
    rows = list(CC_ALLOCATIONS)
    plan_ids = {
        row: vault.add_plan(*PLANS[row].encode_args(), sender=owner).events[0].plan_id for row in rows
    }
    ids = {row: SCHEDULE_IDS[row] for row in rows}
    batch = [
        ScheduleRequest(ids[row], row_beneficiaries[row].address, plan_ids[row], CC_ALLOCATIONS[row], start)
        for row in rows
    ]
    vault.create_schedules(batch, sender=owner)
    assert vault.unallocated() == 0

    released = dict.fromkeys(rows, 0)
    releases = dict.fromkeys(rows, 0)
    unlocks = {row: set(unlock_times(PLANS[row], start)) for row in rows}
    for month in range(MONTHS + 1):
        t = start + month * MONTH
        chain.pending_timestamp = t
        for row in rows:
            plan, total = PLANS[row], CC_ALLOCATIONS[row]
            due = vested_amount(plan, total, start, t) - released[row]
            assert (due > 0) == (t in unlocks[row])
            if due == 0:
                continue
            if t in (unlock_times(plan, start)[0], unlock_times(plan, start)[-1]):
                # nothing unlocks a second early (checked at each row's first and last unlock) ...
                assert (
                    vault.vested_amount(ids[row], t - 1)
                    == vested_amount(plan, total, start, t - 1)
                    == released[row]
                )
            # ... and the release (mined at t + a few seconds, within the month) pays exactly the tranche
            receipt = vault.release(ids[row], sender=stranger)
            (event,) = receipt.events.filter(vault.Released)
            assert event.amount == due
            released[row] += event.amount
            releases[row] += 1
        if month == 5:
            # inside the seed cliff: the exact reason
            with ape.reverts("vesting_vault: nothing to release"):
                vault.release(ids["cc.seed"], sender=stranger)

    for row in rows:
        assert released[row] == CC_ALLOCATIONS[row]
        assert token.balanceOf(row_beneficiaries[row]) == CC_ALLOCATIONS[row]
        assert releases[row] == len(unlock_times(PLANS[row], start))
        schedule = vault.schedule(ids[row])
        assert schedule.released == schedule.total == CC_ALLOCATIONS[row]
    assert token.balanceOf(vault) == 0
    vault.reconcile(list(ids.values()), sender=stranger)
    assert vault.committed() == 0


def test_cc_table__seed_final_tranche__releases_4_5_percent_plus_the_last_1_percent(
    deploy_vault_with_supply, beneficiary, owner, stranger, chain
):
    total = CC_ALLOCATIONS["cc.seed"]
    token, vault = deploy_vault_with_supply("CC", CC_CAP, total)
    start = (chain.pending_timestamp + MONTH) // 3600 * 3600
    vault.add_plan(*PLANS["cc.seed"].encode_args(), sender=owner)
    vault.create_schedules([(1, beneficiary.address, 0, total, start, False)], sender=owner)
    chain.pending_timestamp = start + 35 * MONTH
    vault.release(1, sender=stranger)
    assert token.balanceOf(beneficiary) == total * 9_450 // 10_000  # 12 x 3.75% + 11 x 4.5%
    chain.pending_timestamp = start + 36 * MONTH
    receipt = vault.release(1, sender=stranger)
    assert receipt.events.filter(vault.Released)[0].amount == total * 550 // 10_000  # 4.5% + 1%
    assert token.balanceOf(beneficiary) == total


def test_cpc_team__yearly__nothing_in_year_one_then_25_percent_each_anniversary(
    deploy_vault_with_supply, beneficiary, owner, stranger, chain
):
    token, vault = deploy_vault_with_supply("CPC", CPC_CAP, CPC_TEAM_ALLOCATION)
    plan = PLANS["cpc.team"]
    start = (chain.pending_timestamp + MONTH) // 3600 * 3600
    vault.add_plan(*plan.encode_args(), sender=owner)
    vault.create_schedules([(1, beneficiary.address, 0, CPC_TEAM_ALLOCATION, start, False)], sender=owner)
    chain.pending_timestamp = start + YEAR - 1
    with ape.reverts("vesting_vault: nothing to release"):
        vault.release(1, sender=stranger)
    for year in range(1, 5):
        t = start + year * YEAR
        assert vault.vested_amount(1, t - 1) == (year - 1) * CPC_TEAM_ALLOCATION // 4
        chain.pending_timestamp = t
        receipt = vault.release(1, sender=stranger)
        assert receipt.events.filter(vault.Released)[0].amount == CPC_TEAM_ALLOCATION // 4
        assert (
            token.balanceOf(beneficiary)
            == vested_amount(plan, CPC_TEAM_ALLOCATION, start, t)
            == year * CPC_TEAM_ALLOCATION // 4
        )
    assert token.balanceOf(beneficiary) == CPC_TEAM_ALLOCATION
    assert token.balanceOf(vault) == 0

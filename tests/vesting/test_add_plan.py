"""VestingVault.add_plan: validation, ids, events, immutability."""

import ape
import pytest

from fivefold.units import DAY, MONTH, YEAR
from fivefold.vesting.model import PLANS, Plan

# Set the module's ready vault up first, so no test adds a module fixture later (an ape rebase).
pytestmark = pytest.mark.usefixtures("vault")


def test_add_plan__every_named_plan__round_trips(create_vault, vest_token, owner):
    vault = create_vault(vest_token, set_treasury=False)
    for i, plan in enumerate(PLANS.values()):
        receipt = vault.add_plan(*plan.encode_args(), sender=owner)
        (event,) = receipt.events.filter(vault.PlanAdded)
        assert event.plan_id == i
        assert (
            event.period,
            event.tge_bps,
            event.cliff_periods,
            event.phase1_count,
            event.phase1_bps,
            event.phase2_count,
            event.phase2_bps,
        ) == plan.encode_args()
        assert tuple(vault.plan(i)) == plan.encode_args()
    assert vault.plan_count() == len(PLANS)


def test_add_plan__bounds__accepted(vault, owner):
    first = vault.plan_count()
    vault.add_plan(DAY, 0, 255, 255, 1, 255, 1, sender=owner)
    vault.add_plan(4 * YEAR, 10_000, 0, 0, 0, 0, 0, sender=owner)
    assert tuple(vault.plan(first)) == (DAY, 0, 255, 255, 1, 255, 1)
    assert tuple(vault.plan(first + 1)) == (4 * YEAR, 10_000, 0, 0, 0, 0, 0)


def test_add_plan__non_owner__reverts(vault, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        vault.add_plan(*PLANS["cc.public"].encode_args(), sender=non_owner)


@pytest.mark.parametrize(
    "args, reason",
    [
        ((DAY - 1, 10_000, 0, 0, 0, 0, 0), "vesting_vault: period out of range"),
        ((4 * YEAR + 1, 10_000, 0, 0, 0, 0, 0), "vesting_vault: period out of range"),
        ((MONTH, 0, 256, 1, 100, 0, 0), "vesting_vault: cliff too long"),
        ((MONTH, 0, 0, 256, 1, 0, 0), "vesting_vault: too many tranches"),
        ((MONTH, 100, 0, 3, 0, 0, 0), "vesting_vault: phase 1 count and bps disagree"),
        ((MONTH, 0, 0, 1, 100, 2, 0), "vesting_vault: phase 2 count and bps disagree"),
        ((MONTH, 0, 0, 0, 0, 2, 100), "vesting_vault: phase 2 without phase 1"),
        ((MONTH, 10_000, 1, 0, 0, 0, 0), "vesting_vault: cliff without tranches"),
        ((MONTH, 0, 0, 1, 2**255, 0, 0), "vesting_vault: plan exceeds 100%"),
        ((MONTH, 0, 0, 12, 375, 12, 500), "vesting_vault: plan exceeds 100%"),
        ((MONTH, 0, 0, 0, 0, 0, 0), "vesting_vault: plan unlocks nothing"),
    ],
)
def test_add_plan__bad_parameters__reverts(vault, owner, args, reason):
    with ape.reverts(reason):
        vault.add_plan(*args, sender=owner)


def test_add_plan__mirror_validate__agrees_with_contract(vault, owner):
    with pytest.raises(ValueError):
        Plan(MONTH, 0, 0, 12, 375, 12, 500).validate()
    with pytest.raises(ValueError):
        Plan(MONTH).validate()
    Plan(MONTH, 0, 0, 12, 375, 12, 450).validate()

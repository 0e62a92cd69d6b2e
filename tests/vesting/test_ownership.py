"""VestingVault ownership (snekmate ownable, exported)."""

import ape


def test_transfer_ownership__owner__new_owner_adds_plans(vault, owner, non_owner):
    vault.transfer_ownership(non_owner, sender=owner)
    assert vault.owner() == non_owner.address
    vault.add_plan(86_400, 10_000, 0, 0, 0, 0, 0, sender=non_owner)
    with ape.reverts("ownable: caller is not the owner"):
        vault.add_plan(86_400, 10_000, 0, 0, 0, 0, 0, sender=owner)


def test_transfer_ownership__non_owner__reverts(vault, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        vault.transfer_ownership(non_owner, sender=non_owner)


def test_renounce_ownership__owner__schedules_keep_releasing(vault, public_schedule, owner, beneficiary, stranger, chain, start):
    vault.renounce_ownership(sender=owner)
    assert vault.owner() == "0x0000000000000000000000000000000000000000"
    chain.pending_timestamp = start
    vault.release(public_schedule, sender=stranger)
    assert vault.schedule(public_schedule).released > 0

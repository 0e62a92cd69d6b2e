"""The ownership handoff at the end of deployment, with two-step ownership: the deployer offers every
contract to the configured owner, the owner accepts, and check-roles reports what is still pending."""

import ape
import pytest
from eth_utils import function_signature_to_4byte_selector

from fivefold import deployment, units
from fivefold.context import Context


@pytest.fixture
def deployed_by(project, deployer):
    """Two suite contracts owned by the deployer, as after contract creation."""
    token = project.CappedToken.deploy(
        "CloudChat",
        "CC",
        units.to_wei(1_000),
        deployer,
        "CloudChat",
        "1",
        ape.chain.chain_id,
        sender=deployer,
    )
    token.close_initial_supply(sender=deployer)
    vault = project.VestingVault.deploy(token, deployer, sender=deployer)
    return {"CC": token, "CCVesting": vault}


def _context(project, chain, deployer, owner, contracts, local: bool) -> Context:
    config = {"owner": owner.address, "treasury": owner.address, "local": local}
    return Context(project=project, chain=chain, deployer=deployer, config=config, contracts=dict(contracts))


def test_handoff__live_owner__offered_and_reported_until_accepted(
    project, chain, deployer, owner, deployed_by
):
    """On a live chain the deployer only offers ownership: it stays owner, check-roles reports each
    transfer as awaiting the owner's `accept_ownership`, and nothing is left once the owner accepts."""
    ctx = _context(project, chain, deployer, owner, deployed_by, local=False)
    deployment.handoff(ctx)
    assert [s.name for s in ctx.steps] == ["CC.transfer_ownership", "CCVesting.transfer_ownership"]
    rows = deployment.open_roles(ctx, deployer.address)
    assert [(r.role, r.awaiting_owner) for r in rows] == [("CC.owner", True), ("CCVesting.owner", True)]
    selector = "0x" + function_signature_to_4byte_selector("accept_ownership()").hex()
    for row, contract in zip(rows, deployed_by.values(), strict=True):
        assert f"{owner.address} must call accept_ownership() ({selector}) on {contract.address}" in row.state
    for contract in deployed_by.values():
        assert contract.owner() == deployer.address
        contract.accept_ownership(sender=owner)
    assert deployment.open_roles(ctx, deployer.address) == []


def test_handoff__rerun_while_pending__sends_nothing(project, chain, deployer, owner, deployed_by):
    """A re-run before the owner accepted does not offer the contracts again."""
    ctx = _context(project, chain, deployer, owner, deployed_by, local=False)
    deployment.handoff(ctx)
    n_steps = len(ctx.steps)
    deployment.handoff(ctx)
    assert len(ctx.steps) == n_steps


def test_handoff__local_owner_is_a_test_account__accepted_by_the_flow(
    project, chain, deployer, owner, deployed_by
):
    """On a local chain whose owner is an unlocked test account, the flow accepts for it (recorded as
    a step), so the owner holds every contract and nothing is reported."""
    ctx = _context(project, chain, deployer, owner, deployed_by, local=True)
    deployment.handoff(ctx)
    assert [s.name for s in ctx.steps][-2:] == [
        "CC.accept_ownership (by the owner)",
        "CCVesting.accept_ownership (by the owner)",
    ]
    assert all(c.owner() == owner.address for c in deployed_by.values())
    assert deployment.open_roles(ctx, deployer.address) == []


def test_check_roles__transfer_offered_to_a_stranger__reported(
    project, chain, deployer, owner, stranger, deployed_by
):
    """A pending offer to anyone but the configured owner is reported, and not as awaiting the owner."""
    ctx = _context(project, chain, deployer, owner, deployed_by, local=False)
    deployed_by["CC"].transfer_ownership(stranger, sender=deployer)
    rows = {r.role: r for r in deployment.open_roles(ctx, deployer.address)}
    assert stranger.address in rows["CC.owner"].state and not rows["CC.owner"].awaiting_owner
    assert rows["CCVesting.owner"].state == f"held by the deployer {deployer.address}"


def test_handoff__lending_controller__offered_then_accepted(project, chain, deployer, owner):
    """The lending Controller moves in two steps like the other owned contracts: offered on a live
    chain (reported until the owner accepts), accepted by the flow on a local chain."""
    controller = project.Controller.deploy(deployer, sender=deployer)
    ctx = _context(project, chain, deployer, owner, {"LendingController": controller}, local=False)
    deployment.handoff(ctx)
    assert [s.name for s in ctx.steps] == ["LendingController.transfer_ownership"]
    assert (controller.owner(), controller.pending_owner()) == (deployer.address, owner.address)
    awaiting = [(r.role, r.awaiting_owner) for r in deployment.open_roles(ctx, deployer.address)]
    assert awaiting == [("LendingController.owner", True)]
    local = _context(project, chain, deployer, owner, {"LendingController": controller}, local=True)
    deployment.handoff(local)
    assert [s.name for s in local.steps] == ["LendingController.accept_ownership (by the owner)"]
    assert controller.owner() == owner.address
    assert deployment.open_roles(local, deployer.address) == []

"""fivefold.snapshots.flow: CONTRACTS, configure (sends nothing) and exercise on a local chain, twice
(a re-run anchors the next versions)."""

from fivefold import deployment
from fivefold.context import Context
from fivefold.session import exercise_users
from fivefold.snapshots import flow
from fivefold.snapshots.signing import Kind


def test_flow__deploy_configure_exercise__every_step_passes(project, chain, deployer, owner, treasury):
    """The registry deployed as `ape run deploy` does; the exercise's direct anchor, relayed anchor
    and replay check pass, and pass again on a second run."""
    config = {"owner": owner.address, "treasury": treasury.address, "local": True}
    ctx = Context(project=project, chain=chain, deployer=deployer, config=config, users=[])
    for d in flow.CONTRACTS:
        deployment.deploy_plain(ctx, d)
    flow.configure(ctx)
    assert ctx.steps == [] and flow.parameters(ctx) == []
    assert not hasattr(ctx["SnapshotRegistry"], "owner")  # nothing to hand over
    ctx.users = exercise_users("local", ctx.deployer)
    flow.exercise(ctx)
    flow.exercise(ctx)
    names = [s.name for s in ctx.steps]
    assert names.count("SnapshotRegistry.anchor_for (persistent, relayed: next version)") == 2
    assert not [s for s in ctx.steps if s.note.startswith("skipped")]
    assert ctx["SnapshotRegistry"].latest(ctx.users[0], Kind.PERSISTENT).version == 4


def test_flow__one_account__skipped(project, chain, deployer, owner, treasury):
    """With fewer than two exercise accounts there is no relayer: the exercise says so."""
    config = {"owner": owner.address, "treasury": treasury.address, "local": True}
    ctx = Context(project=project, chain=chain, deployer=deployer, config=config, users=[deployer])
    flow.exercise(ctx)
    assert [s.note for s in ctx.steps] == ["skipped: needs two exercise accounts"]

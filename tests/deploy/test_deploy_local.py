import pytest

from fivefold import deployment, manifest


def test_probe(project, chain, accounts, tmp_path, monkeypatch):
    ctx = deployment.make_context(project, chain, accounts[0], "local", users=list(accounts)[:8])
    monkeypatch.setattr(manifest, "DEPLOYMENTS_DIR", tmp_path)
    m = manifest.load(ctx.chain_id)
    planned = deployment.plan(ctx)
    deployment.preflight(ctx, planned, m)
    for p in planned:
        deployment.deploy_one(ctx, p, m)
    deployment.configure(ctx)
    deployment.handoff(ctx)
    print(ctx.steps)
    assert deployment.roles_held_by(ctx, accounts[0].address) == []

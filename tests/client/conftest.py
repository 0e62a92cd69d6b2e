"""The suite deployed the way `ape run deploy` does it (deploy/local.yaml), recorded in a manifest
in a temporary directory, and exported from there: what a dApp developer starts from."""

import pytest

from fivefold import abi, addressbook, deployment, manifest


@pytest.fixture(scope="package")
def deployed(project, chain, accounts, tmp_path_factory):
    """(ctx, manifest, export directory): deployed once for tests/client (ape's isolation reverts
    each test's transactions)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(manifest.ENV_DIR, str(tmp_path_factory.mktemp("deployments")))
        ctx = deployment.make_context(project, chain, accounts[0], "local", users=list(accounts)[:8])
        # Addresses of its own: a module that ran before on this worker (tests/cli) may have left the
        # suite at the default addresses, which would be adopted with no block or transaction.
        ctx.config["salt_namespace"] = "fivefold/test-client"
        m = manifest.load(ctx.chain_id)
        m.update({"chain_id": ctx.chain_id, "chain": ctx.config["chain"], "deployer": ctx.deployer.address})
        planned = deployment.plan(ctx)
        deployment.preflight(ctx, planned, m)
        for item in planned:
            deployment.deploy_one(ctx, item, m)
        deployment.configure(ctx)
        deployment.handoff(ctx)
        addressbook.record(ctx, m)
        out = tmp_path_factory.mktemp("abi")
        abi.export(project, manifest.load_all(), out)
        yield ctx, m, out


@pytest.fixture
def creator(accounts):
    """Creates red packets with the Python helper, as a dApp's back office might."""
    return accounts[5]


@pytest.fixture
def claimer(accounts):
    """Claims with the JavaScript client."""
    return accounts[4]

"""tests/forks runs only under `ape run forks`, which deploys to a local upstream first and runs
these tests on an ape-foundry fork of it; a plain `ape test` does not collect them."""

import os

import pytest

from fivefold import deployment, forks, manifest
from fivefold.session import exercise_users

if not os.environ.get(forks.ENV_FLAG):
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="session")
def upstream_url():
    return os.environ[forks.ENV_FLAG]


@pytest.fixture
def suite(project, chain, accounts):
    """The deployed suite, attached from the upstream's manifest, on the fork."""
    assert chain.provider.network.is_fork, "tests/forks must run on a *-fork network"
    deployer = accounts[0]
    ctx = deployment.make_context(project, chain, deployer, "local")
    ctx.users = exercise_users("local", deployer)
    deployment.attach(ctx, manifest.load(chain.chain_id))
    return ctx

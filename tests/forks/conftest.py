"""The suite deployed on a local upstream standing in for each live chain (fivefold/forks.py), used
on an ape-foundry fork of it; every test also checks that the upstream did not change."""

import pytest

from fivefold import deployment, forks, manifest
from fivefold.session import exercise_users


@pytest.fixture(scope="module", params=sorted(forks.FORK_CHAINS), ids=forks.FORK_CHAINS.get)
def upstream(request, tmp_path_factory):
    """The chain's stand-in with the suite deployed on it; its manifest in a temporary folder."""
    with forks.upstream(request.param, tmp_path_factory.mktemp("deployments")) as node:
        yield node


@pytest.fixture(scope="module")
def fork(upstream):
    """Ape on an ape-foundry fork of the upstream for the module's tests of this chain."""
    with forks.fork(upstream) as provider:
        yield provider


@pytest.fixture(autouse=True)
def upstream_untouched(upstream, fork):
    """Whatever a test sends goes to the fork: the upstream's head and state root stay as they were."""
    before = forks.fingerprint(upstream.url)
    yield
    after = forks.fingerprint(upstream.url)
    assert after == before, f"chain {upstream.chain_id}'s upstream changed during the test"


@pytest.fixture
def upstream_url(upstream):
    return upstream.url


@pytest.fixture
def suite(fork, project, chain, accounts):
    """The deployed suite, attached from the upstream's manifest, on the fork."""
    assert chain.provider.network.is_fork, "tests/forks must run on a *-fork network"
    deployer = accounts[0]
    ctx = deployment.make_context(project, chain, deployer, "local")
    ctx.users = exercise_users("local", deployer)
    deployment.attach(ctx, manifest.load(chain.chain_id))
    return ctx

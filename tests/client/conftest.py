"""The suite deployed the way `ape run deploy` does it (deploy/local.yaml), recorded in a manifest
in a temporary directory, and exported from there: what a dApp developer starts from."""

import uuid

import pytest

from fivefold import abi, manifest
from tests.tests_support import deploy_suite


@pytest.fixture(scope="package")
def deployed(project, chain, accounts, tmp_path_factory):
    """(ctx, manifest, export directory): deployed once for tests/client (ape's isolation reverts
    each test's transactions)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(manifest.ENV_DIR, str(tmp_path_factory.mktemp("deployments")))
        # Addresses of its own: a module that ran before on this worker (tests/cli) may have left the
        # suite at the default addresses, which would be adopted with no block or transaction; and
        # with files of other packages in between, pytest sets this package fixture up again on the
        # same chain, where the first setup's suite may still be: a fresh namespace every setup.
        namespace = f"fivefold/test-client/{uuid.uuid4().hex[:8]}"
        ctx, _, m = deploy_suite(project, chain, accounts, book=True, salt_namespace=namespace)
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

"""Shared fixtures: actors named by role, and factories that deploy the suite's contracts.

Every test runs in ape's per-test chain isolation; fixtures here are function-scoped
unless deploying them is expensive and they are never mutated by tests.
"""

import os

import ape
import pytest
from hypothesis import HealthCheck, settings

from fivefold import units

# Hypothesis budgets, sized to ~30 transactions/s on a local chain.
#   ci:   the default, keeps `make test` under its time budget
#   deep: long local runs (`HYPOTHESIS_PROFILE=deep make test`)
_common = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("ci", max_examples=25, stateful_step_count=20, **_common)
settings.register_profile("deep", max_examples=400, stateful_step_count=60, **_common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def deployer(accounts):
    return accounts[0]


@pytest.fixture(scope="session")
def owner(accounts):
    """Governance: owns every contract after deployment (a timelock in production)."""
    return accounts[1]


@pytest.fixture(scope="session")
def treasury(accounts):
    return accounts[2]


@pytest.fixture(scope="session")
def non_owner(accounts):
    return accounts[3]


@pytest.fixture(scope="session")
def beneficiary(accounts):
    return accounts[4]


@pytest.fixture(scope="session")
def holder(accounts):
    return accounts[5]


@pytest.fixture(scope="session")
def spender(accounts):
    return accounts[6]


@pytest.fixture(scope="session")
def stranger(accounts):
    return accounts[7]


@pytest.fixture
def create_token(project, owner):
    """Deploys a CappedToken; `create_token(symbol="CC", cap=...)`."""

    def create(name="Test Token", symbol="TST", cap=units.to_wei(1_000_000_000), token_owner=None):
        token_owner = token_owner or owner
        return project.CappedToken.deploy(name, symbol, cap, token_owner, name, "1", sender=token_owner)

    return create


@pytest.fixture
def token(create_token):
    return create_token()


@pytest.fixture
def minter_contract(project, owner):
    """A contract that can hold the minter role and mint on behalf of a test."""
    return project.MinterProbe.deploy(sender=owner)


@pytest.fixture(scope="session", autouse=True)
def _lean_ape():
    """Test-speed patches, for the test run only; revert reasons and results are unaffected.

    - No block explorer serves a local chain, but with ape-etherscan installed ape asks Etherscan
      about the failing contract on every revert: offline that costs time and, for a reverting
      deployment, a ConnectionError that hides the revert reason from `ape.reverts`.
    - ape-foundry renders the call tree and ape rebuilds a source traceback on every revert (about
      a second together), only for pytest's captured output.
    - The provider re-validates its pydantic settings (env and dotenv sources included) on every
      access, dozens of times per transaction, though they never change within a run.
    """
    import ape.exceptions as ape_exceptions
    from ape.exceptions import TransactionError
    from ape_ethereum.trace import Trace
    from ape_etherscan.explorer import Etherscan
    from ape_foundry.provider import FoundryProvider
    from ape_vyper.compiler.api import VyperCompiler

    cache: dict[int, object] = {}
    settings = FoundryProvider.settings

    def cached_settings(self):
        if id(self) not in cache:
            cache[id(self)] = settings.fget(self)
        return cache[id(self)]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Etherscan, "supports_chain", classmethod(lambda cls, chain_id: False))
        patch.setattr(Trace, "show", lambda self, *args, **kwargs: None)
        patch.setattr(TransactionError, "_get_ape_traceback", lambda self: None)
        patch.setattr(ape_exceptions, "_get_ape_traceback_from_tx", lambda txn: None)
        patch.setattr(FoundryProvider, "settings", property(cached_settings))
        # Deep reverts (market -> controller -> adapter -> feed) are re-traced several times to
        # point at the failing source line: seconds per `ape.reverts`, for nothing it checks.
        patch.setattr(TransactionError, "with_ape_traceback", lambda self: self)
        patch.setattr(VyperCompiler, "enrich_error", lambda self, err: err)
        yield

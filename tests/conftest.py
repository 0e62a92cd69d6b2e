"""Shared fixtures: actors named by role, and factories that deploy the suite's contracts.

Every test runs in ape's per-test chain isolation; fixtures here are function-scoped
unless deploying them is expensive and they are never mutated by tests.
"""

import os

import ape
import pytest
from hypothesis import HealthCheck, settings

from fivefold import ape_compat, units


def pytest_configure(config):
    """Ape's per-transaction round trips cut, explorer offline, no call trees on reverts
    (fivefold/ape_compat.py); another Ape version stops the run here with one line.

    With `-n` (pytest-xdist) this process only hands out tests: it compiles what changed before the
    workers start, so they load the compiled project instead of each compiling it at once."""
    try:
        ape_compat.for_tests()
    except ape_compat.ApeVersionError as exc:
        raise pytest.UsageError(str(exc)) from None
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        from ape import project

        project.load_contracts()


# Longest files first. With `-n 2 --dist loadfile` the workers take whole files in collection order;
# left in path order the gas check (alone ~45 s on a fresh anvil, ~160 s on a worker's anvil after a
# thousand tests) started last and the run ended on one busy worker for three minutes. Started first,
# the long files overlap the short ones (longest-processing-time-first scheduling).
LONGEST_FIRST = (
    "tests/test_gas.py",
    "tests/test_gas_crowds.py",
    "tests/assurance/test_mutate.py",
    "tests/deploy/",
    "tests/cli/test_smoke.py",
    "tests/client/",
    "tests/assurance/test_access_matrix.py",
    "tests/assurance/test_bench_lending.py",
)


# Packages whose files share a package-scoped deployment: with `--dist loadfile` they go to one worker
# as one unit (each file on its own was set up again, ~26 s a file, whenever another file ran between).
ONE_UNIT = ("tests/client/",)


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadfile`, but each package of ONE_UNIT is a single unit of work."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class FileOrPackage(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return next((p for p in ONE_UNIT if nodeid.startswith(p)), None) or super()._split_scope(nodeid)

    return FileOrPackage(config, log)


def pytest_collection_modifyitems(config, items):
    """Orders the collected tests: files named in LONGEST_FIRST first, in its order; the rest as
    collected (a stable sort, so tests inside a file keep their order)."""

    def rank(item) -> int:
        return next((i for i, p in enumerate(LONGEST_FIRST) if item.nodeid.startswith(p)), len(LONGEST_FIRST))

    items.sort(key=rank)


# Hypothesis budgets, sized to ~30 transactions/s on a local chain.
#   ci:   the default, keeps `make test` under its time budget
#   deep: `make fuzz` (every state machine, fivefold/assurance/fuzz.py): at least 20 times the
#         examples each state machine runs under ci. Each test scales the profile down by its own
#         cost, some with a floor (ceil(25 / 12) = 3 under ci): 720 = 20 x 3 x 12 keeps every one of
#         them at 20x or more (docs/assurance.md lists each test's figures). Sequences stay as long
#         as under ci, so the 20x goes into more of them; a run takes ~30x the ci time.
_common = dict(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
settings.register_profile("ci", max_examples=25, stateful_step_count=20, **_common)
settings.register_profile("deep", max_examples=720, stateful_step_count=20, **_common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

DEFAULT_CAP = units.to_wei(1_000_000_000)


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


@pytest.fixture(scope="session")
def named_accounts(deployer, owner, treasury, non_owner, beneficiary, holder, spender, stranger):
    """Every named account at once: a folder's `session_fixtures_first` takes them all before a
    module's first test (a session fixture first asked for mid-module makes ape rebase its
    snapshots: InvalidIsolationWarning)."""
    return (deployer, owner, treasury, non_owner, beneficiary, holder, spender, stranger)


@pytest.fixture
def create_token(project, owner):
    """Deploys a CappedToken; `create_token(symbol="CC", cap=...)`."""

    def create(name="Test Token", symbol="TST", cap=DEFAULT_CAP, token_owner=None):
        token_owner = token_owner or owner
        return project.CappedToken.deploy(
            name, symbol, cap, token_owner, name, "1", ape.chain.chain_id, sender=token_owner
        )

    return create


@pytest.fixture
def token(create_token):
    return create_token()


@pytest.fixture
def minter_contract(project, owner):
    """A contract that can hold the minter role and mint on behalf of a test."""
    return project.MinterProbe.deploy(sender=owner)

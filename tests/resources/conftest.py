"""Resource market fixtures: HPC (a CappedToken), an AuthenticatorRegistry with three members, the
ResourceMarket (quorum 2), and helpers that move time to a period and sign reports the way the
authenticator nodes do. Deployments are session-scoped; ape's isolation reverts each test."""

import pytest

from fivefold.resources import model

HPC = model.HPC
PERIOD = model.PERIOD
SUPPLY = 10**9 * HPC
BALANCE = 1_000_000 * HPC
BUDGET = 100_000 * HPC
PRICE = HPC  # 1 HPC per unit per period
CAPACITY = 100
QUORUM = 2


@pytest.fixture(scope="session")
def resources_provider(accounts):
    """Registers a storage offer."""
    return accounts[3]


@pytest.fixture(scope="session")
def resources_other_provider(accounts):
    return accounts[4]


@pytest.fixture(scope="session")
def resources_requester(accounts):
    """Orders storage for a period."""
    return accounts[5]


@pytest.fixture(scope="session")
def resources_other_requester(accounts):
    return accounts[6]


@pytest.fixture(scope="session")
def resources_authenticators(accounts):
    """Three authenticator nodes (members of the registry), sorted by address."""
    return sorted([accounts[7], accounts[8], accounts[9]], key=lambda a: int(a.address, 16))


@pytest.fixture(scope="session")
def resources_outsider(accounts):
    """Signs reports without being an authenticator."""
    return accounts[0]


@pytest.fixture(scope="session")
def resources_hpc(
    project,
    owner,
    resources_provider,
    resources_other_provider,
    resources_requester,
    resources_other_requester,
    chain,
):
    token = project.CappedToken.deploy("HPC", "HPC", SUPPLY, owner, "HPC", "1", chain.chain_id, sender=owner)
    holders = [
        owner,
        resources_provider,
        resources_other_provider,
        resources_requester,
        resources_other_requester,
    ]
    token.initialize_supply(holders, [BALANCE] * len(holders), sender=owner)
    return token


@pytest.fixture(scope="session")
def resources_registry(project, owner, resources_authenticators):
    registry = project.AuthenticatorRegistry.deploy(owner, sender=owner)
    for member in resources_authenticators:
        registry.add_member(member, sender=owner)
    return registry


@pytest.fixture(scope="session")
def resources_market(
    project,
    owner,
    resources_hpc,
    resources_registry,
    resources_provider,
    resources_other_provider,
    resources_requester,
    resources_other_requester,
):
    """The market, quorum 2, every actor's HPC approved, BUDGET funded by the owner."""
    market = project.ResourceMarket.deploy(
        resources_hpc, resources_registry, owner, "HPC Resource Market", "1", sender=owner
    )
    market.set_quorum(QUORUM, sender=owner)
    for account in (
        owner,
        resources_provider,
        resources_other_provider,
        resources_requester,
        resources_other_requester,
    ):
        resources_hpc.approve(market, 2**256 - 1, sender=account)
    market.fund(BUDGET, sender=owner)
    return market


@pytest.fixture
def resources_sign(resources_market, resources_authenticators):
    """sign(provider, period, served, signers=first QUORUM authenticators) -> sorted signatures."""

    def sign(provider, period, served=True, signers=None):
        signers = resources_authenticators[:QUORUM] if signers is None else signers
        return model.sign_report(
            resources_market,
            getattr(provider, "address", provider),
            period,
            served,
            [s.private_key for s in signers],
        )

    return sign


@pytest.fixture
def resources_goto(resources_market, chain):
    """goto(period, offset=0): the next block's timestamp is period's start + offset."""

    def goto(period, offset=0):
        chain.pending_timestamp = resources_market.genesis() + period * PERIOD + offset

    return goto


@pytest.fixture
def resources_ordered(resources_market, resources_provider, resources_requester, chain):
    """The provider registered 100 storage units at 1 HPC; the requester ordered `units` (default 10)
    of it for the next period. Returns (order_id, period)."""

    def ordered(units=10, capacity=CAPACITY):
        resources_market.register(0, capacity, PRICE, capacity * HPC, sender=resources_provider)
        period = resources_market.current_period() + 1
        receipt = resources_market.place_order(resources_provider, period, units, sender=resources_requester)
        return receipt.return_value, period

    return ordered


@pytest.fixture
def resources_served(resources_market, resources_ordered, resources_goto, resources_sign, resources_provider):
    """served(units=10, sender=provider): the provider's order of `units` for the next period, reported
    served (the first QUORUM authenticators sign) once the period ended. Returns (order_id, period)."""

    def served(units=10, sender=None):
        order_id, period = resources_ordered(units=units)
        resources_goto(period + 1)
        signatures = resources_sign(resources_provider, period)
        resources_market.prove(
            resources_provider, period, True, signatures, sender=sender or resources_provider
        )
        return order_id, period

    return served


@pytest.fixture(scope="module", autouse=True)
def session_fixtures_first(
    resources_provider,
    resources_other_provider,
    resources_requester,
    resources_other_requester,
    resources_authenticators,
    resources_outsider,
    resources_hpc,
    resources_registry,
    resources_market,
    named_accounts,
):
    """Every session fixture of this folder taken before a module's first test, so a test that first
    asks for one later does not make ape rebase its snapshots (InvalidIsolationWarning)."""

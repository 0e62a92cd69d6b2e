"""Emission fixtures: tokens, emitters and the maintenance contract, deployed as in production.

Deployments are module-scoped (ape reverts every test to the state they leave), because a
transaction costs ~0.1 s on the local node and this domain's budget is 2.5 minutes.

Time: every test sets the next block's timestamp explicitly (`at(t)` before a transaction,
`chain.mine(timestamp=t)` before a view at "now"), always relative to the chain's own clock.
"""

import ape
import pytest

from fivefold.emission import model as emission
from fivefold.units import WAD

CPC_SUPPLY = 1_000_000_000 * WAD


@pytest.fixture(scope="session")
def at(chain):
    """`at(t)`: the next transaction is mined at timestamp t."""

    def set_next(t: int):
        chain.pending_timestamp = t

    return set_next


@pytest.fixture(scope="module")
def create_emitter(project, deployer, owner):
    """`create_emitter(emission.HPC)` -> (token, emitter): the emitter is the token's only minter, not
    started."""

    def create(halving=emission.HPC):
        name = halving.symbol
        token = project.CappedToken.deploy(
            name, name, halving.cap, owner, name, "1", ape.chain.chain_id, sender=owner
        )
        emitter = project.HalvingEmitter.deploy(*halving.args(token, owner), sender=deployer)
        token.set_minter(emitter, True, sender=owner)
        return token, emitter

    return create


@pytest.fixture(scope="module")
def start_emitter(chain, owner, treasury):
    """`start_emitter(emitter, delay=100)` starts at now + delay with the treasury as recipient;
    returns T0."""

    def start(emitter, delay=100, recipient=None):
        t0 = chain.pending_timestamp + delay
        emitter.start(t0, recipient or treasury, sender=owner)
        return t0

    return start


@pytest.fixture(scope="module")
def hpc(create_emitter):
    """(token, emitter) for HPC, not started."""
    return create_emitter(emission.HPC)


@pytest.fixture(scope="module")
def started_hpc(create_emitter, start_emitter):
    """(token, emitter, T0) for HPC, started with the treasury as recipient."""
    token, emitter = create_emitter(emission.HPC)
    return token, emitter, start_emitter(emitter)


@pytest.fixture(scope="module")
def started_carty(create_emitter, start_emitter):
    """(token, emitter, T0) for CARTY, started with the treasury as recipient."""
    token, emitter = create_emitter(emission.CARTY)
    return token, emitter, start_emitter(emitter)


@pytest.fixture(scope="module")
def cpc(project, owner, treasury):
    """CPC with its whole supply minted once to the treasury (the DAO's 40% lives there)."""
    token = project.CappedToken.deploy(
        "CPChain", "CPC", CPC_SUPPLY, owner, "CPChain", "1", ape.chain.chain_id, sender=owner
    )
    token.initialize_supply([treasury], [CPC_SUPPLY], sender=owner)
    return token


@pytest.fixture(scope="module")
def fund(cpc, treasury):
    """`fund(contract, amount=MAINTENANCE_TOTAL)`: the treasury's transfer from the governance allocation."""

    def transfer(contract, amount=emission.MAINTENANCE_TOTAL):
        cpc.transfer(contract, amount, sender=treasury)

    return transfer


@pytest.fixture(scope="module")
def maintenance(project, cpc, deployer, owner):
    """MaintenanceRewards for CPC, not started, not funded."""
    return project.MaintenanceRewards.deploy(cpc, owner, sender=deployer)


@pytest.fixture(scope="module")
def started_maintenance(project, cpc, fund, chain, deployer, owner, beneficiary):
    """(contract, T0): funded with exactly the schedule's total and started; the recipient is
    `beneficiary`, standing for the committee reward distributor."""
    contract = project.MaintenanceRewards.deploy(cpc, owner, sender=deployer)
    fund(contract)
    t0 = chain.pending_timestamp + 100
    contract.start(t0, beneficiary, sender=owner)
    return contract, t0


@pytest.fixture(scope="module", autouse=True)
def session_fixtures_first(
    at,
    named_accounts,
):
    """Every session fixture of this folder taken before a module's first test, so a test that first
    asks for one later does not make ape rebase its snapshots (InvalidIsolationWarning)."""

"""Emission fixtures: tokens, emitters and the maintenance contract, deployed as in production.

Time: every test sets the next block's timestamp explicitly (`at(t)` before a transaction,
`chain.mine(timestamp=t)` before a view at "now"), always relative to the chain's own clock.
"""

import pytest

from fivefold import emission


@pytest.fixture
def at(chain):
    """`at(t)`: the next transaction is mined at timestamp t."""

    def set_next(t: int):
        chain.pending_timestamp = t

    return set_next


@pytest.fixture
def create_emitter(project, create_token, deployer, owner):
    """`create_emitter(emission.HPC)` -> (token, emitter): the emitter is the token's minter, not started."""

    def create(halving=emission.HPC):
        token = create_token(name=halving.symbol, symbol=halving.symbol, cap=halving.cap)
        emitter = project.HalvingEmitter.deploy(*halving.args(token, owner), sender=deployer)
        token.set_minter(emitter, True, sender=owner)
        return token, emitter

    return create


@pytest.fixture
def hpc(create_emitter):
    """(token, emitter) for HPC, not started."""
    return create_emitter(emission.HPC)


@pytest.fixture
def start_emitter(chain, owner, treasury):
    """`start_emitter(emitter, delay=100)` starts at now + delay with the treasury as recipient; returns T0."""

    def start(emitter, delay=100, recipient=None):
        t0 = chain.pending_timestamp + delay
        emitter.start(t0, recipient or treasury, sender=owner)
        return t0

    return start


@pytest.fixture
def started_hpc(hpc, start_emitter):
    """(token, emitter, T0) for HPC, started with the treasury as recipient."""
    token, emitter = hpc
    return token, emitter, start_emitter(emitter)


@pytest.fixture
def cpc(create_token, owner, treasury):
    """CPC with its whole supply minted once to the treasury (the DAO's 40% lives there)."""
    token = create_token(name="CPChain", symbol="CPC", cap=1_000_000_000 * 10**18)
    token.initialize_supply([treasury], [1_000_000_000 * 10**18], sender=owner)
    return token


@pytest.fixture
def maintenance(project, cpc, deployer, owner):
    """MaintenanceRewards for CPC, not started, not funded."""
    return project.MaintenanceRewards.deploy(cpc, owner, sender=deployer)


@pytest.fixture
def fund(cpc, treasury):
    """`fund(contract, amount=MAINTENANCE_TOTAL)`: the treasury's transfer from the governance allocation."""

    def transfer(contract, amount=emission.MAINTENANCE_TOTAL):
        cpc.transfer(contract, amount, sender=treasury)

    return transfer


@pytest.fixture
def started_maintenance(maintenance, fund, chain, owner, beneficiary):
    """(contract, T0): funded with exactly the schedule's total, started; the recipient is `beneficiary`,
    standing for the committee reward distributor."""
    fund(maintenance)
    t0 = chain.pending_timestamp + 100
    maintenance.start(t0, beneficiary, sender=owner)
    return maintenance, t0

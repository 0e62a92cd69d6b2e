"""Gas of the emission domain's hot paths: the daily mint of a halving emitter, the maintenance release."""

from fivefold.emission import model as emission
from fivefold.gas import Bench, operation
from fivefold.units import DAY, WAD

CPC_SUPPLY = 1_000_000_000 * WAD


def started_emitter(b: Bench, halving: emission.Halving = emission.HPC):
    """Token + emitter as deployed (the emitter its only minter), started with the treasury as recipient."""
    p, owner = b.project, b.owner
    token = p.CappedToken.deploy(
        halving.symbol, halving.symbol, halving.cap, owner, halving.symbol, "1", sender=owner
    )
    emitter = p.HalvingEmitter.deploy(*halving.args(token, owner), sender=b.deployer)
    token.set_minter(emitter, True, sender=owner)
    t0 = b.chain.pending_timestamp + 100
    emitter.start(t0, b.treasury, sender=owner)
    return token, emitter, t0


def started_maintenance(b: Bench):
    """CPC minted once to the treasury, the schedule funded with exactly its total, started."""
    p, owner, treasury = b.project, b.owner, b.treasury
    cpc = p.CappedToken.deploy("CPChain", "CPC", CPC_SUPPLY, owner, "CPChain", "1", sender=owner)
    cpc.initialize_supply([treasury], [CPC_SUPPLY], sender=owner)
    contract = p.MaintenanceRewards.deploy(cpc, owner, sender=b.deployer)
    cpc.transfer(contract, emission.MAINTENANCE_TOTAL, sender=treasury)
    t0 = b.chain.pending_timestamp + 100
    contract.start(t0, treasury, sender=owner)
    return cpc, contract, t0


# The issue names no target for the emission keys: each target is this domain's own ceiling, a
# little above the measured figure, so a regression fails `ape run gas --check` before it grows.
@operation(
    "emission.mint",
    "HPC emitter's mint one day after the previous mint (era 0), recipient already holds HPC",
    target=48_000,
)
def mint(b: Bench):
    _, emitter, t0 = started_emitter(b)
    b.chain.pending_timestamp = t0 + DAY
    emitter.mint(sender=b.user(0))
    b.chain.pending_timestamp = t0 + 2 * DAY
    return emitter.mint(sender=b.user(0))


@operation(
    "maintenance.release",
    "CPC maintenance release one day after the previous release (year 1), recipient already holds CPC",
    target=47_000,
)
def release(b: Bench):
    _, contract, t0 = started_maintenance(b)
    b.chain.pending_timestamp = t0 + DAY
    contract.release(sender=b.user(0))
    b.chain.pending_timestamp = t0 + 2 * DAY
    return contract.release(sender=b.user(0))

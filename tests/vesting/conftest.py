"""Vesting fixtures: a CC-like token, a ready vault with two schedules, and factories.

Deployments are module-scoped: ape snapshots each fixture scope and reverts every
test to it, so each test starts from the same state without redeploying.
"""

import ape
import pytest

from fivefold.units import MONTH, to_wei
from fivefold.vesting.model import PLANS

SUPPLY = to_wei(10_000_000_000)
PLAN_IDS = {name: i for i, name in enumerate(PLANS)}  # the ready vault adds PLANS in order
PUBLIC_TOTAL = to_wei(200_000_000)
SEED_TOTAL = to_wei(1_000_000_000)
PUBLIC_ID = 1
SEED_ID = 2


@pytest.fixture(scope="module")
def vest_token(project, owner, holder):
    """The vested token (CC's cap), its whole supply held by `holder`."""
    token = project.CappedToken.deploy(
        "CloudChat", "CC", SUPPLY, owner, "CloudChat", "1", ape.chain.chain_id, sender=owner
    )
    token.initialize_supply([holder.address], [SUPPLY], sender=owner)
    return token


@pytest.fixture(scope="module")
def start(chain):
    """The TGE of the ready vault's schedules: a month from now, on a whole hour."""
    return (chain.pending_timestamp + MONTH) // 3600 * 3600


@pytest.fixture
def create_vault(project, deployer, owner, treasury):
    """Deploys an empty VestingVault for `token` (deployed by `deployer`, owned by `owner`)."""

    def create(token, set_treasury=True):
        vault = project.VestingVault.deploy(token.address, owner, sender=deployer)
        if set_treasury:
            vault.set_treasury(treasury, sender=owner)
        return vault

    return create


@pytest.fixture(scope="module")
def vault(project, deployer, owner, treasury, holder, beneficiary, vest_token, start):
    """A ready vault: treasury set, every plan of PLANS added (ids in order), funded by a
    transfer of twice what it promises, with two schedules for `beneficiary` from `start`:
    PUBLIC_ID (200,000,000 on cc.public, irrevocable) and SEED_ID (1,000,000,000 on
    cc.seed, revocable)."""
    vault = project.VestingVault.deploy(vest_token.address, owner, sender=deployer)
    vault.set_treasury(treasury, sender=owner)
    for plan in PLANS.values():
        vault.add_plan(*plan.encode_args(), sender=owner)
    vest_token.transfer(vault, 2 * (PUBLIC_TOTAL + SEED_TOTAL), sender=holder)
    batch = [
        (PUBLIC_ID, beneficiary.address, PLAN_IDS["cc.public"], PUBLIC_TOTAL, start, False),
        (SEED_ID, beneficiary.address, PLAN_IDS["cc.seed"], SEED_TOTAL, start, True),
    ]
    vault.create_schedules(batch, sender=owner)
    return vault


@pytest.fixture
def public_schedule(vault):
    """200,000,000 tokens on cc.public (20% at TGE + 4 x 20%), irrevocable."""
    return PUBLIC_ID


@pytest.fixture
def revocable_schedule(vault):
    """1,000,000,000 tokens on cc.seed (12-month cliff, 3.75% / 4.5% tranches), revocable."""
    return SEED_ID

"""Vesting fixtures: a CC-like token, vault factories, and plan and schedule helpers."""

import pytest

from fivefold.units import MONTH, to_wei
from fivefold.vesting import PLANS

SUPPLY = to_wei(10_000_000_000)


@pytest.fixture(scope="module")
def vest_token(project, owner, holder):
    """The vested token (CC's cap), its whole supply held by `holder`.

    Module-scoped (ape snapshots each scope), so each test starts from it without redeploying.
    """
    token = project.CappedToken.deploy("CloudChat", "CC", SUPPLY, owner, "CloudChat", "1", sender=owner)
    token.initialize_supply([holder.address], [SUPPLY], sender=owner)
    return token


@pytest.fixture
def create_vault(project, deployer, owner, treasury):
    """Deploys a VestingVault for `token` (deployed by `deployer`, owned by `owner`)."""

    def create(token, set_treasury=True):
        vault = project.VestingVault.deploy(token.address, owner, sender=deployer)
        if set_treasury:
            vault.set_treasury(treasury, sender=owner)
        return vault

    return create


@pytest.fixture(scope="module")
def vault(project, deployer, owner, treasury, vest_token):
    """An unfunded vault for `vest_token`, treasury set (module-scoped, see `vest_token`)."""
    vault = project.VestingVault.deploy(vest_token.address, owner, sender=deployer)
    vault.set_treasury(treasury, sender=owner)
    return vault


@pytest.fixture
def fund_vault(vest_token, holder):
    """Funds a vault the plain way: `holder` transfers `amount` in."""

    def fund(vault, amount):
        vest_token.transfer(vault, amount, sender=holder)

    return fund


@pytest.fixture
def add_plan(owner):
    """Adds a `fivefold.vesting.Plan` (or a PLANS key) to a vault; returns its id."""

    def add(vault, plan):
        plan = PLANS[plan] if isinstance(plan, str) else plan
        receipt = vault.add_plan(*plan.encode_args(), sender=owner)
        return receipt.events.filter(vault.PlanAdded)[0].plan_id

    return add


@pytest.fixture
def start(chain):
    """A TGE a month from now, on a whole hour."""
    return (chain.pending_timestamp + MONTH) // 3600 * 3600


@pytest.fixture
def public_schedule(vault, fund_vault, add_plan, owner, beneficiary, start):
    """Schedule 1: 200,000,000 tokens on cc.public (20% at TGE + 4 x 20%), irrevocable."""
    total = to_wei(200_000_000)
    fund_vault(vault, 2 * total)
    plan_id = add_plan(vault, "cc.public")
    vault.create_schedules([(1, beneficiary.address, plan_id, total, start, False)], sender=owner)
    return 1


@pytest.fixture
def revocable_schedule(vault, fund_vault, add_plan, owner, beneficiary, start):
    """Schedule 2: 1,000,000,000 tokens on cc.seed (12-month cliff), revocable."""
    total = to_wei(1_000_000_000)
    fund_vault(vault, 2 * total)
    plan_id = add_plan(vault, "cc.seed")
    vault.create_schedules([(2, beneficiary.address, plan_id, total, start, True)], sender=owner)
    return 2

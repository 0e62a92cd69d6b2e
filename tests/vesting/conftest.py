"""Vesting fixtures: a CC-like token, vault factories, and plan and schedule helpers."""

import pytest

from fivefold.units import MONTH, to_wei
from fivefold.vesting import PLANS

SUPPLY = to_wei(10_000_000_000)


@pytest.fixture
def vest_token(create_token):
    """The vested token (CC's cap); its supply is minted by `fund_vault`."""
    return create_token(name="CloudChat", symbol="CC", cap=SUPPLY)


@pytest.fixture
def create_vault(project, deployer, owner, treasury):
    """Deploys a VestingVault for `token` (deployed by `deployer`, owned by `owner`)."""

    def create(token, set_treasury=True):
        vault = project.VestingVault.deploy(token.address, owner, sender=deployer)
        if set_treasury:
            vault.set_treasury(treasury, sender=owner)
        return vault

    return create


@pytest.fixture
def vault(create_vault, vest_token):
    return create_vault(vest_token)


@pytest.fixture
def fund_vault(vest_token, owner, holder):
    """Mints `amount` into the vault (and the rest of the cap to `holder`), once per token."""

    def fund(vault, amount):
        recipients, amounts = [vault.address], [amount]
        if amount < SUPPLY:
            recipients.append(holder.address)
            amounts.append(SUPPLY - amount)
        vest_token.initialize_supply(recipients, amounts, sender=owner)

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

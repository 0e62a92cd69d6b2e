"""VestingVault constructor."""

import ape

ZERO = "0x0000000000000000000000000000000000000000"


def test_constructor__valid__sets_token_owner_and_nothing_else(create_vault, vest_token, owner):
    vault = create_vault(vest_token, set_treasury=False)
    assert vault.token() == vest_token.address
    assert vault.owner() == owner.address
    assert vault.plan_count() == 0
    assert vault.committed() == 0
    assert vault.unallocated() == 0


def test_constructor__deployer_is_not_owner__owner_is_the_argument(project, vest_token, deployer, owner):
    vault = project.VestingVault.deploy(vest_token.address, owner, sender=deployer)
    assert vault.owner() == owner.address
    assert vault.treasury() == ZERO


def test_constructor__zero_token__reverts(project, deployer, owner):
    with ape.reverts("vesting_vault: zero token"):
        project.VestingVault.deploy(ZERO, owner, sender=deployer)


def test_constructor__zero_owner__reverts(project, vest_token, deployer):
    with ape.reverts("vesting_vault: zero owner"):
        project.VestingVault.deploy(vest_token.address, ZERO, sender=deployer)

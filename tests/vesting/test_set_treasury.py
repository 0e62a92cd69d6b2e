"""VestingVault.set_treasury."""

import ape
import pytest

# Set the module's ready vault up first, so no test adds a module fixture later (an ape rebase).
pytestmark = pytest.mark.usefixtures("vault")

ZERO = "0x0000000000000000000000000000000000000000"


def test_set_treasury__owner__sets_and_logs(create_vault, vest_token, owner, treasury, stranger):
    vault = create_vault(vest_token, set_treasury=False)
    receipt = vault.set_treasury(treasury, sender=owner)
    assert vault.treasury() == treasury.address
    (event,) = receipt.events.filter(vault.TreasuryChanged)
    assert event.previous_treasury == ZERO and event.new_treasury == treasury.address
    receipt = vault.set_treasury(stranger, sender=owner)
    (event,) = receipt.events.filter(vault.TreasuryChanged)
    assert event.previous_treasury == treasury.address and event.new_treasury == stranger.address
    assert vault.treasury() == stranger.address


def test_set_treasury__non_owner__reverts(vault, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        vault.set_treasury(non_owner, sender=non_owner)


def test_set_treasury__zero_address__reverts(vault, owner):
    with ape.reverts("vesting_vault: zero treasury"):
        vault.set_treasury(ZERO, sender=owner)

"""VaultFactory: a minimal proxy per vault, initialised with its creator in the same transaction, at
most a quarter of deploying a full MTokenVault; the implementation is locked."""

import ape

from tests.nft.vault.conftest import create_vault


def test_create_vault__any_caller__clone_initialized_with_caller(
    project, factory, implementation, vault_creator
):
    """The clone's vault_creator is the caller, the factory knows it, and it delegates to the implementation
    (EIP-1167 code naming the implementation)."""
    tx = factory.create_vault(sender=vault_creator)
    event = tx.decode_logs(factory.VaultCreated)[0]
    vault = project.MTokenVault.at(event.vault)
    assert event.creator == vault_creator.address
    assert vault.creator() == vault_creator.address
    assert factory.is_vault(vault)
    assert not vault.issued()
    code = bytes(ape.chain.provider.get_code(vault.address))
    assert len(code) == 45 and bytes.fromhex(implementation.address[2:]) in code


def test_initialize__clone_already_initialized__reverts(project, factory, vault_creator, stranger):
    """Nobody re-initialises a clone to take it over."""
    vault = create_vault(project, factory, vault_creator)
    with ape.reverts("m_token_vault: already initialized"):
        vault.initialize(stranger, sender=stranger)


def test_initialize__implementation__locked(implementation, stranger):
    """The implementation is its own vault_creator: it can never be initialised."""
    assert implementation.creator() == implementation.address
    with ape.reverts("m_token_vault: already initialized"):
        implementation.initialize(stranger, sender=stranger)


def test_create_vault__gas__at_most_a_quarter_of_a_full_vault(project, factory, deployer, vault_creator):
    """Creating a vault costs at most a quarter of deploying a full MTokenVault."""
    created = factory.create_vault(sender=vault_creator).gas_used
    full = project.MTokenVault.deploy(sender=deployer).txn_hash
    full_gas = ape.chain.provider.get_receipt(full).gas_used
    assert created * 4 <= full_gas, (created, full_gas)


def test_constructor__implementation_not_locked__reverts(project, factory, deployer, vault_creator):
    """A clone (its creator is not itself) is refused as an implementation."""
    clone = create_vault(project, factory, vault_creator)
    with ape.reverts("vault_factory: implementation not locked"):
        project.VaultFactory.deploy(clone, sender=deployer)


def test_constructor__implementation_not_a_contract__reverts(project, deployer, stranger):
    """An account is refused as an implementation."""
    with ape.reverts("vault_factory: implementation is not a contract"):
        project.VaultFactory.deploy(stranger, sender=deployer)

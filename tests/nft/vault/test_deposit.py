"""Deposits through the receiver hooks (ERC-721, ERC-1155 single and batch), ERC-165, and `remove`
before issue; a creator who never issues takes everything back."""

import ape

from tests.nft.vault.conftest import LOT_AMOUNT, MULTI_ID, create_vault, issue


def test_onERC721Received__creator_safe_transfer__lot_recorded(vault, collection):
    """Each ERC-721 token is a lot (amount 0) in the order of arrival."""
    assert vault.lot_count() == 3 and vault.unsold() == 3
    lot = vault.lot(0)
    assert (lot.token, lot.token_id, lot.amount, lot.phase) == (collection.address, 1, 0, 1)
    assert collection.ownerOf(1) == vault.address


def test_onERC1155Received__creator__lot_is_token_id_and_amount(vault, multi):
    """An ERC-1155 transfer is one lot of (token, id, amount)."""
    lot = vault.lot(2)
    assert (lot.token, lot.token_id, lot.amount) == (multi.address, MULTI_ID, LOT_AMOUNT)
    assert multi.balanceOf(vault, MULTI_ID) == LOT_AMOUNT


def test_onERC1155BatchReceived__creator__one_lot_per_id(project, factory, multi, vault_creator, deployer):
    """A batch of two ids makes two lots."""
    multi.mint(vault_creator, 8, 3, sender=deployer)
    contract = create_vault(project, factory, vault_creator)
    multi.safeBatchTransferFrom(vault_creator, contract, [MULTI_ID, 8], [2, 3], b"", sender=vault_creator)
    assert contract.lot_count() == 2
    assert (contract.lot(0).token_id, contract.lot(0).amount) == (MULTI_ID, 2)
    assert (contract.lot(1).token_id, contract.lot(1).amount) == (8, 3)


def test_onERC1155BatchReceived__length_mismatch__reverts(vault, vault_creator):
    """Ids and amounts must pair up."""
    with ape.reverts("m_token_vault: length mismatch"):
        vault.onERC1155BatchReceived(vault_creator, vault_creator, [1, 2], [1], b"", sender=vault_creator)


def test_onERC721Received__stranger__reverts(project, factory, collection, vault_creator, stranger, deployer):
    """Only the creator deposits: a stranger's NFT bounces."""
    contract = create_vault(project, factory, vault_creator)
    collection.mint(stranger, 9, sender=deployer)
    with ape.reverts("m_token_vault: only the creator deposits"):
        collection.safeTransferFrom(stranger, contract, 9, b"", sender=stranger)


def test_onERC721Received__after_issue__reverts(issued, collection, vault_creator):
    """Lots are fixed at issue."""
    with ape.reverts("m_token_vault: already issued"):
        collection.safeTransferFrom(vault_creator, issued, 6, b"", sender=vault_creator)


def test_onERC1155Received__amount_too_large__reverts(vault, vault_creator):
    """A lot's amount fits 88 bits."""
    with ape.reverts("m_token_vault: lot amount too large"):
        vault.onERC1155Received(vault_creator, vault_creator, 1, 2**88, b"", sender=vault_creator)


def test_onERC1155Received__zero_amount__reverts(vault, multi, vault_creator):
    """An empty ERC-1155 lot is refused (amount 0 means an ERC-721 token), single or in a batch."""
    with ape.reverts("m_token_vault: empty lot"):
        multi.safeTransferFrom(vault_creator, vault, MULTI_ID, 0, b"", sender=vault_creator)
    with ape.reverts("m_token_vault: empty lot"):
        multi.safeBatchTransferFrom(vault_creator, vault, [MULTI_ID], [0], b"", sender=vault_creator)


def test_onERC721Received__account_as_token__reverts(vault, vault_creator):
    """A hook called by an account (no code) would record a lot whose transfers do nothing."""
    with ape.reverts("m_token_vault: token is not a contract"):
        vault.onERC721Received(vault_creator, vault_creator, 1, b"", sender=vault_creator)


def test_remove__forged_lot__creator_removes_it_unless_its_token_reverts(project, factory, vault_creator):
    """A contract can call the hook naming the creator (the documented threat): the lot's token is
    that contract, the creator sees it before issue and removes it; a forged token whose transfer
    reverts cannot be removed, and the creator simply does not issue over it."""
    contract = create_vault(project, factory, vault_creator)
    forger = project.VaultAttacker.deploy(contract, sender=vault_creator)
    forger.forge_lot(vault_creator, 1, sender=vault_creator)
    forger.forge_lot(vault_creator, 2, sender=vault_creator)
    assert contract.lot(0).token == forger.address and contract.unsold() == 2
    contract.remove(0, sender=vault_creator)
    forger.set_refuse_nft(True, sender=vault_creator)
    with ape.reverts("m_token_vault: transfer failed"):
        contract.remove(1, sender=vault_creator)
    assert contract.unsold() == 1


def test_supportsInterface__receivers__supported(vault):
    """ERC-165, ERC-721 receiver and ERC-1155 receiver; nothing else."""
    for interface_id in ("0x01ffc9a7", "0x150b7a02", "0x4e2312e0"):
        assert vault.supportsInterface(interface_id)
    assert not vault.supportsInterface("0xffffffff")


def test_remove__creator_before_issue__lot_returned(vault, collection, multi, vault_creator):
    """The creator takes an ERC-721 and an ERC-1155 lot back; the slots read REMOVED."""
    vault.remove(0, sender=vault_creator)
    vault.remove(2, sender=vault_creator)
    assert collection.ownerOf(1) == vault_creator.address
    assert multi.balanceOf(vault, MULTI_ID) == 0
    assert vault.unsold() == 1 and vault.phase(0) == 6


def test_remove__creator_never_issues__everything_back(vault, collection, multi, vault_creator):
    """A vault_creator who never issues takes every lot back; the vault holds nothing and nobody else
    ever held MToken."""
    for slot in range(3):
        vault.remove(slot, sender=vault_creator)
    assert vault.unsold() == 0 and vault.totalSupply() == 0
    assert collection.balanceOf(vault) == 0 and multi.balanceOf(vault, MULTI_ID) == 0
    with ape.reverts("m_token_vault: no lots"):
        issue(vault, vault_creator)


def test_remove__non_creator__reverts(vault, stranger):
    with ape.reverts("m_token_vault: caller is not the creator"):
        vault.remove(0, sender=stranger)


def test_remove__after_issue__reverts(issued, vault_creator):
    with ape.reverts("m_token_vault: already issued"):
        issued.remove(0, sender=vault_creator)


def test_remove__removed_lot__reverts(vault, vault_creator):
    vault.remove(0, sender=vault_creator)
    with ape.reverts("m_token_vault: no such lot"):
        vault.remove(0, sender=vault_creator)

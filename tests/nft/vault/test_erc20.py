"""The vault is the MToken: ERC-20 transfer, approve and transferFrom with the standard's events and
return values, EIP-2612 permit in the clone's own EIP-712 domain; MToken never moves to the zero
address or to the vault (votes lock with `vote`)."""

import ape

from fivefold.tokens.flow import permit_signature
from tests.nft.vault.conftest import HOLDER_SHARE, SUPPLY


def test_transfer__holder__moves_and_logs(issued, holder, stranger):
    tx = issued.transfer(stranger, 5, sender=holder)
    event = tx.decode_logs(issued.Transfer)[0]
    assert (event.sender, event.receiver, event.value) == (holder.address, stranger.address, 5)
    assert issued.balanceOf(stranger) == 5 and issued.balanceOf(holder) == HOLDER_SHARE - 5
    assert issued.transfer.call(stranger, 1, sender=holder) is True


def test_transfer__balance_too_low__reverts(issued, stranger, holder):
    with ape.reverts("m_token_vault: balance too low"):
        issued.transfer(holder, 1, sender=stranger)


def test_transfer__zero_address__reverts(issued, holder):
    with ape.reverts("m_token_vault: transfer to the zero address"):
        issued.transfer("0x0000000000000000000000000000000000000000", 1, sender=holder)


def test_transfer__to_the_vault__reverts(issued, holder):
    """MToken in the vault is locked votes only: a plain transfer there is refused."""
    with ape.reverts("m_token_vault: transfer to the vault (use vote)"):
        issued.transfer(issued, 1, sender=holder)


def test_approve__holder__allowance_and_event(issued, holder, stranger):
    tx = issued.approve(stranger, 7, sender=holder)
    event = tx.decode_logs(issued.Approval)[0]
    assert (event.owner, event.spender, event.value) == (holder.address, stranger.address, 7)
    assert issued.allowance(holder, stranger) == 7


def test_transferFrom__within_allowance__allowance_decreases(issued, holder, stranger, vault_creator):
    issued.approve(stranger, 10, sender=holder)
    tx = issued.transferFrom(holder, vault_creator, 4, sender=stranger)
    assert tx.decode_logs(issued.Transfer)[0].value == 4
    assert issued.allowance(holder, stranger) == 6
    assert issued.balanceOf(vault_creator) == SUPPLY - HOLDER_SHARE + 4


def test_transferFrom__unlimited_allowance__never_decreases(issued, holder, stranger):
    issued.approve(stranger, 2**256 - 1, sender=holder)
    issued.transferFrom(holder, stranger, 4, sender=stranger)
    assert issued.allowance(holder, stranger) == 2**256 - 1


def test_transferFrom__allowance_too_low__reverts(issued, holder, stranger):
    issued.approve(stranger, 3, sender=holder)
    with ape.reverts("m_token_vault: allowance too low"):
        issued.transferFrom(holder, stranger, 4, sender=stranger)


def test_permit__valid_signature__sets_allowance(issued, holder, stranger, chain):
    """EIP-2612 in the clone's own domain (its name from storage, version "1", this vault)."""
    deadline = chain.pending_timestamp + 3_600
    v, r, s = permit_signature(issued, holder, stranger.address, 9, deadline, chain.chain_id)
    tx = issued.permit(holder, stranger, 9, deadline, v, r, s, sender=stranger)
    assert issued.allowance(holder, stranger) == 9 and issued.nonces(holder) == 1
    assert tx.decode_logs(issued.Approval)[0].value == 9
    domain = issued.eip712Domain()
    assert (domain[1], domain[2], domain[4]) == ("Mock Vault", "1", issued.address)


def test_permit__replayed_signature__reverts(issued, holder, stranger, chain):
    """The nonce moved: the same signature recovers another signer."""
    deadline = chain.pending_timestamp + 3_600
    v, r, s = permit_signature(issued, holder, stranger.address, 9, deadline, chain.chain_id)
    issued.permit(holder, stranger, 9, deadline, v, r, s, sender=stranger)
    with ape.reverts("m_token_vault: invalid signature"):
        issued.permit(holder, stranger, 9, deadline, v, r, s, sender=stranger)


def test_permit__expired__reverts(issued, holder, stranger, chain):
    deadline = chain.pending_timestamp - 1
    v, r, s = permit_signature(issued, holder, stranger.address, 9, deadline, chain.chain_id)
    with ape.reverts("m_token_vault: expired deadline"):
        issued.permit(holder, stranger, 9, deadline, v, r, s, sender=stranger)

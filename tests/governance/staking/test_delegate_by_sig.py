"""delegateBySig: EIP-712 `Delegation(delegatee, nonce, expiry)` signed by the delegator."""

import ape

from fivefold.governance.signatures import delegation_signature


def test_delegateBySig__valid__delegates_for_the_signer(staking, staker, delegatee, stranger, chain):
    """Anyone relays the signature; the signer's weight moves and its nonce is used."""
    staking.stake(1000, sender=staker)
    expiry = chain.pending_timestamp + 3600
    v, r, s = delegation_signature(staking, staker, delegatee.address, 0, expiry, chain.chain_id)
    staking.delegateBySig(delegatee, 0, expiry, v, r, s, sender=stranger)
    assert staking.delegates(staker) == delegatee
    assert staking.getVotes(delegatee) == 1000
    assert staking.nonces(staker) == 1


def test_delegateBySig__replayed__reverts(staking, staker, delegatee, stranger, chain):
    """A used nonce cannot be used again."""
    expiry = chain.pending_timestamp + 3600
    v, r, s = delegation_signature(staking, staker, delegatee.address, 0, expiry, chain.chain_id)
    staking.delegateBySig(delegatee, 0, expiry, v, r, s, sender=stranger)
    with ape.reverts("staking: invalid nonce"):
        staking.delegateBySig(delegatee, 0, expiry, v, r, s, sender=stranger)


def test_delegateBySig__expired__reverts(staking, staker, delegatee, stranger, chain):
    """A signature past its expiry is refused."""
    expiry = chain.pending_timestamp - 1
    v, r, s = delegation_signature(staking, staker, delegatee.address, 0, expiry, chain.chain_id)
    with ape.reverts("staking: signature expired"):
        staking.delegateBySig(delegatee, 0, expiry, v, r, s, sender=stranger)


def test_delegateBySig__other_delegatee__recovers_another_signer(staking, staker, delegatee, stranger, chain):
    """Changing the delegatee of a signed message recovers some other address, whose nonce is 0 but
    whose weight is nothing: the staker's delegation does not move."""
    staking.stake(1000, sender=staker)
    expiry = chain.pending_timestamp + 3600
    v, r, s = delegation_signature(staking, staker, delegatee.address, 0, expiry, chain.chain_id)
    staking.delegateBySig(stranger, 0, expiry, v, r, s, sender=stranger)
    assert staking.delegates(staker) == staker
    assert staking.getVotes(staker) == 1000


def test_delegateBySig__malleable_s__reverts(staking, staker, delegatee, stranger, chain):
    """The high-s twin of a valid signature is refused (snekmate's ecdsa reason)."""
    n = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
    expiry = chain.pending_timestamp + 3600
    v, r, s = delegation_signature(staking, staker, delegatee.address, 0, expiry, chain.chain_id)
    twin = (n - int.from_bytes(s, "big")).to_bytes(32, "big")
    with ape.reverts("ecdsa: invalid signature `s` value"):
        staking.delegateBySig(delegatee, 0, expiry, 55 - v, r, twin, sender=stranger)


def test_delegateBySig__garbage_signature__reverts(staking, delegatee, stranger, chain):
    """A signature that recovers no address is refused (snekmate's ecdsa reason)."""
    expiry = chain.pending_timestamp + 3600
    with ape.reverts("ecdsa: invalid signature"):
        staking.delegateBySig(delegatee, 0, expiry, 27, b"\0" * 32, b"\0" * 32, sender=stranger)

"""SnapshotRegistry.anchor_for: anyone anchors an account's snapshot on the account's EIP-712
signature (EOAs by ecrecover, smart-contract wallets by ERC-1271)."""

import ape

from fivefold.snapshots import signing
from fivefold.snapshots.signing import Kind

from .conftest import HASH_1, HASH_2, relay_args


def test_anchor_for__eoa_signature__anchored_by_relayer(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """The relayer pays; the account's snapshot is recorded; the event names the relayer."""
    snap, signature = snapshots_sign(snapshots_account)
    tx = snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    assert snapshots_registry.verify(snapshots_account, Kind.PERSISTENT, HASH_1, 1)
    [event] = tx.decode_logs(snapshots_registry.SnapshotAnchored)
    assert (event.account, event.relayer, event.version) == (snapshots_account, snapshots_relayer, 1)


def test_anchor_for__after_direct_anchor__next_version(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """Direct and relayed anchors share one counter."""
    snapshots_registry.anchor(Kind.PERSISTENT, HASH_1, 1, sender=snapshots_account)
    snap, signature = snapshots_sign(snapshots_account, hash=HASH_2, version=2)
    snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    assert snapshots_registry.verify(snapshots_account, Kind.PERSISTENT, HASH_2, 2)


def test_anchor_for__compact_signature__accepted(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """The EIP-2098 64-byte form of the signature is accepted."""
    snap, signature = snapshots_sign(snapshots_account)
    snapshots_registry.anchor_for(*relay_args(snap), signing.compact(signature), sender=snapshots_relayer)
    assert snapshots_registry.latest(snapshots_account, Kind.PERSISTENT).version == 1


def test_anchor_for__sent_by_the_account__accepted(snapshots_registry, snapshots_sign, snapshots_account):
    snap, signature = snapshots_sign(snapshots_account)
    snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_account)
    assert snapshots_registry.latest(snapshots_account, Kind.PERSISTENT).version == 1


def test_anchor_for__past_deadline__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer, chain
):
    """The deadline is the last second: a block after it refuses the signature."""
    deadline = chain.pending_timestamp + 100
    snap, signature = snapshots_sign(snapshots_account, deadline=deadline)
    chain.pending_timestamp = deadline + 1
    with ape.reverts("snapshot_registry: signature expired"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)


def test_anchor_for__at_deadline__accepted(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer, chain
):
    deadline = chain.pending_timestamp + 100
    snap, signature = snapshots_sign(snapshots_account, deadline=deadline)
    chain.pending_timestamp = deadline
    snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    assert snapshots_registry.latest(snapshots_account, Kind.PERSISTENT).anchored_at == deadline


def test_anchor_for__signed_by_someone_else__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_intruder
):
    """The intruder signs a snapshot naming the account: not the account's signature."""
    snap, signature = snapshots_sign(snapshots_intruder, account=snapshots_account)
    with ape.reverts("snapshot_registry: bad signature"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_intruder)


def test_anchor_for__zero_account__reverts(snapshots_registry, snapshots_relayer):
    """The zero address cannot sign; an empty signature would 'recover' it, so it is refused first."""
    args = ("0x" + "00" * 20, Kind.CACHE, HASH_1, 1, 2**40)
    with ape.reverts("snapshot_registry: zero account"):
        snapshots_registry.anchor_for(*args, b"", sender=snapshots_relayer)


def test_anchor_for__wrong_signature_length__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """Neither 65 nor 64 bytes: no signer recovered."""
    snap, signature = snapshots_sign(snapshots_account)
    with ape.reverts("snapshot_registry: bad signature"):
        snapshots_registry.anchor_for(*relay_args(snap), signature[:63], sender=snapshots_relayer)


def test_anchor_for__high_s__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """The malleated twin (n - s, the other v) of a valid signature is refused by snekmate's ecdsa."""
    snap, signature = snapshots_sign(snapshots_account)
    s = int.from_bytes(signature[32:64], "big")
    twin = signature[:32] + (SECP256K1_N - s).to_bytes(32, "big") + bytes([55 - signature[64]])
    with ape.reverts("ecdsa: invalid signature `s` value"):
        snapshots_registry.anchor_for(*relay_args(snap), twin, sender=snapshots_relayer)


def test_anchor_for__no_point__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """r = 0 recovers no address: snekmate's ecdsa refuses it."""
    snap, signature = snapshots_sign(snapshots_account)
    with ape.reverts("ecdsa: invalid signature"):
        snapshots_registry.anchor_for(
            *relay_args(snap), b"\0" * 32 + signature[32:], sender=snapshots_relayer
        )


def test_anchor_for__wrong_version__reverts_before_the_signature(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """A signature for version 2 while the latest is 0: refused for its version."""
    snap, signature = snapshots_sign(snapshots_account, version=2)
    with ape.reverts("snapshot_registry: version is not the next one"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)


def test_anchor_for__erc1271_wallet__anchored(
    snapshots_registry, snapshots_sign, snapshots_wallet, snapshots_wallet_signer, snapshots_relayer
):
    """A smart-contract wallet's snapshot, signed by its key and accepted through isValidSignature."""
    snap, signature = snapshots_sign(snapshots_wallet_signer, account=snapshots_wallet, kind=Kind.PERMISSION)
    snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    assert snapshots_registry.verify(snapshots_wallet, Kind.PERMISSION, HASH_1, 1)


def test_anchor_for__erc1271_wallet_refuses__reverts(
    snapshots_registry, snapshots_sign, snapshots_wallet, snapshots_intruder, snapshots_relayer
):
    """A signature the wallet does not accept (not its key's) is a bad signature."""
    snap, signature = snapshots_sign(snapshots_intruder, account=snapshots_wallet)
    with ape.reverts("snapshot_registry: bad signature"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)


def test_anchor_for__erc1271_wallet_rotated_key__old_signature_reverts(
    snapshots_registry,
    snapshots_sign,
    snapshots_wallet,
    snapshots_wallet_signer,
    snapshots_intruder,
    snapshots_relayer,
):
    """The wallet's answer changed (key rotated) before the relay: the signature no longer counts."""
    snap, signature = snapshots_sign(snapshots_wallet_signer, account=snapshots_wallet)
    snapshots_wallet.set_signer(snapshots_intruder, sender=snapshots_wallet_signer)
    with ape.reverts("snapshot_registry: bad signature"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)


def test_anchor_for__erc1271_answer_changes_after__anchor_stands(
    snapshots_registry,
    snapshots_sign,
    snapshots_wallet,
    snapshots_wallet_signer,
    snapshots_intruder,
    snapshots_relayer,
    chain,
):
    """ERC-1271 is asked once, at the anchor: rotating the key afterwards does not undo the anchor
    (`verify` stays true; docs/snapshots.md, threat model)."""
    snap, signature = snapshots_sign(snapshots_wallet_signer, account=snapshots_wallet)
    snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    snapshots_wallet.set_signer(snapshots_intruder, sender=snapshots_wallet_signer)
    assert not signing.is_valid_erc1271(
        snapshots_wallet, chain.chain_id, snapshots_registry.address, snap, signature
    )
    assert snapshots_registry.verify(snapshots_wallet, Kind.PERSISTENT, HASH_1, 1)


SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141

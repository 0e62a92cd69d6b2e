"""Attacks on the registry that must fail: replays (same chain, another chain, another registry,
another version, kind or account, a malleated form), front-running a relayed anchor, forging the
zero account, and an intruder anchoring without the account's consent."""

import ape

from fivefold.snapshots import signing
from fivefold.snapshots.signing import Kind

from .conftest import HASH_1, HASH_2, relay_args


def test_attack__replay_same_signature__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """The relayer sends the same signed anchor twice: the second names a used version."""
    snap, signature = snapshots_sign(snapshots_account)
    snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    with ape.reverts("snapshot_registry: version is not the next one"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)


def test_attack__replay_malleated_forms__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """Replay protection is the signed version, not the signature bytes: the compact form of a used
    signature is refused too."""
    snap, signature = snapshots_sign(snapshots_account)
    snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    with ape.reverts("snapshot_registry: version is not the next one"):
        snapshots_registry.anchor_for(*relay_args(snap), signing.compact(signature), sender=snapshots_relayer)


def test_attack__old_signature_after_later_versions__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer
):
    """A withheld signature for version 1 is worthless once the account anchored version 1 itself,
    and a signature for version 1 cannot be replayed as version 2 (the digest names the version)."""
    snap, signature = snapshots_sign(snapshots_account, hash=HASH_2)
    snapshots_registry.anchor(Kind.PERSISTENT, HASH_1, 1, sender=snapshots_account)
    with ape.reverts("snapshot_registry: version is not the next one"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    as_next = (snap.account, int(snap.kind), snap.hash, 2, snap.deadline)
    with ape.reverts("snapshot_registry: bad signature"):
        snapshots_registry.anchor_for(*as_next, signature, sender=snapshots_relayer)
    assert snapshots_registry.verify(snapshots_account, Kind.PERSISTENT, HASH_1, 1)


def test_attack__signature_for_other_chain__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer, chain
):
    """A signature made for the same registry address on another chain (CREATE2: same address on
    all four) is refused here."""
    snap, signature = snapshots_sign(snapshots_account, chain_id=chain.chain_id + 1)
    with ape.reverts("snapshot_registry: bad signature"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)


def test_attack__signature_for_other_registry__reverts(
    project, deployer, snapshots_sign, snapshots_account, snapshots_relayer, snapshots_registry
):
    """Anchored in one registry, the signature is replayed in another deployment: refused."""
    other = project.SnapshotRegistry.deploy(sender=deployer)
    snap, signature = snapshots_sign(snapshots_account)
    snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    with ape.reverts("snapshot_registry: bad signature"):
        other.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)


def test_attack__change_kind_hash_or_account__reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer, snapshots_intruder
):
    """Every field is signed: the same signature under another kind, hash, deadline or account fails."""
    snap, signature = snapshots_sign(snapshots_account)
    account, kind, hash_, version, deadline = relay_args(snap)
    for forged in (
        (account, int(Kind.CACHE), hash_, version, deadline),
        (account, kind, HASH_2, version, deadline),
        (account, kind, hash_, version, deadline + 1),
        (snapshots_intruder.address, kind, hash_, version, deadline),
    ):
        with ape.reverts("snapshot_registry: bad signature"):
            snapshots_registry.anchor_for(*forged, signature, sender=snapshots_intruder)


def test_attack__front_run_relayed_anchor__same_result_relayer_reverts(
    snapshots_registry, snapshots_sign, snapshots_account, snapshots_relayer, snapshots_intruder
):
    """A front-runner copies the relayer's pending transaction and lands first: it anchors exactly
    what the account signed (nothing it can change); the relayer's copy then reverts harmlessly."""
    snap, signature = snapshots_sign(snapshots_account)
    tx = snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_intruder)
    [event] = tx.decode_logs(snapshots_registry.SnapshotAnchored)
    assert (event.account, event.hash, event.version) == (snapshots_account, HASH_1, 1)
    with ape.reverts("snapshot_registry: version is not the next one"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)
    assert snapshots_registry.verify(snapshots_account, Kind.PERSISTENT, HASH_1, 1)


def test_attack__forge_zero_account_with_empty_signature__reverts(snapshots_registry, snapshots_intruder):
    """ecdsa returns the zero address for a signature of the wrong length; the registry refuses the
    zero account before asking."""
    with ape.reverts("snapshot_registry: zero account"):
        snapshots_registry.anchor_for(
            "0x" + "00" * 20, 1, HASH_1, 1, 2**40, b"\x01", sender=snapshots_intruder
        )


def test_attack__direct_anchor_for_another__impossible(
    snapshots_registry, snapshots_account, snapshots_intruder
):
    """`anchor` writes only the caller's own record: the intruder's anchor is its own."""
    snapshots_registry.anchor(Kind.PERSISTENT, HASH_2, 1, sender=snapshots_intruder)
    assert snapshots_registry.latest(snapshots_account, Kind.PERSISTENT).version == 0
    assert snapshots_registry.verify(snapshots_intruder, Kind.PERSISTENT, HASH_2, 1)


def test_attack__wallet_signature_by_intruder__reverts(
    snapshots_registry, snapshots_sign, snapshots_wallet, snapshots_intruder
):
    """An ERC-1271 wallet's snapshot signed by a key the wallet does not accept."""
    snap, signature = snapshots_sign(snapshots_intruder, account=snapshots_wallet)
    with ape.reverts("snapshot_registry: bad signature"):
        snapshots_registry.anchor_for(*relay_args(snap), signature, sender=snapshots_intruder)

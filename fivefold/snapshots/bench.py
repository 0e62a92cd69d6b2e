"""Snapshots gas: anchoring a new version of a kind the account anchored before, relayed and direct."""

from __future__ import annotations

from fivefold.gas import Bench, operation
from fivefold.snapshots import signing
from fivefold.snapshots.signing import Kind, Snapshot

# A fixed deadline (2100-01-01): the same digest, signature and calldata at every run.
DEADLINE = 4_102_444_800


def _registry_with_version_one(b: Bench):
    """A registry where user 0 anchored version 1 of its persistent snapshot (directly)."""
    registry = b.project.SnapshotRegistry.deploy(sender=b.deployer)
    registry.anchor(Kind.PERSISTENT, signing.snapshot_hash(b"snapshot 1"), 1, sender=b.user(0))
    return registry


@operation(
    "snapshots.anchor",
    "a relayer anchors version 2 of an EOA's persistent snapshot (version 1 anchored before) from the "
    "account's 65-byte EIP-712 signature: code-size check, ecrecover, two non-zero slot updates, the "
    "event",
    target=50_000,
)
def anchor_relayed(b: Bench):
    registry = _registry_with_version_one(b)
    account = b.user(0)
    snap = Snapshot(account.address, Kind.PERSISTENT, signing.snapshot_hash(b"snapshot 2"), 2, DEADLINE)
    signature = signing.sign(account.private_key, b.chain.chain_id, registry.address, snap)
    return registry.anchor_for(
        snap.account, int(snap.kind), snap.hash, snap.version, snap.deadline, signature, sender=b.user(1)
    )


@operation(
    "snapshots.anchor.direct",
    "an EOA anchors version 2 of its persistent snapshot itself (version 1 anchored before)",
    not_above="snapshots.anchor",
)
def anchor_direct(b: Bench):
    registry = _registry_with_version_one(b)
    return registry.anchor(Kind.PERSISTENT, signing.snapshot_hash(b"snapshot 2"), 2, sender=b.user(0))

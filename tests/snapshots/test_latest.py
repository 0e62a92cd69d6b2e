"""SnapshotRegistry.latest: the latest snapshot of an account and kind."""

from fivefold.snapshots.signing import Kind

from .conftest import HASH_1, HASH_2


def test_latest__never_anchored__all_zero(snapshots_registry, snapshots_account):
    latest = snapshots_registry.latest(snapshots_account, Kind.CACHE)
    assert (latest.hash, latest.version, latest.anchored_at) == (b"\0" * 32, 0, 0)


def test_latest__after_two_anchors__the_second(snapshots_registry, snapshots_account, chain):
    """The second anchor replaces hash, version and time; the other kinds stay empty."""
    snapshots_registry.anchor(Kind.CACHE, HASH_1, 1, sender=snapshots_account)
    chain.pending_timestamp += 1_000
    tx = snapshots_registry.anchor(Kind.CACHE, HASH_2, 2, sender=snapshots_account)
    latest = snapshots_registry.latest(snapshots_account, Kind.CACHE)
    assert (latest.hash, latest.version) == (HASH_2, 2)
    assert latest.anchored_at == chain.blocks[tx.block_number].timestamp
    assert snapshots_registry.latest(snapshots_account, Kind.PERSISTENT).version == 0

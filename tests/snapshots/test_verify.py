"""SnapshotRegistry.verify: whether a hash is an account's current snapshot of a kind at a version."""

import pytest

from fivefold.snapshots.signing import Kind

from .conftest import HASH_1, HASH_2


@pytest.fixture
def snapshots_two_versions(snapshots_registry, snapshots_account):
    """Versions 1 (HASH_1) and 2 (HASH_2) of the account's persistent snapshot."""
    snapshots_registry.anchor(Kind.PERSISTENT, HASH_1, 1, sender=snapshots_account)
    snapshots_registry.anchor(Kind.PERSISTENT, HASH_2, 2, sender=snapshots_account)
    return snapshots_registry


def test_verify__current_hash_and_version__true(snapshots_two_versions, snapshots_account):
    assert snapshots_two_versions.verify(snapshots_account, Kind.PERSISTENT, HASH_2, 2)


@pytest.mark.parametrize(
    "hash_, version, why",
    [
        (HASH_1, 1, "superseded version"),
        (HASH_1, 2, "current version, other hash"),
        (HASH_2, 1, "current hash, old version"),
        (HASH_2, 3, "a version not anchored yet"),
    ],
)
def test_verify__anything_but_the_current__false(
    snapshots_two_versions, snapshots_account, hash_, version, why
):
    assert not snapshots_two_versions.verify(snapshots_account, Kind.PERSISTENT, hash_, version), why


def test_verify__other_kind_or_account__false(snapshots_two_versions, snapshots_account, snapshots_relayer):
    assert not snapshots_two_versions.verify(snapshots_account, Kind.CACHE, HASH_2, 2)
    assert not snapshots_two_versions.verify(snapshots_relayer, Kind.PERSISTENT, HASH_2, 2)


def test_verify__never_anchored_zero_version__false(snapshots_registry, snapshots_account):
    """Version 0 with the zero hash (what an empty record holds) is never a verified snapshot."""
    assert not snapshots_registry.verify(snapshots_account, Kind.CACHE, b"\0" * 32, 0)

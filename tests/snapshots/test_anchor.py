"""SnapshotRegistry.anchor: the caller anchors its own snapshot of one kind at the next version."""

import ape
import pytest

from fivefold.snapshots.signing import KINDS, Kind

from .conftest import HASH_1, HASH_2, HASH_3


def test_anchor__first_version__recorded_and_logged(snapshots_registry, snapshots_account, chain):
    """Version 1 of a kind: `latest` returns the hash, the version and the block's time; the event
    names the account, the kind and the account itself as the relayer."""
    tx = snapshots_registry.anchor(Kind.CACHE, HASH_1, 1, sender=snapshots_account)
    latest = snapshots_registry.latest(snapshots_account, Kind.CACHE)
    assert (latest.hash, latest.version) == (HASH_1, 1)
    assert latest.anchored_at == chain.blocks[tx.block_number].timestamp
    [event] = tx.decode_logs(snapshots_registry.SnapshotAnchored)
    assert (event.account, event.kind, event.relayer) == (snapshots_account, Kind.CACHE, snapshots_account)
    assert (event.version, event.hash) == (1, HASH_1)


def test_anchor__odd_and_even_seconds__version_and_time_read_back(
    snapshots_registry, snapshots_account, chain
):
    """The version and the anchor time share a word: anchored at an odd second (the time's lowest
    bit set, the one a field one bit lower would lend the version) and at an even one, each reads
    back exactly."""
    for version, parity in ((1, 1), (2, 0)):
        second = chain.pending_timestamp + 10
        chain.pending_timestamp = second + (second % 2 != parity)
        tx = snapshots_registry.anchor(Kind.CACHE, HASH_1, version, sender=snapshots_account)
        latest = snapshots_registry.latest(snapshots_account, Kind.CACHE)
        assert tx.timestamp % 2 == parity
        assert (latest.version, latest.anchored_at) == (version, tx.timestamp)


def test_anchor__next_versions__each_one_more(snapshots_registry, snapshots_account):
    """Versions 1, 2, 3 in turn; the latest hash follows."""
    for version, hash_ in enumerate((HASH_1, HASH_2, HASH_3), start=1):
        snapshots_registry.anchor(Kind.PERSISTENT, hash_, version, sender=snapshots_account)
        latest = snapshots_registry.latest(snapshots_account, Kind.PERSISTENT)
        assert (latest.hash, latest.version) == (hash_, version)


def test_anchor__same_hash_again__new_version(snapshots_registry, snapshots_account):
    """Going back to earlier data is a new version with an old hash: allowed."""
    snapshots_registry.anchor(Kind.PERSISTENT, HASH_1, 1, sender=snapshots_account)
    snapshots_registry.anchor(Kind.PERSISTENT, HASH_1, 2, sender=snapshots_account)
    assert snapshots_registry.latest(snapshots_account, Kind.PERSISTENT).version == 2


def test_anchor__kinds_and_accounts__counted_apart(snapshots_registry, snapshots_account, snapshots_relayer):
    """Each (account, kind) has its own counter: version 1 everywhere is accepted once each."""
    for kind in KINDS:
        snapshots_registry.anchor(kind, HASH_1, 1, sender=snapshots_account)
        snapshots_registry.anchor(kind, HASH_2, 1, sender=snapshots_relayer)
    for kind in KINDS:
        assert snapshots_registry.latest(snapshots_account, kind).hash == HASH_1
        assert snapshots_registry.latest(snapshots_relayer, kind).hash == HASH_2


@pytest.mark.parametrize("version", [0, 2, 3])
def test_anchor__not_the_next_version__reverts(snapshots_registry, snapshots_account, version):
    """Before any anchor only version 1 is accepted: not 0, not a skipped one."""
    with ape.reverts("snapshot_registry: version is not the next one"):
        snapshots_registry.anchor(Kind.CACHE, HASH_1, version, sender=snapshots_account)


def test_anchor__resent_transaction__reverts(snapshots_registry, snapshots_account):
    """The same anchor sent twice (a wallet retry) anchors once."""
    snapshots_registry.anchor(Kind.CACHE, HASH_1, 1, sender=snapshots_account)
    with ape.reverts("snapshot_registry: version is not the next one"):
        snapshots_registry.anchor(Kind.CACHE, HASH_1, 1, sender=snapshots_account)


def test_anchor__zero_hash__reverts(snapshots_registry, snapshots_account):
    with ape.reverts("snapshot_registry: zero hash"):
        snapshots_registry.anchor(Kind.CACHE, b"\0" * 32, 1, sender=snapshots_account)


@pytest.mark.parametrize("kind", [0, 3, 5, 6, 7])
def test_anchor__no_kind_or_several__reverts(snapshots_registry, snapshots_account, kind):
    """A flag value with no member or several (3 = cache | persistent) is refused."""
    with ape.reverts("snapshot_registry: not exactly one kind"):
        snapshots_registry.anchor(kind, HASH_1, 1, sender=snapshots_account)


def test_anchor__value_outside_the_flag__reverts(snapshots_registry, snapshots_account):
    """8 is no member of the three-member flag: the ABI decoder refuses it before any code runs."""
    data = snapshots_registry.anchor.encode_input(1, HASH_1, 1)
    selector, rest = data[:4], data[4:]
    bad = selector + (8).to_bytes(32, "big") + rest[32:]
    with ape.reverts():
        snapshots_account.transfer(snapshots_registry, 0, data=bad)
    assert all(snapshots_registry.latest(snapshots_account, k).version == 0 for k in KINDS)


def test_anchor__contract_wallet_calls__anchors_as_itself(
    snapshots_registry, snapshots_wallet, snapshots_wallet_signer
):
    """A smart-contract wallet anchors directly by calling (a Safe transaction): the wallet is the
    account."""
    data = snapshots_registry.anchor.encode_input(Kind.PERMISSION, HASH_1, 1)
    snapshots_wallet.execute(snapshots_registry, data, sender=snapshots_wallet_signer)
    assert snapshots_registry.verify(snapshots_wallet, Kind.PERMISSION, HASH_1, 1)

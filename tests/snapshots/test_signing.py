"""fivefold/snapshots/signing.py without a chain: snapshot hashes, kinds, signing with a key, and
recovery that refuses what the registry refuses."""

import pytest
from eth_account import Account
from eth_utils import keccak

from fivefold.snapshots import signing
from fivefold.snapshots.signing import Kind, Snapshot

KEY = "0x" + "11" * 32
ACCOUNT = Account.from_key(KEY).address
REGISTRY = "0x" + "22" * 20
CHAIN = 1
SNAP = Snapshot(ACCOUNT, Kind.PERMISSION, keccak(b"perms"), 7, 2**40)
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


def test_snapshot_hash__dict__canonical_json():
    """Key order and spacing do not change the hash of structured data; bytes hash as themselves."""
    assert signing.snapshot_hash({"b": 1, "a": [1, 2]}) == signing.snapshot_hash({"a": [1, 2], "b": 1})
    assert signing.snapshot_hash({"a": 1}) == keccak(b'{"a":1}')
    assert signing.snapshot_hash("text") == keccak(b"text") == signing.snapshot_hash(b"text")


@pytest.mark.parametrize("name, kind", [("cache", 1), ("Persistent", 2), ("PERMISSION", 4), ("4", 4), (2, 2)])
def test_parse_kind__names_and_values__the_member(name, kind):
    assert signing.parse_kind(name) == kind


@pytest.mark.parametrize("name", ["3", "0", "8", "backup"])
def test_parse_kind__not_one_kind__raises(name):
    with pytest.raises(ValueError):
        signing.parse_kind(name)


def test_sign__private_key__recovers_the_account():
    signature = signing.sign(KEY, CHAIN, REGISTRY, SNAP)
    assert len(signature) == 65
    assert signing.recover(CHAIN, REGISTRY, SNAP, signature) == ACCOUNT
    assert signing.verify_signature(CHAIN, REGISTRY, SNAP, signature)
    assert signing.recover(CHAIN, REGISTRY, SNAP, signing.compact(signature)) == ACCOUNT


def test_verify_signature__other_chain_registry_version__false():
    """A signature speaks for one chain, one registry and one version."""
    signature = signing.sign(KEY, CHAIN, REGISTRY, SNAP)
    assert not signing.verify_signature(CHAIN + 1, REGISTRY, SNAP, signature)
    assert not signing.verify_signature(CHAIN, "0x" + "33" * 20, SNAP, signature)
    bumped = Snapshot(SNAP.account, SNAP.kind, SNAP.hash, SNAP.version + 1, SNAP.deadline)
    assert not signing.verify_signature(CHAIN, REGISTRY, bumped, signature)


def test_recover__high_s_or_bad_length_or_v__none():
    """The malleated twin, a truncated signature and v = 29 recover nothing, as in the registry."""
    signature = signing.sign(KEY, CHAIN, REGISTRY, SNAP)
    s = int.from_bytes(signature[32:64], "big")
    twin = signature[:32] + (N - s).to_bytes(32, "big") + bytes([55 - signature[64]])
    assert signing.recover(CHAIN, REGISTRY, SNAP, twin) is None
    assert signing.recover(CHAIN, REGISTRY, SNAP, signature[:63]) is None
    assert signing.recover(CHAIN, REGISTRY, SNAP, signature[:64] + bytes([29])) is None
    assert signing.recover(CHAIN, REGISTRY, SNAP, b"\0" * 32 + signature[32:]) is None


def test_sign__ape_account_and_key__same_signature(accounts, chain):
    """Signing through an ape account's typed-data path gives the key path's signature (RFC 6979)."""
    account = accounts[5]
    snap = Snapshot(account.address, Kind.CACHE, keccak(b"c"), 1, 2**40)
    assert signing.sign(account, CHAIN, REGISTRY, snap) == signing.sign(
        account.private_key, CHAIN, REGISTRY, snap
    )

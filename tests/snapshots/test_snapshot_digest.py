"""SnapshotRegistry.snapshot_digest and eip712Domain: the Python helper (fivefold/snapshots/signing.py)
computes the contract's digest byte for byte, and eth-account's EIP-712 encoder agrees with both."""

from eth_account.messages import _hash_eip191_message, encode_typed_data
from eth_utils import keccak
from hypothesis import given, settings
from hypothesis import strategies as st

from fivefold.snapshots import signing
from fivefold.snapshots.signing import KINDS, Snapshot

from .conftest import HASH_1


def test_snapshot_typehash__python_type_string__same(snapshots_registry):
    assert snapshots_registry.SNAPSHOT_TYPEHASH() == keccak(text=signing.SNAPSHOT_TYPE)


def test_eip712_domain__name_version_chain_contract__as_the_helper(snapshots_registry, chain):
    """ERC-5267: the domain a wallet shows is the one the helper signs in."""
    domain = snapshots_registry.eip712Domain()
    assert domain[0] == b"\x0f"
    assert (domain[1], domain[2]) == (signing.EIP712_NAME, signing.EIP712_VERSION)
    assert (domain[3], domain[4]) == (chain.chain_id, snapshots_registry.address)


@settings(max_examples=10)
@given(
    account=st.binary(min_size=20, max_size=20),
    kind=st.sampled_from(KINDS),
    hash_=st.binary(min_size=32, max_size=32),
    version=st.integers(0, 2**256 - 1),
    deadline=st.integers(0, 2**256 - 1),
)
def test_snapshot_digest__python_digest__equals_contract(
    snapshots_registry, chain, account, kind, hash_, version, deadline
):
    """Any snapshot: the contract's digest, the helper's and eth-account's encode_typed_data are one."""
    snap = Snapshot("0x" + account.hex(), kind, hash_, version, deadline)
    ours = signing.digest(chain.chain_id, snapshots_registry.address, snap)
    theirs = snapshots_registry.snapshot_digest(snap.account, int(kind), hash_, version, deadline)
    standard = _hash_eip191_message(
        encode_typed_data(full_message=signing.typed_data(chain.chain_id, snapshots_registry.address, snap))
    )
    assert bytes(theirs) == ours == standard


def test_snapshot_digest__other_chain_or_registry__differs(snapshots_registry, chain, snapshots_account):
    """The chain id and the registry's address are in the domain."""
    snap = Snapshot(snapshots_account.address, KINDS[0], HASH_1, 1, 0)
    here = signing.digest(chain.chain_id, snapshots_registry.address, snap)
    assert here != signing.digest(chain.chain_id + 1, snapshots_registry.address, snap)
    assert here != signing.digest(chain.chain_id, snapshots_account.address, snap)

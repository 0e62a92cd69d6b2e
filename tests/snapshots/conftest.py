"""Snapshots fixtures: one SnapshotRegistry and one ERC-1271 wallet (module-free session deployments:
ape's isolation reverts every test's transactions), actors by role, and a signer that makes the
account's EIP-712 signature the way a wallet would (fivefold/snapshots/signing.py)."""

import pytest

from fivefold.snapshots import signing
from fivefold.snapshots.signing import Kind, Snapshot

# A deadline no test reaches unless it moves time there.
FAR = 2**40
HASH_1 = signing.snapshot_hash(b"snapshot 1")
HASH_2 = signing.snapshot_hash(b"snapshot 2")
HASH_3 = signing.snapshot_hash(b"snapshot 3")


@pytest.fixture(scope="session")
def snapshots_account(holder):
    """The account whose data the snapshots are (an EOA)."""
    return holder


@pytest.fixture(scope="session")
def snapshots_relayer(spender):
    """Anchors other accounts' signed snapshots and pays the gas."""
    return spender


@pytest.fixture(scope="session")
def snapshots_intruder(stranger):
    """Tries to anchor snapshots for accounts that did not sign them."""
    return stranger


@pytest.fixture(scope="session")
def snapshots_wallet_signer(beneficiary):
    """The key behind the smart-contract wallet."""
    return beneficiary


@pytest.fixture(scope="session")
def snapshots_registry(project, deployer):
    return project.SnapshotRegistry.deploy(sender=deployer)


@pytest.fixture(scope="session")
def snapshots_wallet(project, deployer, snapshots_wallet_signer):
    """An ERC-1271 wallet that accepts its signer's signatures (contracts/mocks/SnapshotsMockWallet.vy)."""
    return project.SnapshotsMockWallet.deploy(snapshots_wallet_signer, sender=deployer)


@pytest.fixture(scope="session")
def snapshots_sign(chain, snapshots_registry):
    """sign(signer, account=..., kind=..., hash=..., version=..., deadline=..., chain_id=..., registry=...)
    -> (Snapshot, 65-byte signature): `signer` (an ape account) signs the snapshot of `account`
    (default: the signer's own address) in the registry's domain, unless told another chain or
    registry."""

    def sign(
        signer,
        account=None,
        kind=Kind.PERSISTENT,
        hash=HASH_1,
        version=1,
        deadline=FAR,
        chain_id=None,
        registry=None,
    ):
        snap = Snapshot(str(account or signer.address), Kind(kind), hash, version, deadline)
        signature = signing.sign(
            signer, chain_id or chain.chain_id, str(registry or snapshots_registry.address), snap
        )
        return snap, signature

    return sign


def relay_args(snap: Snapshot) -> tuple:
    """`snap` as `anchor_for` takes it, before the signature."""
    return snap.account, int(snap.kind), snap.hash, snap.version, snap.deadline


@pytest.fixture(scope="module", autouse=True)
def session_fixtures_first(
    snapshots_account,
    snapshots_relayer,
    snapshots_intruder,
    snapshots_wallet_signer,
    snapshots_registry,
    snapshots_wallet,
    snapshots_sign,
    named_accounts,
):
    """Every session fixture of this folder taken before a module's first test, so a test that first
    asks for one later does not make ape rebase its snapshots (InvalidIsolationWarning)."""

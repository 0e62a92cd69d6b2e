"""Snapshots: signed data snapshots (SPEC "CMDMAX" 6.1, 8.1).

Deploys one SnapshotRegistry everywhere, through CREATE2 with no constructor arguments, so it has the
same address on the four chains (its EIP-712 domain still names each chain: a signature made for one
chain is worthless on another). It has no owner, no parameter and nothing to configure: `configure`
sends nothing and `parameters` returns nothing. `exercise`: an account anchors a persistent
snapshot directly, then signs its next version and a relayer anchors it; `verify` reads true for the
new version and false for the old one; the relayer's replay of the same signature reverts.

Chain config keys read: none.
"""

from __future__ import annotations

from fivefold.context import Context, Deployable, Parameter
from fivefold.snapshots import signing
from fivefold.snapshots.signing import Kind, Snapshot

HOUR = 3_600

CONTRACTS = [
    # Ownerless: nothing to hand over after deployment.
    Deployable("SnapshotRegistry", "SnapshotRegistry"),
]


def configure(ctx: Context) -> None:
    """Nothing to set: the registry has no owner and no parameter."""


def parameters(ctx: Context) -> list[Parameter]:
    """No tunable number."""
    return []


def exercise(ctx: Context) -> None:
    """The first exercise account anchors version n+1 of its persistent snapshot itself; it signs
    version n+2 (EIP-712, fivefold/snapshots/signing.py) and the second account relays it. Checks:
    the Python digest is the contract's, `verify` is true for n+2 and false for n+1, and the same
    signature sent again reverts with "version is not the next one" (a replay)."""
    if len(ctx.users) < 2:
        ctx.skip("snapshots", "needs two exercise accounts")
        return
    from ape.exceptions import ContractLogicError

    registry = ctx["SnapshotRegistry"]
    account, relayer = ctx.users[:2]
    stamp = ctx.chain.blocks.head.timestamp  # unique per run: a re-run anchors new data
    version = int(registry.latest(account, Kind.PERSISTENT).version) + 1
    first = signing.snapshot_hash({"account": account.address, "chats": ["hello"], "at": stamp})
    ctx.step(
        "SnapshotRegistry.anchor (persistent, direct)",
        registry.anchor(Kind.PERSISTENT, first, version, sender=account),
    )
    ctx.check(registry.verify(account, Kind.PERSISTENT, first, version), "snapshots: direct anchor verified")

    second = signing.snapshot_hash({"account": account.address, "chats": ["hello", "again"], "at": stamp})
    snap = Snapshot(account.address, Kind.PERSISTENT, second, version + 1, stamp + HOUR)
    ctx.check(
        bytes(registry.snapshot_digest(*_args(snap))) == signing.digest(ctx.chain_id, registry.address, snap),
        "snapshots: the Python digest is the contract's",
    )
    signature = signing.sign(account, ctx.chain_id, registry.address, snap)
    ctx.check(
        signing.verify_signature(ctx.chain_id, registry.address, snap, signature),
        "snapshots: the signature verifies off-chain",
    )
    ctx.step(
        "SnapshotRegistry.anchor_for (persistent, relayed: next version)",
        registry.anchor_for(*_args(snap), signature, sender=relayer),
    )
    ctx.check(
        registry.verify(account, Kind.PERSISTENT, second, version + 1), "snapshots: relayed anchor verified"
    )
    ctx.check(
        not registry.verify(account, Kind.PERSISTENT, first, version), "snapshots: the old version superseded"
    )
    try:
        registry.anchor_for(*_args(snap), signature, sender=relayer)
    except ContractLogicError as exc:
        replay_refused = "version is not the next one" in str(exc)
    else:
        replay_refused = False
    ctx.check(replay_refused, "snapshots: a replayed signature reverts")


def _args(snap: Snapshot) -> tuple:
    """`snap` as `snapshot_digest` and `anchor_for` take it (before the signature)."""
    return snap.account, int(snap.kind), snap.hash, snap.version, snap.deadline

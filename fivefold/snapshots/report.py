"""`ape run snapshots verify`: whether a hash is an account's current snapshot of a kind on the
connected chain, read from the deployment manifest's SnapshotRegistry (`latest` and `verify`), as a
table a node operator reads before restoring from that snapshot. Fits 80 columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from eth_utils import is_address, to_checksum_address

from fivefold import deployment, manifest, ui
from fivefold.snapshots import signing
from fivefold.snapshots.signing import Kind

ZERO_HASH = b"\0" * 32


class SnapshotError(deployment.DeploymentError):
    """A bad argument, in one line that names the fix."""


@dataclass(frozen=True)
class Verdict:
    """What `verify` found."""

    account: str
    kind: Kind
    hash: bytes  # the hash asked about
    version: int | None  # the version asked about (None: the latest)
    latest_hash: bytes
    latest_version: int
    anchored_at: int
    verified: bool

    @property
    def summary(self) -> str:
        if self.latest_version == 0:
            return "never anchored: no snapshot of this kind"
        if self.verified:
            return f"verified: the current snapshot (version {self.latest_version})"
        if self.latest_hash == self.hash:
            return f"not verified: the hash is the latest, but at version {self.latest_version}"
        return f"not verified: the latest snapshot (version {self.latest_version}) has another hash"


def parse_hash(value: str) -> bytes:
    """A 0x-prefixed 32-byte hex hash, or the path of a snapshot file (its keccak256 is the hash)."""
    if value.startswith("0x") and len(value) == 66:
        try:
            return bytes.fromhex(value[2:])
        except ValueError:
            pass
    path = Path(value)
    if path.is_file():
        return signing.snapshot_hash(path.read_bytes())
    raise SnapshotError(f"{value!r} is neither a 0x-prefixed 32-byte hash nor a file: give one or the other")


def parse_account(value: str) -> str:
    if not is_address(value):
        raise SnapshotError(f"{value!r} is not an address: give the account's 0x address")
    return to_checksum_address(value)


def parse_kind(value: str) -> Kind:
    try:
        return signing.parse_kind(value)
    except ValueError as exc:
        raise SnapshotError(str(exc)) from None


def registry(provider):
    """The connected chain's SnapshotRegistry from its deployment manifest (reading needs no account)."""
    from ape import chain, project

    ctx = deployment.make_context(project, chain, None, deployment.default_profile(provider))
    deployment.attach(ctx, manifest.load(ctx.chain_id))
    if "SnapshotRegistry" not in ctx.contracts:
        raise deployment.DeploymentError(
            f"no SnapshotRegistry on chain {ctx.chain_id}: {manifest.describe(ctx.chain_id)} has none; "
            f"{deployment.nothing_deployed_hint(chain)}"
        )
    return ctx["SnapshotRegistry"]


def check(registry_, account: str, kind: Kind, hash_: bytes, version: int | None = None) -> Verdict:
    """Reads `latest` and asks `verify` (at `version`, or at the latest version)."""
    latest = registry_.latest(account, int(kind))
    at = int(latest.version) if version is None else version
    verified = bool(registry_.verify(account, int(kind), hash_, at))
    return Verdict(
        account,
        kind,
        hash_,
        version,
        bytes(latest.hash),
        int(latest.version),
        int(latest.anchored_at),
        verified,
    )


def table(v: Verdict):
    from rich.table import Table

    # No borders: a full hash (66 characters) and its label fit 80 columns.
    t = Table(title=v.summary, title_justify="left", show_header=False, box=None)
    t.add_column("", style="bold", no_wrap=True)
    t.add_column("", no_wrap=True)
    when = (
        dt.datetime.fromtimestamp(v.anchored_at, dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        if v.anchored_at
        else "-"
    )
    t.add_row("account", v.account)
    t.add_row("kind", f"{v.kind.name.lower()} ({int(v.kind)})")
    t.add_row("hash", "0x" + v.hash.hex())
    t.add_row("version", "the latest" if v.version is None else str(v.version))
    t.add_row("latest", "0x" + v.latest_hash.hex() if v.latest_version else "-")
    t.add_row("its version", str(v.latest_version))
    t.add_row("anchored", when)
    t.add_row("verified", "[green]yes[/]" if v.verified else "[red]no[/]")
    return t


def run(provider, account: str, kind: str, hash_: str, version: int | None) -> Verdict:
    """Parses the arguments, reads the registry, prints the table; returns the verdict."""
    verdict = check(registry(provider), parse_account(account), parse_kind(kind), parse_hash(hash_), version)
    ui.console.print(table(verdict))
    return verdict

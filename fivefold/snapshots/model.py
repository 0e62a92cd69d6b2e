"""The snapshot registry in Python: the rules of `SnapshotRegistry` (contracts/snapshots/) as a plain
object, the oracle of the tests (tests/snapshots/test_registry_stateful.py) and of the exercise.

No arithmetic to mirror: the rules are which anchor is accepted (one kind, a hash, the next version,
the account's consent) and what `latest` and `verify` answer afterwards. `anchor` raises `Refused`
with the contract's revert reason where the contract would revert.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fivefold.snapshots.signing import KINDS, Kind

ZERO_HASH = b"\0" * 32
PREFIX = "snapshot_registry: "


class Refused(Exception):
    """An anchor the registry refuses; the message is its revert reason."""


@dataclass(frozen=True)
class Latest:
    """`latest(account, kind)`: all zero if never anchored."""

    hash: bytes = ZERO_HASH
    version: int = 0
    anchored_at: int = 0


@dataclass
class Registry:
    """Latest hash, version and time per (account, kind)."""

    records: dict[tuple[str, Kind], Latest] = field(default_factory=dict)

    def latest(self, account: str, kind: Kind) -> Latest:
        return self.records.get((account, Kind(kind)), Latest())

    def next_version(self, account: str, kind: Kind) -> int:
        return self.latest(account, kind).version + 1

    def check(self, account: str, kind: int, hash_: bytes, version: int) -> None:
        """The checks both entry points share (the contract's `_check`), in its order."""
        if kind not in [int(k) for k in KINDS]:
            raise Refused(PREFIX + "not exactly one kind")
        if bytes(hash_) == ZERO_HASH:
            raise Refused(PREFIX + "zero hash")
        if version != self.next_version(account, Kind(kind)):
            raise Refused(PREFIX + "version is not the next one")

    def anchor(self, account: str, kind: int, hash_: bytes, version: int, now: int) -> None:
        """An anchor the account consented to (a direct call, or a valid signature)."""
        self.check(account, kind, hash_, version)
        self.records[(account, Kind(kind))] = Latest(bytes(hash_), version, now)

    def verify(self, account: str, kind: Kind, hash_: bytes, version: int) -> bool:
        latest = self.latest(account, kind)
        return version != 0 and latest.version == version and latest.hash == bytes(hash_)

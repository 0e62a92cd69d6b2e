"""SnapshotRegistry under random direct and relayed anchors (right and wrong versions, zero hashes,
signatures by the account or by an intruder, EOAs and an ERC-1271 wallet), against the Python model
(fivefold/snapshots/model.py). Invariants: each (account, kind)'s versions grow by exactly one from
1; `latest` is always the last accepted hash; every anchor on chain (its event) is one the account
consented to."""

import ape
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.snapshots import model
from fivefold.snapshots.signing import KINDS, Kind
from tests.tests_support import machine_settings

from .conftest import HASH_1, HASH_2, HASH_3, relay_args

MACHINE_SETTINGS = machine_settings(8, min_steps=8)
HASHES = (HASH_1, HASH_2, HASH_3, b"\0" * 32)


def test_registry__random_anchors__versions_grow_by_one_and_need_consent(
    snapshots_registry,
    snapshots_sign,
    snapshots_account,
    snapshots_relayer,
    snapshots_wallet,
    snapshots_wallet_signer,
    snapshots_intruder,
    chain,
):
    registry = snapshots_registry
    # (account, its signing key): two EOAs and the ERC-1271 wallet (signed by its key).
    owners = [
        (snapshots_account, snapshots_account),
        (snapshots_relayer, snapshots_relayer),
        (snapshots_wallet, snapshots_wallet_signer),
    ]
    eoas = owners[:2]

    class Machine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.model = model.Registry()
            self.consented = []  # (account, kind, version, hash) of every anchor the account agreed to
            self.history = {}  # (account, kind) -> versions accepted, in order
            self.from_block = chain.blocks.height + 1

        def teardown(self):
            chain.restore(self.snapshot)

        def _expect(self, account, kind, hash_, version):
            """The model's revert reason, or None if the anchor is accepted."""
            try:
                self.model.check(account, kind, hash_, version)
            except model.Refused as refused:
                return str(refused)
            return None

        def _accepted(self, tx, account, kind, hash_, version):
            self.model.anchor(account, kind, hash_, version, chain.blocks[tx.block_number].timestamp)
            self.consented.append((account, kind, version, bytes(hash_)))
            self.history.setdefault((account, kind), []).append(version)

        @rule(
            who=st.integers(0, 1),
            kind=st.sampled_from([*KINDS, 3]),
            hash_=st.sampled_from(HASHES),
            offset=st.sampled_from([0, 0, 0, -1, 1]),
        )
        def anchor_directly(self, who, kind, hash_, offset):
            account = eoas[who][0]
            version = self.model.next_version(account.address, Kind(kind & 7)) + offset
            reason = self._expect(account.address, int(kind), hash_, version)
            if reason:
                with ape.reverts(reason):
                    registry.anchor(int(kind), hash_, version, sender=account)
                return
            tx = registry.anchor(int(kind), hash_, version, sender=account)
            self._accepted(tx, account.address, Kind(kind), hash_, version)

        @rule(
            who=st.integers(0, 2),
            kind=st.sampled_from(KINDS),
            hash_=st.sampled_from(HASHES),
            offset=st.sampled_from([0, 0, 0, -1, 1]),
            consent=st.booleans(),
            sender=st.sampled_from(["relayer", "intruder"]),
        )
        def anchor_relayed(self, who, kind, hash_, offset, consent, sender):
            account, key = owners[who]
            version = max(0, self.model.next_version(account.address, kind) + offset)
            signer = key if consent else snapshots_intruder
            snap, signature = snapshots_sign(signer, account=account, kind=kind, hash=hash_, version=version)
            relayer = snapshots_relayer if sender == "relayer" else snapshots_intruder
            reason = self._expect(account.address, int(kind), hash_, version)
            if reason is None and not consent:
                reason = "snapshot_registry: bad signature"
            if reason:
                with ape.reverts(reason):
                    registry.anchor_for(*relay_args(snap), signature, sender=relayer)
                return
            tx = registry.anchor_for(*relay_args(snap), signature, sender=relayer)
            self._accepted(tx, account.address, kind, hash_, version)

        @rule(who=st.integers(0, 2), kind=st.sampled_from(KINDS))
        def replay_last(self, who, kind):
            """The last accepted version's snapshot, signed again by the account: always refused."""
            account, key = owners[who]
            latest = self.model.latest(account.address, kind)
            if latest.version == 0:
                return
            snap, signature = snapshots_sign(
                key, account=account, kind=kind, hash=latest.hash, version=latest.version
            )
            with ape.reverts("snapshot_registry: version is not the next one"):
                registry.anchor_for(*relay_args(snap), signature, sender=snapshots_relayer)

        @invariant()
        def versions_grow_by_one(self):
            for versions in self.history.values():
                assert versions == list(range(1, len(versions) + 1))

        @invariant()
        def latest_is_last_accepted(self):
            for account, _ in owners:
                for kind in KINDS:
                    want = self.model.latest(account.address, kind)
                    got = registry.latest(account, kind)
                    assert (bytes(got.hash), got.version, got.anchored_at) == (
                        want.hash,
                        want.version,
                        want.anchored_at,
                    )
                    if want.version:
                        assert registry.verify(account, kind, want.hash, want.version)

        @invariant()
        def every_anchor_consented(self):
            """The chain's SnapshotAnchored events are exactly the consented anchors, in order."""
            head = chain.blocks.height
            logs = (
                list(registry.SnapshotAnchored.range(self.from_block, head + 1))
                if head >= self.from_block
                else []
            )
            seen = [(log.account, Kind(log.kind), log.version, bytes(log.hash)) for log in logs]
            assert seen == self.consented

    run_state_machine_as_test(Machine, settings=MACHINE_SETTINGS)

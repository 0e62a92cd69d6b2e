# pragma version ~=0.4.3
"""
@title Signed data snapshots: a registry of the latest hash per account and kind
@custom:contract-name SnapshotRegistry
@license GNU Affero General Public License v3.0 only
@notice CMDMAX 6.1 and 8.1: users sign the hashes of their data snapshots
        (cache, persistent, permission); any node or chain verifies and
        restores from them; the wallet address is the account.

        An account anchors the hash of a snapshot of one kind with the
        version that comes next (1 for its first anchor of the kind, then
        one more each time), either itself (`anchor`) or through anyone who
        relays its EIP-712 signature (`anchor_for`, gasless for the
        account). The signed `Snapshot(account, kind, hash, version,
        deadline)` names the version, so one signature anchors once: once
        used, or once the account anchored that version some other way, it
        names a version that is no longer the next one. The domain holds
        the chain id and this contract, so a signature is worthless on
        another chain or registry. Smart-contract wallets (Safe, Argent)
        sign through ERC-1271 (snekmate's `signature_checker`).

        Reads: `latest(account, kind)` (hash, version, when) and
        `verify(account, kind, hash, version)`: whether that hash is the
        account's current snapshot of the kind at that version. Superseded
        versions are not kept in storage (a slot per version would put a
        relayed anchor over its 50,000-gas target): each anchor's
        `SnapshotAnchored` event is the history.

        fivefold/snapshots/signing.py computes the same digest, signs and
        verifies off-chain; docs/snapshots.md has the threat model.
@custom:security No external call but the static ERC-1271 question to a
        contract account, after every check and before any write, so
        there is nothing to re-enter. Replay protection is the version in
        the signed message, never the signature bytes: a malleated or
        EIP-2098 compact form of a used signature names the same used
        version. ERC-1271's answer is read once, at the anchor: a wallet
        that later stops accepting the signature does not undo its anchor.
        Two reverts are snekmate's own ("ecdsa: invalid signature" for a
        signature that recovers no address, "ecdsa: invalid signature `s`
        value" for a high-s one); every other carries this contract's name.
@custom:kill Nothing to stop: no owner, no pause, no funds. Nobody can
        edit, delete or block an account's anchors; a broken registry is
        replaced by deploying another one (its address in the manifest).
"""


from contracts.shared import constants
from interfaces import ISnapshotRegistry
from snekmate.utils import eip712_domain_separator
from snekmate.utils import signature_checker

implements: ISnapshotRegistry

initializes: eip712_domain_separator


exports: (
    # ERC-5267: the domain a signer's wallet shows (name, version, chain id, this contract).
    eip712_domain_separator.eip712Domain,
    # No ownership to export: the registry has no owner and nothing to configure.
)


# @dev The EIP-712 domain's name and version (fivefold/snapshots/signing.py uses the same two).
EIP712_NAME: constant(String[50]) = "CMDMAX Snapshots"
EIP712_VERSION: constant(String[20]) = "1"
# @dev EIP-712 type hash of a signed snapshot (the field order is the signature's). `kind` is the
#      flag's value (1 cache, 2 persistent, 4 permission).
SNAPSHOT_TYPEHASH: public(constant(bytes32)) = keccak256(
    "Snapshot(address account,uint256 kind,bytes32 hash,uint256 version,uint256 deadline)"
)

# A record word, from bit 0 (`_pack` / `_unpack`): version (216) | anchored_at (40). The version
# field cannot fill: each anchor adds one and costs over 21,000 gas.
_VERSION_MASK: constant(uint256) = 2**216 - 1
_TIME_SHIFT: constant(uint256) = 216
_TIME_MASK: constant(uint256) = constants.MASK_40


# @dev A record word unpacked.
struct Record:
    version: uint256
    anchored_at: uint256


# @dev The latest snapshot hash: account -> kind -> hash (zero: never anchored).
_hashes: HashMap[address, HashMap[ISnapshotRegistry.Kind, bytes32]]
# @dev The latest version and its time, packed: account -> kind -> record word.
_records: HashMap[address, HashMap[ISnapshotRegistry.Kind, uint256]]


@deploy
def __init__():
    """
    @dev Fixes the EIP-712 domain ("CMDMAX Snapshots", "1", this chain,
         this address). No arguments: the same init code, hence the same
         CREATE2 address, on every chain.
    """
    eip712_domain_separator.__init__(EIP712_NAME, EIP712_VERSION)


@external
def anchor(kind: ISnapshotRegistry.Kind, hash: bytes32, version: uint256):
    """
    @notice Anchors `hash` as the caller's snapshot of `kind` at `version`,
            which must be the next one (the latest plus one). The caller is
            the account: an EOA, or a smart-contract wallet calling itself.
    @param kind One kind (1 cache, 2 persistent, 4 permission).
    @param hash The snapshot's hash; not zero.
    @param version The latest version of the kind plus one (1 the first
           time): a resent transaction cannot anchor twice.
    """
    self._check(msg.sender, kind, hash, version)
    self._write(msg.sender, kind, hash, version)


@external
def anchor_for(
    account: address,
    kind: ISnapshotRegistry.Kind,
    hash: bytes32,
    version: uint256,
    deadline: uint256,
    signature: Bytes[65],
):
    """
    @notice Anchors `hash` as `account`'s snapshot of `kind` at `version`,
            on the account's signature; anyone may send it (a relayer pays
            the gas). The version must be the next one, so each signature
            anchors at most once.
    @param account The account that signed.
    @param kind One kind (1 cache, 2 persistent, 4 permission).
    @param hash The snapshot's hash; not zero.
    @param version The latest version of the kind plus one, as signed.
    @param deadline The last second the signature is good for, as signed.
    @param signature The account's 65-byte (or 64-byte EIP-2098) signature
           of `snapshot_digest(account, kind, hash, version, deadline)`, or
           its ERC-1271 signature if the account is a contract.
    @custom:security Front-running: whoever sends a signed anchor first
            anchors exactly what the account signed; the later copy reverts
            with "version is not the next one" and has changed nothing.
    """
    assert account != empty(address), "snapshot_registry: zero account"
    assert block.timestamp <= deadline, "snapshot_registry: signature expired"
    # The version before the signature: a replay (a used signature names a used version) is
    # refused for what it is, before the cost of recovering a signer.
    self._check(account, kind, hash, version)
    digest: bytes32 = self._digest(account, kind, hash, version, deadline)
    assert signature_checker._is_valid_signature_now(account, digest, signature), \
        "snapshot_registry: bad signature"
    self._write(account, kind, hash, version)


@external
@view
def latest(account: address, kind: ISnapshotRegistry.Kind) -> ISnapshotRegistry.Snapshot:
    """
    @notice The latest snapshot of `account` and `kind` (all zero if it
            never anchored one).
    @param account The account.
    @param kind One kind.
    @return ISnapshotRegistry.Snapshot Its hash, version and anchor time.
    """
    record: Record = self._unpack(self._records[account][kind])
    return ISnapshotRegistry.Snapshot(
        hash=self._hashes[account][kind], version=record.version, anchored_at=record.anchored_at
    )


@external
@view
def verify(account: address, kind: ISnapshotRegistry.Kind, hash: bytes32, version: uint256) -> bool:
    """
    @notice Whether `hash` is `account`'s current snapshot of `kind`, at
            `version`. False for a superseded version (its event remains)
            and for anything never anchored.
    @param account The account.
    @param kind One kind.
    @param hash The hash of the snapshot a node holds.
    @param version The version the node believes it is.
    @return bool True if both match the latest anchor.
    """
    return (
        version != 0
        and self._unpack(self._records[account][kind]).version == version
        and self._hashes[account][kind] == hash
    )


@external
@view
def snapshot_digest(
    account: address, kind: ISnapshotRegistry.Kind, hash: bytes32, version: uint256, deadline: uint256
) -> bytes32:
    """
    @notice The EIP-712 digest an account signs for `anchor_for` in this
            registry's domain (this chain, this address).
    @param account The account.
    @param kind One kind.
    @param hash The snapshot's hash.
    @param version The version it anchors.
    @param deadline The last second the signature is good for.
    @return bytes32 The digest.
    """
    return self._digest(account, kind, hash, version, deadline)


@internal
@view
def _check(account: address, kind: ISnapshotRegistry.Kind, hash: bytes32, version: uint256):
    """
    @dev The checks both entry points share: one kind, a hash, the next
         version.
    @param account The account.
    @param kind The kind: exactly one member.
    @param hash The snapshot's hash: not zero.
    @param version The version: the latest plus one.
    """
    # A flag argument can carry several members (3 = cache | persistent) or none: exactly one bit.
    bits: uint256 = convert(kind, uint256)
    assert bits != 0 and bits & unsafe_sub(bits, 1) == 0, "snapshot_registry: not exactly one kind"
    assert hash != empty(bytes32), "snapshot_registry: zero hash"
    # The latest version fits its field (see the record word): + 1 cannot overflow uint256.
    assert version == unsafe_add(self._unpack(self._records[account][kind]).version, 1), \
        "snapshot_registry: version is not the next one"


@internal
def _write(account: address, kind: ISnapshotRegistry.Kind, hash: bytes32, version: uint256):
    """
    @dev Records `hash` at `version` for `account` and `kind` (checked by
         `_check`, consent by the caller) and logs it.
    @param account The account.
    @param kind The kind.
    @param hash The snapshot's hash.
    @param version The new version.
    """
    self._hashes[account][kind] = hash
    self._records[account][kind] = self._pack(Record(version=version, anchored_at=block.timestamp))
    log ISnapshotRegistry.SnapshotAnchored(
        account=account, kind=kind, relayer=msg.sender, version=version, hash=hash
    )


@internal
@view
def _digest(
    account: address, kind: ISnapshotRegistry.Kind, hash: bytes32, version: uint256, deadline: uint256
) -> bytes32:
    """
    @dev The EIP-712 digest of a `Snapshot` in this contract's domain.
    @param account The account.
    @param kind The kind (its flag value).
    @param hash The snapshot's hash.
    @param version The version.
    @param deadline The deadline.
    @return bytes32 The digest.
    """
    return eip712_domain_separator._hash_typed_data_v4(
        keccak256(abi_encode(SNAPSHOT_TYPEHASH, account, convert(kind, uint256), hash, version, deadline))
    )


@internal
@pure
def _pack(record: Record) -> uint256:
    """
    @dev A record word from its fields.
    @param record The version (below 2**216) and the anchor time (below
           2**40: a block timestamp until the year 36812).
    @return uint256 The word.
    """
    return record.version | (record.anchored_at << _TIME_SHIFT)


@internal
@pure
def _unpack(word: uint256) -> Record:
    """
    @dev The fields of a record word.
    @param word The word.
    @return Record Its version and anchor time.
    """
    return Record(version=word & _VERSION_MASK, anchored_at=(word >> _TIME_SHIFT) & _TIME_MASK)

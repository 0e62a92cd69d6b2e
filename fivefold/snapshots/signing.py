"""Signed data snapshots off-chain: hash a snapshot, sign it for `SnapshotRegistry.anchor_for`, and
verify a signature exactly as the registry does (contracts/snapshots/SnapshotRegistry.vy).

The digest is EIP-712's, computed here from its parts (domain separator, type hash, struct hash)
with nothing but keccak and ABI encoding, so a node can check a signature without a chain; the
tests pin it to the contract's `snapshot_digest` and to eth-account's `encode_typed_data`.

    snap = Snapshot(account, Kind.PERSISTENT, snapshot_hash(data), version=3, deadline=now + 3600)
    signature = sign(key_or_ape_account, chain_id, registry_address, snap)
    assert recover(chain_id, registry_address, snap, signature) == account
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import IntFlag

from eth_abi import encode
from eth_account import Account
from eth_keys import keys
from eth_keys.constants import SECPK1_N
from eth_keys.exceptions import BadSignature, ValidationError
from eth_utils import keccak, to_checksum_address

from fivefold import eip712

EIP712_NAME = "CMDMAX Snapshots"  # the contract's EIP712_NAME
EIP712_VERSION = "1"  # the contract's EIP712_VERSION
DOMAIN_TYPE = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
SNAPSHOT_TYPE = "Snapshot(address account,uint256 kind,bytes32 hash,uint256 version,uint256 deadline)"
# The Snapshot type's fields, in the order of its type string (for eth-account's encode_typed_data).
SNAPSHOT_FIELDS = [
    ("account", "address"),
    ("kind", "uint256"),
    ("hash", "bytes32"),
    ("version", "uint256"),
    ("deadline", "uint256"),
]
# secp256k1's n / 2: a signature with a larger s is refused (EIP-2), as snekmate's ecdsa does.
MALLEABILITY_THRESHOLD = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0


class Kind(IntFlag):
    """ISnapshotRegistry's `flag Kind`: a call names exactly one member."""

    CACHE = 1  # the client's cache
    PERSISTENT = 2  # the user's persistent data
    PERMISSION = 4  # what the user lets others read or do


KINDS = (Kind.CACHE, Kind.PERSISTENT, Kind.PERMISSION)


def parse_kind(name: str | int) -> Kind:
    """`cache`, `persistent`, `permission` (any case) or a member's value -> the Kind."""
    if isinstance(name, int) or str(name).isdigit():
        kind = Kind(int(name))
        if kind not in KINDS:
            raise ValueError(f"kind {int(name)} is not one of 1 (cache), 2 (persistent), 4 (permission)")
        return kind
    try:
        return Kind[str(name).upper()]
    except KeyError:
        raise ValueError(f"unknown kind {name!r}: cache, persistent or permission") from None


@dataclass(frozen=True)
class Snapshot:
    """What an account signs: its snapshot `hash` of `kind` at `version`, good until `deadline`."""

    account: str
    kind: Kind
    hash: bytes
    version: int
    deadline: int

    def struct_hash(self) -> bytes:
        """keccak256(abi.encode(SNAPSHOT_TYPEHASH, account, kind, hash, version, deadline))."""
        return keccak(
            encode(
                ["bytes32", "address", "uint256", "bytes32", "uint256", "uint256"],
                [
                    keccak(text=SNAPSHOT_TYPE),
                    to_checksum_address(self.account),
                    int(self.kind),
                    bytes(self.hash),
                    self.version,
                    self.deadline,
                ],
            )
        )

    def message(self) -> dict:
        """The EIP-712 message as a wallet shows it."""
        return {
            "account": to_checksum_address(self.account),
            "kind": int(self.kind),
            "hash": bytes(self.hash),
            "version": self.version,
            "deadline": self.deadline,
        }


def snapshot_hash(data: bytes | str | dict | list) -> bytes:
    """The hash an account anchors: keccak256 of the snapshot's bytes. Text is hashed as UTF-8;
    a dict or list as canonical JSON (sorted keys, no spaces), so two nodes holding the same data
    compute the same hash."""
    if isinstance(data, dict | list):
        data = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if isinstance(data, str):
        data = data.encode()
    return keccak(bytes(data))


def domain_separator(chain_id: int, registry: str) -> bytes:
    """The registry's EIP-712 domain separator on chain `chain_id`."""
    return keccak(
        encode(
            ["bytes32", "bytes32", "bytes32", "uint256", "address"],
            [
                keccak(text=DOMAIN_TYPE),
                keccak(text=EIP712_NAME),
                keccak(text=EIP712_VERSION),
                chain_id,
                to_checksum_address(registry),
            ],
        )
    )


def digest(chain_id: int, registry: str, snap: Snapshot) -> bytes:
    """keccak256("\\x19\\x01" || domain separator || struct hash): what the account signs and what
    `SnapshotRegistry.snapshot_digest` returns."""
    return keccak(b"\x19\x01" + domain_separator(chain_id, registry) + snap.struct_hash())


def typed_data(chain_id: int, registry: str, snap: Snapshot) -> dict:
    """The full EIP-712 message (eth_signTypedData_v4's JSON) a wallet signs."""
    contract = to_checksum_address(registry)
    return eip712.typed_data(
        EIP712_NAME, EIP712_VERSION, chain_id, contract, "Snapshot", SNAPSHOT_FIELDS, snap.message()
    )


def sign(signer, chain_id: int, registry: str, snap: Snapshot) -> bytes:
    """The 65-byte signature (r, s, v) `anchor_for` takes. `signer` is a private key (hex or bytes)
    or an ape account (signs the typed data through its own `sign_message`, as a wallet would)."""
    if isinstance(signer, str | bytes):
        sig = Account.unsafe_sign_hash(digest(chain_id, registry, snap), signer)
        return sig.r.to_bytes(32, "big") + sig.s.to_bytes(32, "big") + bytes([sig.v])
    from eth_account.messages import encode_typed_data

    sig = signer.sign_message(encode_typed_data(full_message=typed_data(chain_id, registry, snap)))
    # Ape's signature drops leading zero bytes of r and s: pad them back to 32 bytes.
    return bytes(sig.r).rjust(32, b"\0") + bytes(sig.s).rjust(32, b"\0") + bytes([sig.v])


def compact(signature: bytes) -> bytes:
    """The EIP-2098 64-byte form (r, yParity·2^255 | s) of a 65-byte signature."""
    r, s, v = signature[:32], int.from_bytes(signature[32:64], "big"), signature[64]
    return r + (s | ((v - 27) << 255)).to_bytes(32, "big")


def recover(chain_id: int, registry: str, snap: Snapshot, signature: bytes) -> str | None:
    """The address that signed `snap` as the registry recovers it (snekmate's ecdsa): 65 bytes
    (r, s, v) or 64 (EIP-2098); None where the registry would refuse the signature (a length other
    than 64 or 65, s above n/2, v other than 27 or 28, no point)."""
    signature = bytes(signature)
    if len(signature) == 65:
        r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:64], "big")
        v = signature[64]
    elif len(signature) == 64:
        r, vs = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        s, v = vs & ((1 << 255) - 1), (vs >> 255) + 27
    else:
        return None
    if s > MALLEABILITY_THRESHOLD or v not in (27, 28) or not 0 < r < SECPK1_N or s == 0:
        return None
    try:
        public = keys.Signature(vrs=(v - 27, r, s)).recover_public_key_from_msg_hash(
            digest(chain_id, registry, snap)
        )
    except (BadSignature, ValidationError):  # r is not the x of a curve point: ecrecover gives 0
        return None
    return public.to_checksum_address()


def verify_signature(chain_id: int, registry: str, snap: Snapshot, signature: bytes) -> bool:
    """Whether `signature` is the account's own (EOA) signature of `snap`: what `anchor_for` checks
    for an account without code. A smart-contract wallet's signature is its own ERC-1271 answer:
    ask the wallet (`is_valid_erc1271`)."""
    return recover(chain_id, registry, snap, signature) == to_checksum_address(snap.account)


ERC1271_MAGIC = bytes.fromhex("1626ba7e")


def is_valid_erc1271(wallet, chain_id: int, registry: str, snap: Snapshot, signature: bytes) -> bool:
    """Asks a smart-contract wallet (an ape contract with `isValidSignature`) whether it accepts
    `signature` for `snap`, as the registry's `signature_checker` does; a revert counts as no."""
    from ape.exceptions import ContractLogicError

    try:
        answer = wallet.isValidSignature(digest(chain_id, registry, snap), signature)
    except ContractLogicError:  # a wallet that reverts says no, as the registry's low-level call reads it
        return False
    return bytes(answer)[:4] == ERC1271_MAGIC

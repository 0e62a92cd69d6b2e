"""Sorted-pair Merkle trees with 160-bit nodes, as verified on-chain by the payouts contracts.

Scheme (snekmate's `merkle_proof_verification` rule, narrowed to 160-bit nodes):
- every node is a 32-byte word whose value is below 2**160 (the low 160 bits of a keccak256);
- leaves stay in the caller's order (index order); level 0 is the list of leaf nodes;
- a parent is low160(keccak256(min(a, b) ++ max(a, b))) of the pair (2j, 2j + 1), the words
  compared as unsigned integers; an odd last node is carried up unchanged (its proof has no
  sibling at that level);
- a proof lists the siblings from the leaf upwards.

Why 160 bits: a proof's siblings are calldata, and a word with 12 zero bytes costs 144 gas less
than a full one (2,880 gas on a 20-sibling proof). Forging a proof against a published tree needs a
second preimage of a 160-bit node (2**160 work); a collision (about 2**81) can be prepared by
anyone who controls a leaf before the tree is fixed, a registrant included, which is why airdrop
leaves commit to a random salt revealed only at publication (docs/payouts.md, "Leaves and nodes").

Leaves are hashed twice over an abi.encode (see `fivefold.payouts.airdrop_leaf`), so a leaf
preimage is 32 bytes and can never be mistaken for an internal node's 64.

Built for size: 1,000,000 leaves is about 3,000,000 keccak calls, done with the fastest
keccak binding installed (pysha3 when present, pycryptodome otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

try:  # pysha3: ~6x faster per call than pycryptodome's object API
    from sha3 import keccak_256 as _keccak_256

    def keccak(data: bytes) -> bytes:
        return _keccak_256(data).digest()

except ImportError:  # pragma: no cover - depends on the environment
    from Crypto.Hash import keccak as _ck

    def keccak(data: bytes) -> bytes:
        return _ck.new(digest_bits=256, data=data).digest()


_PAD = b"\0" * 12


def low160(digest: bytes) -> bytes:
    """A node: the low 160 bits of a digest, as a 32-byte word."""
    return _PAD + digest[12:]


def hash_pair(a: bytes, b: bytes) -> bytes:
    return low160(keccak(a + b) if a < b else keccak(b + a))


def next_level(level: Sequence[bytes]) -> list[bytes]:
    k, pad = keccak, _PAD
    out = [
        pad + (k(a + b) if a < b else k(b + a))[12:] for a, b in zip(level[0::2], level[1::2], strict=False)
    ]  # odd last: carried up
    if len(level) % 2:
        out.append(level[-1])
    return out


class MerkleTree:
    """All levels of a tree over `leaves` (already hashed), root last."""

    def __init__(self, leaves: Sequence[bytes], on_level: Callable[[int], None] | None = None):
        if not leaves:
            raise ValueError("a Merkle tree needs at least one leaf")
        self.levels: list[list[bytes]] = [list(leaves)]
        while len(self.levels[-1]) > 1:
            self.levels.append(next_level(self.levels[-1]))
            if on_level:
                on_level(len(self.levels[-1]))

    @property
    def root(self) -> bytes:
        return self.levels[-1][0]

    @property
    def root_int(self) -> int:
        return int.from_bytes(self.root, "big")

    def __len__(self) -> int:
        return len(self.levels[0])

    @property
    def depth(self) -> int:
        return len(self.levels) - 1

    def proof(self, index: int) -> list[bytes]:
        if not 0 <= index < len(self):
            raise IndexError(f"leaf {index} is not in a tree of {len(self)} leaves")
        out = []
        for level in self.levels[:-1]:
            sibling = index ^ 1
            if sibling < len(level):
                out.append(level[sibling])
            index >>= 1
        return out

    def hex_levels(self) -> list[list[str]]:
        """Every node as a 0x-hex string, level by level (for writing all proofs fast)."""
        return [["0x" + node.hex() for node in level] for level in self.levels[:-1]]


def ints(proof: Iterable[bytes]) -> list[int]:
    """A proof as the uint256 list the contracts take."""
    return [int.from_bytes(p, "big") for p in proof]


def root_of(proof: Iterable[bytes], leaf: bytes) -> bytes:
    node = leaf
    for sibling in proof:
        node = hash_pair(node, sibling)
    return node


def verify(proof: Iterable[bytes], root: bytes, leaf: bytes) -> bool:
    return root_of(proof, leaf) == root


def address_leaf(account: str) -> bytes:
    """A channel member's leaf in a red packet's channel tree:
    low160(keccak256(keccak256(abi.encode(account))))."""
    return low160(keccak(keccak(bytes.fromhex(account[2:].lower()).rjust(32, b"\0"))))


def channel_tree(members: Sequence[str]) -> MerkleTree:
    return MerkleTree([address_leaf(m) for m in members])


def airdrop_leaves(
    prefix: bytes, accounts: Sequence[bytes], amounts: Sequence[int], first: int = 0
) -> list[bytes]:
    """low160(keccak256(keccak256(abi.encode(chain.id, registry, round, salt, index, account, amount))))
    for every row, by hand.

    `prefix` is the round's first four words (`payouts.RoundKey.prefix`); `accounts` are 20-byte
    canonical addresses; abi.encode of static words is just their 32-byte big-endian concatenation,
    so no ABI library is needed (eth_abi is far too slow here). Row i gets index `first + i`.
    """
    k = keccak
    pad = _PAD
    return [
        pad + k(k(prefix + i.to_bytes(32, "big") + pad + acct + amt.to_bytes(32, "big")))[12:]
        for i, (acct, amt) in enumerate(zip(accounts, amounts, strict=True), start=first)
    ]

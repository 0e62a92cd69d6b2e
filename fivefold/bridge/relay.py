"""The local relay: what Hyperlane's validators and relayer do between the local chains, in one
call.

`relay_once(cores)` reads, on every origin chain, the Mailbox's `Dispatch` events and the
MerkleTreeHook's `InsertedIntoTree` events (from block 0: the chain is the only memory), and for
each message whose destination is one of `cores` and which that destination's Mailbox has not
`delivered`, it

1. rebuilds the origin tree's checkpoint at the message's index: the root of the incremental
   Merkle tree (Hyperlane's MerkleLib, depth 32) after inserting the message ids 0..index, the
   checkpoint a validator signs right after the message was inserted;
2. signs it with `THRESHOLD` of the local validator keys exactly as a validator signs a checkpoint
   (CheckpointLib.digest): EIP-191 `personal_sign` of
   keccak256(domainHash ++ root ++ uint32 index ++ messageId), where
   domainHash = keccak256(uint32 origin ++ bytes32 merkleTreeHook ++ "HYPERLANE");
3. calls the destination Mailbox's `process(metadata, message)` with the message-id multisig
   metadata: bytes32 merkleTreeHook ++ bytes32 root ++ uint32 index ++ 65-byte signatures, in the
   validators' order (what MessageIdMultisigIsmMetadata reads).

The destination's own contracts verify everything (the ISM the signatures, the Mailbox the
destination and that the id was never delivered, the router its enrolled sender). The relay keeps
no state: pending = dispatched and not delivered, so a relay stopped mid-way and started again
delivers every pending message exactly once. A message the destination refuses stays pending and is
reported with Hyperlane's reason; the next pass tries it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from eth_account import Account
from eth_account.messages import encode_defunct
from eth_utils import keccak

from fivefold.bridge.hyperlane import THRESHOLD, VALIDATOR_KEYS, Core, Reverted, message_id

TREE_DEPTH = 32


def _zero_hashes() -> list[bytes]:
    """Z_0 = 0, Z_{i+1} = keccak(Z_i ++ Z_i): the roots of empty subtrees (MerkleLib's zeroes)."""
    zeroes = [bytes(32)]
    for _ in range(TREE_DEPTH - 1):
        zeroes.append(keccak(zeroes[-1] + zeroes[-1]))
    return zeroes


ZEROES = _zero_hashes()


class MerkleTree:
    """Hyperlane's incremental Merkle tree (MerkleLib): `insert` a leaf, read `root`."""

    def __init__(self):
        """An empty tree: no leaves, an all-zero branch."""
        self.branch = [bytes(32)] * TREE_DEPTH
        self.count = 0

    def insert(self, leaf: bytes) -> None:
        """MerkleLib.insert: the new leaf climbs while its subtree is full."""
        self.count += 1
        size, node = self.count, leaf
        for i in range(TREE_DEPTH):
            if size & 1:
                self.branch[i] = node
                return
            node = keccak(self.branch[i] + node)
            size >>= 1
        raise ValueError("merkle tree full")

    def root(self) -> bytes:
        """MerkleLib.root: the branch folded with zero subtrees where the size has no bit."""
        current = bytes(32)
        for i in range(TREE_DEPTH):
            if (self.count >> i) & 1:
                current = keccak(self.branch[i] + current)
            else:
                current = keccak(current + ZEROES[i])
        return current


@dataclass(frozen=True)
class Message:
    """A dispatched Hyperlane message (Message.sol's layout) and where it is in the origin tree."""

    raw: bytes
    index: int  # its leaf in the origin's MerkleTreeHook
    root: bytes  # the origin tree's root right after it was inserted

    @property
    def id(self) -> bytes:
        """keccak256 of the message."""
        return message_id(self.raw)

    @property
    def nonce(self) -> int:
        """The origin Mailbox's count when it was dispatched."""
        return int.from_bytes(self.raw[1:5], "big")

    @property
    def origin(self) -> int:
        """The origin domain."""
        return int.from_bytes(self.raw[5:9], "big")

    @property
    def destination(self) -> int:
        """The destination domain."""
        return int.from_bytes(self.raw[41:45], "big")


@dataclass(frozen=True)
class Delivery:
    """What one pass did with one pending message: `reason` is None when it was delivered."""

    message: Message
    reason: str | None = None


def dispatched(core: Core) -> list[Message]:
    """Every message `core`'s Mailbox dispatched, with its index and checkpoint root, read from the
    chain's events (the MerkleTreeHook's insertions give the index, folded into the roots)."""
    inserted = core.merkle_hook.events.InsertedIntoTree().get_logs(from_block=0)
    ids = [bytes(e.args.messageId) for e in sorted(inserted, key=lambda e: e.args.index)]
    tree, roots = MerkleTree(), {}
    for leaf in ids:
        tree.insert(leaf)
        roots[leaf] = (tree.count - 1, tree.root())
    messages = []
    for event in core.mailbox.events.Dispatch().get_logs(from_block=0):
        raw = bytes(event.args.message)
        index, root = roots[message_id(raw)]
        messages.append(Message(raw, index, root))
    return messages


def checkpoint_digest(origin: int, merkle_hook: str, root: bytes, index: int, id_: bytes) -> bytes:
    """keccak256(domainHash ++ root ++ uint32 index ++ id): what a validator signs (EIP-191)."""
    domain_hash = keccak(origin.to_bytes(4, "big") + _word(merkle_hook) + b"HYPERLANE")
    return keccak(domain_hash + root + index.to_bytes(4, "big") + id_)


def _word(address: str) -> bytes:
    """An address left-padded to 32 bytes."""
    return bytes(12) + bytes.fromhex(address[2:])


def sign(digest: bytes, key: str) -> bytes:
    """A validator's 65-byte signature r ++ s ++ v of an EIP-191 signed 32-byte digest."""
    signed = Account.sign_message(encode_defunct(primitive=digest), key)
    return signed.signature


def metadata(origin: Core, message: Message, keys=VALIDATOR_KEYS[:THRESHOLD]) -> bytes:
    """The message-id multisig metadata of `message`, signed by `keys` (in the ISM's order)."""
    hook = origin.merkle_hook.address
    digest = checkpoint_digest(message.origin, hook, message.root, message.index, message.id)
    signatures = b"".join(sign(digest, key) for key in keys)
    return _word(hook) + message.root + message.index.to_bytes(4, "big") + signatures


def pending(cores: list[Core]) -> list[tuple[Core, Core, Message]]:
    """(origin, destination, message) for every message dispatched on one of `cores` to another
    of them and not delivered there, in dispatch order per origin."""
    by_domain = {core.domain: core for core in cores}
    found = []
    for origin in cores:
        for message in dispatched(origin):
            destination = by_domain.get(message.destination)
            if destination is None:
                continue
            if not destination.mailbox.functions.delivered(message.id).call():
                found.append((origin, destination, message))
    return found


def deliver(origin: Core, destination: Core, message: Message) -> Delivery:
    """Processes one message on its destination Mailbox; a refusal is reported, not raised."""
    fn = destination.mailbox.functions.process(metadata(origin, message), message.raw)
    try:
        destination.chain.send(fn)
    except Reverted as exc:
        return Delivery(message, exc.reason)
    return Delivery(message)


def relay_once(cores: list[Core], limit: int | None = None) -> list[Delivery]:
    """One pass over every pending message between `cores` (at most `limit` of them: a relay
    stopped mid-way); returns what happened to each."""
    done = []
    for origin, destination, message in pending(cores):
        if limit is not None and len(done) >= limit:
            break
        done.append(deliver(origin, destination, message))
    return done

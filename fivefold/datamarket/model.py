"""Mirror of DataMarket (contracts/datamarket/DataMarket.vy) as pure functions.

What a buyer, a proxy and the tests compute off-chain exactly as the contract checks it: purchase
ids, the proxy's encryption of the key to the buyer's one-time key (ECDH on secp256k1, the pad from
the shared point's address), the buyer's decryption, the fee split and the PR score.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import coincurve
from eth_utils import keccak, to_checksum_address

from fivefold.payouts.model import ZERO_ADDRESS, enc

NATIVE = ZERO_ADDRESS
BPS = 10_000
DAY = 86_400
HOUR = 3_600
MAX_AMOUNT = 2**96 - 1
MAX_FEE_BPS = 2_000
MAX_DEPOSIT_BPS = 10_000
MIN_WINDOW = HOUR
MAX_WINDOW = 30 * DAY
MAX_PROXY_STAKE = 10**9 * 10**18
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
STATE_NONE, STATE_PAID, STATE_DELIVERED, STATE_SETTLED, STATE_REFUNDED = 0, 1, 2, 3, 4
STATES = {0: "none", 1: "paid", 2: "delivered", 3: "settled", 4: "refunded"}
LISTING_OPEN, LISTING_CLOSED, LISTING_SLASHED = 1, 2, 3
LISTING_STATUS = {0: "none", 1: "open", 2: "closed", 3: "slashed"}
REASON_WRONG_KEY, REASON_UNDELIVERED, REASON_DECLINED = 1, 2, 3


def new_secret() -> int:
    """A random secp256k1 secret (1 .. n-1): a buyer's one-time key or a proxy's ephemeral key."""
    while True:
        k = int.from_bytes(os.urandom(32), "big")
        if 0 < k < N:
            return k


def _public(secret: int) -> coincurve.PublicKey:
    return coincurve.PrivateKey(secret.to_bytes(32, "big")).public_key


def _address(point: coincurve.PublicKey) -> str:
    return to_checksum_address(keccak(point.format(compressed=False)[1:])[-20:])


def key_address(secret: int) -> str:
    """address(d*G): the `buyer_key` a buyer names for its one-time secret d."""
    return _address(_public(secret))


def public_key(secret: int) -> bytes:
    """The 64-byte public key (x || y) of a secret: what the buyer hands the proxy off-chain."""
    return _public(secret).format(compressed=False)[1:]


def point(secret: int) -> tuple[int, int]:
    """(x, y parity) of secret*G: how a delivery posts the proxy's ephemeral key."""
    raw = _public(secret).format(compressed=False)[1:]
    return int.from_bytes(raw[:32], "big"), raw[63] & 1


def _shared(secret: int, public: bytes) -> str:
    """address(secret * P) for the 64-byte public key P (ECDH's shared point, as an address)."""
    p = coincurve.PublicKey(b"\x04" + public).multiply(secret.to_bytes(32, "big"))
    return _address(p)


def purchase_id(listing: int, buyer: str) -> bytes:
    """keccak256(abi.encode(listing, buyer)): a buyer's one purchase of a listing."""
    return keccak(enc(listing, buyer))


def commitment(key: bytes) -> bytes:
    """keccak256(key): what the seller lists."""
    return keccak(key)


def pad(shared_address: str, pid: bytes) -> int:
    """keccak256(abi.encode(address(S), id)) as an integer."""
    return int.from_bytes(keccak(enc(shared_address, pid)), "big")


def encrypt(key: bytes, pid: bytes, buyer_public: bytes, ephemeral: int) -> tuple[bytes, int, int]:
    """The proxy's delivery: (ciphertext, E.x, E.y parity) with ciphertext = key XOR pad, the pad
    from address(e * D), D the buyer's one-time public key."""
    x, parity = point(ephemeral)
    c = int.from_bytes(key, "big") ^ pad(_shared(ephemeral, buyer_public), pid)
    return c.to_bytes(32, "big"), x, parity


def decrypt(ciphertext: bytes, pid: bytes, secret: int, ephemeral_x: int, parity: int) -> bytes:
    """The buyer's side: key = ciphertext XOR pad, the pad from address(d * E)."""
    e = coincurve.PublicKey(bytes([2 + parity]) + ephemeral_x.to_bytes(32, "big"))
    shared = _address(e.multiply(secret.to_bytes(32, "big")))
    return (int.from_bytes(ciphertext, "big") ^ pad(shared, pid)).to_bytes(32, "big")


def delivery_hash(ciphertext: bytes, ephemeral_x: int, parity: int) -> bytes:
    return keccak(enc(ciphertext, ephemeral_x, parity))


def fee(price: int, fee_bps: int) -> int:
    """floor(price * fee_bps / BPS): the proxy's part of a settled price."""
    return price * fee_bps // BPS


def min_deposit(price: int, deposit_bps: int) -> int:
    """ceil(price * deposit_bps / BPS): the least deposit a listing at `price` holds."""
    return -(-price * deposit_bps // BPS)


def pr_score(deliveries: int, lost: int, missed: int) -> int:
    """floor(100 * (deliveries - lost) / (deliveries + missed)); 0 before the first handled purchase."""
    handled = deliveries + missed
    return 0 if handled == 0 else 100 * (deliveries - lost) // handled


@dataclass
class Buyer:
    """A buyer's one-time key for one purchase."""

    secret: int

    @classmethod
    def new(cls) -> Buyer:
        return cls(new_secret())

    @property
    def key(self) -> str:
        return key_address(self.secret)

    @property
    def public(self) -> bytes:
        return public_key(self.secret)


def description_hash(description: str) -> bytes:
    """keccak256 of the description's UTF-8: the listing's index (the Market holds the text)."""
    return keccak(description.encode())

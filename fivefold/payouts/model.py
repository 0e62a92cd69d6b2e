"""Mirror of the payouts contracts' formulas (RedPacket, AirdropRounds) as pure functions.

Tests use these as the oracle; the demo and the dApp side use them to derive password keys,
sign claims, predict shares, fees and the airdrop schedule.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from eth_account import Account
from eth_utils import keccak, to_canonical_address

BPS = 10_000
MAX_SHARES = 65_535
BAND_LOW_USD = 100
BAND_MID_USD = 500
MASK_128 = 2**128 - 1
SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141

# Password stretching: a throwaway key is worth one packet, but the password is public to
# brute force once the packet exists, so derive slowly (PBKDF2-HMAC-SHA256).
PASSWORD_ROUNDS = 100_000
# Stripped from both ends of a password after NFC (what a paste adds): Unicode's White_Space and
# U+FEFF. Inner characters stay. docs/integration.md specifies the derivation with test vectors.
PASSWORD_TRIM = (
    "\t\n\v\f\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def _word(x: int | str | bytes) -> bytes:
    if isinstance(x, bytes):
        return x.rjust(32, b"\0")
    if isinstance(x, str):
        return to_canonical_address(x).rjust(32, b"\0")
    return int(x).to_bytes(32, "big")


def enc(*values) -> bytes:
    """abi.encode of static words (addresses as 0x strings, ints, 32-byte values), by hand."""
    return b"".join(_word(v) for v in values)


# --------------------------------------------------------------------------------------------
# Red packets
# --------------------------------------------------------------------------------------------

ZERO_ADDRESS = "0x" + "00" * 20


def packet_id(creator: str, signer: str | None, token: str | None, salt: int) -> bytes:
    """keccak256(abi.encode(creator, signer, token, salt)): the packet id."""
    return keccak(enc(creator, signer or ZERO_ADDRESS, token or ZERO_ADDRESS, salt))


def password_bytes(password: str) -> bytes:
    """The password as stretched: NFC, PASSWORD_TRIM stripped from both ends, UTF-8."""
    text = unicodedata.normalize("NFC", password).strip(PASSWORD_TRIM)
    if not text:
        raise ValueError("red packet password is empty once white space is trimmed")
    return text.encode("utf-8")  # a lone surrogate raises UnicodeEncodeError


@dataclass(frozen=True)
class PasswordKey:
    key: bytes
    address: str


def password_key(password: str, creator: str, salt: int, chain_id: int, contract: str,
                 rounds: int = PASSWORD_ROUNDS) -> PasswordKey:
    """The throwaway key a password stands for, bound to one packet on one chain.

    PBKDF2-HMAC-SHA256 over the password with the packet's coordinates as salt, reduced to a
    valid secp256k1 scalar. Only its address (`signer`) goes on-chain.
    """
    coords = enc(chain_id, contract, creator, salt)
    raw = hashlib.pbkdf2_hmac("sha256", password_bytes(password), b"fivefold.redpacket" + coords, rounds)
    scalar = int.from_bytes(raw, "big") % (SECP256K1_N - 1) + 1
    key = scalar.to_bytes(32, "big")
    return PasswordKey(key, Account.from_key(key).address)


def claim_digest(chain_id: int, contract: str, pid: bytes, claimer: str) -> bytes:
    """keccak256(abi.encode(chain.id, contract, id, claimer)): what the password key signs."""
    return keccak(enc(chain_id, contract, pid, claimer))


def sign_claim(key: bytes, chain_id: int, contract: str, pid: bytes, claimer: str) -> tuple[bytes, bytes]:
    """(r, vs): the EIP-2098 compact signature of a claim by the password key."""
    sig = Account.unsafe_sign_hash(claim_digest(chain_id, contract, pid, claimer), key)
    vs = sig.s | ((sig.v - 27) << 255)
    return sig.r.to_bytes(32, "big"), vs.to_bytes(32, "big")


def packet_fee(rates: tuple[int, int, int], amount: int, price: int | None, token_decimals: int,
               feed_decimals: int) -> int:
    """RedPacket's fee on a deposit of `amount`: SPEC 6.4's rates charged in brackets.

    The low rate on the part worth up to USD 100, the mid rate on USD 100 to 500, the high rate on
    the rest; the bracket limits in the asset's units round down, the fee rounds up (both favour
    the protocol). An asset without a feed (price None) pays the highest rate on everything.
    """
    low, mid, high = rates
    if price is None:
        return fee(amount, max(low, mid, high))
    one_usd = 10 ** (token_decimals + feed_decimals)
    up_to_low = min(amount, BAND_LOW_USD * one_usd // price)
    up_to_mid = min(amount, BAND_MID_USD * one_usd // price)
    weighted = low * up_to_low + mid * (up_to_mid - up_to_low) + high * (amount - up_to_mid)
    return -(-weighted // BPS)


def fee(amount: int, bps: int) -> int:
    """ceil(amount * bps / 10_000): rounds up, in the protocol's favour."""
    return -(-amount * bps // BPS)


def share(remaining: int, left: int, k: int, seed: int, random: bool) -> int:
    """The k-th claim's amount with `remaining` left over `left` shares (left >= 1)."""
    if left == 1:
        return remaining
    if not random:
        return remaining // left
    span = 2 * remaining // left - 1
    r = int.from_bytes(keccak(enc(seed, k)), "big")
    return 1 + r % span


def shares(net: int, n: int, seed: int, random: bool) -> list[int]:
    """Every claim's amount, in claim order, for a packet of `net` over `n` shares."""
    out, remaining = [], net
    for k in range(n):
        a = share(remaining, n - k, k, seed, random)
        out.append(a)
        remaining -= a
    return out


# --------------------------------------------------------------------------------------------
# Airdrop rounds
# --------------------------------------------------------------------------------------------

TIERS = 4
DRAW_DELAY = 5
AIRDROP_FEE_BPS = 500
# AirdropRounds.MAX_TOTAL: the most a round can hold, in the asset's smallest unit.
AIRDROP_MAX_TOTAL = 2**96 - 1


def tier_shift_for(count: int) -> int:
    """The smallest shift that spreads `count` registrations over at most TIERS tiers."""
    shift = 0
    while (count - 1) >> shift >= TIERS:
        shift += 1
    return shift


@dataclass(frozen=True)
class RoundKey:
    """What every leaf of one airdrop round commits to besides its row: the chain, the registry,
    the round number and the operator's random salt (secret until publication)."""

    chain_id: int
    registry: str
    round: int
    salt: bytes  # 32 bytes

    @property
    def prefix(self) -> bytes:
        """abi.encode(chain.id, registry, round, salt): the first four words of every leaf's preimage."""
        return enc(self.chain_id, self.registry, self.round, self.salt)


def airdrop_leaf(key: RoundKey, index: int, account: str, amount: int) -> bytes:
    """low160(keccak256(keccak256(abi.encode(chain.id, registry, round, salt, index, account, amount)))),
    as a 32-byte word."""
    return b"\0" * 12 + keccak(keccak(key.prefix + enc(index, account, amount)))[12:]


def airdrop_fee(amount: int, bps: int) -> int:
    """The handling fee kept from a claim, rounded up (in the protocol's favour)."""
    return fee(amount, bps)


def airdrop_net(amount: int, bps: int) -> int:
    return amount - airdrop_fee(amount, bps)


def unlock_time(start: int, end: int, tier_shift: int, seed: int, index: int) -> int:
    """When leaf `index` may claim: its tier's slot in the first half of the window, plus a
    random offset inside the slot drawn from the round's seed."""
    slot = (end - start) // (2 * TIERS)
    if slot == 0:
        return start
    tier = min(index >> tier_shift, TIERS - 1)
    return start + tier * slot + int.from_bytes(keccak(enc(seed, index)), "big") % slot


BLOCKHASH_WINDOW = 256


def seed_block(draw_block: int, block_number: int) -> int:
    """The block whose hash a draw in block `block_number` uses: the draw block while its hash is in
    reach, else the latest block of draw block + k * 256 before `block_number`."""
    if block_number <= draw_block:
        raise ValueError("the draw block is not mined yet")
    return draw_block + (block_number - 1 - draw_block) // BLOCKHASH_WINDOW * BLOCKHASH_WINDOW


def schedule_seed(block_hash: bytes, round_number: int, root: int) -> int:
    """The round's seed from its draw block's hash: 192 bits, never 0 (0 means not drawn)."""
    return (int.from_bytes(keccak(enc(block_hash, round_number, root)), "big") >> 64) | 1

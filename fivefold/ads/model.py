"""Mirror of AdCampaigns (contracts/ads/AdCampaigns.vy) as pure functions and a small book-keeper.

Tests use these as the oracle; the exercise and a dApp use them to derive keyword digests, build
commitments and sign attestations exactly as the contract checks them.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from eth_account import Account
from eth_account.messages import encode_typed_data
from eth_utils import keccak

from fivefold.payouts.model import ZERO_ADDRESS, enc

NATIVE = ZERO_ADDRESS
MAX_AMOUNT = 2**96 - 1
MAX_INTERACTIONS = 2**32 - 1
DAY = 86_400
MAX_DURATION = 365 * DAY
PHASE_NONE, PHASE_SCHEDULED, PHASE_LIVE, PHASE_ENDED = 0, 1, 2, 3
PHASES = {PHASE_NONE: "none", PHASE_SCHEDULED: "scheduled", PHASE_LIVE: "live", PHASE_ENDED: "ended"}
EIP712_NAME = "fivefold AdCampaigns"
EIP712_VERSION = "1"
ATTESTATION_FIELDS = [("campaign", "uint256"), ("consumer", "address"), ("deadline", "uint256")]


def normalize(keyword: str) -> str:
    """What a consumer types, as the advertiser meant it: NFKC, case-folded, inner runs of white
    space as one space, none at either end ("  Fivefold\u00a0ADS " and "fivefold ads" are one keyword)."""
    return " ".join(unicodedata.normalize("NFKC", keyword).casefold().split())


def keyword_digest(keyword: str) -> bytes:
    """k = keccak256(utf-8 of the normalized keyword): what `claim` reveals."""
    return keccak(normalize(keyword).encode())


def keyword_hash(keyword: str) -> bytes:
    """keccak256(k): what the campaign stores (`create`'s `keyword_hash`)."""
    return keccak(keyword_digest(keyword))


def new_salt() -> bytes:
    """A consumer's random 32-byte commitment salt (kept until the reveal)."""
    return os.urandom(32)


def commitment(campaign: int, consumer: str, digest: bytes, salt: bytes) -> bytes:
    """keccak256(abi.encode(id, consumer, k, salt)): bound to the consumer's address."""
    return keccak(enc(campaign, consumer, digest, salt))


def phase(start: int, end: int, now: int) -> int:
    """The phase from the timestamps alone (the contract's `_phase`)."""
    if now < start:
        return PHASE_SCHEDULED
    return PHASE_LIVE if now < end else PHASE_ENDED


def typed_attestation(chain_id: int, contract: str, campaign: int, consumer: str, deadline: int):
    """The EIP-712 message a verifier signs, in the contract's domain."""
    return encode_typed_data(
        full_message={
            "types": {
                "EIP712Domain": [
                    {"name": "name", "type": "string"},
                    {"name": "version", "type": "string"},
                    {"name": "chainId", "type": "uint256"},
                    {"name": "verifyingContract", "type": "address"},
                ],
                "Attestation": [{"name": n, "type": t} for n, t in ATTESTATION_FIELDS],
            },
            "primaryType": "Attestation",
            "domain": {
                "name": EIP712_NAME,
                "version": EIP712_VERSION,
                "chainId": chain_id,
                "verifyingContract": contract,
            },
            "message": {"campaign": campaign, "consumer": consumer, "deadline": deadline},
        }
    )


def sign_attestation(
    signer, chain_id: int, contract: str, campaign: int, consumer: str, deadline: int
) -> bytes:
    """The verifier's 65-byte signature (r || s || v) of an attestation. `signer` is a private key
    (bytes or hex) or an ape account that signs messages."""
    typed = typed_attestation(chain_id, contract, campaign, consumer, deadline)
    if isinstance(signer, bytes | str):
        sig = Account.sign_message(typed, signer)
        return sig.r.to_bytes(32, "big") + sig.s.to_bytes(32, "big") + bytes([sig.v])
    sig = signer.sign_message(typed)
    # Ape drops leading zero bytes of r and s: pad them back to 32 bytes.
    return bytes(sig.r).rjust(32, b"\0") + bytes(sig.s).rjust(32, b"\0") + bytes([sig.v])


@dataclass
class Book:
    """One campaign's money, as the contract keeps it: budget = interactions * reward + left + withdrawn."""

    asset: str
    reward: int
    budget: int
    left: int = -1
    interactions: int = 0
    withdrawn: int = 0

    def __post_init__(self):
        if self.left < 0:
            self.left = self.budget

    @property
    def paid(self) -> int:
        return self.interactions * self.reward

    def pay(self) -> int:
        assert self.left >= self.reward, "budget spent"
        self.left -= self.reward
        self.interactions += 1
        return self.reward

    def withdraw(self) -> int:
        amount, self.left = self.left, 0
        self.withdrawn += amount
        return amount

    def conserved(self) -> bool:
        return self.budget == self.paid + self.left + self.withdrawn

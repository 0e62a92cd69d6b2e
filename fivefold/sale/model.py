"""Token sale: the rounds of SPEC.md's CC table and a mirror of TokenSale's arithmetic.

`quote(amount, asset_price, round_price)` is, to the wei, what `TokenSale.quote` returns;
`phase(...)` what `TokenSale.phase` returns. The whitelist is a sorted-pair Merkle tree (snekmate's
`merkle_proof_verification`) of leaves keccak256(abi.encode(buyer)).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from eth_abi import encode
from eth_utils import keccak, to_checksum_address

from fivefold.units import WAD
from fivefold.vesting.model import PLANS, Plan

BEFORE, OPEN, SUCCEEDED, FAILED = 0, 1, 2, 3
PHASES = {BEFORE: "before", OPEN: "open", SUCCEEDED: "succeeded", FAILED: "failed"}
MAX_PROOF = 32


def usd_wad(price: str) -> int:
    """A USD price as WAD (18 decimals), exactly."""
    return int(Decimal(price) * WAD)


@dataclass(frozen=True)
class RoundSpec:
    """A row of the CC table that is sold: its vesting plan (fivefold.vesting PLANS key), its price
    (USD per CC, WAD) and whether it is private (whitelisted)."""

    plan_key: str
    price: int
    private: bool

    @property
    def plan(self) -> Plan:
        return PLANS[self.plan_key]


# SPEC.md "CC allocation and vesting" (CloudChat 5.2): "Sale prices (USD per CC): seed 0.00018,
# institutional 0.0002, strategic 0.0002, public 0.00025". Both public rows sell at the public price;
# the whitelist row is the public sale's private part.
ROUNDS: dict[str, RoundSpec] = {
    "seed": RoundSpec("cc.seed", usd_wad("0.00018"), True),
    "institutional": RoundSpec("cc.institutional", usd_wad("0.0002"), True),
    "strategic": RoundSpec("cc.strategic", usd_wad("0.0002"), True),
    "public_whitelist": RoundSpec("cc.public_whitelist", usd_wad("0.00025"), True),
    "public": RoundSpec("cc.public", usd_wad("0.00025"), False),
}


def quote(amount: int, asset_price: int, round_price: int) -> int:
    """CC (wei) bought by `amount` of an asset priced `asset_price` (the adapter's WAD price of 1e18
    units) at `round_price` (USD WAD per CC): amount * asset_price // round_price, rounding down."""
    return amount * asset_price // round_price


def phase(now: int, start: int, end: int, sold: int, cap: int, soft_cap: int) -> int:
    if now < start:
        return BEFORE
    if now < end and sold < cap:
        return OPEN
    return SUCCEEDED if sold >= soft_cap else FAILED


def refund(paid: int, returned: int, total: int) -> int:
    """What `TokenSale.refund` pays back: the unvested share of the payment, rounding down."""
    return paid * returned // total


# --- whitelist


def leaf(buyer: str) -> bytes:
    return keccak(encode(["address"], [to_checksum_address(buyer)]))


def _pair(a: bytes, b: bytes) -> bytes:
    return keccak(a + b) if a < b else keccak(b + a)


def _levels(leaves: list[bytes]) -> list[list[bytes]]:
    levels = [leaves]
    while len(levels[-1]) > 1:
        level = levels[-1]
        nxt = [_pair(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            nxt.append(level[-1])  # an odd last node is carried up
        levels.append(nxt)
    return levels


def whitelist_root(buyers: list[str]) -> bytes:
    """The Merkle root of `buyers` (empty list: the zero root, a public round)."""
    if not buyers:
        return b"\0" * 32
    return _levels([leaf(b) for b in buyers])[-1][0]


def whitelist_proof(buyers: list[str], buyer: str) -> list[bytes]:
    """`buyer`'s proof in the tree of `buyers` (siblings from the leaf upwards)."""
    leaves = [leaf(b) for b in buyers]
    index = leaves.index(leaf(buyer))
    proof = []
    for level in _levels(leaves)[:-1]:
        sibling = index ^ 1
        if sibling < len(level):
            proof.append(level[sibling])
        index //= 2
    return proof

"""Merkle claim rows: the suite's AirdropRound claim beside Uniswap's MerkleDistributor (1.0.1, its
build artifact as shipped) at 100,000 and 1,000,000 leaves.

Both sides in the same condition: the same leaf index (a full proof: 17 siblings at 100,000 leaves,
20 at 1,000,000, the same depth on both sides), the same recipient (fivefold/payouts/bench.py's
deterministic accounts: it never held the token), 1 CMDT per leaf, the suite's CappedToken as the
token, the claim's bitmap word fresh, submitted by a third party. The suite's claim also checks the
leaf's turn (it reads the round's draw seed) and keeps its 5% fee in the round (fivefold/payouts/
bench.py's `airdrop.claim.1m.fresh`, whose setup is reused here for 100,000 leaves); its nodes are
160-bit (cheaper calldata), Uniswap's 256-bit.

Each tree is built once (about 2,000,000 keccak calls at 1,000,000 leaves) and what a claim needs
(root, proof, account) is cached in .cache/bench/.
"""

from __future__ import annotations

import json

from fivefold.assurance import build_bench
from fivefold.assurance.bench import comparison
from fivefold.gas import Bench
from fivefold.payouts import bench as payouts_bench
from fivefold.payouts import merkle
from fivefold.payouts import model as payouts
from fivefold.tokens.bench import capped_token

DISTRIBUTOR = "@uniswap/merkle-distributor/build/MerkleDistributor.json"
TOKEN = payouts_bench.TOKEN
DAY = payouts_bench.DAY
SIZES = {"100k": (100_000, 12_345), "1m": (1_000_000, payouts_bench.BENCH_INDEX)}  # leaves, index


def _cached(name: str, build) -> dict:
    """`build()` once, then read back from .cache/bench/<name>.json."""
    path = build_bench.CACHE / f"{name}.json"
    if path.exists():
        return json.loads(path.read_text())
    data = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(data))
    partial.replace(path)
    return data


# --- Uniswap: leaf keccak256(abi.encodePacked(index, account, amount)), sorted 256-bit pairs
# (OpenZeppelin's MerkleProof, which the distributor verifies with); an odd last node moves up as is.


def uniswap_leaf(index: int, account: bytes, amount: int) -> bytes:
    return merkle.keccak(index.to_bytes(32, "big") + account + amount.to_bytes(32, "big"))


def uniswap_tree(leaves: list[bytes]) -> list[list[bytes]]:
    """Every level of the tree, leaves first, root last."""
    k = merkle.keccak
    levels = [leaves]
    while len(levels[-1]) > 1:
        level = levels[-1]
        up = [k(a + b) if a < b else k(b + a) for a, b in zip(level[0::2], level[1::2], strict=False)]
        if len(level) % 2:
            up.append(level[-1])
        levels.append(up)
    return levels


def uniswap_proof(levels: list[list[bytes]], index: int) -> list[bytes]:
    out = []
    for level in levels[:-1]:
        if index ^ 1 < len(level):
            out.append(level[index ^ 1])
        index >>= 1
    return out


def _uniswap_claim(leaves: int, index: int) -> dict:
    def build():
        accounts = payouts_bench.bench_accounts(leaves)
        levels = uniswap_tree([uniswap_leaf(i, a, TOKEN) for i, a in enumerate(accounts)])
        proof = uniswap_proof(levels, index)
        return {
            "root": levels[-1][0].hex(),
            "proof": [p.hex() for p in proof],
            "account": accounts[index].hex(),
        }

    return _cached(f"uniswap-tree-{leaves}-{index}", build)


def _uniswap(leaves: int, index: int):
    def measure(b: Bench):
        from eth_utils import to_checksum_address

        data = _uniswap_claim(leaves, index)
        token = capped_token(b, "CMDMAX Token", "CMDT", 10**27)
        distributor = build_bench.shipped(DISTRIBUTOR).deploy(
            token, bytes.fromhex(data["root"]), sender=b.deployer
        )
        token.initialize_supply([distributor.address], [leaves * TOKEN], sender=b.owner)
        proof = [bytes.fromhex(p) for p in data["proof"]]
        account = to_checksum_address(bytes.fromhex(data["account"]))
        return distributor.claim(index, account, TOKEN, proof, sender=b.user(2))

    return measure


# --- the suite: fivefold/payouts/bench.py's 1,000,000-leaf claim, at any size


def _suite_claim_data(key: payouts.RoundKey, leaves: int, index: int) -> dict:
    def build():
        accounts = payouts_bench.bench_accounts(leaves)
        tree = merkle.MerkleTree(merkle.airdrop_leaves(key.prefix, accounts, [TOKEN] * leaves))
        return {
            "root": tree.root_int,
            "proof": merkle.ints(tree.proof(index)),
            "account": accounts[index].hex(),
        }

    tag = merkle.keccak(key.prefix).hex()[:16]
    return _cached(f"suite-tree-{leaves}-{index}-{tag}", build)


def _suite(leaves: int, index: int):
    """AirdropRounds publishes a round of `leaves` CMDT leaves now, the round's draw is made, time
    moves to the leaf's turn and a third party claims it (as `airdrop.claim.1m.fresh` does)."""

    def measure(b: Bench):
        from eth_utils import to_checksum_address

        ad, token = payouts_bench.airdrop_setup(b)
        key = payouts.RoundKey(b.chain.chain_id, ad.address, 1, payouts_bench.SALT)
        data = _suite_claim_data(key, leaves, index)
        total = leaves * TOKEN
        token.approve(ad, total, sender=b.user(0))
        start = b.chain.pending_timestamp
        ad.publish(
            1,
            token,
            data["root"],
            payouts_bench.SALT,
            total,
            leaves,
            start,
            start + 30 * DAY,
            sender=b.user(0),
        )
        address = ad.rounds(1)
        b.chain.contracts.cache_contract_type(address, b.project.AirdropRound.contract_type)
        rnd = b.project.AirdropRound.at(address)
        payouts_bench.draw(b, rnd)
        unlock = int(rnd.unlock_time(index))
        if b.chain.pending_timestamp < unlock:
            b.chain.pending_timestamp = unlock
        account = to_checksum_address(bytes.fromhex(data["account"]))
        return rnd.claim(index, account, TOKEN, data["proof"], sender=b.user(2))

    return measure


for _size, (_leaves, _index) in SIZES.items():
    _depth = (_leaves - 1).bit_length()
    comparison(
        f"merkle.claim.{_size}.uniswap",
        operation=f"Merkle claim, {_leaves:,} leaves",
        condition=f"leaf {_index:,} of {_leaves:,} ({_depth}-sibling proof both sides), 1 CMDT to a "
        "recipient that never held CMDT, its bitmap word fresh, sent by a third party; the suite's claim "
        "also checks the leaf's turn (a read of the round's draw seed) and keeps its 5% fee in the round",
        # the snapshot's own 1,000,000-leaf measurement where it exists
        suite="airdrop.claim.1m.fresh" if _leaves == payouts_bench.BIG_TREE else _suite(_leaves, _index),
        reference="Uniswap MerkleDistributor",
    )(_uniswap(_leaves, _index))

"""Airdrop rounds from a CSV: validate `address,amount` rows, build the tree, write every proof,
and publish the round on-chain. `scripts/airdrop.py` is the command line over these functions.

The CSV lists one account per row in registration order (the row order is the leaf index and
sets the priority tier, see AirdropRounds.vy). Amounts are in whole tokens (decimals allowed up
to the asset's `decimals`). A header row `address,amount` is optional. Rows are rejected, naming
the row, for: a malformed address, a mixed-case address whose EIP-55 checksum is wrong, a
duplicate address (case-insensitive), a zero, negative or malformed amount, or too many decimals.
"""

from __future__ import annotations

import json
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

from fivefold import merkle
from fivefold.payouts import RoundKey, tier_shift_for

_HEX = set("0123456789abcdefABCDEF")
MAX_ERRORS_SHOWN = 20
NATIVE = "0x" + "00" * 20


class CsvError(ValueError):
    """The CSV has bad rows; the message names each (up to MAX_ERRORS_SHOWN)."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        more = f"\n... and {len(errors) - MAX_ERRORS_SHOWN} more" if len(errors) > MAX_ERRORS_SHOWN else ""
        super().__init__("\n".join(errors[:MAX_ERRORS_SHOWN]) + more)


def checksum_ok(hex40: str) -> bool:
    """EIP-55: an all-lower or all-upper address carries no checksum; a mixed-case one must match."""
    lower = hex40.lower()
    if hex40 == lower or hex40 == hex40.upper():
        return True
    digest = merkle.keccak(lower.encode()).hex()
    for c, h in zip(hex40, digest):
        if c.isalpha() and c.isupper() != (h >= "8"):
            return False
    return True


def parse_amount(text: str, decimals: int) -> int:
    """Whole tokens (e.g. "12.5") to the smallest unit, exactly; raises ValueError."""
    if text.isdigit():
        return int(text) * 10**decimals
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"malformed amount {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"malformed amount {text!r}")
    units = value.scaleb(decimals)
    if units != units.to_integral_value():
        raise ValueError(f"amount {text!r} has more than {decimals} decimals")
    return int(units)


@dataclass
class Rows:
    accounts: list[bytes] = field(default_factory=list)  # 20-byte canonical addresses
    amounts: list[int] = field(default_factory=list)  # smallest units

    def __len__(self) -> int:
        return len(self.accounts)

    @property
    def total(self) -> int:
        return sum(self.amounts)


def parse_rows(lines, decimals: int = 18, on_rows: Callable[[int], None] | None = None) -> Rows:
    """Validates and converts `address,amount` lines. Row numbers are 1-based file lines."""
    rows, errors, seen = Rows(), [], {}
    for lineno, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        parts = line.split(",")
        if lineno == 1 and parts[0].strip().lower() == "address":
            continue  # header
        if len(parts) != 2:
            errors.append(f"row {lineno}: expected 2 fields `address,amount`, got {len(parts)}: {line[:80]!r}")
            continue
        addr, amount_text = parts[0].strip(), parts[1].strip()
        if len(addr) != 42 or addr[:2] not in ("0x", "0X") or not set(addr[2:]) <= _HEX:
            errors.append(f"row {lineno}: malformed address {addr!r}")
            continue
        if not checksum_ok(addr[2:]):
            errors.append(f"row {lineno}: bad checksum in {addr} (EIP-55)")
            continue
        key = addr[2:].lower()
        if key in seen:
            errors.append(f"row {lineno}: duplicate address {addr} (first on row {seen[key]})")
            continue
        seen[key] = lineno
        try:
            amount = parse_amount(amount_text, decimals)
        except ValueError as exc:
            errors.append(f"row {lineno}: {exc}")
            continue
        if amount <= 0:
            errors.append(f"row {lineno}: amount must be positive, got {amount_text!r}")
            continue
        if key == "00" * 20:
            errors.append(f"row {lineno}: the zero address cannot claim")
            continue
        rows.accounts.append(bytes.fromhex(key))
        rows.amounts.append(amount)
        if on_rows and len(rows.accounts) % 50_000 == 0:
            on_rows(50_000)
    if errors:
        raise CsvError(errors)
    if not rows.accounts:
        raise CsvError(["the CSV has no rows"])
    return rows


@dataclass
class BuiltRound:
    key: RoundKey
    rows: Rows
    tree: merkle.MerkleTree

    @property
    def root(self) -> bytes:
        return self.tree.root

    @property
    def total(self) -> int:
        return self.rows.total


def build_round(rows: Rows, asset: str, start: int, end: int, fee_bps: int, nonce: int = 0, progress=None) -> BuiltRound:
    """Hashes every leaf and builds the tree (`progress`: an optional rich Progress)."""
    if end <= start:
        raise ValueError("the window must end after it starts")
    key = RoundKey(asset, start, end, fee_bps, tier_shift_for(len(rows)), nonce)
    ctx = progress or nullcontext()
    with ctx:
        if progress:
            task = progress.add_task("hashing leaves", total=len(rows))
        leaves = []
        step = 100_000
        for lo in range(0, len(rows), step):
            chunk = merkle.airdrop_leaves(key.id, rows.accounts[lo : lo + step], rows.amounts[lo : lo + step], first=lo)
            leaves.extend(chunk)
            if progress:
                progress.advance(task, len(chunk))
        if progress:
            levels = max(1, (len(leaves) - 1).bit_length())
            ttask = progress.add_task("building tree", total=levels)
        tree = merkle.MerkleTree(leaves, on_level=(lambda n: progress.advance(ttask)) if progress else None)
    return BuiltRound(key, rows, tree)


def write_json(built: BuiltRound, path: Path, progress=None) -> None:
    """Writes the round (id, key, root, total) and every claim with its proof, streamed."""
    key, rows, tree = built.key, built.rows, built.tree
    levels = tree.hex_levels()
    sizes = [len(level) for level in levels]
    depth = len(levels)
    head = {
        "round": hex(key.id),
        "key": {"asset": key.asset, "start": key.start, "end": key.end, "fee_bps": key.fee_bps,
                "tier_shift": key.tier_shift, "nonce": key.nonce},
        "root": "0x" + tree.root.hex(),
        "total": str(rows.total),
        "count": len(rows),
    }
    task = progress.add_task("writing proofs", total=len(rows)) if progress else None
    with open(path, "w") as out:
        out.write(json.dumps(head, indent=1)[:-2] + ',\n "claims": [\n')
        buf = []
        n = len(rows)
        for i in range(n):
            proof = []
            j = i
            for lvl in range(depth):
                s = j ^ 1
                if s < sizes[lvl]:
                    proof.append(levels[lvl][s])
                j >>= 1
            buf.append(
                '  {"index": %d, "account": "0x%s", "amount": "%d", "proof": ["%s"]}'
                % (i, rows.accounts[i].hex(), rows.amounts[i], '", "'.join(proof))
                if proof else
                '  {"index": %d, "account": "0x%s", "amount": "%d", "proof": []}' % (i, rows.accounts[i].hex(), rows.amounts[i])
            )
            if len(buf) == 20_000:
                out.write(",\n".join(buf))
                buf.clear()
                if i + 1 < n:
                    out.write(",\n")
                if progress:
                    progress.advance(task, 20_000)
        if buf:
            out.write(",\n".join(buf))
            if progress:
                progress.advance(task, len(buf))
        out.write("\n ]\n}\n")


def build_csv(csv_path: Path, out_path: Path, asset: str, start: int, end: int, fee_bps: int,
              decimals: int = 18, nonce: int = 0, progress=None) -> BuiltRound:
    """CSV in, JSON with root and proofs out. Raises CsvError naming bad rows."""
    with open(csv_path) as f:
        if progress:
            rtask = progress.add_task("reading rows", total=None)
        rows = parse_rows(f, decimals, on_rows=(lambda n: progress.advance(rtask, n)) if progress else None)
    built = build_round(rows, asset, start, end, fee_bps, nonce, progress)
    write_json(built, out_path, progress)
    return built


def load_round(path: Path) -> dict:
    """Reads a built round back (the whole file; fine for publishing and for tests)."""
    data = json.loads(Path(path).read_text())
    data["round_id"] = int(data["round"], 16)
    return data


def write_bench_csv(path: Path, n: int, seed: int = 1) -> None:
    """A CSV of `n` distinct checksummed accounts with varied amounts (for the benchmark)."""
    from eth_utils import to_checksum_address

    with open(path, "w") as f:
        f.write("address,amount\n")
        for i in range(n):
            raw = merkle.keccak((seed * 10**9 + i).to_bytes(32, "big"))[:20]
            addr = to_checksum_address(raw) if i % 2 else "0x" + raw.hex()
            f.write(f"{addr},{1 + i % 997}.{i % 100:02d}\n")


def bench(n: int = 1_000_000, workdir: Path = Path("."), progress=None) -> dict:
    """Times `build_csv` on `n` generated rows; returns the timings in seconds."""
    csv_path, out_path = workdir / f"airdrop-bench-{n}.csv", workdir / f"airdrop-bench-{n}.json"
    write_bench_csv(csv_path, n)
    t0 = time.perf_counter()
    built = build_csv(csv_path, out_path, NATIVE, 1_900_000_000, 1_900_000_000 + 7 * 86_400, 500, progress=progress)
    elapsed = time.perf_counter() - t0
    size = out_path.stat().st_size
    csv_path.unlink()
    out_path.unlink()
    return {"rows": n, "seconds": elapsed, "json_bytes": size, "root": "0x" + built.root.hex()}


# ----------------------------------------------------------------------------------------------
# Publishing (needs a connected ape provider)
# ----------------------------------------------------------------------------------------------


def publish(airdrop, data: dict, operator, progress=None, chain=None):
    """Funds and publishes a built round, then draws its schedule once the draw block is mined.

    `airdrop` is the AirdropRounds contract, `data` a `load_round` dict, `operator` an ape
    account with the operator role. Returns (publish receipt, draw receipt or None).
    """
    from ape import Contract

    rid, root, total = data["round_id"], int(data["root"], 16), int(data["total"])
    asset = data["key"]["asset"]
    steps = 3 if asset != NATIVE else 2
    task = progress.add_task("publishing", total=steps) if progress else None
    if int(airdrop.fee_bps()) != int(data["key"]["fee_bps"]):
        raise ValueError(f"the round carries fee {data['key']['fee_bps']} bps but the contract now takes "
                         f"{airdrop.fee_bps()}; rebuild the round with --fee-bps {airdrop.fee_bps()}")
    if asset != NATIVE:
        token = Contract(asset)
        token.approve(airdrop, total, sender=operator)
        if progress:
            progress.advance(task)
        tx = airdrop.publish(rid, root, total, sender=operator)
    else:
        tx = airdrop.publish(rid, root, total, value=total, sender=operator)
    if progress:
        progress.advance(task)
    draw_tx = None
    if chain is not None and chain.provider.network.name == "local":
        target = int(airdrop.draw_block(rid))
        while chain.blocks.height <= target:
            chain.mine()
        draw_tx = airdrop.draw(rid, sender=operator)
    if progress:
        progress.advance(task)
    return tx, draw_tx

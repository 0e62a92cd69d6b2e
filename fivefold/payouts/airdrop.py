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
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

from fivefold.payouts import merkle
from fivefold.payouts.model import tier_shift_for

_ADDRESS = re.compile(r"0[xX][0-9a-fA-F]{40}")
MAX_ERRORS_SHOWN = 20
PARALLEL_MIN_ROWS = 200_000  # below this, forking a worker costs more than it saves
NATIVE = "0x" + "00" * 20


class CsvError(ValueError):
    """The CSV has bad rows; the message names each (up to MAX_ERRORS_SHOWN)."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        more = f"\n... and {len(errors) - MAX_ERRORS_SHOWN} more" if len(errors) > MAX_ERRORS_SHOWN else ""
        super().__init__("\n".join(errors[:MAX_ERRORS_SHOWN]) + more)


# Bit strings for the EIP-55 check, one character per hex digit: the hash nibble is >= 8; the
# address digit is a letter; the address digit is an upper-case letter.
_HIGH_NIBBLE = str.maketrans("0123456789abcdef", "0000000011111111")
_IS_LETTER = str.maketrans("0123456789abcdef", "0000000000111111")
_IS_UPPER = str.maketrans("0123456789abcdefABCDEF", "0000000000000000111111")


def checksum_ok(hex40: str) -> bool:
    """EIP-55: an all-lower or all-upper address carries no checksum; a mixed-case one must have
    exactly its letters upper-cased where the keccak of the lower-case hex has a nibble >= 8."""
    lower = hex40.lower()
    if hex40 == lower or hex40 == hex40.upper():
        return True
    high = int(merkle.keccak(lower.encode()).hex()[:40].translate(_HIGH_NIBBLE), 2)
    return high & int(lower.translate(_IS_LETTER), 2) == int(hex40.translate(_IS_UPPER), 2)


def parse_amount(text: str, decimals: int) -> int:
    """Whole tokens (e.g. "12.5") to the smallest unit, exactly; raises ValueError."""
    if text.isdigit():
        return int(text) * 10**decimals
    whole, dot, frac = text.partition(".")
    if dot and whole.isdigit() and frac.isdigit() and whole.isascii() and frac.isascii():  # fast path
        if len(frac) > decimals:
            raise ValueError(f"amount {text!r} has more than {decimals} decimals")
        return int(whole) * 10**decimals + int(frac) * 10 ** (decimals - len(frac))
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


def _parse_part(lines, decimals: int, first_lineno: int = 1, on_rows: Callable[[int], None] | None = None):
    """Parses lines numbered from `first_lineno`: (rows, errors, first row of each address)."""
    rows, errors, seen = Rows(), [], {}
    for lineno, raw in enumerate(lines, start=first_lineno):
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
        if not _ADDRESS.fullmatch(addr):
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
    return rows, errors, seen


def parse_rows(lines, decimals: int = 18, on_rows: Callable[[int], None] | None = None) -> Rows:
    """Validates and converts `address,amount` lines. Row numbers are 1-based file lines."""
    rows, errors, _ = _parse_part(lines, decimals, 1, on_rows)
    if errors:
        raise CsvError(errors)
    if not rows.accounts:
        raise CsvError(["the CSV has no rows"])
    return rows


def _parse_and_hash(lines, decimals: int, first_lineno: int, round_number: int, first_index: int):
    """The child's half of a parallel build: parse, then hash its leaves from `first_index`."""
    rows, errors, seen = _parse_part(lines, decimals, first_lineno)
    leaves = [] if errors else merkle.airdrop_leaves(round_number, rows.accounts, rows.amounts, first=first_index)
    return rows, errors, seen, leaves


def _row_number(message: str) -> int:
    return int(message.split(" ", 2)[1].rstrip(":")) if message.startswith("row ") else 0


def parse_and_hash(lines: list[str], decimals: int, round_number: int, progress=None):
    """Parses and hashes `lines`; on large inputs a forked worker takes the second half.
    Returns (rows, leaves); raises CsvError naming every bad row (duplicates across halves too)."""
    mid = len(lines) // 2
    if not (hasattr(os, "fork") and len(lines) >= PARALLEL_MIN_ROWS):
        rows = parse_rows(lines, decimals)
        return rows, merkle.airdrop_leaves(round_number, rows.accounts, rows.amounts)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    head_rows = sum(1 for line in lines[:mid] if line.strip())
    if lines and lines[0].strip().lower().startswith("address"):
        head_rows -= 1  # the header is no row; if the first half has other errors, we abort anyway
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        future = pool.submit(_parse_and_hash, lines[mid:], decimals, mid + 1, round_number, head_rows)
        rows, errors, seen = _parse_part(lines[:mid], decimals, 1)
        leaves = [] if errors else merkle.airdrop_leaves(round_number, rows.accounts, rows.amounts)
        tail, tail_errors, tail_seen, tail_leaves = future.result()
    errors += [f"row {n}: duplicate address 0x{key} (first on row {seen[key]})"
               for key, n in tail_seen.items() if key in seen]
    errors += tail_errors
    if errors:
        raise CsvError(sorted(errors, key=_row_number))
    rows.accounts += tail.accounts
    rows.amounts += tail.amounts
    if not rows.accounts:
        raise CsvError(["the CSV has no rows"])
    return rows, leaves + tail_leaves


@dataclass
class BuiltRound:
    number: int
    rows: Rows
    tree: merkle.MerkleTree

    @property
    def root(self) -> bytes:
        return self.tree.root

    @property
    def total(self) -> int:
        return self.rows.total


def build_round(rows: Rows, round_number: int, progress=None, leaves: list[bytes] | None = None) -> BuiltRound:
    """Hashes every leaf for round `round_number` (unless `leaves` are given) and builds the tree
    (`progress`: a rich Progress)."""
    if round_number <= 0:
        raise ValueError("round numbers start at 1")
    if leaves is None:
        if progress:
            task = progress.add_task("hashing leaves", total=len(rows))
        leaves = []
        step = 100_000
        for lo in range(0, len(rows), step):
            chunk = merkle.airdrop_leaves(round_number, rows.accounts[lo : lo + step], rows.amounts[lo : lo + step],
                                          first=lo)
            leaves.extend(chunk)
            if progress:
                progress.advance(task, len(chunk))
    if progress:
        ttask = progress.add_task("building tree", total=max(1, (len(leaves) - 1).bit_length()))
    tree = merkle.MerkleTree(leaves, on_level=(lambda n: progress.advance(ttask)) if progress else None)
    return BuiltRound(round_number, rows, tree)


def write_json(built: BuiltRound, path: Path, progress=None, parallel: bool = True) -> None:
    """Writes the round (number, root, total, count) and every claim with its proof, streamed.

    Proof entries are 32-byte hex words (160-bit nodes), as `AirdropRound.claim` takes them.
    With `parallel` (POSIX), a forked child writes the second half of the claims to a side file
    while this process writes the first; the halves are then joined."""
    rows, tree = built.rows, built.tree
    levels = tree.hex_levels()
    ragged = False
    for level in levels:  # an odd level's last node has no sibling: a sentinel stands in
        if len(level) % 2:
            level.append(None)
            ragged = True
    numbered = list(enumerate(levels))
    head = {
        "round": built.number,
        "root": "0x" + tree.root.hex(),
        "total": str(rows.total),
        "count": len(rows),
        "tier_shift": tier_shift_for(len(rows)),
    }
    n = len(rows)
    accounts, amounts = rows.accounts, rows.amounts
    task = progress.add_task("writing proofs", total=n) if progress else None

    def write_range(out, lo: int, hi: int, report: bool) -> None:
        buf: list[str] = []
        for i in range(lo, hi):
            proof = [level[(i >> d) ^ 1] for d, level in numbered]
            if ragged and None in proof:
                proof = [p for p in proof if p is not None]
            joined = '"' + '", "'.join(proof) + '"' if proof else ""
            buf.append('  {"index": %d, "account": "0x%s", "amount": "%d", "proof": [%s]}'
                       % (i, accounts[i].hex(), amounts[i], joined))
            if len(buf) == 20_000:
                out.write(",\n".join(buf))
                buf.clear()
                if i + 1 < hi:
                    out.write(",\n")
                if report and progress:
                    progress.advance(task, 20_000)
        if buf:
            out.write(",\n".join(buf))
            if report and progress:
                progress.advance(task, len(buf))

    split = parallel and hasattr(os, "fork") and n >= PARALLEL_MIN_ROWS
    mid = n // 2 if split else n
    side = Path(str(path) + ".part")
    child = 0
    if split:
        child = os.fork()
        if child == 0:  # the child writes [mid, n) and leaves without running any cleanup
            code = 1
            try:
                with open(side, "w") as out:
                    write_range(out, mid, n, report=False)
                code = 0
            finally:
                os._exit(code)
    with open(path, "w") as out:
        out.write(json.dumps(head, indent=1)[:-2] + ',\n "claims": [\n')
        write_range(out, 0, mid, report=True)
        if split:
            _, status = os.waitpid(child, 0)
            if status != 0:
                side.unlink(missing_ok=True)
                raise RuntimeError("the proof-writing child process failed")
            out.write(",\n")
            with open(side) as part:
                shutil.copyfileobj(part, out, 1 << 24)
            side.unlink()
            if progress:
                progress.advance(task, n - mid)
        out.write("\n ]\n}\n")


def build_csv(csv_path: Path, out_path: Path, round_number: int, decimals: int = 18, progress=None) -> BuiltRound:
    """CSV in, JSON with root and every proof out. Raises CsvError naming bad rows."""
    if round_number <= 0:
        raise ValueError("round numbers start at 1")
    with open(csv_path) as f:
        lines = f.read().splitlines()
    rtask = progress.add_task("reading and hashing rows", total=len(lines)) if progress else None
    rows, leaves = parse_and_hash(lines, decimals, round_number)
    if progress:
        progress.update(rtask, completed=len(lines))
    built = build_round(rows, round_number, progress, leaves=leaves)
    write_json(built, out_path, progress)
    return built


def load_round(path: Path) -> dict:
    """Reads a built round back (the whole file; fine for publishing and for tests)."""
    return json.loads(Path(path).read_text())


def write_bench_csv(path: Path, n: int, seed: int = 1) -> None:
    """A CSV of `n` distinct accounts (half checksummed) with varied amounts (for the benchmark)."""
    from eth_utils import to_checksum_address

    with open(path, "w") as f:
        f.write("address,amount\n")
        for i in range(n):
            raw = merkle.keccak((seed * 10**9 + i).to_bytes(32, "big"))[:20]
            addr = to_checksum_address(raw) if i % 2 else "0x" + raw.hex()
            f.write(f"{addr},{1 + i % 997}.{i % 100:02d}\n")


def bench(n: int = 1_000_000, workdir: Path = Path("."), progress=None) -> dict:
    """Times `build_csv` on `n` generated rows (CSV written beforehand, not timed): wall-clock
    seconds and this process's CPU seconds (the two differ when other work shares the machine)."""
    csv_path, out_path = workdir / f"airdrop-bench-{n}.csv", workdir / f"airdrop-bench-{n}.json"
    write_bench_csv(csv_path, n)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        built = build_csv(csv_path, out_path, 1, progress=progress)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        size = out_path.stat().st_size
    finally:
        csv_path.unlink(missing_ok=True)
        out_path.unlink(missing_ok=True)
    return {"rows": n, "seconds": elapsed, "cpu_seconds": cpu, "json_bytes": size, "root": "0x" + built.root.hex()}


# ----------------------------------------------------------------------------------------------
# Publishing (needs a connected ape provider)
# ----------------------------------------------------------------------------------------------


def registry_address(chain_id: int) -> str:
    """AirdropRounds' address from the chain's deployment manifest; ValueError naming the fix if absent."""
    from fivefold import manifest

    record = manifest.load(chain_id)["contracts"].get("AirdropRounds")
    if not record:
        raise ValueError(f"no AirdropRounds in deployments/{chain_id}.json: deploy the suite first, or pass --registry")
    return record["address"]


def publish(registry, data: dict, operator, asset: str, start: int, end: int, project, chain=None, progress=None):
    """Funds and publishes a built round; on a local chain also mines to its draw block and draws.

    `registry` is AirdropRounds, `data` a `load_round` dict, `operator` an ape account with the
    operator role, `asset` an ERC-20 address or NATIVE. Returns (publish receipt, AirdropRound,
    draw receipt or None).
    """
    number, root, total, count = int(data["round"]), int(data["root"], 16), int(data["total"]), int(data["count"])
    expected = int(registry.round_count()) + 1
    if number != expected:
        raise ValueError(f"the tree was built for round {number} but the next round is {expected}; "
                         f"rebuild with --round {expected}")
    local = chain is not None and chain.provider.network.name == "local"
    task = progress.add_task("publishing", total=3 if local else 2) if progress else None

    def step():
        if progress:
            progress.advance(task)

    if asset.lower() == NATIVE:
        step()
        tx = registry.publish(number, NATIVE, root, total, count, start, end, value=total, sender=operator)
    else:
        token = project.CappedToken.at(asset)  # any ERC-20 ABI will do for approve
        token.approve(registry, total, sender=operator)
        step()
        tx = registry.publish(number, asset, root, total, count, start, end, sender=operator)
    step()
    address = registry.rounds(number)
    if chain is not None:  # registry-deployed: tell ape its type, so it never asks an explorer
        chain.contracts.cache_contract_type(address, project.AirdropRound.contract_type)
    rnd = project.AirdropRound.at(address)
    draw_tx = None
    if local:
        target = int(rnd.draw_block())
        if chain.blocks.height <= target:  # one request for all blocks
            chain.mine(target + 1 - chain.blocks.height)
        draw_tx = rnd.draw(sender=operator)
        step()
    return tx, rnd, draw_tx

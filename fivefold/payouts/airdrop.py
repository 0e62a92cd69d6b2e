"""Airdrop rounds from a CSV: validate `address,amount` rows, build the tree, write every proof,
and publish the round on-chain. `scripts/airdrop.py` is the command line over these functions.

The CSV lists one account per row in registration order (the row order is the leaf index and
sets the priority tier, see AirdropRounds.vy). Amounts are in whole tokens (decimals allowed up
to the asset's `decimals`). What spreadsheets write is accepted: a UTF-8 byte-order mark (Excel's
"CSV UTF-8"), CRLF line ends, quoted fields, and a header row with any column names (`address,amount`,
`wallet,amount`, `Address,Amount`, ...). Rows are refused, naming the row and why, for: a
malformed address, a mixed-case address whose EIP-55 checksum is wrong, a duplicate address
(case-insensitive), the zero address, and an amount that is zero, negative, in scientific
notation (`1.23457E+18`: a spreadsheet rounded it), with a sign (`+5`), digit separators
(`1_000`, `1,000`), non-ASCII digits, too many decimals, above what a round can hold
(AirdropRounds.MAX_TOTAL), or that takes the running total above it.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fivefold.payouts import merkle
from fivefold.payouts.model import AIRDROP_MAX_TOTAL, RoundKey, tier_shift_for

_ADDRESS = re.compile(r"0[xX][0-9a-fA-F]{40}")
# An amount as people write it: ASCII digits, optionally a point and more digits ([0-9], not \d,
# which also matches Arabic-Indic, Devanagari, fullwidth... digits).
_PLAIN_AMOUNT = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_SCIENTIFIC = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+")
# A header cell: a column name (letters, spaces, punctuation), no digit.
_HEADER_CELL = re.compile(r"[^\d]*[A-Za-z][^\d]*")
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
    """Whole tokens written plainly ("12", "12.5") to the smallest unit, exactly; anything else
    raises ValueError saying why (scientific notation, a sign, separators, non-ASCII digits...)."""
    if not _PLAIN_AMOUNT.fullmatch(text):
        raise ValueError(_why_not_plain(text))
    whole, _, frac = text.partition(".")
    if len(frac) > decimals:
        raise ValueError(f"amount {text!r} has more than {decimals} decimals")
    return int(whole) * 10**decimals + (int(frac) * 10 ** (decimals - len(frac)) if frac else 0)


def _why_not_plain(text: str) -> str:
    if not text:
        return "the amount is empty"
    if any(c.isdigit() and not c.isascii() for c in text):
        return f"amount {text!r} has non-ASCII digits: write it with 0-9"
    if _SCIENTIFIC.fullmatch(text):
        return (f"amount {text!r} is in scientific notation (a spreadsheet rounds such numbers): "
                "format the column to show every digit, or as text")
    if text.startswith("-"):
        return f"amount must be positive, got {text!r}"
    if text.startswith("+"):
        return f"amount {text!r} has a sign: write the digits only"
    if "_" in text:
        return f"amount {text!r} has '_' digit separators: write the digits only"
    if re.fullmatch(r"[0-9][0-9,' \u00a0\u202f]*(?:\.[0-9]+)?", text):
        return f"amount {text!r} has thousands separators: write the digits only"
    if re.fullmatch(r"[0-9]*\.[0-9]*", text):
        return f"amount {text!r} needs digits on both sides of the point (e.g. 0.5, 5)"
    return f"malformed amount {text!r}"


def format_tokens(units: int, decimals: int) -> str:
    """An amount in the smallest unit as whole tokens, exactly (e.g. 1,234.5)."""
    whole, frac = divmod(units, 10**decimals)
    text = f"{whole:,}"
    if frac:
        text += "." + str(frac).rjust(decimals, "0").rstrip("0")
    return text


def read_lines(path: Path) -> list[str]:
    """The CSV's lines: UTF-8 with or without a byte-order mark, any line ends."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvError([f"{path} is not UTF-8 (byte {exc.start}): save it as \"CSV UTF-8\""]) from None
    return text.splitlines()


def _is_header(parts: list[str]) -> bool:
    return len(parts) == 2 and all(_HEADER_CELL.fullmatch(p.strip()) for p in parts) and \
        not parts[0].strip().lower().startswith("0x")


@dataclass
class Rows:
    accounts: list[bytes] = field(default_factory=list)  # 20-byte canonical addresses
    amounts: list[int] = field(default_factory=list)  # smallest units
    decimals: int = 18

    def __len__(self) -> int:
        return len(self.accounts)

    @property
    def total(self) -> int:
        return sum(self.amounts)


def _split(line: str) -> list[str]:
    # A quoted field ("1,000", or anything a spreadsheet chose to quote) needs the csv module;
    # plain lines, nearly all of them, split faster by hand.
    return next(csv.reader([line])) if '"' in line else line.split(",")


def _parse_part(lines, decimals: int, first_lineno: int = 1, on_rows: Callable[[int], None] | None = None):
    """Parses lines numbered from `first_lineno`: (rows, errors, first row of each address)."""
    rows, errors, seen = Rows(decimals=decimals), [], {}
    limit = AIRDROP_MAX_TOTAL
    for lineno, raw in enumerate(lines, start=first_lineno):
        line = raw.strip()
        if not line:
            continue
        parts = _split(line)
        if lineno == 1 and _is_header(parts):
            continue  # header: any column names
        if len(parts) != 2:
            errors.append(
                f"row {lineno}: expected 2 fields `address,amount`, got {len(parts)}: {line[:80]!r}"
            )
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
        if amount > limit:
            errors.append(
                f"row {lineno}: amount {amount_text} is above what a round can hold "
                f"({format_tokens(limit, decimals)} tokens at {decimals} decimals: AirdropRounds.MAX_TOTAL)"
            )
            continue
        if key == "00" * 20:
            errors.append(f"row {lineno}: the zero address cannot claim")
            continue
        rows.accounts.append(bytes.fromhex(key))
        rows.amounts.append(amount)
        if on_rows and len(rows.accounts) % 50_000 == 0:
            on_rows(50_000)
    return rows, errors, seen


def _total_errors(lines: list[str], rows: Rows, first_lineno: int = 1) -> list[str]:
    """The row at which the running total first goes above AirdropRounds.MAX_TOTAL, if any."""
    if rows.total <= AIRDROP_MAX_TOTAL:
        return []
    running, crossing = 0, 0
    for i, amount in enumerate(rows.amounts):
        running += amount
        if running > AIRDROP_MAX_TOTAL:
            crossing = i
            break
    # Rows are the non-empty, non-header lines, in order: find the crossing row's line number.
    seen = -1
    for lineno, raw in enumerate(lines, start=first_lineno):
        line = raw.strip()
        if not line or (lineno == 1 and _is_header(_split(line))):
            continue
        seen += 1
        if seen == crossing:
            break
    return [
        f"row {lineno}: the total reaches {format_tokens(running, rows.decimals)} tokens here, above what a "
        f"round can hold ({format_tokens(AIRDROP_MAX_TOTAL, rows.decimals)} tokens: "
        "AirdropRounds.MAX_TOTAL); "
        "split the rows into two rounds"
    ]


def parse_rows(lines, decimals: int = 18, on_rows: Callable[[int], None] | None = None) -> Rows:
    """Validates and converts `address,amount` lines. Row numbers are 1-based file lines."""
    lines = list(lines)
    rows, errors, _ = _parse_part(lines, decimals, 1, on_rows)
    errors = errors or _total_errors(lines, rows)
    if errors:
        raise CsvError(errors)
    if not rows.accounts:
        raise CsvError(["the CSV has no rows"])
    return rows


def new_round_key(chain_id: int, registry: str, round_number: int, salt: bytes | None = None) -> RoundKey:
    """The key a round's tree is built for; the salt is fresh randomness unless given (tests)."""
    import secrets

    if round_number <= 0:
        raise ValueError("round numbers start at 1")
    if not re.fullmatch(r"0x[0-9a-fA-F]{40}", registry or ""):
        raise ValueError(f"the registry must be an address, got {registry!r}")
    return RoundKey(
        int(chain_id), registry, int(round_number), secrets.token_bytes(32) if salt is None else salt
    )


def _parse_and_hash(lines, decimals: int, first_lineno: int, prefix: bytes, first_index: int):
    """The child's half of a parallel build: parse, then hash its leaves from `first_index`."""
    rows, errors, seen = _parse_part(lines, decimals, first_lineno)
    leaves = [] if errors else merkle.airdrop_leaves(prefix, rows.accounts, rows.amounts, first=first_index)
    return rows, errors, seen, leaves


def _row_number(message: str) -> int:
    return int(message.split(" ", 2)[1].rstrip(":")) if message.startswith("row ") else 0


def parse_and_hash(lines: list[str], decimals: int, key: RoundKey, progress=None):
    """Parses and hashes `lines`; on large inputs a forked worker takes the second half.
    Returns (rows, leaves); raises CsvError naming every bad row (duplicates across halves too)."""
    mid = len(lines) // 2
    if not (hasattr(os, "fork") and len(lines) >= PARALLEL_MIN_ROWS):
        rows = parse_rows(lines, decimals)
        return rows, merkle.airdrop_leaves(key.prefix, rows.accounts, rows.amounts)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    head_rows = sum(1 for line in lines[:mid] if line.strip())
    if lines and _is_header(_split(lines[0].strip())):
        head_rows -= 1  # the header is no row; if the first half has other errors, we abort anyway
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        future = pool.submit(_parse_and_hash, lines[mid:], decimals, mid + 1, key.prefix, head_rows)
        rows, errors, seen = _parse_part(lines[:mid], decimals, 1)
        leaves = [] if errors else merkle.airdrop_leaves(key.prefix, rows.accounts, rows.amounts)
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
    total_errors = _total_errors(lines, rows)
    if total_errors:
        raise CsvError(total_errors)
    return rows, leaves + tail_leaves


@dataclass
class BuiltRound:
    key: RoundKey
    rows: Rows
    tree: merkle.MerkleTree
    asset: str = NATIVE  # the ERC-20 the amounts are in, or NATIVE

    @property
    def number(self) -> int:
        return self.key.round

    @property
    def root(self) -> bytes:
        return self.tree.root

    @property
    def total(self) -> int:
        return self.rows.total


def build_round(rows: Rows, key: RoundKey, progress=None, leaves: list[bytes] | None = None,
                asset: str = NATIVE) -> BuiltRound:
    """Hashes every leaf for the round `key` names (unless `leaves` are given) and builds the tree
    (`progress`: a rich Progress)."""
    if key.round <= 0:
        raise ValueError("round numbers start at 1")
    if leaves is None:
        if progress:
            task = progress.add_task("hashing leaves", total=len(rows))
        leaves = []
        step = 100_000
        for lo in range(0, len(rows), step):
            chunk = merkle.airdrop_leaves(
                key.prefix, rows.accounts[lo : lo + step], rows.amounts[lo : lo + step], first=lo
            )
            leaves.extend(chunk)
            if progress:
                progress.advance(task, len(chunk))
    if progress:
        ttask = progress.add_task("building tree", total=max(1, (len(leaves) - 1).bit_length()))
    tree = merkle.MerkleTree(leaves, on_level=(lambda n: progress.advance(ttask)) if progress else None)
    return BuiltRound(key, rows, tree, asset)


def write_json(built: BuiltRound, path: Path, progress=None, parallel: bool = True) -> None:
    """Writes the round (number, chain id, registry, salt, asset, decimals, root, total, count)
    and every claim with its proof, streamed.

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
        "chain_id": built.key.chain_id,
        "registry": built.key.registry,
        "salt": "0x" + built.key.salt.hex(),
        "asset": built.asset,
        "decimals": rows.decimals,
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
            buf.append(f'  {{"index": {i}, "account": "0x{accounts[i].hex()}", "amount": "{amounts[i]}", '
                       f'"proof": [{joined}]}}')
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


def build_csv(csv_path: Path, out_path: Path, key: RoundKey, decimals: int = 18, progress=None,
              asset: str = NATIVE) -> BuiltRound:
    """CSV in, JSON with root and every proof out. Raises CsvError naming bad rows."""
    if key.round <= 0:
        raise ValueError("round numbers start at 1")
    lines = read_lines(csv_path)
    rtask = progress.add_task("reading and hashing rows", total=len(lines)) if progress else None
    rows, leaves = parse_and_hash(lines, decimals, key)
    if progress:
        progress.update(rtask, completed=len(lines))
    built = build_round(rows, key, progress, leaves=leaves, asset=asset)
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
        key = RoundKey(1, NATIVE, 1, b"\x5a" * 32)  # any key: the work is the same
        built = build_csv(csv_path, out_path, key, progress=progress)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        size = out_path.stat().st_size
    finally:
        csv_path.unlink(missing_ok=True)
        out_path.unlink(missing_ok=True)
    return {
        "rows": n,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "json_bytes": size,
        "root": "0x" + built.root.hex(),
    }


# ----------------------------------------------------------------------------------------------
# What a tree is built for: chain, registry, round, asset and its decimals
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildTarget:
    key: RoundKey  # chain id, registry, round number, fresh salt
    asset: str  # the ERC-20, or NATIVE
    decimals: int
    symbol: str


def parse_asset(text: str) -> str:
    """`native` (any case) or an ERC-20 address; raises ValueError naming the fix."""
    if text.strip().lower() == "native":
        return NATIVE
    if not _ADDRESS.fullmatch(text.strip()) or not checksum_ok(text.strip()[2:]):
        raise ValueError(
            f"--asset {text!r} is neither 'native' nor an address (with a valid EIP-55 checksum)"
        )
    return text.strip()


def registry_address(chain_id: int) -> str:
    """AirdropRounds' address from the chain's deployment manifest; ValueError naming the fix if absent."""
    from fivefold import manifest

    record = manifest.load(chain_id)["contracts"].get("AirdropRounds")
    if not record:
        raise ValueError(
            f"no AirdropRounds in {manifest.describe(chain_id)}: deploy the suite first, or pass --registry"
        )
    return record["address"]


def target_offline(asset: str, decimals: int | None, chain_id: int | None, registry: str | None,
                   round_number: int | None) -> BuildTarget:
    """Without a network every value must be given; the error names the missing options."""
    missing = [
        name
        for name, value in (
            ("--decimals", decimals),
            ("--chain-id", chain_id),
            ("--registry", registry),
            ("--round", round_number),
        )
        if value is None
    ]
    if missing:
        raise ValueError(
            f"offline, build needs {', '.join(missing)} (or --network to read them from the chain)"
        )
    if not 0 <= decimals <= 36:
        raise ValueError(f"--decimals {decimals} is not a token's decimals (0 to 36)")
    asset = parse_asset(asset)
    return BuildTarget(
        new_round_key(chain_id, registry, round_number),
        asset,
        decimals,
        "native" if asset == NATIVE else "tokens",
    )


def target_online(chain, project, asset: str, decimals: int | None = None, registry: str | None = None,
                  round_number: int | None = None) -> BuildTarget:
    """Reads what the tree needs from the connected chain: its id, the registry (the manifest's
    unless given), the next round number, and the token's decimals and symbol."""
    from ape.exceptions import ApeException

    asset = parse_asset(asset)
    registry = registry or registry_address(chain.chain_id)
    if not chain.provider.get_code(registry):
        raise ValueError(f"no contract at registry {registry} on chain {chain.chain_id}")
    expected = int(project.AirdropRounds.at(registry).round_count()) + 1
    if round_number is not None and round_number != expected:
        raise ValueError(f"--round {round_number}, but the registry's next round is {expected}")
    if asset == NATIVE:
        actual, symbol = 18, "native"
    else:
        if not chain.provider.get_code(asset):
            raise ValueError(f"--asset {asset} has no code on chain {chain.chain_id}: not a token here")
        try:
            token = project.CappedToken.at(asset)  # any ERC-20 ABI will do
            actual, symbol = int(token.decimals()), str(token.symbol())
        except ApeException as exc:
            raise ValueError(
                f"--asset {asset} does not answer decimals()/symbol() like an ERC-20 ({exc})"
            ) from None
    if decimals is not None and decimals != actual:
        raise ValueError(f"--decimals {decimals}, but {symbol} at {asset} has {actual} decimals")
    return BuildTarget(new_round_key(chain.chain_id, registry, expected), asset, actual, symbol)


# ----------------------------------------------------------------------------------------------
# Publishing (needs a connected ape provider)
# ----------------------------------------------------------------------------------------------


def publish(registry, data: dict, operator, start: int, end: int, project, chain=None, progress=None,
            draw_timeout: float = 300):
    """Funds and publishes a built round, then waits for its draw block and draws the schedule.

    `registry` is AirdropRounds, `data` a `load_round` dict (its asset, decimals, chain and registry
    are checked against the chain), `operator` an ape account with the operator role. On a node
    that mines on demand (a local or loopback chain) the draw block is mined at once; on a live
    chain this waits up to `draw_timeout` seconds for it (5 blocks: seconds on BSC) and leaves the
    draw to the first claim if it has not come. Returns (publish receipt, AirdropRound, draw
    receipt or None).
    """
    for field_name in ("chain_id", "registry", "salt", "asset", "decimals"):
        if field_name not in data:
            raise ValueError(
                f"the round file has no {field_name!r}: it was built by an older tool; build it again"
            )
    number, root, total, count = (
        int(data["round"]),
        int(data["root"], 16),
        int(data["total"]),
        int(data["count"]),
    )
    salt, asset = bytes.fromhex(data["salt"][2:]), data["asset"]
    if chain is not None and int(data["chain_id"]) != chain.chain_id:
        raise ValueError(
            f"the tree was built for chain {data['chain_id']} but this is chain {chain.chain_id}: "
            "build it again for this chain (its leaves commit to the chain id)"
        )
    if data["registry"].lower() != registry.address.lower():
        raise ValueError(
            f"the tree was built for registry {data['registry']} but this is {registry.address}: "
            "build it again with this registry (its leaves commit to it)"
        )
    if asset.lower() != NATIVE:
        decimals = int(project.CappedToken.at(asset).decimals())
        if decimals != int(data["decimals"]):
            raise ValueError(
                f"the round's amounts assume {data['decimals']} decimals but {asset} has {decimals}: "
                "build it again"
            )
    expected = int(registry.round_count()) + 1
    if number != expected:
        raise ValueError(f"the tree was built for round {number} but the next round is {expected}; "
                         f"rebuild with --round {expected}")
    if not registry.is_operator(operator):
        raise ValueError(f"{operator.address} is not an operator of AirdropRounds {registry.address}: "
                         "the owner grants it with set_operator(account, true)")
    task = progress.add_task("publishing", total=3) if progress else None

    def step():
        if progress:
            progress.advance(task)

    if asset.lower() == NATIVE:
        step()
        tx = registry.publish(
            number, NATIVE, root, salt, total, count, start, end, value=total, sender=operator
        )
    else:
        token = project.CappedToken.at(asset)  # any ERC-20 ABI will do for approve
        token.approve(registry, total, sender=operator)
        step()
        tx = registry.publish(number, asset, root, salt, total, count, start, end, sender=operator)
    step()
    address = registry.rounds(number)
    if chain is not None:  # registry-deployed: tell ape its type, so it never asks an explorer
        chain.contracts.cache_contract_type(address, project.AirdropRound.contract_type)
    rnd = project.AirdropRound.at(address)
    draw_tx = None
    if (
        chain is not None
        and _wait_for_block(chain, int(rnd.draw_block()) + 1, draw_timeout)
        and int(rnd.seed()) == 0
    ):
        draw_tx = rnd.draw(sender=operator)
    step()
    return tx, rnd, draw_tx


def _wait_for_block(chain, height: int, timeout: float) -> bool:
    """Until block `height` exists: mined on demand on a node that allows it, else polled."""
    if chain.blocks.height >= height:
        return True
    if _mines_on_demand(chain):
        from ape.exceptions import APINotImplementedError

        try:
            chain.mine(height - chain.blocks.height)  # one request for all blocks
        except APINotImplementedError:  # a plain node provider on a local anvil: ask the node itself
            for _ in range(height - chain.blocks.height):
                chain.provider.make_request("evm_mine", [])
        return True
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(1)
        if chain.blocks.height >= height:
            return True
    return False


def _mines_on_demand(chain) -> bool:
    """A local node (ape's local network, a fork, or an RPC on loopback: the demo's stand-in chains)."""
    from urllib.parse import urlparse

    provider = chain.provider
    network = provider.network
    uri = getattr(provider, "uri", None) or getattr(provider, "http_uri", None) or ""
    return (
        network.name == "local"
        or network.is_fork
        or urlparse(uri).hostname in ("127.0.0.1", "localhost", "::1")
    )

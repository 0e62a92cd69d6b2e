"""Side-by-side gas comparison (`make bench`, `ape run bench`): the suite against reference
implementations, the same operation in the same condition, on one local chain in one run.

A row is registered with `@comparison`: the decorated function receives a `fivefold.gas.Bench`,
deploys the reference (fivefold/assurance/build_bench.py hands out the contract types), sets up the
stated condition and returns the receipt of exactly the transaction to measure. Its `suite` side
is either a key of the suite's gas snapshot (fivefold/gas.py: the measurement `ape run gas` makes,
reused so both sides of a row are set up by code that states one condition) or, where the snapshot
has no such operation, a function of the same shape. Each side runs from the same chain snapshot,
restored after it; a suite key compared with several references is measured once.

Rows live in `fivefold/assurance/bench_*.py`: every such module is imported, and importing it
registers its rows (bench_tokens, bench_vesting, ... and bench_lending, Aave v3's).

Results: a rich table (operation, suite gas, reference, reference gas, ratio, execution ratio) and
bench/results.json (every row with its condition, both sides' gas and the calldata share of each).
Ratio = suite / reference: below 1 the suite is cheaper. The execution ratio compares what is left
after the 21,000 of every transaction and each side's calldata: what the code itself spends.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

RESULTS_FILE = Path("bench") / "results.json"
PACKAGE_DIR = Path(__file__).resolve().parent

Measure = Callable[[Any], Any]  # fn(bench: fivefold.gas.Bench) -> receipt
TX_BASE_GAS = 21_000


@dataclass(frozen=True)
class Row:
    """A registered comparison, before it is measured."""

    key: str  # e.g. "erc20.transfer.fresh.openzeppelin"
    operation: str  # what is done, in words: "ERC-20 transfer to a new holder"
    condition: str  # the state both sides start from and what the transaction does
    suite: str | Measure  # a fivefold/gas.py key, or a measurement of the suite's side
    reference: str  # the reference implementation and version: "OpenZeppelin ERC20Permit 5.7.0"
    measure: Measure  # the reference's measurement

    @property
    def suite_key(self) -> str:
        """The suite side's name in the results: its gas key, or `<row key>.suite`."""
        return self.suite if isinstance(self.suite, str) else f"{self.key}.suite"


@dataclass(frozen=True)
class Comparison:
    """One measured row: the suite's gas and the reference's for the same operation."""

    key: str
    operation: str
    condition: str
    suite_key: str
    suite_gas: int
    reference: str
    reference_gas: int
    # what each transaction's calldata cost of its gas (4 a zero byte, 16 any other): the rest is
    # the 21,000 of every transaction and execution
    suite_calldata_gas: int = 0
    reference_calldata_gas: int = 0

    @property
    def ratio(self) -> float:
        """suite / reference: below 1 the suite is cheaper."""
        return self.suite_gas / self.reference_gas

    @property
    def saved(self) -> int:
        """Gas the suite saves against the reference (negative: the suite is dearer)."""
        return self.reference_gas - self.suite_gas

    @property
    def execution_ratio(self) -> float:
        """suite / reference of the gas beyond the 21,000 base and the calldata: the code's own share,
        apart from how cheaply each side's arguments encode."""
        suite = self.suite_gas - TX_BASE_GAS - self.suite_calldata_gas
        return suite / (self.reference_gas - TX_BASE_GAS - self.reference_calldata_gas)

    def as_json(self) -> dict:
        return {
            **asdict(self),
            "ratio": round(self.ratio, 4),
            "execution_ratio": round(self.execution_ratio, 4),
        }


REGISTRY: dict[str, Row] = {}


def comparison(key: str, *, operation: str, condition: str, suite: str | Measure, reference: str):
    """Registers `fn(bench) -> receipt` as the reference side of row `key`, compared with `suite`."""

    def register(fn: Measure) -> Measure:
        if key in REGISTRY:
            raise ValueError(f"bench row {key!r} registered twice")
        REGISTRY[key] = Row(key, operation, condition, suite, reference, fn)
        return fn

    return register


def row_modules() -> list[str]:
    """Every `fivefold/assurance/bench_*.py`, as module names, sorted."""
    return sorted(f"fivefold.assurance.{p.stem}" for p in PACKAGE_DIR.glob("bench_*.py"))


def load_rows(modules: list[str] | None = None) -> dict[str, Row]:
    """Imports the row modules (all of them by default) and returns the registry sorted by key."""
    for name in row_modules() if modules is None else modules:
        import_module(name)
    return dict(sorted(REGISTRY.items()))


def select(rows: dict[str, Row], only: str = "") -> dict[str, Row]:
    """The rows whose key starts with `only` (all with "")."""
    return {k: r for k, r in rows.items() if k.startswith(only)}


def measure_rows(
    bench,
    rows: dict[str, Row],
    suite_ops: dict[str, Any],
    on_done: Callable[[str], None] = lambda key: None,
) -> list[Comparison]:
    """Measures both sides of every row, each from the same chain snapshot (restored after it).

    `suite_ops` is fivefold.gas's registry of operations (`gas.load_operations()`): a row whose suite
    side is a key runs that operation's own measurement."""
    suite_gas: dict[str, tuple[int, int]] = {}  # suite key -> (gas, calldata gas)
    out = []
    for key, row in rows.items():
        if row.suite_key not in suite_gas:
            if isinstance(row.suite, str):
                if row.suite not in suite_ops:
                    raise RowFailed(f"bench row {key}: no gas operation {row.suite!r} in fivefold/*/bench.py")
                measure = suite_ops[row.suite].measure
            else:
                measure = row.suite
            suite_gas[row.suite_key] = _gas(bench, measure, f"bench row {key}, suite side ({row.suite_key})")
        reference_gas = _gas(bench, row.measure, f"bench row {key}, reference side ({row.reference})")
        suite = suite_gas[row.suite_key]
        out.append(
            Comparison(
                key,
                row.operation,
                row.condition,
                row.suite_key,
                suite[0],
                row.reference,
                reference_gas[0],
                suite_calldata_gas=suite[1],
                reference_calldata_gas=reference_gas[1],
            )
        )
        on_done(key)
    return out


class RowFailed(Exception):
    """A row could not be measured: the message names the row and the side."""


def calldata_gas(data: bytes) -> int:
    """What a transaction's data costs in its intrinsic gas: 4 a zero byte, 16 any other (EIP-2028;
    EIP-7623's floor does not bind transactions that execute as much as these)."""
    zeros = data.count(0)
    return 4 * zeros + 16 * (len(data) - zeros)


def _gas(bench, measure: Measure, where: str) -> tuple[int, int]:
    """(gas used, calldata gas) of `measure`'s transaction, the chain restored after it; a failure
    becomes one line naming `where` (a missing reference package keeps its own message, which names
    the fix)."""
    from fivefold.assurance.build_bench import BenchError

    snapshot = bench.chain.snapshot()
    try:
        receipt = measure(bench)
        return int(receipt.gas_used), calldata_gas(bytes(receipt.transaction.data))
    except BenchError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of a measurement is reported the same way
        from fivefold.command import describe

        raise RowFailed(f"{where}: {describe(exc)}") from exc
    finally:
        bench.chain.restore(snapshot)


def read_results(path: Path) -> dict[str, dict]:
    """The rows of a results file, by key ({} if there is none)."""
    if not path.exists():
        return {}
    return {row["key"]: row for row in json.loads(path.read_text())["rows"]}


def results_document(
    measured: list[Comparison], previous: dict[str, dict], registered: set[str], references: dict[str, str]
) -> dict:
    """What bench/results.json holds: the rows measured now, plus rows of `previous` that are still
    registered (an `--only` run updates its rows and keeps the others), sorted by key, and the
    versions of the reference packages."""
    rows = {k: v for k, v in previous.items() if k in registered}
    rows.update({c.key: c.as_json() for c in measured})
    return {
        "about": "ape run bench: suite gas vs reference gas, same operation and condition, one local chain; "
        "ratio = suite / reference",
        "compiled": "the suite: vyper 0.4.3, EVM paris (ape-config.yaml); bench/references and "
        "OpenZeppelin's VestingWallet and TimelockController: solc-js (the pinned solc), optimizer 200 runs, "
        "EVM cancun; "
        "Uniswap's and Sablier's contracts: their npm build artifacts as shipped",
        "references": dict(sorted(references.items())),
        "rows": [rows[k] for k in sorted(rows)],
    }


def write_results(path: Path, document: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")


def table_rows(measured: list[Comparison]) -> list[tuple[str, ...]]:
    """(operation, suite gas, reference, reference gas, ratio, execution ratio) per row, formatted
    for the table."""
    return [
        (
            c.operation,
            f"{c.suite_gas:,}",
            c.reference,
            f"{c.reference_gas:,}",
            f"{c.ratio:.3f}",
            f"{c.execution_ratio:.3f}",
        )
        for c in measured
    ]


# --- `ape run bench` (scripts/bench.py parses the options and calls `run`)


def run(only: str = "", path: Path = RESULTS_FILE) -> list[Comparison]:
    """Measures every row (or those whose key starts with `only`) on the connected local chain,
    prints the table and writes `path`."""
    from ape import accounts, chain, project

    from fivefold import gas, session, ui
    from fivefold.assurance import build_bench

    session.prepare(chain.provider)
    with ui.errors(build_bench.BenchError, RowFailed):
        rows = select(load_rows(), only)
        if not rows:
            ui.fail(f"no bench row starts with {only!r} (rows: {', '.join(load_rows())})")
        bench = gas.Bench(project=project, accounts=accounts.test_accounts, chain=chain)
        suite_ops = gas.load_operations()
        with ui.progress() as bar:
            task = bar.add_task("bench", total=len(rows))
            measured = measure_rows(bench, rows, suite_ops, on_done=lambda key: bar.advance(task))
        document = results_document(measured, read_results(path), set(REGISTRY), reference_versions())
    write_results(path, document)
    ui.table(
        f"Gas: the suite beside reference implementations (ratio = suite / reference; exec. ratio: the "
        f"same without the 21,000 base and each side's calldata; conditions: {path})",
        ["operation", "suite gas", "reference", "reference gas", "ratio", "exec. ratio"],
        table_rows(measured),
        justify_right=(1, 3, 4, 5),
    )
    return measured


REFERENCE_PACKAGES = (
    "@openzeppelin/contracts",
    "@uniswap/merkle-distributor",
    "@sablier/v2-core",
    "@aave/core-v3",
    "solc",
)


def reference_versions() -> dict[str, str]:
    """The installed versions of the reference packages (and of snekmate, from PyPI)."""
    from importlib.metadata import version

    from fivefold.assurance import build_bench

    out = {"snekmate": version("snekmate")}
    if (build_bench.NODE_MODULES / "@openzeppelin" / "contracts").is_dir():
        out.update(
            {
                p: build_bench.package_version(p)
                for p in REFERENCE_PACKAGES
                if (build_bench.NODE_MODULES / p).is_dir()
            }
        )
    return out

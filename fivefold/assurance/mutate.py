"""Mutation testing (issue 18, `ape run mutate`): how many small faults in each contract its tests catch.

For each contract (every `.vy` under contracts/ but the mocks; modules too) the operators of
`fivefold.assurance.mutate_ops` give its mutants. Each mutant goes through three sieves, cheapest first:

1. compile: the mutant is compiled in this process with `vyper` (the project's settings: Paris,
   optimize gas), together with every deployable contract it ends up in (a module's mutant is
   compiled into each contract that imports it). A mutant that does not compile is counted apart
   ("not compiling"); one whose bytecode equals the original's in every contract is counted as
   equivalent by bytecode (the tests could not tell it apart; nothing to run).
2. listed: a mutant named in `mutation/equivalent.yaml` (with the reason it cannot be told apart
   by any test) is counted as equivalent without running anything.
3. tests: the covering tests run against the mutants in one `ape test` process per contract (or
   `--jobs` processes, each with a share of the mutants), in the project itself: the plugin
   fivefold/assurance/mutate_session.py swaps the mutant's bytecode into Ape's contract types in
   memory, runs the tests until the first failure and tears every fixture down (ape's isolation
   reverts the chain) before the next mutant; the test files that killed earlier mutants run first.
   A failing run is a kill; a run past the timeout counts as killed (the mutant hung the tests), said
   apart. After a kill the original runs once more at the end and must pass (else state leaked from
   one mutant into the next, and the run stops).

Speed: `ape test` starts once for all of a contract's mutants (about 15 s saved a mutant) and
compiles nothing (the sieve's bytecode is what it deploys). Results are cached under
`.cache/mutation/` keyed by the hash of (mutant source, covering tests' sources, the sources of the
contracts it compiles into); a rerun runs only what changed.

Score = killed / (mutants - not compiling - equivalent).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from fivefold.assurance.mutate_ops import Mutant, mutants

RESULTS_FILE = Path("mutation/results.json")
EQUIVALENT_FILE = Path("mutation/equivalent.yaml")
CACHE_DIR = Path(".cache/mutation")
# The harness every mutant's tests run under (this package's files, wherever the project is): a
# change to it is a change to every outcome's context (the fix of 2026-12-03 that made each round
# start as a new session invalidated every cached kill).
HARNESS = (Path(__file__).parent / "mutate_session.py", Path(__file__).parents[1] / "ape_compat.py")
TARGET = 0.85
DEFAULT_TIMEOUT = 900  # seconds for one mutant's test run (the baseline's 3x + 60 if shorter)

# Test files that cover a contract outside its own domain folder (tests/<domain>/ always covers).
EXTRA_TESTS: dict[str, tuple[str, ...]] = {
    "contracts/oracles/LocalPriceFeed.vy": ("tests/lending",),
    "contracts/bridge/RouterAdmin.vy": ("tests/bridge",),
}
# Test files never run for a mutant: they test Python tooling, not a contract, and spawn processes.
SKIP_TESTS = re.compile(r"(_cli\.py|_csv\.py|test_abi\.py)$")
# Slow files (hypothesis) run last: a cheaper test usually kills first.
SLOW_TESTS = re.compile(r"(stateful|invariant|state_machine|properties)")

_IMPORT = re.compile(r"^\s*(?:from\s+(\.*[\w.]*)\s+import\s+(\w+)|import\s+([\w.]+))", re.M)


# -- the project: contracts, what imports what, which tests cover what ----------------------------


def contract_files(root: Path) -> list[str]:
    """Every mutable source: each `.vy` under contracts/ except the mocks, sorted."""
    return sorted(
        str(p.relative_to(root)) for p in (root / "contracts").rglob("*.vy") if "mocks" not in p.parts
    )


def imports_of(root: Path, path: str) -> set[str]:
    """The project sources `path` imports directly: modules (contracts/...vy) and interfaces
    (interfaces/...vyi)."""
    found = set()
    for a, b, c in _IMPORT.findall((root / path).read_text()):
        if a.startswith("."):  # relative: `from . import x` is a sibling, each further dot one up
            base = Path(path).parent
            for _ in range(len(a) - len(a.lstrip(".")) - 1):
                base = base.parent
            rest = a.lstrip(".")
            candidate = str(base / (f"{rest}.{b}" if rest else b).replace(".", "/"))
        else:
            candidate = (f"{a}.{b}" if a else c).replace(".", "/")
        for source in (candidate + ".vy", candidate + ".vyi"):
            if source.startswith(("contracts/", "interfaces/")) and (root / source).is_file():
                found.add(source)
    return found


def reaches(root: Path, unit: str, targets: set[str]) -> bool:
    """Whether `unit` is one of `targets` or imports one, directly or through a module."""
    seen, todo = set(), [unit]
    while todo:
        here = todo.pop()
        if here in targets:
            return True
        if here not in seen and (root / here).is_file():
            seen.add(here)
            todo.extend(imports_of(root, here))
    return False


def is_module(path: str) -> bool:
    return not Path(path).stem[0].isupper()


def compile_units(root: Path, path: str) -> list[str]:
    """The deployable contracts (mocks included) whose bytecode contains `path`: itself if it is
    one, else every contract that imports it, directly or through another module."""
    if not is_module(path):
        return [path]
    every = sorted(str(p.relative_to(root)) for p in (root / "contracts").rglob("*.vy"))
    return [p for p in every if not is_module(p) and reaches(root, p, {path})]


def covering_tests(root: Path, path: str) -> list[str]:
    """The test files run against a mutant of `path`: tests/<domain>/ of every non-mock contract it
    compiles into, plus EXTRA_TESTS; tooling tests skipped; the slow (hypothesis) files last."""
    dirs: list[str] = []
    for unit in compile_units(root, path):
        parts = Path(unit).parts
        if parts[1] == "mocks":
            continue
        dirs.append(f"tests/{parts[1]}")
        dirs.extend(EXTRA_TESTS.get(unit, ()))
    dirs.extend(EXTRA_TESTS.get(path, ()))
    files: list[str] = []
    for d in dict.fromkeys(dirs):
        for f in sorted((root / d).rglob("test_*.py")):
            rel = str(f.relative_to(root))
            if not SKIP_TESTS.search(rel) and rel not in files:
                files.append(rel)
    return sorted(files, key=lambda f: bool(SLOW_TESTS.search(f)))


def _digest(root: Path, files) -> str:
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(f.encode())
        h.update((root / f).read_bytes())
    return h.hexdigest()


def test_sources(root: Path, tests: list[str]) -> list[str]:
    """The test files plus every conftest and support module they can import."""
    extra = {str(p.relative_to(root)) for p in (root / "tests").rglob("*.py") if "test_" not in p.name}
    return sorted(set(tests) | extra)


# -- equivalent mutants listed by hand ---------------------------------------------------------------


def listed_equivalents(root: Path) -> dict[str, str]:
    """`mutation/equivalent.yaml`: mutant key -> why no test can tell it from the original."""
    path = root / EQUIVALENT_FILE
    if not path.is_file():
        return {}
    entries = yaml.safe_load(path.read_text()) or []
    return {e["mutant"]: e["reason"] for e in entries}


# -- compiling ---------------------------------------------------------------------------------------


class Compiler:
    """vyper in this process, with one file's text replaced by a mutant's (thread-safe: one at a time)."""

    def __init__(self, root: Path):
        from vyper.compiler.input_bundle import FilesystemInputBundle

        self.root = root.resolve()
        site = [Path(p) for p in sys.path if p.endswith("site-packages")]
        self.search_paths = [self.root, *site]
        self.lock = threading.Lock()
        self.baseline: dict[str, tuple[str, str]] = {}
        root_ = self.root

        class Overlay(FilesystemInputBundle):
            overrides: dict[Path, str] = {}

            def _load_from_path(self, resolved_path, original_path):
                from vyper.compiler.input_bundle import FileInput

                text = self.overrides.get(Path(resolved_path))
                if text is None:
                    return super()._load_from_path(resolved_path, original_path)
                return FileInput(self._generate_source_id(resolved_path), original_path, resolved_path, text)

        self._overlay = Overlay
        self._root = root_

    def bytecode(self, unit: str, overrides: dict[str, str] | None = None) -> tuple[str, str]:
        """(deployment, runtime) bytecode of `unit` with `overrides` (path -> source) in place."""
        from vyper.compiler import compile_code
        from vyper.compiler.settings import OptimizationLevel, Settings

        overrides = overrides or {}
        with self.lock:
            bundle = self._overlay(self.search_paths)
            bundle.overrides = {(self._root / p).resolve(): s for p, s in overrides.items()}
            source = overrides.get(unit) or (self._root / unit).read_text()
            out = compile_code(
                source,
                contract_path=unit,
                resolved_path=(self._root / unit).resolve(),
                input_bundle=bundle,
                output_formats=["bytecode", "bytecode_runtime"],
                settings=Settings(evm_version="paris", optimize=OptimizationLevel.GAS),
            )
        return out["bytecode"], out["bytecode_runtime"]

    def original(self, unit: str) -> tuple[str, str]:
        if unit not in self.baseline:
            self.baseline[unit] = self.bytecode(unit)
        return self.baseline[unit]


# -- one `ape test` process for many mutants -----------------------------------------------------------


class Session:
    """Runs a batch of mutants of one contract in one `ape test` process over its covering tests, in
    the project itself (fivefold/assurance/mutate_session.py swaps bytecode in memory; no source is
    written). A process that stops on a mutant's timeout is started again for the mutants left."""

    def __init__(self, root: Path):
        self.root = root
        self.leaks: list[str] = []  # the leaks seen (test and error), one line each

    def env(self, batch: Path, results: Path) -> dict[str, str]:
        from fivefold.assurance import mutate_session

        env = dict(os.environ)
        env["PATH"] = (
            f"{self.root / 'node_modules' / '.bin'}:{self.root / '.venv' / 'bin'}:{env.get('PATH', '')}"
        )
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(self.root), env.get("PYTHONPATH")) if p)
        env["PYTHONWARNINGS"] = "ignore::UserWarning"
        env.setdefault("HYPOTHESIS_PROFILE", "ci")
        env[mutate_session.BATCH] = str(batch)
        env[mutate_session.RESULTS] = str(results)
        return env

    def command(self, tests: list[str]) -> list[str]:
        ape = self.root / ".venv" / "bin" / "ape"
        return [
            str(ape if ape.exists() else "ape"),
            "test",
            *tests,
            "-p",
            "fivefold.assurance.mutate_session",
            "-q",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
        ]

    def run(
        self, tests: list[str], batch: list[dict], timeout: float | None, longest: float, on_row=None
    ) -> dict[str, dict]:
        """Outcome rows by mutant key for every entry of `batch` ({"key", "types"}; empty types: the
        original). `timeout` is one mutant's limit; None: three times the original's time plus a
        minute (the batch must then start with the original); `longest` caps every run.

        A kill counts only once the original has passed again after it in the same process (the
        plugin's `baseline:after`): the kills of a process ended by a timeout, or whose final run of
        the original never came, are run again in the next process. A final run that fails means
        state leaked from one mutant into the next: what that process decided after its first kill
        is dropped, and every mutant left runs alone in a fresh process (slower, and nothing can
        leak into it), where a kill counts as it stands."""
        from fivefold.assurance import mutate_session

        rows: dict[str, dict] = {}
        first: list[str] = []  # the files that killed mutants so far, the latest first
        isolated = False
        with tempfile.TemporaryDirectory(prefix="fivefold-mutate-") as tmp:
            batch_file, results = Path(tmp) / "batch.json", Path(tmp) / "results.jsonl"
            while left := [m for m in batch if m["key"] not in rows]:
                payload = {
                    "mutants": left[:1] if isolated else left,
                    "timeout": timeout,
                    "max_timeout": longest,
                }
                payload.update(first=first, isolated=isolated)
                batch_file.write_text(json.dumps(payload))
                results.unlink(missing_ok=True)
                env = self.env(batch_file, results)
                env["HYPOTHESIS_STORAGE_DIRECTORY"] = str(Path(tmp) / "hypothesis")
                proc = subprocess.run(
                    self.command(tests), cwd=self.root, env=env, capture_output=True, text=True
                )
                if proc.returncode == 5:
                    raise MutationError(f"no tests collected: {' '.join(tests)}")
                new = (
                    [json.loads(line) for line in results.read_text().splitlines()]
                    if results.exists()
                    else []
                )
                after = [r for r in new if r["key"] == mutate_session.AFTER]
                if after and after[0]["status"] != "survived":
                    self.leaks.append(
                        f"{after[0].get('test', after[0].get('killer'))}: {after[0].get('error', '')}"
                    )
                    kills = [i for i, r in enumerate(new) if r["status"] == "killed"]
                    new = new[: kills[0]]  # what was decided before anything could leak
                    isolated = True
                verified = isolated or bool(after)
                decided = 0
                for row in new:
                    key = row["key"]
                    if key == mutate_session.AFTER:
                        continue
                    if key.startswith("baseline:") and row["status"] != "survived":
                        raise MutationError(
                            f"the covering tests fail without any mutant ({row['status']}"
                            f"{' in ' + row['test'] if row.get('test') else ''}"
                            f"{': ' + row['error'] if row.get('error') else ''})"
                        )
                    if row["status"] == "killed" and not verified:
                        continue  # not confirmed by a passing original after it: run again
                    rows[key] = row
                    decided += 1
                    if row.get("killer"):
                        first = [row["killer"], *(f for f in first if f != row["killer"])]
                    if timeout is None and key.startswith("baseline:"):
                        timeout = min(longest, 3 * row["seconds"] + 60)
                    if on_row is not None:
                        on_row(row)
                if not decided and not (after and isolated):
                    tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
                    raise MutationError(f"`ape test` stopped before any mutant was decided:\n{tail}")
        return rows


class MutationError(Exception):
    """A run that cannot give a meaningful answer (the tests fail without any mutant, none found)."""


# -- one contract's run -------------------------------------------------------------------------------


@dataclass
class Outcome:
    mutant: Mutant
    status: str  # killed | survived | timeout | uncompilable | equivalent | listed | pending (not run)
    seconds: float = 0.0
    killer: str | None = None
    reason: str | None = None
    cached: bool = False

    def as_json(self) -> dict:
        m = self.mutant
        row = {
            "line": m.line,
            "col": m.col,
            "operator": m.operator,
            "mutation": m.description,
            "key": m.key,
            "status": self.status,
            "seconds": round(self.seconds, 1),
        }
        if self.killer:
            row["killer"] = self.killer
        if self.reason:
            row["reason"] = self.reason
        return row


@dataclass
class Report:
    path: str
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    tests: list[str] = field(default_factory=list)
    # the tests that failed on the original after other mutants (state leaking between mutants in
    # one process): the mutants after such a leak ran one process each
    leaks: list[str] = field(default_factory=list)
    error: str | None = None  # why the run stopped before every mutant was decided

    def count(self, *statuses: str) -> int:
        return sum(o.status in statuses for o in self.outcomes)

    @property
    def score(self) -> float | None:
        scored = self.count("killed", "timeout", "survived")
        return self.count("killed", "timeout") / scored if scored else None

    def as_json(self) -> dict:
        rows = [o.as_json() for o in self.outcomes]
        return {
            **summary(self.path, rows),
            "seconds": round(self.seconds, 1),
            "tests": self.tests,
            "outcomes": rows,
            **({"leaks": self.leaks} if self.leaks else {}),
            **({"error": self.error} if self.error else {}),
        }


def summary(path: str, rows: list[dict]) -> dict:
    """A results entry's counts, score and survivors from its outcome rows (`Outcome.as_json`)."""

    def count(*statuses: str) -> int:
        return sum(r["status"] in statuses for r in rows)

    scored = count("killed", "timeout", "survived")
    return {
        "mutants": len(rows),
        "killed": count("killed", "timeout"),
        "timeouts": count("timeout"),
        "survived": count("survived"),
        "not_compiling": count("uncompilable"),
        "equivalent_bytecode": count("equivalent"),
        "equivalent_listed": count("listed"),
        "pending": count("pending"),
        "score": round(count("killed", "timeout") / scored, 4) if scored else None,
        "survivors": [f"{path}:{r['line']} {r['mutation']}" for r in rows if r["status"] == "survived"],
    }


class Cache:
    """Outcomes by key (sha256 of the mutant, its tests and the contracts it compiles into), in
    `.cache/mutation/outcomes.json`, written after every mutant so an interrupted run resumes."""

    def __init__(self, root: Path):
        self.path = root / CACHE_DIR / "outcomes.json"
        self.lock = threading.Lock()
        self.data: dict = json.loads(self.path.read_text()) if self.path.is_file() else {}

    def get(self, key: str) -> dict | None:
        return self.data.get(key)

    def put(self, key: str, value: dict) -> None:
        """Writes `key` through to the file, merged with what other runs (two `ape run mutate` side
        by side, each on its own contracts) wrote there meanwhile: never a lost entry."""
        with self.lock:
            self.data[key] = value
            self.data = _update_json(self.path, lambda on_disk: {**on_disk, **self.data})


class Runner:
    """Runs the mutants of the contracts asked for: each contract's mutants to test go in `jobs`
    batches, one `ape test` process a batch, side by side."""

    def __init__(
        self, root: Path, jobs: int = 1, timeout: float = DEFAULT_TIMEOUT, progress=None, cached_only=False
    ):
        self.root = root.resolve()
        self.cached_only = cached_only  # report what the cache holds, run nothing (the rest: pending)
        # `--survivors`: the last results (path -> mutant key -> outcome row); only their survivors
        # run again (after new tests), every other outcome is taken from them as it stands
        self.previous: dict[str, dict[str, dict]] | None = None
        self.jobs = jobs
        self.timeout = timeout
        self.progress = progress
        self.compiler = Compiler(self.root)
        self.cache = Cache(self.root)
        self.listed = listed_equivalents(self.root)
        self.session = Session(self.root)

    def run(self, path: str, task=None) -> Report:
        start = time.monotonic()
        source = (self.root / path).read_text()
        found = mutants(source, path)
        units = compile_units(self.root, path)
        tests = covering_tests(self.root, path)
        if not tests:
            raise MutationError(f"{path}: no test covers it (add it to EXTRA_TESTS)")
        context = _digest(self.root, test_sources(self.root, tests) + [u for u in units if u != path])
        harness = b"".join(f.read_bytes() for f in HARNESS)
        context = hashlib.sha256(context.encode() + harness).hexdigest()
        report = Report(path, tests=tests)
        if self.progress is not None and task is not None:
            self.progress.update(task, total=len(found), completed=0)

        def advance():
            if self.progress is not None and task is not None:
                self.progress.advance(task)

        before = None if self.previous is None else self.previous.get(path, {})
        outcomes: dict[str, Outcome] = {}
        to_test: list[tuple[Mutant, str, dict]] = []  # (mutant, cache key, contract name -> bytecodes)
        for mutant in found:
            row = None if before is None else before.get(mutant.key)
            if row is not None and row["status"] not in ("survived", "pending"):
                outcome = Outcome(
                    mutant, row["status"], row["seconds"], row.get("killer"), row.get("reason"), True
                )
            else:
                outcome, key, types = self._sieve(mutant, units, context)
                if outcome is None:
                    to_test.append((mutant, key, types))
                    continue
            outcomes[mutant.key] = outcome
            advance()
        if to_test:
            self.session.leaks = report.leaks
            try:
                self._test(path, tests, context, to_test, outcomes, advance)
            except MutationError as exc:
                report.error = str(exc)
        report.outcomes = [outcomes.get(m.key) or Outcome(m, "pending") for m in found]
        report.seconds = time.monotonic() - start
        return report

    def _sieve(self, mutant: Mutant, units: list[str], context: str) -> tuple[Outcome | None, str, dict]:
        """The cheap answers first: listed, cached, not compiling, same bytecode. (None, cache key,
        contract name -> (deployment, runtime)) when only the tests can tell."""
        key = hashlib.sha256((mutant.source + context + mutant.key).encode()).hexdigest()
        if mutant.key in self.listed:
            return Outcome(mutant, "listed", reason=self.listed[mutant.key]), key, {}
        hit = self.cache.get(key)
        if hit is not None:
            outcome = Outcome(
                mutant, hit["status"], hit["seconds"], hit.get("killer"), hit.get("reason"), True
            )
            return outcome, key, {}
        if self.cached_only:
            return Outcome(mutant, "pending"), key, {}
        start = time.monotonic()
        bytecodes = {}
        try:
            for unit in units:
                bytecodes[unit] = self.compiler.bytecode(unit, {mutant.path: mutant.source})
        except Exception as exc:  # vyper raises many exception types; any of them = does not compile
            outcome = Outcome(mutant, "uncompilable", time.monotonic() - start, reason=type(exc).__name__)
        else:
            if all(_code(bytecodes[u]) == _code(self.compiler.original(u)) for u in units):
                outcome = Outcome(mutant, "equivalent", time.monotonic() - start, reason="same bytecode")
            else:
                return None, key, {Path(u).stem: list(bytecodes[u]) for u in units}
        self._remember(key, outcome)
        return outcome, key, {}

    def _remember(self, key: str, outcome: Outcome) -> None:
        row = {
            "status": outcome.status,
            "seconds": outcome.seconds,
            "killer": outcome.killer,
            "reason": outcome.reason,
        }
        self.cache.put(key, row)

    def _test(self, path, tests, context, to_test, outcomes, advance) -> None:
        """The covering tests against each mutant left, in `jobs` batches side by side; the original
        first where no earlier run timed it (its time sets the timeout: 3x plus a minute)."""
        baseline_key = (
            "baseline:" + hashlib.sha256((context + (self.root / path).read_text()).encode()).hexdigest()
        )
        hit = self.cache.get(baseline_key)
        timeout = None if hit is None else min(self.timeout, 3 * hit["seconds"] + 60)
        by_key = {key: (mutant, key) for mutant, key, _ in to_test}
        entries = [{"key": key, "types": types} for _, key, types in to_test]
        batches = [entries[i :: self.jobs] for i in range(min(self.jobs, len(entries)))]
        if hit is None:
            batches = [[{"key": baseline_key, "types": {}}, *b] for b in batches]

        def on_row(row):
            if row["key"].startswith("baseline:"):
                self.cache.put(row["key"], {"seconds": row["seconds"]})
                return
            mutant, key = by_key[row["key"]]
            outcome = Outcome(mutant, row["status"], row["seconds"], row.get("killer"))
            outcomes[mutant.key] = outcome
            self._remember(key, outcome)
            advance()

        def one(batch):
            return self.session.run(tests, batch, timeout, self.timeout, on_row)

        with ThreadPoolExecutor(max_workers=len(batches)) as pool:
            list(pool.map(one, batches))


def _code(bytecodes: tuple[str, str]) -> tuple[bytes, bytes]:
    """Deployment bytecode without vyper's metadata trailer (its CBOR holds a hash of the source
    text, so a mutant that compiles to the same code differs there alone), and the runtime bytecode."""

    def strip(hexcode: str) -> bytes:
        code = bytes.fromhex(hexcode.removeprefix("0x"))
        size = int.from_bytes(code[-2:], "big") if len(code) > 2 else 0
        return code[:-size] if 2 < size <= len(code) else code

    return strip(bytecodes[0]), bytes.fromhex(bytecodes[1].removeprefix("0x"))


# -- results -------------------------------------------------------------------------------------------


def write_results(root: Path, reports: list[Report], path: Path = RESULTS_FILE) -> dict:
    """Merges the reports into the results JSON (contracts not run this time keep their entry;
    runs side by side, each on its own contracts, can share the file)."""

    def merge(data: dict) -> dict:
        contracts = data.get("contracts", {})
        for r in reports:
            contracts[r.path] = r.as_json()
        return {
            "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "target": TARGET,
            "contracts": dict(sorted(contracts.items())),
            "projection": projection(root, contracts),
        }

    return _update_json(root / path, merge, indent=2)


def _update_json(path: Path, update, indent: int | None = None) -> dict:
    """Replaces the JSON file at `path` with `update(what it holds now)`, under an exclusive lock
    and through a temporary file: runs side by side never lose each other's entries, and a reader
    never sees half a file. Returns what was written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        data = update(json.loads(path.read_text()) if path.is_file() else {})
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=indent, sort_keys=True) + ("\n" if indent else ""))
        tmp.replace(path)
    return data


def previous_outcomes(root: Path, path: Path = RESULTS_FILE) -> dict[str, dict[str, dict]]:
    """The results file's outcomes: contract path -> mutant key -> outcome row."""
    target = root / path
    if not target.is_file():
        return {}
    contracts = json.loads(target.read_text()).get("contracts", {})
    return {p: {o["key"]: o for o in c.get("outcomes", [])} for p, c in contracts.items()}


def projection(root: Path, contracts: dict | None = None) -> dict:
    """What a full run would take on this machine: every contract's mutant count times the mean
    seconds per mutant measured so far (the cache's tested mutants, else the tested outcomes in
    `contracts`, a results file's entries: a fresh clone has no cache; 60 s if none were measured)."""
    cache = Cache(root)
    timed = [v["seconds"] for k, v in cache.data.items() if not k.startswith("baseline") and v.get("seconds")]
    if not timed:
        timed = [
            o["seconds"]
            for c in (contracts or {}).values()
            for o in c.get("outcomes", [])
            if o["status"] in ("killed", "survived", "timeout") and o.get("seconds")
        ]
    mean = sum(timed) / len(timed) if timed else 60.0
    counts = {p: len(mutants((root / p).read_text(), p)) for p in contract_files(root)}
    total = sum(counts.values())
    return {
        "mutants": total,
        "mean_seconds_per_mutant": round(mean, 1),
        "hours_one_job": round(total * mean / 3600, 1),
        "measured_mutants": len(timed),
    }

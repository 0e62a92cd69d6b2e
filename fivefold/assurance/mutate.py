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
3. tests: the covering tests run against the mutant, one `ape test` process per mutant, in a scratch
   copy of the project (never the real tree), `-x` so a killed mutant stops at its first failing
   test, the test files that killed earlier mutants of the same contract first. A failing run is a
   kill; a run past the timeout counts as killed (the mutant hung the tests), said apart.

Speed: the in-process compile also feeds the scratch project's `.build` manifest (the mutant's
bytecode and source text), so `ape test` does not compile again. Results are cached under
`.cache/mutation/` keyed by the hash of (mutant source, covering tests' sources, the sources of the
contracts it compiles into); a rerun runs only what changed.

Score = killed / (mutants - not compiling - equivalent).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import re
import shutil
import subprocess
import sys
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

_IMPORT = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import\s+(\w+)|import\s+([\w.]+))", re.M)


# -- the project: contracts, what imports what, which tests cover what ----------------------------


def contract_files(root: Path) -> list[str]:
    """Every mutable source: each `.vy` under contracts/ except the mocks, sorted."""
    return sorted(
        str(p.relative_to(root)) for p in (root / "contracts").rglob("*.vy") if "mocks" not in p.parts
    )


def imports_of(root: Path, path: str) -> set[str]:
    """The project sources (contracts/...vy) that `path` imports directly."""
    found = set()
    for a, b, c in _IMPORT.findall((root / path).read_text()):
        dotted = f"{a}.{b}" if a else c
        candidate = dotted.replace(".", "/") + ".vy"
        if candidate.startswith("contracts/") and (root / candidate).is_file():
            found.add(candidate)
    return found


def is_module(path: str) -> bool:
    return not Path(path).stem[0].isupper()


def compile_units(root: Path, path: str) -> list[str]:
    """The deployable contracts (mocks included) whose bytecode contains `path`: itself if it is
    one, else every contract that imports it, directly or through another module."""
    if not is_module(path):
        return [path]
    every = sorted(str(p.relative_to(root)) for p in (root / "contracts").rglob("*.vy"))
    graph = {p: imports_of(root, p) for p in every}

    def reaches(src: str, seen: set[str]) -> bool:
        for dep in graph[src]:
            if dep == path or (dep not in seen and (seen.add(dep) or reaches(dep, seen))):
                return True
        return False

    return [p for p in every if not is_module(p) and reaches(p, set())]


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


# -- the scratch project -------------------------------------------------------------------------------


class Scratch:
    """A copy of the project in a temporary folder (the real tree is never written): the files git
    knows (committed or not ignored) plus `.build`; .venv, node_modules and .cache/hyperlane linked."""

    def __init__(self, root: Path, index: int):
        base = Path(os.environ.get("TMPDIR", "/tmp")) / f"fivefold-mutate-{os.getuid()}"
        tag = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:8]
        self.root = root.resolve()
        self.dir = base / f"{tag}-{index}"
        self.manifest_text = ""
        self.manifest: dict = {}

    def create(self) -> None:
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        for rel in self._files():
            dst = self.dir / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(self.root / rel, dst)
        if (self.root / ".build").is_dir():
            shutil.copytree(self.root / ".build", self.dir / ".build")
        for link in (".venv", "node_modules"):
            (self.dir / link).symlink_to((self.root / link).resolve())
        (self.dir / ".cache").mkdir(exist_ok=True)
        hyperlane = self.root / ".cache" / "hyperlane"
        if hyperlane.exists():
            (self.dir / ".cache" / "hyperlane").symlink_to(hyperlane.resolve())
        # bring .build up to date once: every mutant after this compiles nothing in ape
        subprocess.run(self.command("compile"), cwd=self.dir, env=self.env(), capture_output=True, check=True)
        self.manifest_text = (self.dir / ".build" / "__local__.json").read_text()
        self.manifest = json.loads(self.manifest_text)

    def _files(self) -> list[str]:
        """The project's files: what git knows (committed, or new and not ignored), or outside a git
        checkout every file but the build, caches and linked folders."""
        skip = (".build", ".cache", ".venv", "node_modules", ".hypothesis", ".make", ".git")
        try:
            listed = subprocess.run(
                ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                cwd=self.root,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.splitlines()
        except (subprocess.CalledProcessError, FileNotFoundError):
            listed = [str(p.relative_to(self.root)) for p in self.root.rglob("*")]
        return [
            rel
            for rel in listed
            if rel and not rel.startswith(skip) and "__pycache__" not in rel and (self.root / rel).is_file()
        ]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PATH"] = (
            f"{self.dir / 'node_modules' / '.bin'}:{self.dir / '.venv' / 'bin'}:{env.get('PATH', '')}"
        )
        env["PYTHONPATH"] = str(self.dir)
        env["PYTHONWARNINGS"] = "ignore::UserWarning"
        env.setdefault("HYPOTHESIS_PROFILE", "ci")
        return env

    def command(self, *args: str) -> list[str]:
        return [str(self.dir / ".venv" / "bin" / "ape"), *args]

    def apply(self, path: str, source: str, bytecodes: dict[str, tuple[str, str]]) -> None:
        """Writes the mutant into the copy and its compiled form into the copy's manifest."""
        (self.dir / path).write_text(source)
        manifest = json.loads(self.manifest_text)
        text = source.rstrip()
        manifest["sources"][path]["content"] = f"{text}\n" if text else ""
        manifest["sources"][path].pop("checksum", None)
        for unit, (deploy, runtime) in bytecodes.items():
            contract = manifest["contractTypes"].get(Path(unit).stem)
            if contract is None:
                continue
            contract["deploymentBytecode"] = {"bytecode": deploy}
            contract["runtimeBytecode"] = {"bytecode": runtime}
        (self.dir / ".build" / "__local__.json").write_text(json.dumps(manifest))

    def restore(self, path: str) -> None:
        shutil.copy2(self.root / path, self.dir / path)
        (self.dir / ".build" / "__local__.json").write_text(self.manifest_text)

    def run_tests(self, tests: list[str], timeout: float) -> tuple[str, float, str | None]:
        """('killed' | 'survived' | 'timeout', seconds, first failing test file)."""
        cmd = self.command("test", *tests, "-x", "-q", "-n", "0", "--tb=no", "-rfE", "-p", "no:cacheprovider")
        start = time.monotonic()
        proc = subprocess.Popen(
            cmd,
            cwd=self.dir,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.communicate()
            return "timeout", time.monotonic() - start, None
        seconds = time.monotonic() - start
        if proc.returncode == 0:
            return "survived", seconds, None
        failed = re.search(r"^(?:FAILED|ERROR) (tests/[^:\s]+)", out, re.M)
        if proc.returncode in (1, 2) and failed:
            return "killed", seconds, failed.group(1)
        if proc.returncode == 5:
            raise MutationError(f"no tests collected: {' '.join(tests)}")
        return "killed", seconds, None


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

    def count(self, *statuses: str) -> int:
        return sum(o.status in statuses for o in self.outcomes)

    @property
    def score(self) -> float | None:
        scored = self.count("killed", "timeout", "survived")
        return self.count("killed", "timeout") / scored if scored else None

    def as_json(self) -> dict:
        return {
            "mutants": len(self.outcomes),
            "killed": self.count("killed", "timeout"),
            "timeouts": self.count("timeout"),
            "survived": self.count("survived"),
            "not_compiling": self.count("uncompilable"),
            "equivalent_bytecode": self.count("equivalent"),
            "equivalent_listed": self.count("listed"),
            "pending": self.count("pending"),
            "score": None if self.score is None else round(self.score, 4),
            "seconds": round(self.seconds, 1),
            "tests": self.tests,
            "survivors": [
                f"{self.path}:{o.mutant.line} {o.mutant.description}"
                for o in self.outcomes
                if o.status == "survived"
            ],
            "outcomes": [o.as_json() for o in self.outcomes],
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
        with self.lock:
            self.data[key] = value
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.data, sort_keys=True))
            tmp.replace(self.path)


class Runner:
    """Runs the mutants of the contracts asked for, `jobs` scratch copies side by side."""

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
        self.scratches: queue.Queue[Scratch] = queue.Queue()
        self._created = False

    def _scratches(self) -> None:
        if self._created:
            return
        for i in range(self.jobs):
            s = Scratch(self.root, i)
            s.create()
            self.scratches.put(s)
        self._created = True

    def close(self) -> None:
        """Removes the scratch copies."""
        while not self.scratches.empty():
            shutil.rmtree(self.scratches.get().dir, ignore_errors=True)

    def run(self, path: str, task=None) -> Report:
        start = time.monotonic()
        source = (self.root / path).read_text()
        found = mutants(source, path)
        units = compile_units(self.root, path)
        tests = covering_tests(self.root, path)
        if not tests:
            raise MutationError(f"{path}: no test covers it (add it to EXTRA_TESTS)")
        context = _digest(self.root, test_sources(self.root, tests) + [u for u in units if u != path])
        report = Report(path, tests=tests)
        killers: list[str] = []
        timeout = self.timeout if self.cached_only else self._baseline(path, tests, context)
        if self.progress is not None and task is not None:
            self.progress.update(task, total=len(found), completed=0)

        before = None if self.previous is None else self.previous.get(path, {})

        def one(mutant: Mutant) -> Outcome:
            row = None if before is None else before.get(mutant.key)
            if row is not None and row["status"] not in ("survived", "pending"):
                outcome = Outcome(
                    mutant, row["status"], row["seconds"], row.get("killer"), row.get("reason"), True
                )
            else:
                outcome = self._one(mutant, units, tests, killers, context, timeout)
            if outcome.killer and outcome.killer not in killers[:1]:
                if outcome.killer in killers:
                    killers.remove(outcome.killer)
                killers.insert(0, outcome.killer)
            if self.progress is not None and task is not None:
                self.progress.advance(task)
            return outcome

        with ThreadPoolExecutor(max_workers=self.jobs) as pool:
            report.outcomes = list(pool.map(one, found))
        report.seconds = time.monotonic() - start
        return report

    def _baseline(self, path: str, tests: list[str], context: str) -> float:
        """Runs the covering tests once without a mutant (they must pass); returns the per-mutant
        timeout: 3x their time plus a minute, at most the configured one."""
        key = "baseline:" + hashlib.sha256((context + (self.root / path).read_text()).encode()).hexdigest()
        hit = self.cache.get(key)
        if hit is None:
            self._scratches()
            scratch = self.scratches.get()
            try:
                status, seconds, _ = scratch.run_tests(tests, self.timeout)
            finally:
                self.scratches.put(scratch)
            if status != "survived":
                raise MutationError(f"{path}: its covering tests fail without any mutant ({status})")
            hit = {"seconds": seconds}
            self.cache.put(key, hit)
        return min(self.timeout, 3 * hit["seconds"] + 60)

    def _one(self, mutant, units, tests, killers, context, timeout) -> Outcome:
        key = hashlib.sha256((mutant.source + context + mutant.key).encode()).hexdigest()
        if mutant.key in self.listed:
            return Outcome(mutant, "listed", reason=self.listed[mutant.key])
        hit = self.cache.get(key)
        if hit is not None:
            return Outcome(mutant, hit["status"], hit["seconds"], hit.get("killer"), hit.get("reason"), True)
        if self.cached_only:
            return Outcome(mutant, "pending")
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
                order = [t for t in killers if t in tests] + [t for t in tests if t not in killers]
                self._scratches()
                scratch = self.scratches.get()
                try:
                    scratch.apply(mutant.path, mutant.source, bytecodes)
                    status, seconds, killer = scratch.run_tests(order, timeout)
                finally:
                    scratch.restore(mutant.path)
                    self.scratches.put(scratch)
                outcome = Outcome(mutant, status, time.monotonic() - start, killer)
        self.cache.put(
            key,
            {
                "status": outcome.status,
                "seconds": outcome.seconds,
                "killer": outcome.killer,
                "reason": outcome.reason,
            },
        )
        return outcome


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
    """Merges the reports into the results JSON (contracts not run this time keep their entry)."""
    target = root / path
    data = json.loads(target.read_text()) if target.is_file() else {}
    contracts = data.get("contracts", {})
    for r in reports:
        contracts[r.path] = r.as_json()
    data = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "target": TARGET,
        "contracts": dict(sorted(contracts.items())),
        "projection": projection(root, contracts),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
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
    seconds per mutant measured so far (the cache's tested mutants; 60 s if none were measured)."""
    cache = Cache(root)
    timed = [v["seconds"] for k, v in cache.data.items() if not k.startswith("baseline") and v.get("seconds")]
    mean = sum(timed) / len(timed) if timed else 60.0
    counts = {p: len(mutants((root / p).read_text(), p)) for p in contract_files(root)}
    total = sum(counts.values())
    return {
        "mutants": total,
        "mean_seconds_per_mutant": round(mean, 1),
        "hours_one_job": round(total * mean / 3600, 1),
        "measured_mutants": len(timed),
    }

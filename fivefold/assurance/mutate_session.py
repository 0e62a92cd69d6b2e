"""A pytest plugin that runs many mutants of one contract in one `ape test` process
(`ape test <covering tests> -p fivefold.assurance.mutate_session`, started by fivefold/assurance/mutate.py).

Starting `ape test` costs about 15 s, and every mutant used to pay it again. Here the process
starts once; for each mutant the plugin swaps the compiled bytecode of the contract types it changes
in Ape's project manifest (in memory: the sources on disk are never touched), runs the collected
tests in order until the first failure, then tears every fixture down (session ones too, so ape's
isolation reverts the chain to where the session started) before the next mutant.

Input, the JSON file named by FIVEFOLD_MUTATE_BATCH:
    {"mutants": [{"key": ..., "types": {ContractName: [deployment, runtime]}}, ...],
     "timeout": seconds a mutant (null: three times the original's time plus a minute),
     "max_timeout": seconds at most,
     "first": test files to run first (the files that killed earlier mutants), optional,
     "isolated": true when the batch is one mutant in a fresh process (no final original run)}
A mutant with no types is the original (the baseline: every test must pass; it comes first when
the timeout is null). After the first kill the plugin runs the original once more at the end: if it
fails then, state leaked from one mutant into the next and the batch's kills cannot be trusted (the
runner then gives every mutant after the first kill a process of its own).

Output, FIVEFOLD_MUTATE_RESULTS, one JSON line per mutant as soon as it is decided:
    {"key": ..., "status": "killed" | "survived" | "timeout", "seconds": s,
     "killer": test file, "test": test id, "error": the failure's first line}
A mutant that runs past its timeout is written as "timeout" and the process exits (code 3) at once;
the runner starts a new process for the mutants left.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from _pytest.runner import runtestprotocol

from fivefold import ape_compat

BATCH = "FIVEFOLD_MUTATE_BATCH"
RESULTS = "FIVEFOLD_MUTATE_RESULTS"
TIMEOUT_EXIT = 3
AFTER = "baseline:after"  # the key of the final run of the original


def _write(path: Path, row: dict) -> None:
    with path.open("a") as out:
        out.write(json.dumps(row) + "\n")
        out.flush()
        os.fsync(out.fileno())


class _Swap:
    """The mutant's bytecode in place of the original's, in the manifest's contract types (the
    objects every `project.<Name>` container wraps). While a mutant is in place nothing of the
    manifest is written to disk: a recompile then would save the mutant into `.build`."""

    def __init__(self):
        from ape import project
        from ethpm_types import Bytecode

        project.load_contracts()  # compiled (or loaded from .build) before anything is swapped
        self._project = project
        self._bytecode = Bytecode
        self._saved: dict[str, tuple] = {}
        ape_compat.hold_manifest_writes(lambda: bool(self._saved))

    def apply(self, types: dict[str, list[str]]) -> None:
        known = self._project.manifest.contract_types or {}
        for name, (deployment, runtime) in types.items():
            contract = known.get(name)
            if contract is None:
                raise RuntimeError(f"mutate: no contract type {name} in the project to swap")
            self._saved[name] = (contract.deployment_bytecode, contract.runtime_bytecode)
            contract.deployment_bytecode = self._bytecode(bytecode=deployment)
            contract.runtime_bytecode = self._bytecode(bytecode=runtime)
            seen = getattr(self._project, name).contract_type.deployment_bytecode.bytecode
            if seen.removeprefix("0x") != deployment.removeprefix("0x"):
                raise RuntimeError(f"mutate: project.{name} does not deploy the swapped bytecode")

    def restore(self) -> None:
        known = self._project.manifest.contract_types or {}
        for name, (deployment, runtime) in self._saved.items():
            known[name].deployment_bytecode = deployment
            known[name].runtime_bytecode = runtime
        self._saved.clear()


def _by_file(items: list) -> dict[str, list]:
    files: dict[str, list] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::", 1)[0], []).append(item)
    return files


def _first_line(report) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    text = crash.message if crash is not None else str(report.longrepr or "")
    return (text.strip().splitlines() or [""])[0][:200]


def _run(session, items: list) -> dict | None:
    """Runs `items` until one fails; tears every fixture down; returns the failure ({"killer":
    file, "test": test id, "error": first line}) or None. A test that ends the session
    (`pytest.exit`, which Ape raises for a `SystemExit` in a test, e.g. a deploy flow's one-line
    error) fails it too: the run goes on with the next mutant."""
    from _pytest.outcomes import Exit

    failure = None
    for i, item in enumerate(items):
        nextitem = items[i + 1] if i + 1 < len(items) else None
        try:
            reports = runtestprotocol(item, nextitem=nextitem, log=False)
        except Exit as exc:
            item._request, item.funcargs = False, None
            reports, error = None, f"pytest.exit: {exc.msg}"[:200]
        failed = [r for r in reports or [] if r.failed]
        if reports is None or failed:
            failure = {
                "killer": item.nodeid.split("::", 1)[0],
                "test": item.nodeid,
                "error": _first_line(failed[0]) if failed else error,
            }
            break
    session._setupstate.teardown_exact(None)
    return failure


class _Watchdog:
    """Writes the mutant down as a timeout and ends the process if its tests run past `seconds`."""

    def __init__(self, results: Path, key: str, seconds: float):
        self.start = time.monotonic()
        self.lock = threading.Lock()
        self.done = False
        self.timer = threading.Timer(seconds, self._expire, (results, key))
        self.timer.daemon = True
        self.timer.start()

    def _expire(self, results: Path, key: str) -> None:
        with self.lock:
            if self.done:
                return
            self.done = True
            _write(results, {"key": key, "status": "timeout", "seconds": time.monotonic() - self.start})
            os._exit(TIMEOUT_EXIT)

    def stop(self) -> float:
        with self.lock:
            self.done = True
            self.timer.cancel()
        return time.monotonic() - self.start


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    if session.testsfailed and not session.config.option.continue_on_collection_errors:
        raise session.Interrupted(f"{session.testsfailed} errors during collection")
    batch = json.loads(Path(os.environ[BATCH]).read_text())
    results = Path(os.environ[RESULTS])
    longest = batch["max_timeout"]
    timeout = batch["timeout"]  # None: 3x the original's time plus a minute (it runs first)
    files = _by_file(session.items)
    killers: list[str] = list(batch.get("first", []))  # files that killed mutants, the latest first
    swap = _Swap()
    fresh_isolation = ape_compat.isolation_reset(session.config, session.items)  # as a new session
    mutants = list(batch["mutants"])
    while mutants:
        mutant = mutants.pop(0)
        order = [f for f in killers if f in files] + [f for f in files if f not in killers]
        items = [item for f in order for item in files[f]]
        original = not mutant["types"]
        watchdog = _Watchdog(results, mutant["key"], longest if original or timeout is None else timeout)
        swap.apply(mutant["types"])
        try:
            failure = _run(session, items)
        finally:
            swap.restore()
            fresh_isolation()
            seconds = watchdog.stop()
        killer = failure and failure["killer"]
        row = {"key": mutant["key"], "status": "killed" if failure else "survived", "seconds": seconds}
        _write(results, {**row, **(failure or {})})
        if original and killer:
            return True  # the tests fail without any mutant: nothing after this can be trusted
        if original and timeout is None:
            timeout = min(longest, 3 * seconds + 60)
        if killer:
            if killer in killers:
                killers.remove(killer)
            killers.insert(0, killer)
            if not batch.get("isolated") and not any(m["key"] == AFTER for m in mutants):
                # a kill is trusted once the original passes again after it
                mutants.append({"key": AFTER, "types": {}})
    return True

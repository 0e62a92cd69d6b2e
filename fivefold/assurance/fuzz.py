"""`make fuzz`: every hypothesis state machine of the suite, and only those, with the examples and
steps each one really ran.

A pytest plugin (`ape test tests -p fivefold.assurance.fuzz`). Loaded, it
  - keeps only the stateful tests: a test function whose source runs a `RuleBasedStateMachine`
    (`run_state_machine_as_test(...)` or `<Machine>.TestCase`), so a new state machine is picked up
    without anyone marking it; they also carry the `stateful` marker;
  - counts, per test, the machines hypothesis built (examples) and the rules it ran (steps), by
    wrapping `RuleBasedStateMachine.check_invariants`, which hypothesis calls once after building a
    machine and once after every rule;
  - records the budget each machine is run with (examples x steps after the test's own scaling of
    the profile); `--fuzz-budget-only` records it without running the machine (a quick check that
    `deep` gives every machine at least 20x its `ci` examples);
  - prints a table at the end and, with `--fuzz-report PATH`, writes it as JSON after every test
    (a run stopped half-way still records what finished).

The budget is the hypothesis profile (tests/conftest.py): `HYPOTHESIS_PROFILE=deep` for `make fuzz`.
"""

from __future__ import annotations

import inspect
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis.stateful import RuleBasedStateMachine

# What marks a test function as running a state machine (its source text).
_RUNS_MACHINE = ("run_state_machine_as_test(", ".TestCase(")


def is_stateful(function) -> bool:
    """True if the test function's own source runs a hypothesis state machine."""
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return any(marker in source for marker in _RUNS_MACHINE)


class _Counter:
    """Machines built and rules run since the last reset (one pytest test at a time, -n 0 or a
    worker of its own: the counts are per process)."""

    def __init__(self):
        self.examples = 0
        self.steps = 0
        self._seen: set[int] = set()
        self.budgets: list[tuple[int, int]] = []

    def reset(self):
        self.examples, self.steps = 0, 0
        self._seen.clear()
        self.budgets: list[tuple[int, int]] = []  # (max_examples, stateful_step_count) per machine run

    def invariants_checked(self, machine):
        # The first check on a machine follows its construction; every later one follows a rule.
        key = id(machine)
        if key in self._seen:
            self.steps += 1
        else:
            self._seen.add(key)
            self.examples += 1


COUNTER = _Counter()


class BudgetOnly(Exception):
    """Raised instead of running a machine under `--fuzz-budget-only`."""


def _wrap_machine_test(budget_only: bool):
    """Records the settings each state machine is run with (its own scaling of the profile):
    hypothesis builds every machine's test through `get_state_machine_test`, called at run time by
    `run_state_machine_as_test` and by `<Machine>.TestCase`."""
    import hypothesis.stateful as stateful

    original = stateful.get_state_machine_test
    if getattr(original, "_fivefold_counted", False):
        return

    def get_state_machine_test(factory, *, settings=None, **kwargs):
        test = original(factory, settings=settings, **kwargs)
        used = test._hypothesis_internal_use_settings
        COUNTER.budgets.append((used.max_examples, used.stateful_step_count))
        if budget_only:
            raise BudgetOnly()
        return test

    get_state_machine_test._fivefold_counted = True
    stateful.get_state_machine_test = get_state_machine_test


def _wrap_check_invariants():
    original = RuleBasedStateMachine.check_invariants
    if getattr(original, "_fivefold_counted", False):
        return

    def check_invariants(self, *args, **kwargs):
        COUNTER.invariants_checked(self)
        return original(self, *args, **kwargs)

    check_invariants._fivefold_counted = True
    RuleBasedStateMachine.check_invariants = check_invariants


def pytest_addoption(parser):
    parser.addoption(
        "--fuzz-report",
        metavar="PATH",
        default=None,
        help="fivefold.assurance.fuzz: write per-test examples, steps and seconds as JSON to PATH.",
    )
    parser.addoption(
        "--fuzz-budget-only",
        action="store_true",
        help="fivefold.assurance.fuzz: record each state machine's examples x steps budget under the "
        "profile, without running it (its fixtures still run).",
    )
    parser.addoption(
        "--fuzz-order",
        metavar="PATH",
        default=None,
        help="fivefold.assurance.fuzz: run the fastest tests of an earlier --fuzz-report first "
        "(a run cut short then has finished as many as it could).",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "stateful: runs a hypothesis RuleBasedStateMachine")
    _wrap_check_invariants()
    _wrap_machine_test(config.getoption("--fuzz-budget-only"))
    config._fuzz_rows = []


def pytest_collection_modifyitems(config, items):
    keep, drop = [], []
    for item in items:
        function = getattr(item, "function", None)
        if function is not None and is_stateful(function):
            item.add_marker(pytest.mark.stateful)
            keep.append(item)
        else:
            drop.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
    order = config.getoption("--fuzz-order")
    if order and Path(order).exists():
        seconds = {row["test"]: row["seconds"] for row in json.loads(Path(order).read_text())}
        keep.sort(key=lambda item: seconds.get(item.nodeid, float("inf")))
    items[:] = keep


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    COUNTER.reset()
    start = time.monotonic()
    outcome = yield
    seconds = time.monotonic() - start
    budget_only = outcome.excinfo is not None and issubclass(outcome.excinfo[0], BudgetOnly)
    if budget_only:
        outcome.force_result(None)  # the machine was not meant to run
    from hypothesis import settings

    profile = settings()
    row = {
        "test": item.nodeid,
        "examples": COUNTER.examples,
        "steps": COUNTER.steps,
        "seconds": round(seconds, 1),
        "passed": outcome.excinfo is None or budget_only,
        "budget_examples": sum(b[0] for b in COUNTER.budgets),
        "budget_steps": max((b[1] for b in COUNTER.budgets), default=0),
        "profile": os.environ.get("HYPOTHESIS_PROFILE", "default"),
        "profile_examples": profile.max_examples,
        "profile_steps": profile.stateful_step_count,
    }
    item.config._fuzz_rows.append(row)
    path = item.config.getoption("--fuzz-report")
    if path:
        write_report(Path(path), item.config._fuzz_rows)


def write_report(path: Path, rows: list[dict]) -> None:
    """The rows as JSON, written to a temporary file and moved into place (never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(rows, indent=2) + "\n")
    os.replace(tmp, path)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    rows = getattr(config, "_fuzz_rows", [])
    if not rows:
        return
    write = terminalreporter.write_line
    write("")
    write(
        f"stateful tests: {len(rows)}  (profile {rows[0]['profile']}: "
        f"{rows[0]['profile_examples']} examples x {rows[0]['profile_steps']} steps before each "
        "test's own scaling)"
    )
    write(f"{'budget':>10} {'examples':>9} {'steps':>8} {'seconds':>8}  result  test")
    for row in rows:
        result = "pass" if row["passed"] else "FAIL"
        budget = f"{row['budget_examples']}x{row['budget_steps']}"
        write(
            f"{budget:>10} {row['examples']:>9} {row['steps']:>8} {row['seconds']:>8.1f}  {result:<6}  "
            f"{row['test']}"
        )
    total_examples = sum(r["examples"] for r in rows)
    total_steps = sum(r["steps"] for r in rows)
    total_seconds = sum(r["seconds"] for r in rows)
    write(f"{'':>10} {total_examples:>9} {total_steps:>8} {total_seconds:>8.1f}  total")

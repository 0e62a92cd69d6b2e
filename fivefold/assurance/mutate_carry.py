"""Carrying mutation results over a change that leaves the compiled code as it was.

A refactoring that only moves or respells source (a wiring block moved into a shared module, a call
written through that module's path) shifts the line and column of every mutant after it, so the keys
in mutation/results.json and mutation/equivalent.yaml no longer name mutants of today's source. Running
those mutants again would give the same outcomes, because each is the same edit of a program that
compiles to the same code. `carry_over` checks that claim and then `rewrite` moves the keys:

1. runtime code: every deployable contract (mocks aside) that contains a changed source compiles to
   the same runtime bytecode at `base` and now;
2. mutants: the two versions of each changed source are aligned line by line (difflib). A mutant on
   a line that did not change pairs with the mutant of the same column, operator and mutation on
   that line now; the mutants on changed lines pair in order, by operator and replacement, and each
   such pair is compiled, then and now, into every contract that holds the source and must give the
   same runtime code. So do `sample` of the others per source, picked evenly (0: every one).

What this does not show: that an unchanged line's mutant, never compiled both ways, still sits in
code the tests reach the same way (a call moved from one of two identical functions to the other
would leave one's mutants dead). `--sample 0` compiles every mutant both ways. The carried outcomes
are those of the tests at their run: the command names the covering tests and mocks changed since.

A contract's deployment code may differ where only its constructor's frame moved (a constructor that
calls a wiring module's constructor, which calls the module it wires). Then the outcomes of the
mutants inside a constructor (`@deploy`) of any source compiled into that contract are not carried
but set to `pending`: `ape run mutate --survivors --contract <it>` runs them again, and nothing else.
Anything else is refused with the file named (new code, a mutant more or less, other runtime code):
that source's mutants have to run again (`ape run mutate --contract <it>`). A new source without
mutants (a wiring module) needs no outcome; a deleted source must have had none.
"""

from __future__ import annotations

import difflib
import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from fivefold.assurance import mutate
from fivefold.assurance.mutate_ops import Mutant, mutants

SOURCE_SUFFIXES = (".vy", ".vyi")


@dataclass
class Carried:
    """One changed source: how many mutants it carries and the units compared for it."""

    path: str
    keys: dict[str, Mutant] = field(default_factory=dict)  # old key -> the same mutant now
    rerun: set[str] = field(default_factory=set)  # keys (now) whose outcome runs again: constructors
    units: list[str] = field(default_factory=list)
    sampled: int = 0


def _git(root: Path, *args: str) -> bytes:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True)
    if done.returncode:
        raise mutate.MutationError(f"git {' '.join(args)}: {done.stderr.decode().strip() or 'failed'}")
    return done.stdout


def _sources_at(root: Path, base: str, into: Path) -> None:
    """contracts/ and interfaces/ as they were at `base`, written below `into`."""
    present = _git(root, "ls-tree", "--name-only", base, "contracts", "interfaces").decode().split()
    archive = _git(root, "archive", "--format=tar", base, *present)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def changed_sources(root: Path, base: str) -> list[str]:
    """The contract and interface sources that differ between `base` and the working tree."""
    diff = _git(root, "diff", "--name-only", "--no-renames", base, "--", "contracts", "interfaces")
    names = diff.decode().split()
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "contracts", "interfaces")
    names += untracked.decode().split()
    return sorted({n for n in names if n.endswith(SOURCE_SUFFIXES)})


def changed_tests(root: Path, base: str, carried: list[Carried]) -> list[str]:
    """The test files, conftests, support modules and mocks the carried sources' tests use that
    changed since `base`: the carried outcomes are those of the tests as they were at their run."""
    used = {"ape-config.yaml"}
    for entry in carried:
        used.update(mutate.test_sources(root, mutate.covering_tests(root, entry.path)))
    diff = _git(
        root, "diff", "--name-only", "--no-renames", base, "--", "tests", "contracts/mocks", "ape-config.yaml"
    )
    return sorted(n for n in diff.decode().split() if n in used or n.startswith("contracts/mocks/"))


def _deployables(root: Path) -> list[str]:
    return [p for p in mutate.contract_files(root) if not mutate.is_module(p)]


def _compiled(compiler: mutate.Compiler, unit: str, overrides) -> object:
    """The unit's code without metadata, or the kind of error it fails to compile with (a mutant may
    not compile: then it must fail the same way on both sides)."""
    try:
        return mutate._code(compiler.bytecode(unit, overrides))
    except Exception as exc:  # noqa: BLE001 - vyper raises many kinds; the kind is what is compared
        return type(exc).__name__


def _runtime_same(old: mutate.Compiler, new: mutate.Compiler, unit: str, what: str, overrides=None) -> bool:
    """Raises unless `unit` compiles to the same runtime code then and now (or fails alike, for a
    mutant); returns whether its deployment code is the same too."""
    before = _compiled(old, unit, overrides and overrides[0])
    after = _compiled(new, unit, overrides and overrides[1])
    if isinstance(before, str) or isinstance(after, str):
        if before == after and overrides:
            return True
        raise mutate.MutationError(f"{unit}: {what} does not compile then and now alike ({before}, {after})")
    if before[1] != after[1]:
        raise mutate.MutationError(
            f"{unit}: {what} compiles to other runtime code than at the base; run its mutants again"
        )
    return before[0] == after[0]


def constructor_lines(source: str) -> set[int]:
    """The 1-based lines of the `@deploy` functions in `source`, decorator to last line (vyper's own
    parse: a signature over several lines, its `):` at column 0, is inside)."""
    from vyper.ast import parse_to_ast

    found: set[int] = set()
    for node in parse_to_ast(source).body:
        decorators = getattr(node, "decorator_list", None) or []
        if any(getattr(d, "id", None) == "deploy" for d in decorators):
            found.update(range(min(d.lineno for d in decorators), node.end_lineno + 1))
    return found


def pair_mutants(old_source: str, new_source: str, path: str) -> tuple[list, list]:
    """The mutants then and now, paired: (pairs on lines that did not change, pairs on lines that
    did). A line that did not change (difflib's alignment of the two files) pairs its mutants by
    column, operator and mutation; the mutants on changed lines pair in order, by operator and
    replacement (an `assert` respelled through a module's path reads differently), and only compiling
    both shows them the same. Raises MutationError where the two sides do not pair up."""
    before, after = mutants(old_source, path), mutants(new_source, path)
    lines = difflib.SequenceMatcher(None, old_source.splitlines(), new_source.splitlines(), autojunk=False)
    moved_to = {}
    for tag, i1, i2, j1, _ in lines.get_opcodes():
        if tag == "equal":
            moved_to.update({i1 + k + 1: j1 + k + 1 for k in range(i2 - i1)})
    now = {(m.line, m.col, m.operator, m.description): m for m in after}
    same, changed_before = [], []
    for b in before:
        a = now.pop((moved_to.get(b.line), b.col, b.operator, b.description), None)
        if a is None:
            changed_before.append(b)
        else:
            same.append((b, a))
    changed_after = sorted(now.values(), key=lambda m: (m.line, m.col))

    def kinds(found: list[Mutant]) -> list[tuple[str, str]]:
        return [(m.operator, m.replacement.strip()) for m in found]

    if kinds(changed_before) != kinds(changed_after):
        raise mutate.MutationError(
            f"{path}: its mutants are not the same as at the base ({len(before)} then, {len(after)} now, "
            f"{len(changed_before)} and {len(changed_after)} on changed lines); run them again with "
            f"`ape run mutate --contract {Path(path).stem}`"
        )
    return same, list(zip(changed_before, changed_after, strict=True))


def carry_over(root: Path, base: str, sample: int = 2, progress=None) -> list[Carried]:
    """Checks that the change since `base` keeps every compiled contract's runtime code and every
    mutant as they were (see the module's docstring) and returns, per changed mutable source, its old
    keys mapped to the same mutants now, and per source whose constructor compiles into a contract
    with moved deployment code, the constructor mutants to run again. Raises MutationError naming the
    first source that does not qualify."""
    root = root.resolve()
    changed = changed_sources(root, base)
    if not changed:
        return []
    with tempfile.TemporaryDirectory(prefix="fivefold-carry-") as tmp:
        then = Path(tmp)
        _sources_at(root, base, then)
        old, new = mutate.Compiler(then), mutate.Compiler(root)
        units = sorted(
            u
            for u in set(_deployables(root)) | set(_deployables(then))
            if mutate.reaches(root, u, set(changed)) or mutate.reaches(then, u, set(changed))
        )
        task = progress.add_task("compiling, then and now", total=len(units)) if progress else None
        moved_deploy = []
        for unit in units:
            if not ((root / unit).is_file() and (then / unit).is_file()):
                raise mutate.MutationError(f"{unit}: added or removed since {base}; its mutants run anew")
            if not _runtime_same(old, new, unit, "it"):
                moved_deploy.append(unit)
            if progress:
                progress.advance(task)
        mutable = {p for p in changed if p.endswith(".vy") and "mocks" not in Path(p).parts}
        # unchanged sources compiled into a contract whose deployment code moved: their constructors
        mutable |= {
            p for p in mutate.contract_files(root) if any(mutate.reaches(root, u, {p}) for u in moved_deploy)
        }
        carried = []
        task = progress.add_task("mutants compiled both ways", total=len(mutable)) if progress else None
        for path in sorted(mutable):
            old_text = (then / path).read_text() if (then / path).is_file() else ""
            new_text = (root / path).read_text() if (root / path).is_file() else ""
            same, respelled = pair_mutants(old_text, new_text, path)
            entry = Carried(path, {b.key: a for b, a in same + respelled})
            entry.units = [u for u in units if mutate.reaches(root, u, {path})]
            if entry.keys and not entry.units:
                raise mutate.MutationError(
                    f"{path}: compiled into no contract outside the mocks, so nothing shows its mutants "
                    "unchanged; run them again"
                )
            if any(u in moved_deploy for u in entry.units) and new_text:
                inside = constructor_lines(new_text)
                entry.rerun = {a.key for _, a in same + respelled if a.line in inside}
            # every mutant on a changed line, and `sample` of the others (0: all), compiled both ways
            outside = [(b, a) for b, a in same if a.key not in entry.rerun]
            step = max(1, len(outside) // sample) if sample else 1
            picked = outside[::step][: sample or None] if outside else []
            for b, a in respelled + picked:
                if a.key in entry.rerun:
                    continue
                for unit in entry.units:
                    overrides = ({path: b.source}, {path: a.source})
                    _runtime_same(old, new, unit, f"mutant {a.key}", overrides)
                entry.sampled += 1
            if progress:
                progress.advance(task)
            carried.append(entry)
    return carried


def rewrite(
    root: Path, carried: list[Carried], base: str, results: Path = mutate.RESULTS_FILE
) -> tuple[int, int]:
    """Rewrites the carried keys in the results file and in equivalent.yaml (comments and reasons kept).
    Returns (outcomes moved, equivalent entries moved)."""
    moved = {old: m for c in carried for old, m in c.keys.items()}
    counts = [0, 0]

    def update(data: dict) -> dict:
        for entry in carried:
            report = data.get("contracts", {}).get(entry.path)
            if report is None:
                continue
            for row in report.get("outcomes", []):
                m = moved.get(row["key"])
                if m is None:
                    raise mutate.MutationError(f"{row['key']}: in the results but not a mutant at {base}")
                row.update(line=m.line, col=m.col, key=m.key, mutation=m.description)
                if m.key in entry.rerun:
                    row.update(status="pending", seconds=0.0)
                    row.pop("killer", None)
                    row.pop("reason", None)
                counts[0] += 1
            report.update(mutate.summary(entry.path, report["outcomes"]))
        return data

    # equivalent.yaml is checked whole before anything is written: a refusal leaves both files as they were
    listed = root / mutate.EQUIVALENT_FILE
    lines = listed.read_text().splitlines(keepends=True) if listed.is_file() else []
    paths = {c.path for c in carried}
    for i, line in enumerate(lines):
        head, sep, key = line.partition("- mutant: ")
        key = key.split("#")[0].strip().strip("'\"")
        if not sep or key.split(":", 1)[0] not in paths:
            continue
        if key not in moved:
            raise mutate.MutationError(f"{mutate.EQUIVALENT_FILE}: {key} is not a mutant at {base}")
        lines[i] = f"{head}{sep}{moved[key].key}\n"
        counts[1] += 1
    if carried:
        mutate._update_json(root / results, update, indent=2)
    if lines:
        listed.write_text("".join(lines))
    return counts[0], counts[1]

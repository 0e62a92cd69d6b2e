"""Keeps docs/security.md (the auditor's map) honest, in pure Python (no chain, no compile):

- every test it cites as `tests/<path>.py::<name>` (or `::<Class>::<name>`) exists, read from the test
  files' syntax trees (a class's inherited tests included, such as each domain's `TestOwnership`
  built on tests/ownership_support.py);
- every deployable contract (`contracts/**/[A-Z]*.vy`, mocks excluded) has a section heading, and
  every such section cites at least one test;
- no placeholder text is left for a reader to trip over.
"""

import ast
import functools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "docs" / "security.md"
# A citation: `tests/<path>.py::<test>` or `tests/<path>.py::<Class>::<test>`, a parametrize id allowed.
CITATION = re.compile(r"`(tests/[\w/]+\.py)::((?:\w+::)?\w+)(?:\[[^\]`]*\])?`")
PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b")


@functools.cache
def _tree(path: Path) -> ast.Module:
    """The parsed test file."""
    return ast.parse(path.read_text(), filename=str(path))


def _module_aliases(tree: ast.Module) -> dict[str, Path]:
    """Names under which a test file imports a module of tests/ (`from tests import x as y`)."""
    aliases = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "tests":
            for name in node.names:
                aliases[name.asname or name.name] = ROOT / "tests" / f"{name.name}.py"
    return aliases


def _class_tests(path: Path, name: str, seen: frozenset = frozenset()) -> set[str]:
    """The test methods of class `name` in `path`, with its bases' (same file, or a tests module)."""
    tree = _tree(path)
    cls = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name), None)
    if cls is None or (path, name) in seen:
        return set()
    found = {n.name for n in cls.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test")}
    aliases = _module_aliases(tree)
    for base in cls.bases:
        if isinstance(base, ast.Name):
            found |= _class_tests(path, base.id, seen | {(path, name)})
        elif (
            isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name) and base.value.id in aliases
        ):
            found |= _class_tests(aliases[base.value.id], base.attr, seen | {(path, name)})
    return found


def existing_tests(path: Path) -> set[str]:
    """Every test id of one file as pytest names it: `name`, or `Class::name` for a Test class."""
    tree = _tree(path)
    ids = {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test")}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            ids |= {f"{node.name}::{method}" for method in _class_tests(path, node.name)}
    return ids


def citations(text: str) -> list[tuple[str, str]]:
    """(file, test id) of every citation in `text`, in order."""
    return [(m.group(1), m.group(2)) for m in CITATION.finditer(text)]


def deployable_contracts() -> list[str]:
    """The names of the suite's deployable contracts (CamelCase files), test doubles excluded."""
    return sorted(
        p.stem for p in (ROOT / "contracts").rglob("*.vy") if p.stem[0].isupper() and "mocks" not in p.parts
    )


def test_security_map__every_cited_test__exists():
    """Each `tests/...::test` in docs/security.md names a file that exists and a test in it."""
    cited = citations(MAP.read_text())
    assert len(cited) > 100, "the map cites its tests as `tests/<path>.py::<test>`"
    missing = [
        f"{file}::{test}"
        for file, test in cited
        if not (ROOT / file).is_file() or test not in existing_tests(ROOT / file)
    ]
    assert missing == []


def test_security_map__every_deployable_contract__has_a_section():
    """Each contract under contracts/ (mocks excluded) is named in a heading of docs/security.md."""
    headings = [line for line in MAP.read_text().splitlines() if line.startswith("#")]
    missing = [
        name for name in deployable_contracts() if not any(re.search(rf"\b{name}\b", h) for h in headings)
    ]
    assert missing == []


def test_security_map__every_contract_section__cites_its_tests():
    """A contract's section is not a heading alone: it cites at least one invariant or attack test."""
    sections = re.split(r"^### ", MAP.read_text(), flags=re.M)[1:]
    names = deployable_contracts()
    headed = [s for s in sections if any(re.search(rf"\b{name}\b", s.splitlines()[0]) for name in names)]
    empty = [section.splitlines()[0] for section in headed if not citations(section)]
    assert empty == []


def test_security_map__placeholders__none_left():
    """The map is read by auditors: no TODO, TBD, FIXME or XXX in it."""
    assert PLACEHOLDERS.findall(MAP.read_text()) == []


def test_citations__class_and_parametrized_forms__parsed():
    """The citation pattern reads the three forms the map uses, and nothing outside backticks."""
    text = (
        "`tests/a/test_x.py::test_one` `tests/b/test_y.py::TestOwnership::test_two` "
        "`tests/c/test_z.py::test_three[held]` tests/d/test_w.py::test_not_cited"
    )
    assert citations(text) == [
        ("tests/a/test_x.py", "test_one"),
        ("tests/b/test_y.py", "TestOwnership::test_two"),
        ("tests/c/test_z.py", "test_three"),
    ]


def test_existing_tests__inherited_ownership_tests__listed():
    """A domain's `TestOwnership(ownership.TwoStepOwnership)` inherits its four tests."""
    ids = existing_tests(ROOT / "tests" / "oracles" / "test_ownership.py")
    assert "TestOwnership::test_renounce_ownership__not_exported__owner_stays" in ids

"""The mutation tool (fivefold/assurance/mutate*.py, `ape run mutate`): its operators on a small
source, the map from a contract to its tests, and one run of the command on a one-contract project."""

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fivefold.assurance import mutate
from fivefold.assurance.mutate_ops import mutants

ROOT = Path(__file__).resolve().parents[2]

SOURCE = '''# pragma version 0.4.3
"""
@notice A docstring: assert a < b, self.total += 1 and 42 are text.
"""
LIMIT: constant(uint256) = 10  # a comment: x <= 3 - 1
names: DynArray[String[32], 4]
total: uint256


@external
def add(amount: uint256) -> int256:
    """@notice Also text: amount - 1 > 0."""
    assert amount <= LIMIT, "fixture: too much"
    assert (
        amount != 3
    ), "fixture: not three"
    self.total += amount
    self.total = unsafe_add(self.total, amount - 1)
    log_me: String[8] = "a < b + 1"
    return -1
'''


def _described():
    return [(m.line, m.description) for m in mutants(SOURCE, "fixture.vy")]


def test_mutants__fixture_source__every_operator_at_its_place():
    """Each operator appears where the code has its target, in source order."""
    assert _described() == [
        (5, "number: 10 -> 9"),
        (13, 'assert: assert amount <= LIMIT, "fixture: too much" -> pass'),
        (13, "compare: <= -> <"),
        (14, 'assert: assert ( amount != 3 ), "fixture: not three" -> pass'),
        (15, "compare: != -> =="),
        (15, "number: 3 -> 2"),
        (17, "store: self.total += amount -> pass"),
        (17, "arith: += -> -="),
        (18, "store: self.total = unsafe_add(self.total, amount - 1) -> pass"),
        (18, "arith: unsafe_add -> unsafe_sub"),
        (18, "arith: - -> +"),
        (18, "number: 1 -> 0"),
        (20, "number: 1 -> 0"),
    ]


def test_mutants__comments_docstrings_strings__untouched():
    """No mutant changes a line holding only a comment, a docstring or a string literal."""
    for mutant in mutants(SOURCE, "fixture.vy"):
        for before, after in zip(SOURCE.splitlines(), mutant.source.splitlines(), strict=False):
            if before != after:
                assert '"""' not in before and "log_me" not in before
                assert before.split("#")[1:] == after.split("#")[1:]  # the comment part is the same


def test_mutants__type_sizes_and_unary_minus__not_mutated():
    """String[32], DynArray[..., 4] and `return -1`'s minus are not mutants (the -1's 1 is)."""
    described = _described()
    assert not [d for line, d in described if line == 6]
    assert [d for line, d in described if line == 20] == ["number: 1 -> 0"]


def test_mutants__multi_line_statement_removed__later_lines_keep_their_numbers():
    """Dropping the three-line assert leaves the file as long, every later line where it was."""
    dropped = next(m for m in mutants(SOURCE, "fixture.vy") if m.line == 14 and m.operator == "assert")
    before, after = SOURCE.splitlines(), dropped.source.splitlines()
    assert len(after) == len(before)
    assert after[13] == "    pass" and after[14:16] == ["", ""]
    assert after[16:] == before[16:]


def test_mutants__every_contract__each_mutant_changes_exactly_its_place():
    """On every contract of the suite, a mutant's source differs from the original only on its lines."""
    for path in mutate.contract_files(ROOT):
        source = (ROOT / path).read_text()
        lines = source.splitlines()
        for mutant in mutants(source, path):
            assert mutant.source != source
            changed = [
                i + 1
                for i, (a, b) in enumerate(zip(lines, mutant.source.splitlines(), strict=True))
                if a != b
            ]
            assert changed and changed[0] == mutant.line, (path, mutant.key)


def test_compile_units__module__the_contracts_that_import_it():
    """A module is compiled through the contracts that import it; a contract through itself."""
    assert mutate.compile_units(ROOT, "contracts/tokens/rate_limit.vy") == ["contracts/tokens/CappedToken.vy"]
    assert mutate.compile_units(ROOT, "contracts/vesting/VestingVault.vy") == [
        "contracts/vesting/VestingVault.vy"
    ]


def test_covering_tests__contract__its_domain_with_slow_files_last():
    """A contract is covered by its domain's test files, tooling tests left out, hypothesis files last."""
    tests = mutate.covering_tests(ROOT, "contracts/payouts/RedPacket.vy")
    assert "tests/payouts/test_claim.py" in tests
    assert not any(t.endswith(("_cli.py", "_csv.py")) for t in tests)
    slow = [i for i, t in enumerate(tests) if mutate.SLOW_TESTS.search(t)]
    assert slow and slow == list(range(len(tests) - len(slow), len(tests)))


def test_listed_equivalents__every_entry__names_a_real_mutant_with_a_reason():
    """Each mutant listed as equivalent exists (a stale key would hide nothing) and says why."""
    listed = mutate.listed_equivalents(ROOT)
    keys = {m.key for p in {k.split(":")[0] for k in listed} for m in mutants((ROOT / p).read_text(), p)}
    for key, reason in listed.items():
        assert key in keys, key
        assert len(reason) > 20, key


def test_mutate_command__one_contract_project__killed_equivalent_and_results(tmp_path, monkeypatch):
    """`ape run mutate` on a one-contract project: the unused constant's mutant is equivalent by
    bytecode, the two others are killed by its one test, score 100%, results JSON written."""
    from tests.cli.conftest import script

    project = tmp_path / "project"
    shutil.copytree(ROOT / "mutation" / "fixture", project)
    for link in (".venv", "node_modules"):
        (project / link).symlink_to((ROOT / link).resolve())
    cli = script("mutate")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["--contract", "Counter", "--file", "out.json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads((project / "out.json").read_text())["contracts"]["contracts/tiny/Counter.vy"]
    counts = (report["mutants"], report["killed"], report["survived"], report["equivalent_bytecode"])
    assert counts == (3, 2, 0, 1)
    assert report["score"] == 1.0
    # a rerun is answered from the cache: nothing compiled or tested again, the same counts
    again = CliRunner().invoke(cli, ["--contract", "Counter", "--file", "out.json"], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    rerun = json.loads((project / "out.json").read_text())["contracts"]["contracts/tiny/Counter.vy"]
    assert (rerun["killed"], rerun["equivalent_bytecode"]) == (2, 1)
    assert rerun["seconds"] < report["seconds"]


def _scripted_session(tmp_path, script: str) -> mutate.Session:
    """A Session whose `ape test` is a Python script reading the batch and writing result rows, to
    drive Session.run's bookkeeping without starting Ape (`calls` counts the processes)."""
    program = tmp_path / "fake_ape_test.py"
    program.write_text(
        "import json, os, sys\n"
        "batch = json.load(open(os.environ['FIVEFOLD_MUTATE_BATCH']))\n"
        "out = open(os.environ['FIVEFOLD_MUTATE_RESULTS'], 'a')\n"
        "calls = os.path.join(os.path.dirname(sys.argv[0]), 'calls')\n"
        "n = len(open(calls).read()) if os.path.exists(calls) else 0\n"
        "open(calls, 'a').write('x')\n"
        "def row(key, status, **extra):\n"
        "    out.write(json.dumps({'key': key, 'status': status, 'seconds': 1.0, **extra}) + '\\n')\n"
        "    out.flush()\n"
        "keys = [m['key'] for m in batch['mutants']]\n" + script
    )
    session = mutate.Session(tmp_path)
    session.command = lambda tests: [sys.executable, str(program)]
    return session


def test_session_run__kills_of_a_timed_out_process__run_again_and_counted_once_confirmed(tmp_path):
    """A process ended by a mutant's timeout cannot confirm its kills (the original never ran after
    them): they run again in the next process, and count once its final original run passes."""
    session = _scripted_session(
        tmp_path,
        "if n == 0:\n"
        "    row(keys[0], 'killed', killer='tests/a.py'); row(keys[1], 'timeout'); sys.exit(3)\n"
        "for k in keys: row(k, 'killed', killer='tests/b.py')\n"
        "row('baseline:after', 'survived')\n",
    )
    batch = [{"key": k, "types": {"X": ["0x", "0x"]}} for k in ("m1", "m2", "m3")]
    rows = session.run(["tests/x.py"], batch, 10, 100)
    assert {k: (r["status"], r.get("killer")) for k, r in rows.items()} == {
        "m1": ("killed", "tests/b.py"),
        "m2": ("timeout", None),
        "m3": ("killed", "tests/b.py"),
    }
    assert (tmp_path / "calls").read_text() == "xx"


def test_session_run__original_fails_after_the_mutants__later_mutants_run_one_process_each(tmp_path):
    """State leaking from one mutant into the next shows as the original failing at the end: what
    the process decided before its first kill stands, the leak is named, and every mutant from that
    kill on runs alone in a fresh process, where its kill counts without a final original run."""
    session = _scripted_session(
        tmp_path,
        "if n == 0:\n"
        "    row(keys[0], 'survived'); row(keys[1], 'killed', killer='tests/a.py')\n"
        "    row(keys[2], 'killed', killer='tests/a.py')\n"
        "    row('baseline:after', 'killed', killer='tests/b.py', test='tests/b.py::t', error='boom')\n"
        "    sys.exit(1)\n"
        "assert batch['isolated'] and len(keys) == 1, batch\n"
        "open(os.path.join(os.path.dirname(sys.argv[0]), 'first'), 'a').write(repr(batch['first']))\n"
        "row(keys[0], 'killed', killer='tests/c.py')\n",
    )
    batch = [{"key": k, "types": {"X": ["0x", "0x"]}} for k in ("m1", "m2", "m3")]
    seen = []
    rows = session.run(["tests/x.py"], batch, 10, 100, seen.append)
    assert {k: (r["status"], r.get("killer")) for k, r in rows.items()} == {
        "m1": ("survived", None),
        "m2": ("killed", "tests/c.py"),
        "m3": ("killed", "tests/c.py"),
    }
    assert [r["key"] for r in seen] == ["m1", "m2", "m3"]
    assert (tmp_path / "calls").read_text() == "xxx"
    assert session.leaks == ["tests/b.py::t: boom"]
    # the second isolated process runs the file that killed the first one first
    assert (tmp_path / "first").read_text() == "[]['tests/c.py']"


def test_session_run__original_fails_first__names_the_failing_test(tmp_path):
    session = _scripted_session(
        tmp_path, "row(keys[0], 'killed', killer='tests/a.py', test='tests/a.py::t', error='boom')\n"
    )
    batch = [{"key": "baseline:abc", "types": {}}, {"key": "m1", "types": {"X": ["0x", "0x"]}}]
    with pytest.raises(mutate.MutationError, match="fail without any mutant .killed in tests/a.py::t: boom."):
        session.run(["tests/x.py"], batch, None, 100)


def test_compile_units__relative_import__the_importing_contract():
    """`from . import sorted_merkle` (RedPacket) is an import too: the module's mutants compile
    into RedPacket and run the payouts tests."""
    assert mutate.compile_units(ROOT, "contracts/payouts/sorted_merkle.vy") == [
        "contracts/payouts/RedPacket.vy"
    ]
    assert "tests/payouts/test_claim.py" in mutate.covering_tests(ROOT, "contracts/payouts/sorted_merkle.vy")

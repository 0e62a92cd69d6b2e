"""Carrying mutation results over a change that compiles to the same code (fivefold/assurance/
mutate_carry.py, `ape run mutate --carry-over REV`): keys moved where the code only moved, pending
where a constructor's frame moved, refused where the code or the mutants changed."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from fivefold.assurance import mutate, mutate_carry
from fivefold.assurance.mutate_ops import mutants

ROOT = Path(__file__).resolve().parents[2]
COUNTER = "contracts/tiny/Counter.vy"
HOST = "contracts/tiny/Host.vy"

MODULE = """# pragma version 0.4.3
level: public(uint256)


@deploy
def __init__(level_: uint256):
    self.level = level_
"""
WRAPPER = """# pragma version 0.4.3
from contracts.tiny import gauge
initializes: gauge
exports: gauge.__interface__


@deploy
def __init__(level_: uint256):
    gauge.__init__(level_)
"""
HOST_DIRECT = """# pragma version 0.4.3
from contracts.tiny import gauge
initializes: gauge
exports: gauge.__interface__
LIMIT: constant(uint256) = 9


@deploy
def __init__(level_: uint256):
    assert level_ <= LIMIT, "host: level above the limit"
    gauge.__init__(level_)


@external
def raise_level(by: uint256):
    assert by < LIMIT, "host: step above the limit"
    gauge.level += by - 1
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def project(tmp_path):
    """A git project: the mutation fixture's Counter plus a host wiring a module, committed, with
    a results file naming every mutant killed and one mutant listed as equivalent."""
    repo = tmp_path / "project"
    shutil.copytree(ROOT / "mutation" / "fixture" / "contracts", repo / "contracts")
    (repo / "contracts/tiny/gauge.vy").write_text(MODULE)
    (repo / HOST).write_text(HOST_DIRECT)
    rows = {}
    for path in (COUNTER, HOST):
        found = mutants((repo / path).read_text(), path)
        outcomes = [
            {
                "key": m.key,
                "line": m.line,
                "col": m.col,
                "operator": m.operator,
                "mutation": m.description,
                "status": "killed",
                "seconds": 1.0,
                "killer": "tests/x.py",
            }
            for m in found
        ]
        rows[path] = {"outcomes": outcomes, "survivors": [], "mutants": len(found)}
    (repo / "mutation").mkdir()
    (repo / mutate.RESULTS_FILE).write_text(json.dumps({"contracts": rows}, indent=2))
    listed = mutants((repo / COUNTER).read_text(), COUNTER)[0].key
    (repo / mutate.EQUIVALENT_FILE).write_text(
        f"# the fixture's equivalent\n- mutant: {listed}\n  reason: the constant is never read\n"
    )
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    return repo


def _results(repo: Path) -> dict:
    return json.loads((repo / mutate.RESULTS_FILE).read_text())["contracts"]


def test_carry_over__lines_inserted__keys_move_with_their_mutants(project):
    """Three comment lines on top of Counter: every outcome and the listed equivalent name the mutant
    three lines down, with the same mutation and status; nothing is left to run again."""
    source = (project / COUNTER).read_text()
    (project / COUNTER).write_text(source.replace('"""\n\n', '"""\n# one\n# two\n# three\n\n', 1))
    carried = mutate_carry.carry_over(project, "HEAD")
    assert [c.path for c in carried] == [COUNTER]
    assert carried[0].rerun == set() and carried[0].sampled == 2
    before = {o["key"]: o for o in _results(project)[COUNTER]["outcomes"]}

    moved, listed = mutate_carry.rewrite(project, carried, "HEAD")

    assert (moved, listed) == (len(before), 1)
    now = {m.key: m for m in mutants((project / COUNTER).read_text(), COUNTER)}
    rows = _results(project)[COUNTER]["outcomes"]
    assert {r["key"] for r in rows} == set(now)
    for row, (old_key, old) in zip(rows, before.items(), strict=True):
        assert row["line"] == old["line"] + 3 and row["mutation"] == old["mutation"], old_key
        assert row["status"] == "killed"
    entries = yaml.safe_load((project / mutate.EQUIVALENT_FILE).read_text())
    assert entries[0]["mutant"] in now and entries[0]["reason"] == "the constant is never read"
    assert (project / mutate.EQUIVALENT_FILE).read_text().startswith("# the fixture's equivalent\n")


def test_carry_over__wiring_moved_into_a_module__runtime_carried_constructor_pending(project):
    """The host wires its module through a wrapper module: the runtime code is the same, so the
    runtime mutants keep their outcome under their new keys; the constructor's frame moved, so the
    constructor's mutants are pending (run again by `--survivors`)."""
    (project / "contracts/tiny/wrapper.vy").write_text(WRAPPER)
    source = (project / HOST).read_text()
    source = source.replace("initializes: gauge\nexports: gauge.__interface__\n", "")
    source = source.replace(
        "from contracts.tiny import gauge\n",
        "from contracts.tiny import gauge\n"
        "from contracts.tiny import wrapper\ninitializes: wrapper\n"
        "exports: wrapper.__interface__\n",
    )
    source = source.replace("    gauge.__init__(level_)", "    wrapper.__init__(level_)")
    source = source.replace("gauge.level", "wrapper.gauge.level")
    (project / HOST).write_text(source.replace("from contracts.tiny import gauge\n", ""))
    carried = {c.path: c for c in mutate_carry.carry_over(project, "HEAD")}
    host = carried[HOST]
    constructor = mutate_carry.constructor_lines((project / HOST).read_text())
    assert host.rerun and all(int(k.split(":")[1]) in constructor for k in host.rerun)

    mutate_carry.rewrite(project, list(carried.values()), "HEAD")

    rows = _results(project)[HOST]
    statuses = {r["key"]: r["status"] for r in rows["outcomes"]}
    assert {k for k, s in statuses.items() if s == "pending"} == host.rerun
    assert rows["pending"] == len(host.rerun) and rows["killed"] == len(statuses) - len(host.rerun)


def test_carry_over__a_number_changed__refused_naming_the_contract(project):
    """A change of code is not a refactoring: refused, the contract named, nothing rewritten."""
    before = (project / mutate.RESULTS_FILE).read_text()
    (project / HOST).write_text((project / HOST).read_text().replace("= 9", "= 8"))
    with pytest.raises(
        mutate.MutationError, match="contracts/tiny/Host.vy: it compiles to other runtime code"
    ):
        mutate_carry.carry_over(project, "HEAD")
    assert (project / mutate.RESULTS_FILE).read_text() == before


def test_carry_over__a_mutant_added__refused_run_it_again(project):
    """Same code, one mutant more (a check moved from a module into the host would do this): refused."""
    source = (
        (project / COUNTER)
        .read_text()
        .replace(
            "UNUSED: constant(uint256) = 7", "UNUSED: constant(uint256) = 7\nOTHER: constant(uint256) = 3"
        )
    )
    (project / COUNTER).write_text(source)
    with pytest.raises(mutate.MutationError, match="its mutants are not the same .*--contract Counter"):
        mutate_carry.carry_over(project, "HEAD")


def test_constructor_lines__decorator_to_the_next_top_level_statement():
    """The constructor's lines run from `@deploy` to the line before the next top-level statement."""
    lines = mutate_carry.constructor_lines(HOST_DIRECT)
    text = HOST_DIRECT.splitlines()
    assert text[min(lines) - 1] == "@deploy" and text[max(lines) - 1].strip() == "gauge.__init__(level_)"
    assert all("raise_level" not in text[n - 1] and "@external" not in text[n - 1] for n in lines)
    assert any("assert level_ <= LIMIT" in text[n - 1] for n in lines)


def test_mutate_command__carry_over__table_then_one_line_refusal(project, monkeypatch):
    """`ape run mutate --carry-over HEAD`: a table of what moved; on a code change, one line naming
    the contract and exit 1, no traceback."""
    from click.testing import CliRunner

    from tests.cli.conftest import script

    cli = script("mutate")
    monkeypatch.chdir(project)
    source = (project / COUNTER).read_text()
    (project / COUNTER).write_text(source.replace('"""\n\n', '"""\n# moved down\n\n', 1))
    moved = CliRunner().invoke(cli, ["--carry-over", "HEAD"], catch_exceptions=False)
    assert moved.exit_code == 0, moved.output
    assert "Carried over since HEAD" in moved.output and "listed equivalents now name" in moved.output
    (project / HOST).write_text((project / HOST).read_text().replace("= 9", "= 8"))
    refused = CliRunner().invoke(cli, ["--carry-over", "HEAD"], catch_exceptions=False)
    assert refused.exit_code == 1
    assert "contracts/tiny/Host.vy: it compiles to other runtime code" in refused.output
    assert "Traceback" not in refused.output


def test_constructor_lines__signature_over_several_lines__whole_body_inside():
    """A constructor whose arguments stand one a line (its `):` at column 0) is inside to its last
    line; the function after it is not."""
    source = HOST_DIRECT.replace("def __init__(level_: uint256):", "def __init__(\n    level_: uint256,\n):")
    lines = mutate_carry.constructor_lines(source)
    text = source.splitlines()
    assert any("gauge.__init__(level_)" in text[n - 1] for n in lines)
    assert any("assert level_ <= LIMIT" in text[n - 1] for n in lines)
    assert not any("raise_level" in text[n - 1] for n in lines)


def test_carry_over__two_equal_constants_swapped__each_mutant_follows_its_constant(project):
    """Two constants of the same value swap places: the mutation lists read the same in the same
    order, so pairing by position would hand LIMIT's outcome to STEP; the line alignment pairs each
    mutant with its own constant's line, and compiling both ways agrees."""
    source = (project / HOST).read_text()
    source = source.replace("= 9\n", "= 9\nSTEP: constant(uint256) = 9\n")
    source = source.replace("gauge.level += by - 1", "gauge.level += by % STEP")
    (project / HOST).write_text(source)
    _git(project, "commit", "-qam", "two constants")
    limit, step = "LIMIT: constant(uint256) = 9\n", "STEP: constant(uint256) = 9\n"
    (project / HOST).write_text(source.replace(limit + step, step + limit))
    carried = {c.path: c for c in mutate_carry.carry_over(project, "HEAD", sample=0)}
    moved = {
        old.split(":")[1]: new.line for old, new in carried[HOST].keys.items() if new.operator == "number"
    }
    then = source.splitlines()
    now = (project / HOST).read_text().splitlines()
    for old_line, new_line in moved.items():
        assert then[int(old_line) - 1].split(":")[0] == now[new_line - 1].split(":")[0]


def test_carry_over__assert_respelled_through_a_module__carried_after_compiling_both_ways(project):
    """An `assert` whose text changes (a module reached through a wrapper's path) is a changed line:
    its mutants pair by operator and replacement, compile the same both ways, and are carried."""
    source = (
        (project / HOST)
        .read_text()
        .replace(
            'assert by < LIMIT, "host: step above the limit"',
            'assert gauge.level + by < LIMIT, "host: step above the limit"',
        )
    )
    (project / HOST).write_text(source)
    _git(project, "commit", "-qam", "assert on the level")
    (project / "contracts/tiny/wrapper.vy").write_text(WRAPPER)
    wired = source.replace(
        "from contracts.tiny import gauge\ninitializes: gauge\nexports: gauge.__interface__\n",
        ("from contracts.tiny import wrapper\ninitializes: wrapper\nexports: wrapper.__interface__\n"),
    )
    wired = wired.replace("    gauge.__init__(level_)", "    wrapper.__init__(level_)").replace(
        "gauge.level", "wrapper.gauge.level"
    )
    (project / HOST).write_text(wired)
    carried = {c.path: c for c in mutate_carry.carry_over(project, "HEAD", sample=0)}
    host = carried[HOST]
    respelled = [
        m for m in mutants(wired, HOST) if m.operator == "assert" and "wrapper.gauge.level +" in m.original
    ]
    assert respelled and respelled[0].key in {m.key for m in host.keys.values()}
    assert host.sampled == len(host.keys) - len(host.rerun)


def test_rewrite__stale_equivalent_of_a_carried_source__refused(project):
    """An equivalent.yaml entry of a carried source that names no mutant at the base is an error, as
    a results row would be (a stale key would silently name nothing)."""
    listed = project / mutate.EQUIVALENT_FILE
    listed.write_text(listed.read_text() + f"- mutant: '{COUNTER}:999:4:number:6'\n  reason: stale entry\n")
    source = (project / COUNTER).read_text()
    (project / COUNTER).write_text(source.replace('"""\n\n', '"""\n# moved down\n\n', 1))
    carried = mutate_carry.carry_over(project, "HEAD")
    before = (project / mutate.RESULTS_FILE).read_text()
    with pytest.raises(mutate.MutationError, match="Counter.vy:999:4:number:6 is not a mutant"):
        mutate_carry.rewrite(project, carried, "HEAD")
    assert (project / mutate.RESULTS_FILE).read_text() == before

"""`ape run bench`, in-process on the test session's chain: one cheap row (snekmate's erc20 beside the
suite's token: no npm package needed) and the one-line error of an unknown prefix."""

import json

from tests.cli.conftest import one_line_error


def test_bench__one_snekmate_row__table_and_results_file(run_command, tmp_path):
    """--only measures one row: the table names it and the results file holds both sides' gas, the
    condition and the ratio (CappedToken is snekmate's erc20 underneath: the same gas)."""
    path = tmp_path / "results.json"
    result = run_command("bench", "--only", "erc20.approve.snekmate", "--file", str(path))
    assert result.exit_code == 0, result.output
    assert "snekmate erc20" in result.output
    rows = json.loads(path.read_text())["rows"]
    assert [r["key"] for r in rows] == ["erc20.approve.snekmate"]
    row = rows[0]
    assert row["suite_key"] == "token.approve"
    assert row["suite_gas"] == row["reference_gas"] > 40_000
    assert row["ratio"] == 1.0
    assert row["suite_calldata_gas"] == row["reference_calldata_gas"] > 0
    assert row["execution_ratio"] == 1.0
    assert "first approval" in row["condition"]


def test_bench__unknown_prefix__one_line_error(run_command, tmp_path):
    """A prefix no row has fails in one line that lists the rows."""
    result = run_command("bench", "--only", "no.such.row", "--file", str(tmp_path / "r.json"))
    text = one_line_error(result, "no bench row starts with 'no.such.row'", "erc20.approve.snekmate")
    assert not (tmp_path / "r.json").exists(), text

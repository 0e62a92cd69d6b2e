"""fivefold.payouts.airdrop: CSV validation naming bad rows, and a 20,000-row build checked end to end."""

import json

import pytest
from eth_utils import to_checksum_address

from fivefold.payouts import airdrop, merkle, model as payouts

GOOD = "0x52908400098527886E0F7030069857D2E4169EE7"  # EIP-55 test vector
BAD_CHECKSUM = "0x52908400098527886E0F7030069857D2E4169Ee7"


def _parse(*lines, decimals=18):
    return airdrop.parse_rows(list(lines), decimals)


def test_parse_rows__header_and_decimals__converted_exactly():
    rows = _parse("address,amount", f"{GOOD},1.5", "0x" + "11" * 20 + ",2")
    assert rows.amounts == [15 * 10**17, 2 * 10**18] and rows.accounts[0] == bytes.fromhex(GOOD[2:].lower())


@pytest.mark.parametrize(
    "line, message",
    [
        (f"{GOOD},1,2", "row 2: expected 2 fields"),
        ("0x1234,1", "row 2: malformed address"),
        ("0x" + "zz" * 20 + ",1", "row 2: malformed address"),
        (f"{BAD_CHECKSUM},1", "row 2: bad checksum"),
        (f"{GOOD},0", "row 2: amount must be positive"),
        (f"{GOOD},-3", "row 2: amount must be positive"),
        (f"{GOOD},abc", "row 2: malformed amount"),
        (f"{GOOD},nan", "row 2: malformed amount"),
        (f"{GOOD},1.0000000000000000001", "row 2: amount '1.0000000000000000001' has more than 18 decimals"),
        ("0x" + "00" * 20 + ",1", "row 2: the zero address cannot claim"),
    ],
)
def test_parse_rows__bad_row__named_in_error(line, message):
    with pytest.raises(airdrop.CsvError) as err:
        _parse("address,amount", line)
    assert message in str(err.value)


def test_parse_rows__duplicate_address_any_case__names_both_rows():
    with pytest.raises(airdrop.CsvError) as err:
        _parse(f"{GOOD},1", f"{GOOD.lower()},2")
    assert "row 2: duplicate address" in str(err.value) and "first on row 1" in str(err.value)


def test_parse_rows__many_errors__all_reported():
    with pytest.raises(airdrop.CsvError) as err:
        _parse(f"{GOOD},0", "bad,1", f"{GOOD},1")
    assert len(err.value.errors) == 3


def test_parse_rows__empty__refused():
    with pytest.raises(airdrop.CsvError):
        _parse("address,amount")


def test_build_csv__20000_rows__root_and_every_proof_correct(tmp_path):
    """The benchmark's code path at 2% of its size; `ape run airdrop build --bench 1000000`
    prints the full-size timing."""
    csv_path, out = tmp_path / "rows.csv", tmp_path / "round.json"
    airdrop.write_bench_csv(csv_path, 20_000)
    built = airdrop.build_csv(csv_path, out, 4)
    data = airdrop.load_round(out)
    assert data["round"] == 4 and data["count"] == 20_000 and len(data["claims"]) == 20_000
    assert int(data["total"]) == sum(built.rows.amounts)
    root = bytes.fromhex(data["root"][2:])
    assert root == built.root
    for claim in data["claims"][::97] + data["claims"][-3:]:
        leaf = payouts.airdrop_leaf(4, claim["index"], to_checksum_address(claim["account"]), int(claim["amount"]))
        assert merkle.verify([bytes.fromhex(p[2:]) for p in claim["proof"]], root, leaf)
    assert data["tier_shift"] == payouts.tier_shift_for(20_000)


def test_build_round__round_zero__refused():
    rows = _parse(f"{GOOD},1")
    with pytest.raises(ValueError):
        airdrop.build_round(rows, 0)


def test_write_json__is_valid_json(tmp_path):
    rows = _parse(f"{GOOD},1", "0x" + "22" * 20 + ",3")
    built = airdrop.build_round(rows, 1)
    airdrop.write_json(built, tmp_path / "r.json")
    assert json.loads((tmp_path / "r.json").read_text())["claims"][1]["amount"] == str(3 * 10**18)


def test_write_json__parallel_halves__same_file_as_serial(tmp_path, monkeypatch):
    monkeypatch.setattr(airdrop, "PARALLEL_MIN_ROWS", 10)
    rows = _parse(*[f"0x{i:040x},{i}" for i in range(1, 40)])
    built = airdrop.build_round(rows, 2)
    airdrop.write_json(built, tmp_path / "p.json")
    airdrop.write_json(built, tmp_path / "s.json", parallel=False)
    assert (tmp_path / "p.json").read_text() == (tmp_path / "s.json").read_text()
    assert not (tmp_path / "p.json.part").exists()


def test_parse_and_hash__parallel_halves__same_rows_leaves_and_errors(monkeypatch):
    monkeypatch.setattr(airdrop, "PARALLEL_MIN_ROWS", 4)
    lines = ["address,amount"] + [f"0x{i:040x},{i}.5" for i in range(1, 30)]
    rows, leaves = airdrop.parse_and_hash(lines, 18, 3)
    serial = airdrop.parse_rows(lines)
    assert rows.accounts == serial.accounts and rows.amounts == serial.amounts
    assert leaves == merkle.airdrop_leaves(3, serial.accounts, serial.amounts)
    bad = lines + [lines[2], "0x" + "11" * 20 + ",0"]  # a duplicate of row 3 in the second half, a zero
    with pytest.raises(airdrop.CsvError) as err:
        airdrop.parse_and_hash(bad, 18, 3)
    assert err.value.errors == [f"row 31: duplicate address 0x{2:040x} (first on row 3)",
                                "row 32: amount must be positive, got '0'"]

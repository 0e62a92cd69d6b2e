"""fivefold.payouts.airdrop: CSV validation naming bad rows, and a 20,000-row build checked end to end."""

import json

import pytest
from eth_utils import to_checksum_address

from fivefold.payouts import airdrop, merkle
from fivefold.payouts import model as payouts

GOOD = "0x52908400098527886E0F7030069857D2E4169EE7"  # EIP-55 test vector
REGISTRY = "0x" + "cd" * 20


def key(number, salt=b"\x07" * 32):
    return payouts.RoundKey(56, REGISTRY, number, salt)
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
    built = airdrop.build_csv(csv_path, out, key(4))
    data = airdrop.load_round(out)
    assert data["round"] == 4 and data["count"] == 20_000 and len(data["claims"]) == 20_000
    assert (data["chain_id"], data["registry"], data["salt"]) == (56, REGISTRY, "0x" + "07" * 32)
    assert int(data["total"]) == sum(built.rows.amounts)
    root = bytes.fromhex(data["root"][2:])
    assert root == built.root
    for claim in data["claims"][::97] + data["claims"][-3:]:
        leaf = payouts.airdrop_leaf(
            key(4), claim["index"], to_checksum_address(claim["account"]), int(claim["amount"])
        )
        assert merkle.verify([bytes.fromhex(p[2:]) for p in claim["proof"]], root, leaf)
    assert data["tier_shift"] == payouts.tier_shift_for(20_000)


def test_build_round__round_zero__refused():
    rows = _parse(f"{GOOD},1")
    with pytest.raises(ValueError):
        airdrop.build_round(rows, key(0))
    with pytest.raises(ValueError):
        airdrop.new_round_key(56, REGISTRY, 0)


def test_new_round_key__fresh_salt_each_time():
    """The salt is the operator's secret until publication: random, never reused."""
    a, b = airdrop.new_round_key(56, REGISTRY, 1), airdrop.new_round_key(56, REGISTRY, 1)
    assert len(a.salt) == 32 and a.salt != b.salt


def test_write_json__is_valid_json(tmp_path):
    rows = _parse(f"{GOOD},1", "0x" + "22" * 20 + ",3")
    built = airdrop.build_round(rows, key(1))
    airdrop.write_json(built, tmp_path / "r.json")
    assert json.loads((tmp_path / "r.json").read_text())["claims"][1]["amount"] == str(3 * 10**18)


def test_write_json__parallel_halves__same_file_as_serial(tmp_path, monkeypatch):
    monkeypatch.setattr(airdrop, "PARALLEL_MIN_ROWS", 10)
    rows = _parse(*[f"0x{i:040x},{i}" for i in range(1, 40)])
    built = airdrop.build_round(rows, key(2))
    airdrop.write_json(built, tmp_path / "p.json")
    airdrop.write_json(built, tmp_path / "s.json", parallel=False)
    assert (tmp_path / "p.json").read_text() == (tmp_path / "s.json").read_text()
    assert not (tmp_path / "p.json.part").exists()


def test_parse_and_hash__parallel_halves__same_rows_leaves_and_errors(monkeypatch):
    monkeypatch.setattr(airdrop, "PARALLEL_MIN_ROWS", 4)
    lines = ["address,amount"] + [f"0x{i:040x},{i}.5" for i in range(1, 30)]
    rows, leaves = airdrop.parse_and_hash(lines, 18, key(3))
    serial = airdrop.parse_rows(lines)
    assert rows.accounts == serial.accounts and rows.amounts == serial.amounts
    assert leaves == merkle.airdrop_leaves(key(3).prefix, serial.accounts, serial.amounts)
    bad = lines + [lines[2], "0x" + "11" * 20 + ",0"]  # a duplicate of row 3 in the second half, a zero
    with pytest.raises(airdrop.CsvError) as err:
        airdrop.parse_and_hash(bad, 18, key(3))
    assert err.value.errors == [f"row 31: duplicate address 0x{2:040x} (first on row 3)",
                                "row 32: amount must be positive, got '0'"]


# What spreadsheets write ----------------------------------------------------------------------


def test_read_lines__excel_csv_utf8__bom_and_crlf_removed(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(
        b"\xef\xbb\xbfAddress,Amount\r\n" + f"{GOOD},1.5\r\n".encode() + b"0x" + b"11" * 20 + b",2\r\n"
    )
    rows = airdrop.parse_rows(airdrop.read_lines(path))
    assert rows.amounts == [15 * 10**17, 2 * 10**18] and len(rows) == 2


def test_read_lines__not_utf8__refused_with_the_fix(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("address,amount\nadresse \xe9,1\n".encode("latin-1"))
    with pytest.raises(airdrop.CsvError) as err:
        airdrop.read_lines(path)
    assert 'is not UTF-8' in str(err.value) and 'save it as "CSV UTF-8"' in str(err.value)


@pytest.mark.parametrize(
    "header",
    [
        "address,amount",
        "wallet,amount",
        "Address,Amount",
        "WALLET , Amount (CMDT)",
        '"Wallet","Amount"',
        "recipient,tokens",
    ],
)
def test_parse_rows__header_with_any_column_names__skipped(header):
    rows = _parse(header, f"{GOOD},3")
    assert rows.amounts == [3 * 10**18]


@pytest.mark.parametrize(
    "amount, why",
    [
        ("1.23457E+18", "is in scientific notation (a spreadsheet rounds such numbers)"),
        ("1e3", "is in scientific notation"),
        ("1_000", "has '_' digit separators"),
        ('"1,000"', "has thousands separators"),
        ("+5", "has a sign"),
        ("\u0661\u0662\u0663", "has non-ASCII digits"),  # Arabic-Indic 123
        ("\uff15", "has non-ASCII digits"),  # fullwidth 5
        ("5.", "needs digits on both sides of the point"),
        (".5", "needs digits on both sides of the point"),
        ("", "the amount is empty"),
        ("0x10", "malformed amount"),
    ],
)
def test_parse_rows__spreadsheet_amount__refused_with_row_and_reason(amount, why):
    with pytest.raises(airdrop.CsvError) as err:
        _parse("wallet,amount", f"{GOOD},1", "0x" + "11" * 20 + f",{amount}")
    [message] = err.value.errors
    assert message.startswith("row 3: ") and why in message


def test_parse_rows__amount_above_what_a_round_holds__refused_by_row():
    limit_tokens = payouts.AIRDROP_MAX_TOTAL // 10**18  # 79,228,162,514 whole tokens at 18 decimals
    with pytest.raises(airdrop.CsvError) as err:
        _parse(f"{GOOD},1", "0x" + "11" * 20 + f",{limit_tokens + 1}")
    [message] = err.value.errors
    assert message.startswith("row 2: amount 79228162515 is above what a round can hold (79,228,162,514.")
    assert "AirdropRounds.MAX_TOTAL" in message


def test_parse_rows__total_crosses_the_round_limit__names_the_row():
    half = payouts.AIRDROP_MAX_TOTAL // 10**18 // 2 + 1  # two of these fit alone, not together
    with pytest.raises(airdrop.CsvError) as err:
        _parse(
            "address,amount", "", f"{GOOD},1", "0x" + "11" * 20 + f",{half}", "0x" + "22" * 20 + f",{half}"
        )
    [message] = err.value.errors
    assert (
        message.startswith("row 5: the total reaches 79,228,162,517 tokens here")
        and "split the rows" in message
    )


def test_parse_and_hash__parallel_total_crossing__same_row_as_serial(monkeypatch):
    monkeypatch.setattr(airdrop, "PARALLEL_MIN_ROWS", 4)
    big = payouts.AIRDROP_MAX_TOTAL // 10**18 // 3
    lines = ["address,amount"] + [f"0x{i:040x},{big}" for i in range(1, 9)]
    with pytest.raises(airdrop.CsvError) as parallel:
        airdrop.parse_and_hash(lines, 18, key(1))
    with pytest.raises(airdrop.CsvError) as serial:
        airdrop.parse_rows(lines)
    assert parallel.value.errors == serial.value.errors and serial.value.errors[0].startswith("row 5: ")


@pytest.mark.parametrize(
    "units, decimals, text",
    [
        (0, 18, "0"),
        (10**18, 18, "1"),
        (1_234_500_000, 6, "1,234.5"),
        (1, 18, "0.000000000000000001"),
        (7, 0, "7"),
    ],
)
def test_format_tokens__exact(units, decimals, text):
    assert airdrop.format_tokens(units, decimals) == text


def test_write_json__records_asset_decimals_chain_and_registry(tmp_path):
    rows = airdrop.parse_rows([f"{GOOD},1.5"], decimals=6)
    built = airdrop.build_round(rows, key(3), asset=GOOD)
    airdrop.write_json(built, tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text())
    assert (data["asset"], data["decimals"], data["chain_id"], data["registry"], data["total"]) == (
        GOOD, 6, 56, REGISTRY, "1500000")


def test_target_offline__bad_asset__refused():
    with pytest.raises(ValueError, match="neither 'native' nor an address"):
        airdrop.target_offline("USDT", 6, 56, REGISTRY, 1)

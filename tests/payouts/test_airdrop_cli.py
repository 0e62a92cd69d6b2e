"""`ape run airdrop build` and `publish` run as the command line runs them (the click commands in
scripts/airdrop.py, invoked in-process against the test chain)."""

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fivefold.payouts import merkle

from .conftest import TOKEN

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "airdrop.py"


def _load_cli():
    spec = importlib.util.spec_from_file_location("airdrop_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.cli


cli = _load_cli()


@pytest.fixture
def rpc(chain):
    """The test chain's RPC URL: the command connects to it as to any node (naming the local
    network instead would start a second anvil)."""
    return chain.provider.uri


def _run(cli, *args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.output


def _csv(tmp_path, accounts, amounts, header="Address,Amount"):
    path = tmp_path / "rows.csv"
    lines = [header] + [f"{a.address},{x}" for a, x in zip(accounts, amounts, strict=True)]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")  # Excel's "CSV UTF-8"
    return path


def test_publish__built_offline_then_published__round_drawn_and_claimable(
    airdrop, operator, accounts, chain, stranger, project, rpc, tmp_path
):
    """The review's broken command: `publish` raised a TypeError on every call. Built offline from
    a spreadsheet's CSV, published from the operator account, the round is funded, drawn and pays."""
    csv_path = _csv(tmp_path, accounts[4:7], ["1", "2.5", "0.5"])
    code, out = _run(
        cli,
        "build",
        csv_path,
        "--asset",
        "native",
        "--decimals",
        18,
        "--chain-id",
        chain.chain_id,
        "--registry",
        airdrop.address,
        "--round",
        1,
    )
    assert code == 0, out
    assert "3 accounts, total 4 native" in out
    data = json.loads(csv_path.with_suffix(".json").read_text())
    assert (data["asset"], data["decimals"], data["chain_id"], data["registry"]) == (
        "0x" + "00" * 20, 18, chain.chain_id, airdrop.address)

    code, out = _run(cli, "publish", csv_path.with_suffix(".json"), "--network", rpc,
                     "--account", "TEST::8", "--days", 2)
    assert code == 0, out
    assert "round 1 published" in out and "schedule drawn" in out
    from .conftest import round_at

    rnd = round_at(project, chain, airdrop.rounds(1))
    assert rnd.holdings() == 4 * TOKEN and rnd.seed() != 0 and operator.address == accounts[8].address
    claim = data["claims"][1]
    chain.pending_timestamp = rnd.START() + (rnd.END() - rnd.START()) // 2
    rnd.claim(
        claim["index"],
        claim["account"],
        int(claim["amount"]),
        merkle.ints(bytes.fromhex(p[2:]) for p in claim["proof"]),
        sender=stranger,
    )
    assert rnd.is_claimed(1)


def test_build__online__decimals_round_and_registry_from_the_chain(
    airdrop, usdt, accounts, chain, rpc, tmp_path
):
    """With --network, the token's decimals (USDT: 6), the next round and the chain id come from the
    chain; the totals print in tokens."""
    csv_path = _csv(tmp_path, accounts[4:6], ["1000000", "0.25"], header="wallet,amount")
    code, out = _run(cli, "build", csv_path, "--asset", usdt.address, "--network", rpc,
                     "--registry", airdrop.address)
    assert code == 0, out
    assert "total 1,000,000.25 USDT" in out
    data = json.loads(csv_path.with_suffix(".json").read_text())
    assert (data["decimals"], data["round"], data["total"], data["asset"]) == (6, 1, str(1_000_000_250_000),
                                                                               usdt.address)


def test_build__online__decimals_disagree_with_the_token__one_line_error(
    airdrop, usdt, accounts, rpc, tmp_path
):
    csv_path = _csv(tmp_path, accounts[4:5], ["1"])
    code, out = _run(cli, "build", csv_path, "--asset", usdt.address, "--decimals", 18, "--network",
                     rpc, "--registry", airdrop.address)
    assert code == 1 and "--decimals 18, but USDT" in out and "has 6 decimals" in out


def test_build__offline_without_decimals__names_the_missing_options(accounts, tmp_path):
    csv_path = _csv(tmp_path, accounts[4:5], ["1"])
    code, out = _run(cli, "build", csv_path, "--asset", "native")
    assert code == 1
    assert "offline, build needs --decimals, --chain-id, --registry, --round (or --network" in out


def test_build__bad_rows__each_named_and_nothing_written(accounts, airdrop, chain, tmp_path):
    csv_path = _csv(tmp_path, accounts[4:7], ["1.23457E+18", "1_000", "+5"])
    code, out = _run(
        cli,
        "build",
        csv_path,
        "--asset",
        "native",
        "--decimals",
        18,
        "--chain-id",
        chain.chain_id,
        "--registry",
        airdrop.address,
        "--round",
        1,
    )
    assert code == 1 and not csv_path.with_suffix(".json").exists()
    assert "row 2: amount '1.23457E+18' is in scientific notation" in out
    assert "row 3: amount '1_000' has '_' digit separators" in out and "row 4: amount '+5' has a sign" in out


def test_publish__tree_for_another_chain__one_line_error(airdrop, accounts, rpc, tmp_path):
    csv_path = _csv(tmp_path, accounts[4:5], ["1"])
    _run(cli, "build", csv_path, "--asset", "native", "--decimals", 18, "--chain-id", 56, "--registry",
         airdrop.address, "--round", 1)
    code, out = _run(cli, "publish", csv_path.with_suffix(".json"), "--network", rpc,
                     "--account", "TEST::8")
    assert code == 1 and "the tree was built for chain 56 but this is chain" in out
    assert airdrop.round_count() == 0

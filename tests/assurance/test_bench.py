"""The side-by-side gas comparison's framework (fivefold/assurance/bench.py) and its reference
build (fivefold/assurance/build_bench.py), without a chain: registration, measurement order with a
stand-in chain, the results file, the row modules, the Merkle tree the Uniswap rows prove against.
`ape run bench` itself runs in tests/cli/test_bench_cli.py."""

import json
from types import SimpleNamespace

import pytest

from fivefold import gas, solcjs
from fivefold.assurance import bench, build_bench
from fivefold.assurance import bench_merkle as merkle_rows


class StandInChain:
    """Counts snapshots and restores, as `bench.measure_rows` calls them."""

    def __init__(self):
        self.snapshots = 0
        self.restores = 0

    def snapshot(self):
        self.snapshots += 1
        return self.snapshots

    def restore(self, snapshot):
        self.restores += 1


def _receipt(gas_used: int, data: bytes = b"\x00\x01"):
    return lambda b: SimpleNamespace(gas_used=gas_used, transaction=SimpleNamespace(data=data))


def _row(key: str, suite, reference_gas: int = 100) -> bench.Row:
    return bench.Row(key, "an operation", "a condition", suite, "a reference", _receipt(reference_gas))


def _comparison(key: str, suite_gas: int, reference_gas: int) -> bench.Comparison:
    return bench.Comparison(key, "op", "cond", "suite.key", suite_gas, "ref", reference_gas)


def test_comparison__registered_twice__raises(monkeypatch):
    """A row key can be registered once: a second module using the same key fails at import."""
    monkeypatch.setattr(bench, "REGISTRY", {})
    bench.comparison("x.y", operation="o", condition="c", suite="token.approve", reference="r")(_receipt(1))
    with pytest.raises(ValueError, match="registered twice"):
        bench.comparison("x.y", operation="o", condition="c", suite="token.approve", reference="r")(
            _receipt(1)
        )


def test_comparison__decorated__returns_the_function_and_records_the_row(monkeypatch):
    """The decorator leaves the function as it is and records every field of the row."""
    monkeypatch.setattr(bench, "REGISTRY", {})
    measure = _receipt(5)
    assert bench.comparison("a.b", operation="o", condition="c", suite="k", reference="r")(measure) is measure
    assert bench.REGISTRY["a.b"] == bench.Row("a.b", "o", "c", "k", "r", measure)


def test_ratio__suite_cheaper__below_one_and_gas_saved():
    """ratio = suite / reference; `saved` is positive when the suite is cheaper."""
    c = _comparison("k", 75, 100)
    assert c.ratio == 0.75
    assert c.saved == 25
    assert _comparison("k", 120, 100).saved == -20


def test_calldata_gas__bytes__four_a_zero_sixteen_otherwise():
    """Calldata gas as EIP-2028 prices it."""
    assert bench.calldata_gas(b"") == 0
    assert bench.calldata_gas(b"\x00\x00\xff") == 4 + 4 + 16


def test_execution_ratio__calldata_apart__compares_what_the_code_spends():
    """The execution ratio leaves out the 21,000 base and each side's calldata: a suite that is cheaper
    only by its calldata has an execution ratio above 1."""
    c = bench.Comparison(
        "k", "o", "c", "s", 31_000, "r", 32_000, suite_calldata_gas=1_000, reference_calldata_gas=2_500
    )
    assert c.ratio < 1
    assert c.execution_ratio == 9_000 / 8_500
    assert c.as_json()["execution_ratio"] == round(9_000 / 8_500, 4)


def test_suite_key__function_side__named_after_the_row():
    """A suite side given as a function is named `<row>.suite`; a gas key is its own name."""
    assert _row("m.claim", _receipt(1)).suite_key == "m.claim.suite"
    assert _row("m.claim", "airdrop.claim.1m.fresh").suite_key == "airdrop.claim.1m.fresh"


def test_select__prefix__only_matching_keys():
    """--only keeps the rows whose key starts with the prefix; an empty prefix keeps all."""
    rows = {k: _row(k, "s") for k in ("erc20.permit.snekmate", "erc20.approve.snekmate", "mall.buy.x")}
    assert list(bench.select(rows, "erc20.p")) == ["erc20.permit.snekmate"]
    assert bench.select(rows, "") == rows


def test_measure_rows__shared_suite_key__suite_measured_once_every_side_restored():
    """Two rows comparing one suite key with two references: the suite side runs once, each run starts
    from a snapshot that is restored after it."""
    chain = StandInChain()
    calls = []

    def suite(b):
        calls.append("suite")
        return _receipt(90)(b)

    ops = {"token.approve": SimpleNamespace(measure=suite)}
    rows = {"a.one": _row("a.one", "token.approve", 100), "a.two": _row("a.two", "token.approve", 45)}
    done = []
    measured = bench.measure_rows(SimpleNamespace(chain=chain), rows, ops, on_done=done.append)
    assert calls == ["suite"]
    assert [(c.key, c.suite_gas, c.reference_gas) for c in measured] == [
        ("a.one", 90, 100),
        ("a.two", 90, 45),
    ]
    assert (measured[0].suite_calldata_gas, measured[0].reference_calldata_gas) == (20, 20)
    assert chain.snapshots == chain.restores == 3
    assert done == ["a.one", "a.two"]


def test_measure_rows__failing_reference__one_line_naming_the_row_and_side():
    """A measurement that raises becomes RowFailed naming the row, the side and the error, and the
    chain is restored all the same."""
    chain = StandInChain()

    def broken(b):
        raise RuntimeError("no such\nfunction")

    row = bench.Row("r.k", "o", "c", _receipt(1), "Ref 1.0", broken)
    with pytest.raises(bench.RowFailed) as failed:
        bench.measure_rows(SimpleNamespace(chain=chain), {"r.k": row}, {})
    assert str(failed.value) == "bench row r.k, reference side (Ref 1.0): RuntimeError: no such function"
    assert chain.snapshots == chain.restores == 2


def test_measure_rows__unknown_suite_key__row_failed():
    """A suite side naming no gas operation fails before anything is measured."""
    with pytest.raises(bench.RowFailed, match="no gas operation 'no.such.key'"):
        bench.measure_rows(SimpleNamespace(chain=StandInChain()), {"r": _row("r", "no.such.key")}, {})


def test_results_document__only_run__updates_its_rows_keeps_registered_drops_stale():
    """An --only run rewrites its rows, keeps the other rows still registered and drops rows no longer
    registered; rows are sorted by key and carry their ratio."""
    previous = {"b.kept": {"key": "b.kept", "suite_gas": 1}, "z.gone": {"key": "z.gone"}}
    doc = bench.results_document(
        [_comparison("a.new", 50, 100)], previous, {"a.new", "b.kept"}, {"snekmate": "0.1.2"}
    )
    assert [r["key"] for r in doc["rows"]] == ["a.new", "b.kept"]
    assert doc["rows"][0]["ratio"] == 0.5
    assert doc["rows"][0]["reference_gas"] == 100
    assert doc["references"] == {"snekmate": "0.1.2"}


def test_write_results__document__sorted_indented_newline_and_read_back(tmp_path):
    """results.json is sorted-key JSON, indent 2, a trailing newline; read_results indexes it by key."""
    path = tmp_path / "sub" / "results.json"
    doc = bench.results_document([_comparison("k", 1, 2)], {}, {"k"}, {})
    bench.write_results(path, doc)
    text = path.read_text()
    assert text == json.dumps(doc, indent=2, sort_keys=True) + "\n"
    assert bench.read_results(path)["k"]["suite_gas"] == 1
    assert bench.read_results(tmp_path / "none.json") == {}


def test_table_rows__comparison__gas_with_separators_ratios_three_places():
    """The table shows gas with thousands separators and both ratios to three places."""
    c = bench.Comparison("k", "op", "c", "s", 45_970, "ref", 46_366, 880, 880)
    assert bench.table_rows([c]) == [("op", "45,970", "ref", "46,366", "0.991", "0.984")]


def test_load_rows__every_row__suite_side_is_a_gas_operation_or_a_function():
    """Every registered row's suite side is a key `ape run gas` measures (so both runs agree on it) or
    a measurement of its own; every row names its reference and states a condition."""
    rows = bench.load_rows()
    operations = gas.load_operations()
    assert len(rows) >= 17
    for key, row in rows.items():
        assert callable(row.suite) or row.suite in operations, key
        assert row.reference and row.condition and row.operation, key


def test_load_rows__the_issue_rows__present():
    """The rows issue 18 asks for are registered (the Aave v3 rows come from bench_lending)."""
    keys = set(bench.load_rows())
    for key in (
        "erc20.transfer.fresh.openzeppelin",
        "erc20.transfer.fresh.snekmate",
        "erc20.approve.openzeppelin",
        "erc20.permit.snekmate",
        "vesting.release.openzeppelin",
        "vesting.release.sablier_linear",
        "merkle.claim.100k.uniswap",
        "merkle.claim.1m.uniswap",
        "governor.propose.openzeppelin",
        "governor.castvote.openzeppelin",
        "staking.claim.synthetix",
        "mall.buy.openzeppelin_erc721",
    ):
        assert key in keys, key


def test_row_modules__package__every_bench_module_and_nothing_else():
    """The row modules are the package's bench_*.py files (not the framework, not the build)."""
    modules = bench.row_modules()
    assert "fivefold.assurance.bench_tokens" in modules
    assert "fivefold.assurance.bench" not in modules
    assert "fivefold.assurance.build_bench" not in modules


def test_resolve__relative_and_package_imports__source_unit_names():
    """Imports resolve as solc sees them: relative to the importer, package paths as they are."""
    importer = "@openzeppelin/contracts/token/ERC20/ERC20.sol"
    assert solcjs.resolve(importer, "./IERC20.sol") == "@openzeppelin/contracts/token/ERC20/IERC20.sol"
    assert (
        solcjs.resolve(importer, "../../utils/Context.sol")
        == "@openzeppelin/contracts/utils/Context.sol"
    )
    assert solcjs.resolve("references/X.sol", "@openzeppelin/a.sol") == "@openzeppelin/a.sol"


def test_roots__references_folder__each_file_and_the_openzeppelin_contracts():
    """Every bench/references/*.sol is compiled (its contract named as the file), with VestingWallet
    and TimelockController from OpenZeppelin as they are."""
    roots = build_bench.roots()
    assert roots["references/BenchGovernor.sol"] == "BenchGovernor"
    assert roots["@openzeppelin/contracts/finance/VestingWallet.sol"] == "VestingWallet"
    assert len(roots) == len(list(build_bench.REFERENCES.glob("*.sol"))) + len(build_bench.OZ_ROOTS)


def test_require_packages__not_installed__names_make_bench(monkeypatch, tmp_path):
    """Without bench/node_modules the error says to run `make bench`."""
    monkeypatch.setattr(build_bench, "NODE_MODULES", tmp_path / "node_modules")
    with pytest.raises(build_bench.BenchError, match="run `make bench`"):
        build_bench.require_packages()


def test_contract_type__unlinked_library__refused():
    """Creation code with a library placeholder is refused (the bench links nothing)."""
    with pytest.raises(build_bench.BenchError, match="library linking"):
        build_bench.contract_type("X", [], "6080__$abcdef$__00", "x")


def test_uniswap_tree__every_leaf__proof_recomputes_the_root():
    """The Uniswap tree (sorted 256-bit pairs, odd last node carried up) proves every leaf of an odd-
    sized tree the way OpenZeppelin's MerkleProof checks it, and a wrong amount fails."""
    from fivefold.payouts.merkle import keccak

    accounts = [bytes([i]) * 20 for i in range(11)]
    leaves = [merkle_rows.uniswap_leaf(i, a, 10**18) for i, a in enumerate(accounts)]
    levels = merkle_rows.uniswap_tree(leaves)

    def root_of(leaf, proof):
        for sibling in proof:
            leaf = keccak(leaf + sibling) if leaf < sibling else keccak(sibling + leaf)
        return leaf

    for i, leaf in enumerate(leaves):
        assert root_of(leaf, merkle_rows.uniswap_proof(levels, i)) == levels[-1][0]
    wrong = merkle_rows.uniswap_leaf(3, accounts[3], 2 * 10**18)
    assert root_of(wrong, merkle_rows.uniswap_proof(levels, 3)) != levels[-1][0]

"""The reference implementations `make bench` compares the suite with, as Ape contract types.

Two kinds, both installed at bench time by `npm install --prefix bench` (bench/package.json and
bench/package-lock.json pin them; bench/node_modules/ is git-ignored, nothing of theirs is committed):

- Solidity written for the bench (bench/references/*.sol, small, OpenZeppelin-based) and two
  OpenZeppelin contracts used as they are (VestingWallet, TimelockController): compiled here with
  the pinned solc-js (bench/node_modules/solc, the root package.json's pin) into a git-ignored cache,
  .cache/bench/references-<hash>.json, keyed by the standard JSON input's hash so a second run
  reads it back (the first compile takes about a minute on one core).
  Settings: optimizer on with 200 runs (OpenZeppelin's and Foundry's default), EVM cancun (the
  suite's Vyper targets paris for OKT Chain: no PUSH0 there, 1 gas a zero push more on our side).
- Build artifacts used as shipped: Uniswap's MerkleDistributor (`build/*.json`) and Sablier's
  SablierV2LockupLinear (`artifacts/*.json`), their bytes unchanged.

Nothing is compiled or read until a row asks for it (`compiled(name)`, `shipped(path)`), so a row
that needs no npm package (snekmate's erc20 is a Vyper module from PyPI) runs without them.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from fivefold import solcjs

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
NODE_MODULES = BENCH / "node_modules"
REFERENCES = BENCH / "references"
CACHE = ROOT / ".cache" / "bench"
SOLCJS = NODE_MODULES / "solc" / "solc.js"
# OpenZeppelin contracts compiled as they are, beside bench/references/*.sol.
OZ_ROOTS = {
    "@openzeppelin/contracts/finance/VestingWallet.sol": "VestingWallet",
    "@openzeppelin/contracts/governance/TimelockController.sol": "TimelockController",
}
INSTALL = "run `make bench` (npm install --prefix bench)"
SETTINGS = {"optimizer": {"enabled": True, "runs": 200}, "evmVersion": "cancun"}


class BenchError(Exception):
    """A reference cannot be had: the message names the fix."""


def require_packages() -> None:
    """Raises naming `make bench` when the reference packages are not installed."""
    if not (NODE_MODULES / "@openzeppelin" / "contracts").is_dir():
        raise BenchError(
            "bench/node_modules has no reference packages: run `make bench` (or `npm install --prefix "
            "bench`) first"
        )


def package_version(package: str) -> str:
    """The installed version of an npm package of bench/ (e.g. "@openzeppelin/contracts" -> 5.7.0)."""
    require_packages()
    return json.loads((NODE_MODULES / package / "package.json").read_text())["version"]


def _file(source: str) -> Path:
    """The file behind a source unit name: `references/X.sol` or an npm package path."""
    if source.startswith("references/"):
        return BENCH / source
    return NODE_MODULES / source


def roots() -> dict[str, str]:
    """Source unit name -> the contract of it the bench deploys."""
    out = {f"references/{p.name}": p.stem for p in sorted(REFERENCES.glob("*.sol"))}
    return {**out, **OZ_ROOTS}


def _existing(name: str) -> Path:
    path = _file(name)
    if not path.exists():
        raise BenchError(f"{path.relative_to(ROOT)} is missing: {INSTALL}")
    return path


def sources(names: list[str]) -> dict[str, dict]:
    """Every source unit `names` reach through their imports, with its content."""
    return solcjs.sources(names, _existing)


def standard_input() -> dict:
    """The standard JSON input of every root, with SETTINGS and only what a deployment needs."""
    selected = roots()
    settings = dict(SETTINGS)
    settings["outputSelection"] = {
        name: {contract: ["abi", "evm.bytecode.object"]} for name, contract in selected.items()
    }
    return {"language": "Solidity", "sources": sources(list(selected)), "settings": settings}


def compile_references() -> dict[str, dict]:
    """{contract name: {"abi", "bytecode"}} of every root: from the cache when the standard input
    and the compiler are the ones cached, else compiled now with solc-js and cached."""
    require_packages()
    request = json.dumps(standard_input(), sort_keys=True)
    digest = hashlib.sha256((solcjs.version(SOLCJS.parent) + request).encode()).hexdigest()[:16]
    cached = CACHE / f"references-{digest}.json"
    if cached.exists():
        return json.loads(cached.read_text())
    try:
        output = solcjs.compile_json(SOLCJS.parent, request, CACHE / "solc-output.json")
    except solcjs.SolcError as exc:
        raise BenchError(f"bench/references do not compile with solc-js: {exc}") from None
    contracts = {}
    for source, name in roots().items():
        compiled = output["contracts"][source][name]
        contracts[name] = {"abi": compiled["abi"], "bytecode": compiled["evm"]["bytecode"]["object"]}
    # written whole, then renamed: a killed run never leaves a half-written cache behind
    partial = cached.with_suffix(".partial")
    partial.write_text(json.dumps(contracts))
    partial.replace(cached)
    return contracts


def contract_type(name: str, abi: list, bytecode: str, source: str):
    """An ethpm ContractType from an ABI and creation code (hex, with or without 0x)."""
    from ethpm_types import ContractType

    code = bytecode if bytecode.startswith("0x") else "0x" + bytecode
    if "__$" in code:
        raise BenchError(f"{name} needs library linking, which the bench does not do")
    return ContractType(contractName=name, sourceId=source, abi=abi, deploymentBytecode={"bytecode": code})


@functools.cache
def compiled(name: str):
    """The ContractContainer of a compiled reference (`BenchERC20`, `VestingWallet`, ...)."""
    from ape.contracts import ContractContainer

    contracts = compile_references()
    if name not in contracts:
        raise BenchError(f"no reference named {name!r} in bench/references (have: {', '.join(contracts)})")
    data = contracts[name]
    return ContractContainer(contract_type(name, data["abi"], data["bytecode"], f"bench/references/{name}"))


@functools.cache
def shipped(path: str):
    """The ContractContainer of a build artifact as its npm package ships it: `path` under
    bench/node_modules (Waffle's `bytecode` string or Foundry's `bytecode.object`)."""
    from ape.contracts import ContractContainer

    require_packages()
    file = NODE_MODULES / path
    if not file.exists():
        raise BenchError(f"bench/node_modules/{path} is missing: {INSTALL}")
    data = json.loads(file.read_text())
    code = data["bytecode"]["object"] if isinstance(data["bytecode"], dict) else data["bytecode"]
    return ContractContainer(contract_type(file.stem, data["abi"], code, path))


def main() -> None:
    """`python -m fivefold.assurance.build_bench`: compile (or find cached) and list the references."""
    names = ", ".join(compile_references())
    print(f"bench references: {names} (cache: {CACHE.relative_to(ROOT)})")


if __name__ == "__main__":
    try:
        main()
    except BenchError as exc:
        raise SystemExit(f"error: build_bench: {exc}") from None

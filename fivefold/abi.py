"""ABIs: what dApps consume (`ape run export`).

Every deployable contract `contracts/<domain>/<Name>.vy` has `interfaces/I<Name>.vyi` and
`implements:` it (tests/test_interfaces.py checks both, and the interface against the ABI).

The export (docs/integration.md describes it for dApp developers) writes into one directory:

    <Name>.json          the ABI, a plain JSON array (ethers, viem, web3.py take it as it is)
    <Name>.natspec.json  {"userdoc": ..., "devdoc": ...} from the compiler output Ape keeps in .build/
    addresses.json       chain id -> {chain, local, contracts, assets} (fivefold/addressbook.py)
    index.ts             every ABI `as const` and the address book, typed without codegen

for every deployable contract, every contract type in the address book (local mocks on local
chains, npm build artifacts such as Uniswap v2's) and, when an asset is not one of the suite's
contracts, a plain ERC20 ABI.
abi/ is not committed: it is generated (`ape run export`; `make typecheck` type-checks it).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from fivefold import addressbook
from fivefold import manifest as manifest_mod

INTERFACES = Path("interfaces")
CONTRACTS = Path("contracts")
ABI_DIR = Path("abi")
_ARG = re.compile(r"^arg\d+$")
# Not deployed by the suite: test doubles and gas references.
NOT_DEPLOYABLE_DIRS = ("mocks",)
# Where npm build artifacts live (package.json pins their packages; `npm ci` installs them).
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
# Contracts compiled at setup from an npm package's sources (`make setup`: Hyperlane's, by
# fivefold/bridge/build_hyperlane.py), named "hyperlane/<Name>.json".
BUILT = Path(__file__).resolve().parent.parent / ".cache"


@functools.cache
def artifact_type(artifact: str):
    """An npm build artifact (`<package>/build/<Name>.json` under node_modules, or
    `hyperlane/<Name>.json` under .cache/, compiled at setup: `abi`, `bytecode`,
    `evm.deployedBytecode.object`, as Waffle writes them) as an ethpm ContractType named after the
    file, so that the deployment engine and the export treat it like a compiled contract. The bytes
    are the package's, unchanged: a CREATE2 deployment of them has the code the author published."""
    from ethpm_types import ContractType

    built = artifact.startswith("hyperlane/")
    path = (BUILT if built else NODE_MODULES) / artifact
    if not path.exists():
        fix = "make setup` (it compiles them" if built else "npm ci` (package.json pins the package"
        raise FileNotFoundError(f"{path} is missing: run `{fix})")
    data = json.loads(path.read_text())

    def hex0x(code: str) -> str:
        return code if code.startswith("0x") else "0x" + code

    runtime = (data.get("evm") or {}).get("deployedBytecode", {}).get("object", "")
    return ContractType(
        contractName=path.stem,
        sourceId=artifact,
        abi=data["abi"],
        deploymentBytecode={"bytecode": hex0x(data["bytecode"])},
        runtimeBytecode={"bytecode": hex0x(runtime)},
    )


def container(project, contract_type: str, artifact: str | None = None):
    """The ContractContainer of a contract type: the project's compiled one or, with `artifact`,
    the npm build artifact's (`artifact_type`)."""
    if artifact is None:
        return getattr(project, contract_type)
    from ape.contracts import ContractContainer

    return ContractContainer(artifact_type(artifact))


def selector(contract_type, method: str) -> bytes:
    """The 4-byte selector of `method` (its longest overload) in a compiled contract type: what the
    parameter registry calls a setter by."""
    from eth_utils import keccak

    abis = [item for item in contract_type.abi if item.type == "function" and item.name == method]
    if not abis:
        raise KeyError(f"{contract_type.name} has no function {method}")
    return keccak(text=max(abis, key=lambda item: len(item.inputs)).selector)[:4]


def deployable_sources(root: Path = Path(".")) -> dict[str, Path]:
    """Contract name -> source, for every CamelCase .vy outside contracts/mocks."""
    out = {}
    for path in sorted((root / CONTRACTS).rglob("*.vy")):
        if any(part in NOT_DEPLOYABLE_DIRS for part in path.parts) or not path.stem[:1].isupper():
            continue
        out[path.stem] = path
    return out


# The ERC-20 functions and events a dApp needs for an asset the suite did not deploy (EIP-20's
# parameter names, as OpenZeppelin's ABI has them).
def _fn(name, inputs, outputs, mutability="view"):
    return {
        "type": "function",
        "name": name,
        "stateMutability": mutability,
        "inputs": [{"name": n, "type": t} for n, t in inputs],
        "outputs": [{"name": "", "type": t} for t in outputs],
    }


def _event(name, inputs):
    return {
        "type": "event",
        "name": name,
        "anonymous": False,
        "inputs": [{"name": n, "type": t, "indexed": i} for n, t, i in inputs],
    }


ERC20_ABI = [
    _fn("name", [], ["string"]),
    _fn("symbol", [], ["string"]),
    _fn("decimals", [], ["uint8"]),
    _fn("totalSupply", [], ["uint256"]),
    _fn("balanceOf", [("account", "address")], ["uint256"]),
    _fn("allowance", [("owner", "address"), ("spender", "address")], ["uint256"]),
    _fn("transfer", [("to", "address"), ("value", "uint256")], ["bool"], "nonpayable"),
    _fn(
        "transferFrom", [("from", "address"), ("to", "address"), ("value", "uint256")], ["bool"], "nonpayable"
    ),
    _fn("approve", [("spender", "address"), ("value", "uint256")], ["bool"], "nonpayable"),
    _event("Transfer", [("from", "address", True), ("to", "address", True), ("value", "uint256", False)]),
    _event(
        "Approval", [("owner", "address", True), ("spender", "address", True), ("value", "uint256", False)]
    ),
]
ERC20_NATSPEC = {"userdoc": {}, "devdoc": {"title": "ERC-20 (EIP-20): an asset the suite did not deploy"}}


def contract_abi(project, name: str, artifact: str | None = None) -> list[dict]:
    """The ABI a dApp gets: the compiler's (or the npm `artifact`'s), with names filled in where
    the compiler gives none."""
    if name == addressbook.ERC20:
        return ERC20_ABI
    ct = container(project, name, artifact).contract_type
    abi = [item.model_dump(mode="json", by_alias=True, exclude_none=True) for item in ct.abi]
    return named(abi, ct.devdoc or {})


# Names Vyper cannot write into an ABI: the keys of public HashMap getters (it calls them arg0,
# arg1, ...), as EIP-20/EIP-2612 name them, and the fields of a standard tuple return that has no
# NatSpec of its own (EIP-5267). Other tuple returns are named from their NatSpec `@return <name>`.
GETTER_KEYS = {
    "balanceOf": ("owner",),
    "allowance": ("owner", "spender"),
    "nonces": ("owner",),
    "is_minter": ("minter",),
    "market_for": ("asset",),
    "latest_vote_of": ("target",),
    "identity_weight_of": ("account",),
    "collection_weight": ("collection",),
    "staked": ("account",),
    "shares": ("account",),
    "hasRole": ("role", "account"),
    "getRoleAdmin": ("role",),
    "get_timestamp": ("id",),
    "isApprovedForAll": ("owner", "operator"),
    "is_vault": ("vault",),
    "votes_of": ("slot", "account"),
    "locked_of": ("account",),
    "refunds": ("account",),
    "order_status": ("order_hash",),
    "pending": ("account", "asset"),
    "unclaimed": ("asset", "account"),
    "capacity_of": ("kind",),
    "used_of": ("kind", "period"),
    "frozen_capacity_of": ("kind", "period"),
    "owed": ("account",),
    "price_key": ("asset",),
    "bought": ("round_id", "buyer"),
    "raised": ("round_id", "asset"),
    "paid_out": ("round_id", "asset"),
}
STANDARD_OUTPUTS = {
    "eip712Domain": ("fields", "name", "version", "chainId", "verifyingContract", "salt", "extensions"),
}
_RETURN_NAME = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s")
_ABI_TYPE = re.compile(r"^(u?int\d*|address|bool|bytes\d*|string|String|DynArray|HashMap)$")


def _return_names(item: dict, devdoc: dict) -> list[str | None]:
    """Per output of a function: the identifier its NatSpec `@return` starts with, else None."""
    signature = f"{item['name']}({','.join(p['type'] for p in item['inputs'])})"
    returns = ((devdoc.get("methods") or {}).get(signature) or {}).get("returns") or {}
    names = []
    for i in range(len(item["outputs"])):
        found = _RETURN_NAME.match(returns.get(f"_{i}", ""))
        names.append(found.group(1) if found and not _ABI_TYPE.match(found.group(1)) else None)
    return names


def named(abi: list[dict], devdoc: dict) -> list[dict]:
    """Fills the names a dApp would otherwise lack (in place; returns `abi`): getter keys from
    GETTER_KEYS, outputs of a multi-value return from NatSpec, then STANDARD_OUTPUTS."""
    for item in abi:
        if item["type"] != "function":
            continue
        keys = GETTER_KEYS.get(item["name"], ())
        for key, param in zip(keys, item["inputs"], strict=False):
            if _ARG.match(param.get("name") or ""):
                param["name"] = key
        outputs = item.get("outputs", [])
        if len(outputs) < 2 or all(o.get("name") for o in outputs):
            continue
        standard = STANDARD_OUTPUTS.get(item["name"], ())
        for i, (output, documented) in enumerate(zip(outputs, _return_names(item, devdoc), strict=True)):
            if not output.get("name"):
                output["name"] = documented or (standard[i] if i < len(standard) else "")
    return abi


def natspec(project, name: str, artifact: str | None = None) -> dict:
    if name == addressbook.ERC20:
        return ERC20_NATSPEC
    if artifact is not None:  # a Waffle artifact carries no NatSpec: say where the ABI comes from
        return {"userdoc": {}, "devdoc": {"title": f"npm build artifact {artifact}"}}
    ct = getattr(project, name).contract_type
    return {"userdoc": ct.userdoc or {}, "devdoc": ct.devdoc or {}}


def exported_names(book: dict) -> list[str]:
    """Every deployable contract, then every other ABI the address book names (local mocks, ERC20)."""
    names = list(deployable_sources())
    for chain in book.values():
        for record in [*chain["contracts"].values(), *chain["assets"].values()]:
            if record.get("abi") and record["abi"] not in names:
                names.append(record["abi"])
    return names


def artifacts(book: dict) -> dict[str, str]:
    """ABI name -> npm artifact, for every contract of the address book deployed from one."""
    return {
        record["abi"]: record["artifact"]
        for chain in book.values()
        for record in chain["contracts"].values()
        if record.get("artifact")
    }


def naming_gaps(name: str, abi: list[dict]) -> list[str]:
    """What a dApp would read without a name: parameters called `arg0` or nothing, outputs of a
    function returning several values (an anonymous tuple), unnamed struct fields."""
    gaps = []

    def fields(where: str, params: list[dict], what: str) -> None:
        for i, p in enumerate(params):
            label = p.get("name") or ""
            if not label or _ARG.match(label):
                gaps.append(f"{where} {what} {i} ({p['type']}) is {label or 'unnamed'}")
            if p.get("components"):
                fields(f"{where} {what} {label or i}", p["components"], "field")

    for item in abi:
        if item["type"] not in ("function", "event"):
            continue
        where = f"{name}.{item['name']}"
        fields(where, item.get("inputs", []), "parameter")
        outputs = item.get("outputs", [])
        if len(outputs) > 1:
            unnamed = [o for o in outputs if not o.get("name")]
            if unnamed:
                types = ", ".join(o["type"] for o in outputs)
                gaps.append(f"{where} returns an anonymous tuple ({types})")
        for o in outputs:
            if o.get("components"):
                fields(f"{where} output", o["components"], "field")
    return gaps


def all_gaps(project, book: dict) -> list[str]:
    """naming_gaps of every exported ABI the suite compiles (an npm artifact's ABI is its author's)."""
    npm = artifacts(book)
    return [
        g
        for name in exported_names(book)
        if name not in npm
        for g in naming_gaps(name, contract_abi(project, name))
    ]


_HEADER = """\
// Generated by `ape run export` (fivefold/abi.py) from the compiled contracts and the deployment
// manifests: do not edit. Every ABI is `as const`, so viem and wagmi (through abitype) infer
// function names, argument and return types; ethers v6 takes the same arrays. docs/integration.md
// shows both.
"""


def _ts_literal(value) -> str:
    return json.dumps(value, ensure_ascii=True)


def typescript(abis: dict[str, list[dict]], book: dict) -> str:
    """abi/index.ts: `<Name>Abi` per contract, `abis`, `deployments` and `addresses` by chain id."""
    out = [_HEADER]
    for name, abi in abis.items():
        items = ",\n".join(f"  {_ts_literal(item)}" for item in abi)
        out.append(f"export const {name}Abi = [\n{items},\n] as const;\n")
    out.append("/** Contract (ABI) name -> ABI. */")
    out.append("export const abis = {\n" + "".join(f"  {n}: {n}Abi,\n" for n in abis) + "} as const;\n")
    out.append("export type ContractName = keyof typeof abis;\n")
    out.append(
        "/** Chain id -> the chain's deployment: contracts (address, ABI name, block, tx) and assets. */"
    )
    chains = "".join(
        f"  {cid}: {json.dumps(entry, indent=2, ensure_ascii=True).replace(chr(10), chr(10) + '  ')},\n"
        for cid, entry in book.items()
    )
    out.append("export const deployments = {\n" + chains + "} as const;\n")
    out.append("export type ChainId = keyof typeof deployments;\n")
    out.append("/** Chain id -> contract name -> address. */")
    addrs = "".join(
        f"  {cid}: {{\n"
        + "".join(
            f"    {_ts_literal(n)}: {_ts_literal(r['address'])},\n" for n, r in entry["contracts"].items()
        )
        + "  },\n"
        for cid, entry in book.items()
    )
    out.append("export const addresses = {\n" + addrs + "} as const;\n")
    return "\n".join(out)


def default_out() -> Path:
    """abi/ for the manifests in deployments/; for manifests elsewhere (FIVEFOLD_DEPLOYMENTS_DIR:
    the demo's local chains) an `abi` directory beside them, so local addresses never land in abi/."""
    directory = manifest_mod.directory()
    return ABI_DIR if directory == manifest_mod.DEPLOYMENTS_DIR else directory.parent / "abi"


def export(project, manifests: dict[int, dict], out: Path = ABI_DIR) -> list[Path]:
    """Writes the ABIs, their NatSpec, the address book and index.ts into `out`."""
    previous = (out / "addresses.json").exists()  # a directory an earlier export wrote
    out.mkdir(parents=True, exist_ok=True)
    book = addressbook.book(manifests)
    npm = artifacts(book)
    abis = {name: contract_abi(project, name, npm.get(name)) for name in exported_names(book)}
    written = []

    def write(path: Path, text: str) -> None:
        path.write_text(text)
        written.append(path)

    for name, abi in abis.items():
        write(out / f"{name}.json", json.dumps(abi, indent=2) + "\n")
        write(
            out / f"{name}.natspec.json",
            json.dumps(natspec(project, name, npm.get(name)), indent=2, sort_keys=True) + "\n",
        )
    write(out / "addresses.json", json.dumps(book, indent=2) + "\n")
    write(out / "index.ts", typescript(abis, book))
    if previous:  # files of contracts no longer exported
        for stale in sorted(p for p in out.iterdir() if p.suffix in (".json", ".ts") and p not in written):
            stale.unlink()
    return written


def run(out: Path | None = None, gaps: bool = False, local: bool = False) -> None:
    """`ape run export`: ABIs, NatSpec, the address book and index.ts into `out` (default abi/),
    a table per chain, and the ABI parameters and outputs without a name (listed with `gaps`).
    `local`: the address book of the `make up` chains (deployments/local/), not the live ones."""
    from ape import project

    from fivefold import addressbook, manifest, ui

    manifests = manifest.load_all(kind=manifest.LOCAL if local else manifest.LIVE)
    out = out or default_out()
    written = export(project, manifests, out)
    book = addressbook.book(manifests)
    ui.table(
        f"Exported for dApps into {out}/ ({len(written)} files)",
        ["chain id", "chain", "contracts", "assets"],
        [
            (cid, c["chain"] + (" (local)" if c["local"] else ""), len(c["contracts"]), len(c["assets"]))
            for cid, c in book.items()
        ]
        or [("-", "no deployments/*.json manifest: ABIs only", 0, 0)],
    )
    found = all_gaps(project, book)
    if gaps:
        ui.table("ABI naming gaps", ["unnamed"], [(g,) for g in found] or [("none",)])
    elif found:
        ui.console.print(
            f"{len(found)} unnamed ABI parameter(s)/output(s): `ape run export --gaps` lists them"
        )

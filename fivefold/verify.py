"""Source verification payloads: Vyper standard-JSON input plus what an explorer needs.

Etherscan, BscScan and PolygonScan take it through ape-etherscan (`ape run verify`); OKT Chain's
explorer has no API that ape-etherscan supports, so the same payload is written to a file for its
web form (docs/deploy.md describes the manual step).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

from fivefold import abi, manifest, session, ui
from fivefold.config import chain_name

COMPILER = "vyper:0.4.3"
EVM_VERSION = "paris"
LICENSE_AGPL3 = 13  # Etherscan's license code for AGPL-3.0
OUT = Path("out/verify")
SUBMIT = {"ethereum", "bsc", "polygon"}  # chains whose explorer ape-etherscan submits to


def _portable(path: str) -> str:
    """Installed packages (snekmate) appear under their import path, as the compiler resolves them."""
    return path.split("site-packages/", 1)[1] if "site-packages/" in path else path


def standard_json(source: Path) -> dict:
    """The compiler's standard-JSON input for `source`, as `vyper -f solc_json` writes it (built once
    per source file, however many contracts share it: the five tokens are one CappedToken)."""
    return copy.deepcopy(_standard_json(str(source)))


@cache
def _standard_json(source: str) -> dict:
    # What `vyper -f solc_json` writes, built in this process without its code generation pass
    # (Ape has compiled every source already): one vyper process a source cost about 2-7 s each.
    from vyper.cli.vyper_compile import get_search_paths
    from vyper.compiler.input_bundle import FilesystemInputBundle
    from vyper.compiler.output_bundle import SolcJSONWriter
    from vyper.compiler.phases import CompilerData
    from vyper.compiler.settings import Settings

    bundle = FilesystemInputBundle(get_search_paths(None, include_sys_path=True))
    try:
        options = Settings(evm_version=EVM_VERSION)
        writer = SolcJSONWriter(CompilerData(bundle.load_file(Path(source)), bundle, settings=options))
        writer.write()
    except Exception as exc:  # a vyper error names the file and line itself
        raise RuntimeError(f"vyper standard-JSON input of {source} failed:\n{exc}") from exc
    data = writer.output()
    data["sources"] = {_portable(k): v for k, v in data["sources"].items()}
    settings = data.setdefault("settings", {})
    settings["evmVersion"] = EVM_VERSION
    settings["search_paths"] = ["."]
    return data


def constructor_arguments(project, contract_type: str, args: list, ecosystem) -> str:
    container = getattr(project, contract_type)
    if not args:
        return ""
    return ecosystem.encode_calldata(container.constructor.abi, *args).hex()


def payload(project, name: str, record: dict, ecosystem) -> dict:
    """Everything an explorer's verify endpoint takes, for one manifest record."""
    contract_type = record["contract_type"]
    source = abi.deployable_sources()[contract_type]
    return {
        "contractaddress": record["address"],
        "contractname": f"{source.as_posix()}:{contract_type}",
        "compilerversion": COMPILER,
        "codeformat": "vyper-json",
        "evmversion": EVM_VERSION,
        "licenseType": LICENSE_AGPL3,
        "optimizationUsed": 1,
        "constructorArguements": constructor_arguments(project, contract_type, record["args"], ecosystem),
        "sourceCode": standard_json(source),
        "name": name,
    }


def write(payload_: dict, chain: str) -> Path:
    path = OUT / chain / f"{payload_['name']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload_, indent=2) + "\n")
    return path


def run(provider, payload_only: bool = False) -> None:
    """`ape run verify`: for every contract in the connected chain's manifest, write its payload and,
    where ape-etherscan serves the chain and not `payload_only`, submit it; a table says which."""
    from ape import project

    session.prepare(provider)
    chain_id = provider.chain_id
    name = chain_name(chain_id)
    records = manifest.load(chain_id)["contracts"]
    if not records:
        from ape import chain

        from fivefold.deployment import nothing_deployed_hint

        ui.fail(
            f"nothing to verify on chain {chain_id}: {manifest.describe(chain_id)} is missing or empty; "
            f"{nothing_deployed_hint(chain)}"
        )
    sources = abi.deployable_sources()
    rows = []
    for contract, record in records.items():
        if record.get("blueprint"):
            rows.append(
                (contract, record["address"], "blueprint (ERC-5202): its source is that of its contract type")
            )
            continue
        if record.get("artifact"):
            rows.append((contract, record["address"], f"npm build artifact {record['artifact']}: not ours"))
            continue
        if record["contract_type"] not in sources:
            rows.append((contract, record["address"], "local double (contracts/mocks): not verified"))
            continue
        path = write(payload(project, contract, record, provider.network.ecosystem), name)
        status = f"written to {path}"
        if name in SUBMIT and not payload_only:
            explorer = provider.network.explorer
            if explorer is None:
                ui.fail(f"no explorer plugin for {name}: install ape-etherscan (make setup does)")
            explorer.publish_contract(record["address"])
            status = "submitted"
        rows.append((contract, record["address"], status))
    ui.table(f"Source verification on {name}", ["contract", "address", "status"], rows)
    if name == "oktc":
        ui.console.print("OKT Chain: upload each file on the explorer's verify page (docs/deploy.md)")

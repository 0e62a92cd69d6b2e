"""ABIs: what dApps consume (`ape run export`) and the interface-drift check.

Every deployable contract `contracts/<domain>/<Name>.vy` has `interfaces/I<Name>.vyi`; the ABI the
compiler derives from the interface must equal the contract's external ABI (no drift).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

INTERFACES = Path("interfaces")
CONTRACTS = Path("contracts")
ABI_DIR = Path("abi")
# Not deployed by the suite: test doubles and gas references.
NOT_DEPLOYABLE_DIRS = ("mocks",)


def deployable_sources(root: Path = Path(".")) -> dict[str, Path]:
    """Contract name -> source, for every CamelCase .vy outside contracts/mocks."""
    out = {}
    for path in sorted((root / CONTRACTS).rglob("*.vy")):
        if any(part in NOT_DEPLOYABLE_DIRS for part in path.parts) or not path.stem[:1].isupper():
            continue
        out[path.stem] = path
    return out


def compile_abi(path: Path) -> list[dict]:
    vyper = Path(sys.executable).with_name("vyper")
    out = subprocess.run([str(vyper), "-f", "abi", str(path)], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"vyper -f abi {path} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def normalize(abi: list[dict]) -> set[str]:
    """Functions and events, with names and types, in a comparable form (constructors excluded)."""
    keys = ("type", "name", "inputs", "outputs", "stateMutability", "anonymous")
    return {json.dumps({k: item.get(k) for k in keys}, sort_keys=True) for item in abi if item["type"] in ("function", "event")}


def drift(contract: Path, interface: Path) -> tuple[set[str], set[str]]:
    """(entries only in the contract, entries only in the interface)."""
    c, i = normalize(compile_abi(contract)), normalize(compile_abi(interface))
    return c - i, i - c


def export(project, deployments: dict[int, dict], out: Path = ABI_DIR) -> list[Path]:
    """abi/<Contract>.json for every deployable contract, and abi/deployments.json."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in deployable_sources():
        container = getattr(project, name)
        path = out / f"{name}.json"
        path.write_text(json.dumps([item.model_dump(mode="json", by_alias=True) for item in container.contract_type.abi], indent=2) + "\n")
        written.append(path)
    index = {
        str(chain_id): {name: record["address"] for name, record in sorted(m["contracts"].items())}
        for chain_id, m in sorted(deployments.items())
    }
    types = {name: record["contract_type"] for m in deployments.values() for name, record in m["contracts"].items()}
    path = out / "deployments.json"
    path.write_text(json.dumps({"chains": index, "contract_types": dict(sorted(types.items()))}, indent=2) + "\n")
    written.append(path)
    return written

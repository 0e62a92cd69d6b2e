"""deployments/<chain-id>.json: what is deployed where, written as deployment proceeds."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

DEPLOYMENTS_DIR = Path("deployments")
# `make demo` and the fork tests point this elsewhere so local stand-in chains with real chain ids
# never overwrite the manifests of the real networks.
ENV_DIR = "FIVEFOLD_DEPLOYMENTS_DIR"


def directory(root: Path = Path(".")) -> Path:
    return Path(os.environ[ENV_DIR]) if os.environ.get(ENV_DIR) else root / DEPLOYMENTS_DIR


def path_for(chain_id: int, root: Path = Path(".")) -> Path:
    return directory(root) / f"{chain_id}.json"


def load(chain_id: int, root: Path = Path(".")) -> dict[str, Any]:
    path = path_for(chain_id, root)
    if not path.exists():
        return {"chain_id": chain_id, "contracts": {}}
    data = json.loads(path.read_text())
    data.setdefault("contracts", {})
    return data


def save(manifest: dict[str, Any], root: Path = Path(".")) -> Path:
    path = path_for(manifest["chain_id"], root)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    tmp.replace(path)  # atomic: an interruption never leaves half a manifest
    return path


def load_all(root: Path = Path(".")) -> dict[int, dict[str, Any]]:
    out = {}
    for path in sorted(directory(root).glob("*.json")):
        data = json.loads(path.read_text())
        out[int(data["chain_id"])] = data
    return out

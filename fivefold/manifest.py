"""Deployment manifests: what is deployed where, written as deployment proceeds.

Three kinds of chain, kept apart so a local stand-in never overwrites a live chain's record:

  live       a real network (any non-loopback RPC)   deployments/<chain-id>.json (commit these)
  local      a node on loopback that outlives the    deployments/local/<chain-id>.json (ignored by git;
             command (`make up`, `ape run demo`)      `make up` prints their paths)
  ephemeral  a node this process started and stops   kept in memory for this process only: the
             when it exits (ape's default local       chain is gone when the command exits, and a
             network, tests)                          file would point later commands at nothing

FIVEFOLD_DEPLOYMENTS_DIR replaces `deployments/` for every kind (tests, the fork tests), and then
ephemeral chains are written there too: whoever sets it asked for files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

DEPLOYMENTS_DIR = Path("deployments")
LOCAL_DIR = "local"
ENV_DIR = "FIVEFOLD_DEPLOYMENTS_DIR"

LIVE, LOCAL, EPHEMERAL = "live", "local", "ephemeral"
KINDS = (LIVE, LOCAL, EPHEMERAL)

# Ephemeral chains' manifests, by chain id, for the life of this process.
_memory: dict[int, dict[str, Any]] = {}


def _loopback(provider) -> bool:
    from urllib.parse import urlparse

    uri = getattr(provider, "uri", None) or getattr(provider, "http_uri", None) or ""
    return (urlparse(uri).hostname or "") in ("127.0.0.1", "localhost", "::1")


def kind_of(provider) -> str:
    """`ephemeral` if this process started the node (ape-foundry's managed anvil, ape's test
    provider), `local` for another loopback node, `live` otherwise."""
    if getattr(provider, "process", None) is not None or provider.name == "test":
        return EPHEMERAL
    return LOCAL if _loopback(provider) else LIVE


def current_kind(chain_id: int) -> str:
    """The kind of the connected chain if it has `chain_id` (the usual case: a command reads the
    manifest of the chain it is connected to), else `live` (reading a committed record)."""
    try:
        from ape import networks

        provider = networks.active_provider
        if provider is not None and provider.is_connected and provider.chain_id == chain_id:
            return kind_of(provider)
    except Exception:  # noqa: BLE001 - not connected, or the node went away: a file is what is left
        pass
    return LIVE


def directory(kind: str = LIVE, root: Path = Path(".")) -> Path:
    base = Path(os.environ[ENV_DIR]) if os.environ.get(ENV_DIR) else root / DEPLOYMENTS_DIR
    if os.environ.get(ENV_DIR):
        return base
    return base / LOCAL_DIR if kind == LOCAL else base


def _in_memory(kind: str) -> bool:
    return kind == EPHEMERAL and not os.environ.get(ENV_DIR)


def path_for(chain_id: int, root: Path = Path("."), kind: str | None = None) -> Path | None:
    """Where the manifest of `chain_id` lives (None: in memory only, an ephemeral chain)."""
    kind = kind or current_kind(chain_id)
    return None if _in_memory(kind) else directory(kind, root) / f"{chain_id}.json"


def describe(chain_id: int, kind: str | None = None) -> str:
    """How messages name the manifest: its path, or what stands for it on an ephemeral chain."""
    path = path_for(chain_id, kind=kind)
    return str(path) if path else f"the in-memory manifest of chain {chain_id} (ephemeral: not written)"


def load(chain_id: int, root: Path = Path("."), kind: str | None = None) -> dict[str, Any]:
    kind = kind or current_kind(chain_id)
    if _in_memory(kind):
        return json.loads(json.dumps(_memory.get(chain_id) or {"chain_id": chain_id, "contracts": {}}))
    path = path_for(chain_id, root, kind)
    if not path.exists():
        return {"chain_id": chain_id, "contracts": {}}
    data = json.loads(path.read_text())
    data.setdefault("contracts", {})
    return data


def save(manifest: dict[str, Any], root: Path = Path("."), kind: str | None = None) -> Path | None:
    """Writes the manifest (atomically) where its kind says; returns the path (None: memory)."""
    chain_id = int(manifest["chain_id"])
    kind = kind or current_kind(chain_id)
    manifest["kind"] = kind
    if _in_memory(kind):
        _memory[chain_id] = json.loads(json.dumps(manifest))
        return None
    path = path_for(chain_id, root, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    tmp.replace(path)  # atomic: an interruption never leaves half a manifest
    return path


def load_all(root: Path = Path("."), kind: str = LIVE) -> dict[int, dict[str, Any]]:
    """Every manifest of one kind (`live`: the committed ones; `local`: the running local chains')."""
    return load_dir(directory(kind, root))


def load_dir(folder: Path) -> dict[int, dict[str, Any]]:
    """Chain id -> manifest, for every manifest in `folder` (the demo's, for one)."""
    out = {}
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text())
        out[int(data["chain_id"])] = data
    return out

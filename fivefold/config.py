"""Per-chain deployment configuration: deploy/suite.yaml plus deploy/<chain>.yaml, validated.

Every error names the file, the key, and what to put there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from fivefold import units

DEPLOY_DIR = Path("deploy")
CHAIN_FILES = {1: "ethereum", 56: "bsc", 137: "polygon", 66: "oktc", 31337: "local"}
TOKENS = ("CMDT", "CC", "HPC", "CPC", "CARTY")
REQUIRED = ("owner", "treasury")


class ConfigError(Exception):
    """A configuration problem, with the fix in its message."""


def _load_yaml(path: Path) -> dict:
    if not path.exists():
        raise ConfigError(f"{path} is missing: create it (see deploy/bsc.yaml for the layout)")
    data = yaml.safe_load(path.read_text()) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must be a YAML mapping")
    return data


def chain_name(chain_id: int) -> str:
    try:
        return CHAIN_FILES[chain_id]
    except KeyError:
        known = ", ".join(f"{n} ({i})" for i, n in CHAIN_FILES.items())
        raise ConfigError(f"chain id {chain_id} has no deploy config; known chains: {known}") from None


def load(chain_id: int, profile: str, root: Path = Path(".")) -> dict[str, Any]:
    """The merged config of one chain and profile (`live` or `local`), checked for missing keys."""
    deploy_dir = root / DEPLOY_DIR
    suite = _load_yaml(deploy_dir / "suite.yaml")
    name = chain_name(chain_id)
    path = deploy_dir / f"{name}.yaml"
    chain_file = _load_yaml(path)
    if chain_file.get("chain_id") != chain_id:
        raise ConfigError(
            f"{path} says chain_id {chain_file.get('chain_id')} but the connected chain is {chain_id}: "
            "connect to the right network or fix chain_id in the file"
        )
    profiles = chain_file.get("profiles") or {}
    if profile not in profiles:
        raise ConfigError(f"{path} has no profile {profile!r} under `profiles:`; it has {sorted(profiles)}")
    settings = dict(profiles[profile] or {})
    for key in REQUIRED:
        if not settings.get(key):
            raise ConfigError(
                f"{path}: profiles.{profile}.{key} is not set: put the {key} address there "
                "(the Safe or timelock for `owner`, the treasury Safe for `treasury`)"
            )
    tokens = suite.get("tokens") or {}
    for symbol in TOKENS:
        for key in ("name", "cap", "home"):
            if key not in (tokens.get(symbol) or {}):
                raise ConfigError(f"{deploy_dir / 'suite.yaml'}: tokens.{symbol}.{key} is missing")
    home_all = bool(chain_file.get("home_all"))
    home = [s for s in TOKENS if home_all or tokens[s]["home"] == name]
    return {
        **suite,
        **settings,
        "chain": name,
        "chain_id": chain_id,
        "profile": profile,
        "home": home,
        "local": bool(settings.get("local")),
        "recipients": settings.get("recipients") or {},
    }


def wei(amount) -> int:
    """A config amount (int, or a string with decimals) in wei."""
    return units.to_wei(str(amount).replace("_", ""))

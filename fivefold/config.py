"""Per-chain deployment configuration: deploy/suite.yaml plus deploy/<chain>.yaml, validated.

Every error names the file, the key, and what to put there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from eth_utils import to_checksum_address

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
    try:
        data = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        raise ConfigError(
            f"{where}: YAML syntax error: {problem}{f' ({context})' if context else ''}: fix that line "
            "(indentation, a missing colon or quote)"
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must be a YAML mapping")
    return data


# --- addresses: every address in deploy/<chain>.yaml is checked before the first transaction

ZERO_ADDRESS = "0x" + "00" * 20
_HEX40 = re.compile(r"^0x[0-9a-fA-F]{40}$")
# Keys (under profiles.<profile>) that hold addresses; `*` is any key of a mapping, `[]` any item of a
# list. `True`: a contract must be there (checked against the chain before deploying).
ADDRESS_KEYS: dict[str, bool] = {
    "owner": False,  # a Safe or timelock on a live chain; a test account on local profiles
    "treasury": False,
    "bridge.mailbox": True,
    "wrapped_native": True,
    "recipients.*": False,
    "price_feeds.*": True,
    "payouts.operators[]": False,
    "payouts.usdt": True,
    "payouts.assets.*": True,
    "payouts.unsupported[]": True,
    "lending.stablecoin": True,
    "governance.committee[]": False,
    "governance.authenticators[]": False,
    "nodes.validators[]": False,
    "nodes.reporters[]": False,
    "dex.factory": True,
    "dex.router": True,
}

# `dex:` (optional): the chain's Uniswap-v2-compatible DEX (fivefold/nft/dex.py). Without it a local
# profile deploys Uniswap v2 itself from the npm artifacts.
DEX_KEYS = ("name", "factory", "router", "init_code_hash", "source")
_HASH = re.compile(r"^0x[0-9a-f]{64}$")


@dataclass(frozen=True)
class AddressSetting:
    """One address read from a chain file: where it is written, and whether it must be a contract."""

    file: Path
    key: str  # e.g. profiles.live.owner
    line: int | None
    address: str  # checksummed
    contract: bool

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else str(self.file)


def _lines(path: Path) -> dict[str, int]:
    """Dotted key path -> 1-based line of its value, for messages that point at the line."""
    out: dict[str, int] = {}

    def walk(node, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = f"{prefix}.{k.value}" if prefix else str(k.value)
                out[key] = v.start_mark.line + 1
                walk(v, key)
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                key = f"{prefix}[{i}]"
                out[key] = v.start_mark.line + 1
                walk(v, key)

    try:
        walk(yaml.compose(path.read_text()), "")
    except (OSError, yaml.YAMLError):
        pass
    return out


def _expand(settings: dict, pattern: str) -> list[tuple[str, Any]]:
    """(key path, value) for every place `pattern` matches in `settings`."""
    found: list[tuple[str, Any]] = [("", settings)]
    for part in pattern.split("."):
        many = part.endswith("[]")
        name = part[:-2] if many else part
        nxt = []
        for key, node in found:
            if not isinstance(node, dict):
                continue
            items = list(node.items()) if name == "*" else ([(name, node[name])] if name in node else [])
            for k, v in items:
                path = f"{key}.{k}" if key else str(k)
                if many:
                    nxt += (
                        [(f"{path}[{i}]", x) for i, x in enumerate(v or [])]
                        if isinstance(v, list)
                        else [(path, v)]
                    )
                else:
                    nxt.append((path, v))
        found = nxt
    return found


def check_address(value: Any, where: str, key: str) -> str:
    """The checksummed address in `value`, or ConfigError naming `where`, `key` and the fix."""
    said = f"{where}: {key}"
    if isinstance(value, int) and not isinstance(value, bool):
        raise ConfigError(
            f'{said} is a number (YAML reads an unquoted 0x... as one): write the address in quotes, "0x..."'
        )
    if not isinstance(value, str) or not _HEX40.match(value.strip()):
        raise ConfigError(
            f"{said} = {value!r} is not an address (0x and 40 hex digits): put the full address there"
        )
    value = value.strip()
    checksummed = to_checksum_address(value)
    if checksummed == ZERO_ADDRESS:
        raise ConfigError(
            f"{said} is the zero address: put a real address there (or remove the key if it is optional)"
        )
    body = value[2:]
    if body in (body.lower(), body.upper()):
        raise ConfigError(
            f"{said} = {value} has no EIP-55 checksum (all one case), so a typo would go unnoticed: copy the "
            f"checksummed form from its source and compare it with {checksummed}"
        )
    if value != checksummed:
        raise ConfigError(
            f"{said} = {value} fails its EIP-55 checksum: one character is probably mistyped; "
            f"copy the address "
            "again from its source (do not just re-checksum it)"
        )
    return checksummed


def addresses(settings: dict, path: Path, profile: str) -> list[AddressSetting]:
    """Checks format, checksum and zero for every address key of `settings` (profiles.<profile>);
    returns them with the line they are on, so `check_code` can ask the chain about contracts."""
    lines = _lines(path)
    out = []
    for pattern, contract in ADDRESS_KEYS.items():
        for key, value in _expand(settings, pattern):
            if value is None:
                continue  # optional and unset (required keys are checked by `load`)
            full = f"profiles.{profile}.{key}"
            line = lines.get(full)
            where = f"{path}:{line}" if line else str(path)
            out.append(AddressSetting(path, full, line, check_address(value, where, full), contract))
    return out


def check_code(cfg: dict, get_code: Callable[[str], bytes]) -> None:
    """Where the config names a contract, the chain must have code there; ConfigError otherwise."""
    for entry in cfg.get("addresses") or []:
        if entry.contract and len(get_code(entry.address)) == 0:
            raise ConfigError(
                f"{entry.where}: {entry.key} = {entry.address} has no code on chain {cfg['chain_id']}, but a "
                "contract must be there: wrong address or wrong network (check it on the chain's explorer)"
            )


def check_dex(settings: dict, path: Path, profile: str) -> None:
    """The `dex:` block, if any: a mapping of exactly DEX_KEYS (addresses are checked with the others),
    its pair init-code hash 0x and 64 lower-case hex digits, its name and source non-empty text."""
    dex = settings.get("dex")
    if dex is None:
        return
    where = f"{path}: profiles.{profile}.dex"
    if not isinstance(dex, dict):
        raise ConfigError(f"{where} must be a mapping with the keys {', '.join(DEX_KEYS)}")
    missing = [k for k in DEX_KEYS if dex.get(k) in (None, "")]
    unknown = sorted(set(dex) - set(DEX_KEYS))
    if missing or unknown:
        raise ConfigError(
            f"{where}: "
            + "; ".join(
                ([f"missing {', '.join(missing)}"] if missing else [])
                + ([f"unknown {', '.join(unknown)}"] if unknown else [])
            )
            + f": it takes exactly {', '.join(DEX_KEYS)}"
        )
    if not isinstance(dex["init_code_hash"], str) or not _HASH.match(dex["init_code_hash"]):
        raise ConfigError(
            f"{where}.init_code_hash = {dex['init_code_hash']!r} is not a pair init-code hash: write "
            '"0x" and 64 lower-case hex digits in quotes (the DEX library\'s pairFor constant)'
        )
    for key in ("name", "source"):
        if not isinstance(dex[key], str):
            raise ConfigError(f"{where}.{key} must be text (quote it)")


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
        if tokens[symbol]["home"] not in CHAIN_FILES.values():
            known = ", ".join(n for n in CHAIN_FILES.values() if n != "local")
            raise ConfigError(
                f"{deploy_dir / 'suite.yaml'}: tokens.{symbol}.home = {tokens[symbol]['home']!r} is not a "
                f"chain of the suite: write one of {known} (its chain id is the token's constructor argument)"
            )
    found = addresses(settings, path, profile)
    check_dex(settings, path, profile)
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
        "addresses": found,
    }


def wei(amount) -> int:
    """A config amount (int, or a string with decimals) in wei."""
    return units.to_wei(str(amount).replace("_", ""))

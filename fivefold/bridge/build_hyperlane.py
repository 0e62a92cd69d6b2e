"""Compiles the Hyperlane contracts the suite deploys from the pinned npm package with the pinned
solc-js, into a git-ignored cache: `python -m fivefold.bridge.build_hyperlane` (`make setup` runs it
when package-lock.json changes, through the `.make/hyperlane` stamp; nothing is downloaded).

Only what the suite deploys is compiled, with everything it imports (`ROOTS`): the Mailbox, the
MerkleTreeHook (required hook: every message enters the tree validators checkpoint), ProtocolFee
(the default hook, with a zero fee locally), the storage variant of the message-id multisig ISM
(validators and threshold set by its constructor, so the CREATE2 deployer can create it), the
HypXERC20 warp route and OpenZeppelin 4.9.3's TransparentUpgradeableProxy in front of it (its
constructor disables initializers: only a proxy can be initialized with an owner).

The compiler settings are the package's own: `dist/buildArtifact.json` is the standard JSON input
Hyperlane built this release with (solc 0.8.33, optimizer on with 3,599 runs, EVM cancun); the
script reuses its `settings` (output selection narrowed to what a deployment needs) and checks that
the pinned solc is the release's. Each contract is written as `<Name>.json` (`abi`, `bytecode`,
`evm.deployedBytecode.object`, the Waffle layout `fivefold.abi.artifact_type` reads) under
`ARTIFACTS`, the name `Deployable(artifact="hyperlane/<Name>.json")` resolves.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from fivefold import solcjs

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "node_modules" / "@hyperlane-xyz" / "core"
SOLCJS = ROOT / "node_modules" / "solc" / "solc.js"
# Where the compiled contracts go (git-ignored: .cache/).
ARTIFACTS = ROOT / ".cache" / "hyperlane"
# Import prefixes -> folders of the package's vendored dependencies (its foundry remappings).
REMAPPINGS = {
    "@openzeppelin/contracts-upgradeable/": (
        "dependencies/@openzeppelin-contracts-upgradeable-4.9.3/contracts/"
    ),
    "@openzeppelin/contracts/": "dependencies/@openzeppelin-contracts-4.9.3/contracts/",
}
# Source file -> contracts of it the suite deploys.
ROOTS = {
    "contracts/Mailbox.sol": ["Mailbox"],
    "contracts/hooks/MerkleTreeHook.sol": ["MerkleTreeHook"],
    "contracts/hooks/ProtocolFee.sol": ["ProtocolFee"],
    "contracts/isms/multisig/StorageMultisigIsm.sol": ["StorageMessageIdMultisigIsm"],
    "contracts/token/extensions/HypXERC20.sol": ["HypXERC20"],
    "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol": [
        "TransparentUpgradeableProxy"
    ],
}


def _file(source: str) -> Path:
    """The package file behind a source unit name (remapped for vendored dependencies)."""
    for prefix, folder in REMAPPINGS.items():
        if source.startswith(prefix):
            return PACKAGE / folder / source.removeprefix(prefix)
    return PACKAGE / source


def sources() -> dict[str, dict]:
    """Every source unit the roots reach through their imports, with its content."""
    return solcjs.sources(ROOTS, _file)


def standard_input() -> dict:
    """The standard JSON input: the roots' sources and the release's own compiler settings."""
    release = json.loads((PACKAGE / "dist" / "buildArtifact.json").read_text())
    settings = dict(release["input"]["settings"])
    settings["outputSelection"] = {
        name: {c: ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] for c in contracts}
        for name, contracts in ROOTS.items()
    }
    return {"language": "Solidity", "sources": sources(), "settings": settings}


def release_solc() -> str:
    """The solc version Hyperlane built this release with (e.g. 0.8.33)."""
    release = json.loads((PACKAGE / "dist" / "buildArtifact.json").read_text())
    return release["solcLongVersion"].split("+")[0]


def pinned_solc() -> str:
    """The version of the solc-js package pinned in package.json."""
    return solcjs.version(SOLCJS.parent)


def compile_all() -> dict:
    """Runs solc-js on the standard JSON input; returns its output or raises naming the errors."""
    if pinned_solc() != release_solc():
        raise RuntimeError(
            f"solc {pinned_solc()} is pinned but @hyperlane-xyz/core was built with "
            f"{release_solc()}: "
            "pin the same `solc` version in package.json"
        )
    try:
        return solcjs.compile_json(SOLCJS.parent, standard_input(), ARTIFACTS / "solc-output.json")
    except solcjs.SolcError as exc:
        raise RuntimeError(str(exc)) from None


def write(output: dict) -> list[Path]:
    """One Waffle-layout JSON per root contract under ARTIFACTS; refuses unlinked libraries."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    written = []
    for source, names in ROOTS.items():
        for name in names:
            compiled = output["contracts"][source][name]
            bytecode = compiled["evm"]["bytecode"]["object"]
            runtime = compiled["evm"]["deployedBytecode"]["object"]
            if "__$" in bytecode:
                raise RuntimeError(f"{name} needs library linking, which the suite does not do")
            path = ARTIFACTS / f"{name}.json"
            artifact = {
                "contractName": name,
                "sourceName": source,
                "compiler": f"solc {pinned_solc()}",
                "abi": compiled["abi"],
                "bytecode": bytecode,
                "evm": {"deployedBytecode": {"object": runtime}},
            }
            path.write_text(json.dumps(artifact))
            written.append(path)
    return written


def main() -> None:
    """Compile and write the artifacts, saying how long it took."""
    started = time.monotonic()
    paths = write(compile_all())
    names = ", ".join(p.stem for p in paths)
    print(f"hyperlane: {names} compiled into {ARTIFACTS} in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    try:
        main()
    except (RuntimeError, FileNotFoundError) as exc:
        sys.exit(f"error: build_hyperlane: {exc}")

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
import re
import subprocess
import sys
import time
from pathlib import Path

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
# solc-js's compile() on stdin's standard JSON, the output written to the file named by argv[2].
_NODE = (
    "const solc = require(process.argv[1]); const fs = require('fs');"
    "fs.writeFileSync(process.argv[2], solc.compile(fs.readFileSync(0, 'utf8')));"
)
_IMPORT = re.compile(r'^\s*import\s+(?:[^"\']*?\s+from\s+)?["\']([^"\']+)["\']', re.MULTILINE)


def _file(source: str) -> Path:
    """The package file behind a source unit name (remapped for vendored dependencies)."""
    for prefix, folder in REMAPPINGS.items():
        if source.startswith(prefix):
            return PACKAGE / folder / source.removeprefix(prefix)
    return PACKAGE / source


def _resolve(importer: str, target: str) -> str:
    """The source unit name of `target` imported from `importer` (relative or remapped)."""
    if not target.startswith("."):
        return target
    parts = importer.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def sources() -> dict[str, dict]:
    """Every source unit the roots reach through their imports, with its content."""
    found: dict[str, dict] = {}
    todo = list(ROOTS)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        text = _file(name).read_text()
        found[name] = {"content": text}
        todo.extend(_resolve(name, target) for target in _IMPORT.findall(text))
    return found


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
    return json.loads((SOLCJS.parent / "package.json").read_text())["version"]


def compile_all() -> dict:
    """Runs solc-js on the standard JSON input; returns its output or raises naming the errors."""
    if pinned_solc() != release_solc():
        raise RuntimeError(
            f"solc {pinned_solc()} is pinned but @hyperlane-xyz/core was built with "
            f"{release_solc()}: "
            "pin the same `solc` version in package.json"
        )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out = ARTIFACTS / "solc-output.json"
    # solc-js's CLI exits before a large stdout is flushed to a pipe: the output goes to a file
    subprocess.run(
        ["node", "-e", _NODE, str(SOLCJS.parent), str(out)],
        input=json.dumps(standard_input()),
        text=True,
        check=True,
    )
    output = json.loads(out.read_text())
    out.unlink()
    errors = [e for e in output.get("errors", []) if e["severity"] == "error"]
    if errors:
        raise RuntimeError("\n".join(e["formattedMessage"] for e in errors))
    return output


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
    except (RuntimeError, subprocess.CalledProcessError, FileNotFoundError) as exc:
        sys.exit(f"error: build_hyperlane: {exc}")

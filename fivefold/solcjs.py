"""Solidity from npm packages, compiled with the pinned solc-js (the root package.json's `solc`):
the import closure of a few root files, and one standard-JSON compile.

Used by the bridge (fivefold/bridge/build_hyperlane.py: Hyperlane's contracts at `make setup`) and
the gas bench (fivefold/assurance/build_bench.py: the reference implementations at `make bench`).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

# solc-js's compile() on stdin's standard JSON, its output written to the file named by argv[2]:
# solc-js's own CLI exits before a large stdout is flushed to a pipe.
_NODE = (
    "const solc = require(process.argv[1]); const fs = require('fs');"
    "fs.writeFileSync(process.argv[2], solc.compile(fs.readFileSync(0, 'utf8')));"
)
_IMPORT = re.compile(r'^\s*import\s+(?:[^"\']*?\s+from\s+)?["\']([^"\']+)["\']', re.MULTILINE)


class SolcError(Exception):
    """solc-js could not run, or the sources do not compile (the message lists the errors)."""


def resolve(importer: str, target: str) -> str:
    """The source unit name of `target` imported from `importer` (a relative path resolved against
    the importer's folder; anything else is a package path, kept as it is)."""
    if not target.startswith("."):
        return target
    parts = importer.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def sources(roots: Iterable[str], file_of: Callable[[str], Path]) -> dict[str, dict]:
    """Every source unit the roots reach through their imports, {name: {"content": text}}, sorted;
    `file_of(name)` is the file behind a source unit name (it may raise naming what is missing)."""
    found: dict[str, dict] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        text = file_of(name).read_text()
        found[name] = {"content": text}
        todo.extend(resolve(name, target) for target in _IMPORT.findall(text))
    return dict(sorted(found.items()))


def version(solc_package: Path) -> str:
    """The version of the solc-js package in `solc_package` (a node_modules/solc folder)."""
    return json.loads((solc_package / "package.json").read_text())["version"]


def compile_json(solc_package: Path, request: dict | str, scratch: Path) -> dict:
    """solc-js's output for the standard JSON `request`; `scratch` is a file path for the output
    (removed after). Raises SolcError when node or solc-js fails or any source has an error."""
    text = request if isinstance(request, str) else json.dumps(request)
    scratch.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            ["node", "-e", _NODE, str(solc_package), str(scratch)], input=text, text=True, check=True
        )
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        raise SolcError(f"solc-js did not run ({exc}): is node installed (make setup)?") from None
    output = json.loads(scratch.read_text())
    scratch.unlink()
    errors = [e for e in output.get("errors", []) if e["severity"] == "error"]
    if errors:
        raise SolcError("\n".join(e.get("formattedMessage") or e["message"] for e in errors))
    return output

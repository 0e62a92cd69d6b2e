"""Runs the repository's pinned node tools (node, tsc from node_modules) for the client tests."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLIENT = Path(__file__).resolve().parent


def tool(name: str) -> str:
    local = ROOT / "node_modules" / ".bin" / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found: run `make setup` (npm install from package.json)")
    return found


def run(*args: str, timeout: float = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """Runs a node tool from the repository root; the output is kept for the assertion message."""
    return subprocess.run([*args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env)


def node(
    script: str, *args: str, timeout: float = 300, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Runs tests/client/<script> with node (20 or later)."""
    return run(tool("node"), str(CLIENT / script), *args, timeout=timeout, env=env)

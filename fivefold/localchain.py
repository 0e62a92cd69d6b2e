"""Local anvil nodes on loopback for the demo and the fork tests: start, wait, stop."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from fivefold import ape_compat

MNEMONIC = "test test test test test test test test test test test junk"
# Ape's `ecosystem:network` for each chain id, used to name the stand-in node's network.
ECOSYSTEMS = {1: "ethereum", 56: "bsc", 137: "polygon", 66: "oktc"}


class LocalChainError(Exception):
    pass


def anvil_path() -> str:
    local = Path("node_modules/.bin/anvil")
    found = str(local) if local.exists() else shutil.which("anvil")
    if not found:
        raise LocalChainError(
            "anvil not found: run `make setup` (installs @foundry-rs/anvil from package.json)"
        )
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Node:
    chain_id: int
    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def network(self) -> str:
        """The `--network` choice for ape: this chain's ecosystem on the node's loopback URL."""
        return f"{ECOSYSTEMS.get(self.chain_id, 'ethereum')}:mainnet:{self.url}"


def _wait(port: int, process: subprocess.Popen, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LocalChainError(f"anvil on port {port} exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise LocalChainError(f"anvil on port {port} did not start within {timeout:.0f} s")


@contextmanager
def node(chain_id: int, port: int | None = None, extra: tuple[str, ...] = ()):
    """An anvil node with `chain_id` on loopback, stopped on exit."""
    if port is not None:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                raise LocalChainError(
                    f"port {port} is in use: stop what runs there (a `make up` in another shell?)"
                )
    port = port or free_port()
    cmd = [
        anvil_path(),
        "--chain-id",
        str(chain_id),
        "--port",
        str(port),
        "--host",
        "127.0.0.1",
        "--mnemonic",
        MNEMONIC,
        "--accounts",
        "10",
        "--silent",
        # No state written to disk (fivefold/ape_compat.py says why).
        *ape_compat.ANVIL_FLAGS_ADDED,
        *extra,
    ]
    # Its own process group: the npm shim runs anvil as a child, and both must stop.
    process = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        _wait(port, process)
        yield Node(chain_id, port, process)
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def nodes(chain_ids, ports=None):
    """One node per chain id (on `ports` if given, else free ports), all stopped on exit."""
    ports = list(ports) if ports else [None] * len(chain_ids)
    with ExitStack() as stack:
        yield [stack.enter_context(node(cid, port)) for cid, port in zip(chain_ids, ports, strict=True)]

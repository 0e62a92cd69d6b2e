"""Fork tests: local anvil nodes stand in for the live BNB Smart Chain and OKT Chain as *upstreams*;
the suite is deployed there with `ape run deploy`, then tests/forks runs under
`--network <chain>:mainnet-fork:foundry` (ape-foundry forks the upstream through the `node:` URIs in
ape-config.yaml), and afterwards the upstream must be exactly as it was."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

from fivefold import localchain, manifest, ui
from fivefold.demo import ape_run

# chain id -> (ecosystem, environment variable holding the upstream RPC, see ape-config.yaml)
FORK_CHAINS = {56: ("bsc", "BSC_RPC"), 66: ("oktc", "OKTC_RPC")}
OUT = Path("out/forks")
TEST_PATH = "tests/forks"
ENV_FLAG = "FIVEFOLD_FORK_UPSTREAM"  # set while tests/forks runs: the upstream's URL


def rpc(url: str, method: str, params: list):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())["result"]


def fingerprint(url: str) -> dict:
    """What would change if anything were written to the upstream."""
    head = rpc(url, "eth_getBlockByNumber", ["latest", False])
    return {"number": head["number"], "hash": head["hash"], "stateRoot": head["stateRoot"]}


def run(pytest_args: tuple[str, ...] = ()) -> int:
    if OUT.exists():
        shutil.rmtree(OUT)
    deployments = (OUT / "deployments").resolve()
    deployments.mkdir(parents=True)
    failures = 0
    for chain_id, (ecosystem, env_var) in FORK_CHAINS.items():
        with localchain.node(chain_id) as upstream:
            env = {**os.environ, manifest.ENV_DIR: str(deployments), env_var: upstream.url, ENV_FLAG: upstream.url}
            ui.console.rule(f"[bold]{ecosystem}: upstream on {upstream.url}")
            ape_run("deploy", "--network", upstream.network, "--account", "TEST::0", "--yes", env=env)
            before = fingerprint(upstream.url)
            cmd = [str(Path(sys.executable).with_name("ape")), "test", TEST_PATH, "--network", f"{ecosystem}:mainnet-fork:foundry", *pytest_args]
            code = subprocess.run(cmd, env=env).returncode
            after = fingerprint(upstream.url)
            if code != 0:
                failures += 1
                ui.console.print(f"[red]fork tests on {ecosystem} failed (exit {code})[/]")
            if after != before:
                failures += 1
                ui.console.print(f"[red]{ecosystem} upstream changed during the fork tests: {before} -> {after}[/]")
            else:
                ui.console.print(f"[green]{ecosystem} upstream untouched: block {int(before['number'], 16)}, state root {before['stateRoot'][:18]}…[/]")
    return failures

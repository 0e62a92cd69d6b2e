"""The main job: four local stand-in chains (ids 1, 56, 137, 66), each deployed and exercised through
the real `ape run deploy` / `ape run exercise`, identical addresses shown side by side, then stopped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from fivefold import localchain, manifest, ui
from fivefold.config import chain_name

CHAIN_IDS = (1, 56, 137, 66)
OUT = Path("out/demo")


def block_number(url: str) -> int:
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "eth_blockNumber", "params": []}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return int(json.loads(resp.read())["result"], 16)


def ape_run(*args: str, env: dict) -> float:
    """Runs `ape run ...` as a user would, streaming its output; returns seconds taken."""
    start = time.monotonic()
    cmd = [str(Path(sys.executable).with_name("ape")), "run", *args]
    result = subprocess.run(cmd, env=env)
    if result.returncode != 0:
        raise SystemExit(f"`ape run {' '.join(args)}` failed with exit code {result.returncode}")
    return time.monotonic() - start


def addresses_table(manifests: dict[int, dict]) -> bool:
    names = sorted({n for m in manifests.values() for n in m["contracts"]})
    rows, same = [], True
    for name in names:
        addrs = [manifests[c]["contracts"].get(name, {}).get("address", "-") for c in CHAIN_IDS]
        ok = len(set(addrs)) == 1 and "-" not in addrs
        same &= ok
        rows.append([name, addrs[0], "identical on all four" if ok else " / ".join(addrs)])
    ui.table("One address on every chain", ["contract", "address", "chains 1, 56, 137, 66"], rows)
    return same


def run(extra_steps=()) -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    deployments = OUT / "deployments"
    deployments.mkdir(parents=True)
    env = {**os.environ, manifest.ENV_DIR: str(deployments.resolve())}
    timings = []
    with localchain.nodes(CHAIN_IDS) as nodes:
        ui.console.rule("[bold]Four local chains")
        ui.table("Local stand-in chains", ["chain", "chain id", "RPC"], [(chain_name(n.chain_id), n.chain_id, n.url) for n in nodes])
        for node in nodes:
            name = chain_name(node.chain_id)
            ui.console.rule(f"[bold]{name} (chain {node.chain_id})")
            t_deploy = ape_run("deploy", "--network", node.network, "--account", "TEST::0", "--yes", env=env)
            t_exercise = ape_run("exercise", "--network", node.network, env=env)
            timings.append((name, t_deploy, t_exercise))
        ui.console.rule("[bold]Re-running deploy sends nothing")
        node = nodes[0]
        before = block_number(node.url)
        ape_run("deploy", "--network", node.network, "--account", "TEST::0", "--yes", env=env)
        after = block_number(node.url)
        if after != before:
            raise SystemExit(f"re-running deploy on chain {node.chain_id} mined {after - before} block(s); expected none")
        ui.console.print(f"[green]chain {node.chain_id}: block number {before} before and after the re-run[/]")
        ui.console.rule("[bold]Schedules over time (each chain's home tokens)")
        for node in nodes:
            ape_run("timeline", "--network", node.network, env=env)
        for step in extra_steps:
            step(nodes, env)
        ui.console.rule("[bold]Supply across chains")
        ape_run("deploy", "check-supply", *[a for n in nodes for a in ("--rpc", f"{n.chain_id}={n.network}")], env=env)
        same = addresses_table(_load(deployments))
        ape_run("export", "--out", str(OUT / "abi"), env=env)  # the dApp exports of these chains
    ui.table(
        "Benchmark (printed, not asserted): deploy + exercise per chain",
        ["chain", "deploy s", "exercise s", "total s"],
        [(n, f"{d:.1f}", f"{e:.1f}", f"{d + e:.1f}") for n, d, e in timings],
        justify_right=(1, 2, 3),
    )
    total = sum(d + e for _, d, e in timings)
    ui.console.print(f"all four chains: {total:.1f} s (targets: < 60 s per chain, < 180 s in all)")
    if not same:
        raise SystemExit("addresses differ between chains")


def _load(directory: Path) -> dict[int, dict]:
    return {int(json.loads(p.read_text())["chain_id"]): json.loads(p.read_text()) for p in sorted(directory.glob("*.json"))}

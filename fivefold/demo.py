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

from eth_abi import decode as abi_decode
from eth_abi import encode as abi_encode
from eth_utils import keccak

from fivefold import config, localchain, manifest, ui
from fivefold.bridge import cli as bridge_cli
from fivefold.bridge.flow import PER_CHAIN
from fivefold.config import chain_name

CHAIN_IDS = (1, 56, 137, 66)
OUT = Path("out/demo")


def rpc(url: str, method: str, *params):
    """One JSON-RPC call to a local node; its result."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        reply = json.loads(resp.read())
    if "error" in reply:
        raise RuntimeError(f"{method} on {url}: {reply['error'].get('message')}")
    return reply["result"]


def block_number(url: str) -> int:
    return int(rpc(url, "eth_blockNumber"), 16)


FEED_REFRESH_SECONDS = 600  # `make up`: local feeds re-answer this often (the shortest heartbeat is 3,600 s)
_SET_ANSWER = "set_answer(int256,uint256)"
_SELECTOR = {sig: "0x" + keccak(text=sig)[:4].hex() for sig in ("answer()", "owner()", _SET_ANSWER)}


def _call(url: str, to: str, signature: str) -> str:
    """eth_call of a no-argument view; the raw hex result."""
    return rpc(url, "eth_call", {"to": to, "data": _SELECTOR[signature]}, "latest")


def _mined(url: str, tx: str, timeout: float = 10.0) -> dict | None:
    """The receipt of `tx`, once mined (anvil answers eth_sendTransaction before its automine has
    mined the block); None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while (receipt := rpc(url, "eth_getTransactionReceipt", tx)) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return receipt


def refresh_local_feeds(url: str, manifest_: dict) -> int:
    """Every LocalPriceFeed of a manifest (CREATE2 and created) answers its current answer again,
    dated at the node's latest block, sent from its owner (anvil unlocks the test accounts). What
    `Context.refresh_local_feeds` does inside a command, for chains left running by `make up`, whose
    clock follows the wall clock. Returns how many feeds it dated."""
    records = {**(manifest_.get("created") or {}), **manifest_["contracts"]}
    now = int(rpc(url, "eth_getBlockByNumber", "latest", False)["timestamp"], 16)
    dated = 0
    for record in records.values():
        if record.get("contract_type") != "LocalPriceFeed":
            continue
        feed = record["address"]
        answer = abi_decode(["int256"], bytes.fromhex(_call(url, feed, "answer()")[2:]))[0]
        owner = "0x" + _call(url, feed, "owner()")[-40:]
        data = _SELECTOR[_SET_ANSWER] + abi_encode(["int256", "uint256"], [answer, now]).hex()
        receipt = _mined(url, rpc(url, "eth_sendTransaction", {"from": owner, "to": feed, "data": data}))
        if receipt is None or int(receipt["status"], 16) != 1:
            state = "not mined within 10 s" if receipt is None else "reverted"
            raise RuntimeError(f"set_answer on the local feed {feed} from {owner}: {state}")
        dated += 1
    return dated


def ape_run(*args: str, env: dict, capture: bool = False) -> tuple[float, str]:
    """Runs `ape run ...` as a user would; returns (seconds taken, its output if `capture`, printed too)."""
    start = time.monotonic()
    cmd = [str(Path(sys.executable).with_name("ape")), "run", *args]
    result = subprocess.run(cmd, env=env, stdout=subprocess.PIPE if capture else None, text=True)
    out = result.stdout or ""
    if capture:
        sys.stdout.write(out)
        sys.stdout.flush()
    if result.returncode != 0:
        raise SystemExit(f"`ape run {' '.join(args)}` failed with exit code {result.returncode}")
    return time.monotonic() - start, out


def addresses_table(manifests: dict[int, dict]) -> bool:
    """Every contract's address on the four chains: one address for all, except the bridge's
    contracts that embed the chain id (the Mailbox's domain: `bridge.flow.PER_CHAIN`); a contract
    deployed only where its token is at home has that one address there."""
    names = sorted({n for m in manifests.values() for n in m["contracts"]})
    rows, same = [], True
    for name in names:
        addrs = [manifests[c]["contracts"].get(name, {}).get("address", "-") for c in CHAIN_IDS]
        if name in PER_CHAIN:
            ok = "-" not in addrs and len(set(addrs)) == len(addrs)
            same &= ok
            rows.append([name, addrs[0], "one per chain (Hyperlane domain)" if ok else " / ".join(addrs)])
            continue
        present = [a for a in addrs if a != "-"]
        ok = len(set(present)) == 1
        same &= ok
        if ok and len(present) < len(addrs):
            # deployed only where its token is at home (the sale, the markets): one address there
            home = ", ".join(str(c) for c, a in zip(CHAIN_IDS, addrs, strict=True) if a != "-")
            rows.append([name, present[0], f"at home only: chain {home}"])
            continue
        where = "identical on all four" if ok else " / ".join(addrs)
        rows.append([name, present[0] if present else "-", where])
    ui.table("One address on every chain", ["contract", "address", "chains 1, 56, 137, 66"], rows)
    return same


# the whole demo on the reference machine (2 cores): start, 4 x deploy + exercise, tables
TARGET_SECONDS = 300
KEEP_PORTS = {1: 8545, 56: 8546, 137: 8547, 66: 8548}  # `make up`: fixed, so a dApp's config can name them


def run(extra_steps=(), keep: bool = False, exercise: bool = True) -> None:
    """The demo. `keep` (`make up`): manifests in deployments/local/, fixed ports, and the chains stay
    up until Ctrl-C. `exercise=False`: deploy only (the chains stay at TGE)."""
    t0 = time.monotonic()
    if keep:
        deployments = manifest.directory(manifest.LOCAL)
        for cid in CHAIN_IDS:  # fresh chains: yesterday's records would point at nothing
            (deployments / f"{cid}.json").unlink(missing_ok=True)
        env = {k: v for k, v in os.environ.items() if k != manifest.ENV_DIR}
    else:
        if OUT.exists():
            shutil.rmtree(OUT)
        deployments = OUT / "deployments"
        deployments.mkdir(parents=True)
        env = {**os.environ, manifest.ENV_DIR: str(deployments.resolve())}
    summary = []
    ports = [KEEP_PORTS[c] for c in CHAIN_IDS] if keep else None
    with localchain.nodes(CHAIN_IDS, ports) as nodes:
        ui.console.rule("[bold]Four local chains")
        ui.console.print(
            "anvil stand-ins for "
            + ", ".join(f"{chain_name(n.chain_id)} ({n.chain_id})" for n in nodes)
            + ": on each, `ape run deploy` then `ape run exercise`"
            + ("" if exercise else " (skipped: --no-exercise)")
        )
        for node in nodes:
            name = chain_name(node.chain_id)
            ui.console.rule(f"[bold]{name} (chain {node.chain_id})")
            t_deploy, _ = ape_run(
                "deploy", "--network", node.network, "--account", "TEST::0", "--yes", "--quiet", env=env
            )
            t_exercise, out, skipped = 0.0, "", 0
            if exercise:
                t_exercise, out = ape_run("exercise", "--network", node.network, env=env, capture=True)
                skipped = out.count("skipped:")
            summary.append((node, t_deploy, t_exercise, skipped))
        ui.console.rule("[bold]Re-running deploy sends nothing")
        node = nodes[0]
        before = block_number(node.url)
        ape_run("deploy", "--network", node.network, "--account", "TEST::0", "--yes", "--quiet", env=env)
        after = block_number(node.url)
        if after != before:
            raise SystemExit(
                f"re-running deploy on chain {node.chain_id} mined {after - before} block(s); expected none"
            )
        ui.console.print(
            f"[green]chain {node.chain_id}: block number {before} before and after the re-run[/]"
        )
        ui.console.rule("[bold]Schedules over time (each chain's home tokens, read at each time)")
        for node in nodes:
            ape_run("timeline", "--network", node.network, env=env)
        if exercise:
            home = next(n for n in nodes if "CPC" in config.load(n.chain_id, "local")["home"])
            ui.console.rule(f"[bold]CPChain's node economy after the exercise ({chain_name(home.chain_id)})")
            ape_run("nodes", "status", "--network", home.network, env=env)
            home = next(n for n in nodes if "HPC" in config.load(n.chain_id, "local")["home"])
            ui.console.rule(f"[bold]HPC resource market after the exercise ({chain_name(home.chain_id)})")
            ape_run("resources", "status", "--network", home.network, env=env)
        for step in extra_steps:
            step(nodes, env)
        if exercise:
            ui.console.rule("[bold]Tokens between chains (Hyperlane; the local relay delivers)")
            bridge_cli.demo({n.chain_id: n.url for n in nodes}, deployments)
        ui.console.rule("[bold]Supply across chains")
        ape_run(
            "deploy",
            "check-supply",
            *[a for n in nodes for a in ("--rpc", f"{n.chain_id}={n.network}")],
            env=env,
        )
        manifests = manifest.load_dir(deployments)
        same = addresses_table(manifests)
        # the dApp exports of these chains (`make up`: abi/, from deployments/local/)
        ape_run("export", *(("--local",) if keep else ("--out", str(OUT / "abi"))), env=env)
        _summary(summary, manifests, deployments)
        total = time.monotonic() - t0
        verdict = "[green]within[/]" if total <= TARGET_SECONDS else "[red]over[/]"
        ui.console.print(f"demo took {total:.0f} s: {verdict} its target of {TARGET_SECONDS} s")
        if not same:
            raise SystemExit("addresses differ between chains")
        _next_steps(nodes, deployments, keep)
        if keep:
            _wait_for_ctrl_c(nodes, deployments)


def _summary(rows, manifests: dict[int, dict], deployments: Path) -> None:
    ui.table(
        "What happened on each chain",
        ["chain", "id", "RPC", "contracts", "deploy s", "exercise s", "skipped steps"],
        [(chain_name(n.chain_id), n.chain_id, n.url, len(manifests.get(n.chain_id, {}).get("contracts", {})),
          f"{d:.0f}", f"{e:.0f}" if e else "-", skipped if e else "not run")
         for n, d, e, skipped in rows],
        justify_right=(1, 3, 4, 5, 6),
    )


def _next_steps(nodes, deployments: Path, keep: bool) -> None:
    n = nodes[1] if len(nodes) > 1 else nodes[0]
    if keep:
        ui.console.print(f"manifests: {', '.join(str(deployments / f'{x.chain_id}.json') for x in nodes)}")
        ui.console.print("next, in another shell (`make shell` first):")
        for cmd in (f"ape run markets --network {n.network} --plot markets.png",
                    f"ape run timeline --network {n.network} --plot timeline.png",
                    f"ape run exercise --network {n.network}",
                    "ape run export --local"):
            ui.console.print(f"  {cmd}")
        minutes = FEED_REFRESH_SECONDS // 60
        ui.console.print(f"[bold]the chains keep running (local price feeds re-dated every {minutes} "
                         "minutes): Ctrl-C stops them[/]")
    else:
        ui.console.print(f"manifests of this run (chains now stopped): {deployments}/<chain-id>.json; "
                         f"dApp exports: {OUT / 'abi'}/")
        ui.console.print("next:")
        for line in (
            "make up                                  the four chains kept running, suite deployed (RPC "
            "URLs printed)",
            "ape run markets --network <URL> --plot markets.png   rates of a chain `make up` started",
            "ape run timeline --network <URL> --plot timeline.png   the unlock and emission curves",
            "docs/deploy.md                           deploying to a live chain",
        ):
            ui.console.print(f"  {line}")


def _wait_for_ctrl_c(nodes, deployments: Path) -> None:
    """Keeps the chains up; every FEED_REFRESH_SECONDS the local feeds answer again, dated now, so
    red packets and markets keep working for as long as the chains run."""
    manifests = manifest.load_dir(deployments)
    try:
        while True:
            time.sleep(FEED_REFRESH_SECONDS)
            for node in nodes:
                refresh_local_feeds(node.url, manifests[node.chain_id])
    except KeyboardInterrupt:
        ui.console.print("stopping the local chains")


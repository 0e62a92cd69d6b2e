"""`ape run faults`: the real `ape run deploy` on local chains, interrupted, then run again.

Each trial starts a fresh anvil (one of the suite's four chain ids, in turn), starts the deploy as a
user would (`ape run deploy --network <chain>:mainnet:<url> --account TEST::0 --yes --quiet`, its
manifest in a directory of its own) and breaks it with one fault:

  kill  `kill -9` of the deploy's process group once the chain holds `k` of the deploy's
        transactions (k uniform in 1 .. all but the last); the block number is watched from
        outside, and anvil mines one transaction per block
  drop  the deploy talks to anvil through a loopback proxy (`Proxy`) that closes the connection,
        without an answer, from its `n`-th request on
  hang  the same proxy stops answering from its `n`-th request on (the deploy's RPC timeout ends it)

then runs the deploy again straight to the node, to the end. A trial passes when
  - after a drop or a hang the deploy exited non-zero with one `error: ...` line naming the RPC;
  - the manifest on disk was valid JSON after the fault (never half-written);
  - the re-run exited 0, and the chain then matches an uninterrupted deploy of the same chain id
    (`reference`): the same address for every contract in the manifest (CREATE2 and created), the
    same number of transactions from every account (nothing sent twice), and the same number of
    logs of every event of every contract (nothing configured twice);
  - `ape run deploy check-roles` exits 0: the deployer holds nothing and no transfer is pending.

`run` prints a table of the trials and exits non-zero on any failure; `--report` writes them as
JSON (docs/assurance.md records a run).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from eth_utils import keccak

from fivefold import localchain, manifest, ui

CHAIN_IDS = (1, 56, 137, 66)
ACCOUNT = "TEST::0"
# A deploy that neither finishes nor fails within this many seconds has hung (a full deploy of one
# chain takes about a minute on the reference machine).
DEPLOY_LIMIT = 600
# The RPC timeout the drop and hang trials give the deploy (FIVEFOLD_RPC_TIMEOUT, fivefold/ape_compat.py):
# short, so a hang costs seconds, not the default's minutes.
TRIAL_RPC_TIMEOUT = 5
KINDS = ("kill", "drop", "hang")


def rpc(url: str, method: str, *params, timeout: float = 10):
    """One JSON-RPC call; its result."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        reply = json.loads(response.read())
    if "error" in reply:
        raise RuntimeError(f"{method} on {url}: {reply['error'].get('message')}")
    return reply["result"]


def block_number(url: str) -> int:
    return int(rpc(url, "eth_blockNumber"), 16)


# --- what a deploy leaves on the chain


@dataclass
class Facts:
    """What a finished deploy left: the manifest's addresses, each account's transaction count and
    each (contract, event) log count."""

    addresses: dict[str, str]
    nonces: dict[str, int]
    events: dict[str, int]  # "<address> <topic0>" -> logs
    blocks: int

    @property
    def transactions(self) -> int:
        return sum(self.nonces.values())


def read_facts(url: str, manifest_path: Path) -> Facts:
    data = json.loads(manifest_path.read_text())
    records = {**(data.get("created") or {}), **data["contracts"]}
    addresses = {name: r["address"] for name, r in sorted(records.items())}
    accounts = rpc(url, "eth_accounts")
    nonces = {a: int(rpc(url, "eth_getTransactionCount", a, "latest"), 16) for a in accounts}
    logs = rpc(url, "eth_getLogs", {"fromBlock": "0x0", "toBlock": "latest"}, timeout=60)
    events = Counter(f"{log['address'].lower()} {log['topics'][0] if log['topics'] else '-'}" for log in logs)
    return Facts(addresses, nonces, dict(events), block_number(url))


# A maintenance schedule's `Released(address,uint256,uint256)` and its token's `Transfer`.
RELEASED = "0x" + keccak(text="Released(address,uint256,uint256)").hex().removeprefix("0x")
TRANSFER = "0x" + keccak(text="Transfer(address,address,uint256)").hex().removeprefix("0x")


def time_passing(reference: Facts, got: Facts) -> set[str]:
    """The event keys whose extra logs are time passing, not a step done twice: a re-run that comes
    minutes after the kill finds a maintenance schedule's accrual, and `set_recipient` pays it to the
    outgoing recipient first (one `Released` and its token's `Transfer`), where the uninterrupted
    deploy reached that call before anything accrued (faults trial 13). Accepted only as a whole:
    as many extra Transfer logs as extra Released ones, and nothing fewer anywhere; an extra
    transaction would still show in the nonces."""

    def extra(topic: str) -> dict[str, int]:
        keys = {k for k in (*reference.events, *got.events) if k.endswith(" " + topic)}
        return {k: got.events.get(k, 0) - reference.events.get(k, 0) for k in keys}

    released = {k: n for k, n in extra(RELEASED).items() if n}
    transfers = {k: n for k, n in extra(TRANSFER).items() if n}
    counts = [*released.values(), *transfers.values()]
    if released and min(counts) > 0 and sum(released.values()) == sum(transfers.values()):
        return set(released) | set(transfers)
    return set()


def differences(reference: Facts, got: Facts, names: dict[str, str] | None = None) -> list[str]:
    """What `got` does differently from `reference`, one line each (empty: the same deployment);
    a schedule's accrual paid out by a later re-run (`time_passing`) is not a difference."""
    out = []
    for name in sorted(set(reference.addresses) | set(got.addresses)):
        want, have = reference.addresses.get(name), got.addresses.get(name)
        if want != have:
            out.append(f"{name} at {have or 'nowhere'}, uninterrupted at {want or 'nowhere'}")
    for account in sorted(set(reference.nonces) | set(got.nonces)):
        want, have = reference.nonces.get(account, 0), got.nonces.get(account, 0)
        if want != have:
            out.append(f"{account} sent {have} transactions, uninterrupted {want}")
    by_address = {a.lower(): n for n, a in (names or got.addresses).items()}
    for key in sorted((set(reference.events) | set(got.events)) - time_passing(reference, got)):
        want, have = reference.events.get(key, 0), got.events.get(key, 0)
        if want != have:
            address, topic = key.split()
            out.append(
                f"{by_address.get(address, address)} logged event {topic[:10]} {have}x, uninterrupted {want}x"
            )
    return out


# --- the RPC between the deploy and the node


class Proxy:
    """A loopback HTTP proxy to `upstream` that answers its first `n - 1` requests and then, for every
    later one, closes the connection without an answer (`drop`) or never answers (`hang`)."""

    def __init__(self, upstream: str, n: int, mode: str):
        if mode not in ("drop", "hang"):
            raise ValueError(f"unknown proxy mode {mode!r}")
        self.upstream, self.n, self.mode = upstream, n, mode
        self.requests = 0
        self.faulted = 0  # requests not answered
        self._lock = threading.Lock()
        self._stop = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with proxy._lock:
                    proxy.requests += 1
                    faulty = proxy.requests >= proxy.n
                    proxy.faulted += faulty
                if faulty:
                    if proxy.mode == "hang":
                        proxy._stop.wait()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                request = urllib.request.Request(
                    proxy.upstream, data=body, headers={"Content-Type": "application/json"}
                )
                with urllib.request.urlopen(request, timeout=60) as response:
                    reply = response.read()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Proxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()


# --- one deploy process


def network_choice(chain_id: int, url: str) -> str:
    return f"{localchain.ECOSYSTEMS.get(chain_id, 'ethereum')}:mainnet:{url}"


def ape_command(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("ape")), "run", *args]


def deploy_command(chain_id: int, url: str) -> list[str]:
    return ape_command(
        "deploy", "--network", network_choice(chain_id, url), "--account", ACCOUNT, "--yes", "--quiet"
    )


@dataclass
class Exit:
    code: int | None  # None: killed, or stopped after DEPLOY_LIMIT
    seconds: float
    last_line: str  # the last line the process printed (its one-line error, if it failed)


def _last_line(log: Path) -> str:
    lines = [line.strip() for line in log.read_text(errors="replace").splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def run_process(cmd: list[str], env: dict, log: Path, watch=None, limit: float = DEPLOY_LIMIT) -> Exit:
    """Runs `cmd` in a process group of its own, output to `log`. `watch()` is called every few
    milliseconds and returns True to have the group killed with SIGKILL at once."""
    start = time.monotonic()
    with log.open("w") as out:
        process = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        while process.poll() is None:
            if (watch and watch()) or time.monotonic() - start > limit:
                _kill(process)
                return Exit(None, time.monotonic() - start, _last_line(log))
            time.sleep(0.005 if watch else 0.2)
    return Exit(process.returncode, time.monotonic() - start, _last_line(log))


# --- trials


@dataclass
class Trial:
    number: int
    chain_id: int
    kind: str  # kill, drop, hang
    at: int  # kill: after this many transactions; drop/hang: from this request on
    stopped_after: int = 0  # the deploy's transactions on chain when the fault stopped it
    first: Exit | None = None
    rerun: Exit | None = None
    roles: Exit | None = None
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def fault(self) -> str:
        if self.kind == "kill":
            return f"kill -9 after tx {self.at}"
        return f"RPC {'closes' if self.kind == 'drop' else 'stops answering'} at request {self.at}"


class Faults:
    """Trials against references, in `workdir` (one directory per run: manifests and logs)."""

    def __init__(self, workdir: Path, env: dict | None = None):
        self.workdir = workdir
        self.env = {k: v for k, v in (env or os.environ).items() if k != manifest.ENV_DIR}
        self.references: dict[int, tuple[Facts, int, float]] = {}  # chain id -> (facts, first block, s)

    @staticmethod
    def _fresh(where: Path) -> Path:
        """`where`, emptied: an earlier run with the same seed left its manifests there, which a
        deploy would resume from (on a new node: nothing of them exists)."""
        shutil.rmtree(where, ignore_errors=True)
        return where

    def _env(self, directory: Path, **extra: str) -> dict:
        directory.mkdir(parents=True, exist_ok=True)
        return {**self.env, manifest.ENV_DIR: str(directory.resolve()), **extra}

    def reference(self, chain_id: int) -> tuple[Facts, int, float]:
        """An uninterrupted deploy of `chain_id` on a fresh node: its facts, the block it started
        after, its seconds."""
        if chain_id not in self.references:
            where = self._fresh(self.workdir / f"reference-{chain_id}")
            with localchain.node(chain_id) as node:
                start = block_number(node.url)
                done = run_process(deploy_command(chain_id, node.url), self._env(where), where / "deploy.log")
                if done.code != 0:
                    raise RuntimeError(
                        f"the uninterrupted deploy of chain {chain_id} failed ({done.last_line}); "
                        f"see {where / 'deploy.log'}"
                    )
                facts = read_facts(node.url, where / f"{chain_id}.json")
            self.references[chain_id] = (facts, start, done.seconds)
        return self.references[chain_id]

    def trial(self, trial: Trial) -> Trial:
        t0 = time.monotonic()
        reference, start, _ = self.reference(trial.chain_id)
        where = self._fresh(self.workdir / f"trial-{trial.number:02d}")
        env = self._env(where)
        manifest_path = where / f"{trial.chain_id}.json"
        with localchain.node(trial.chain_id) as node:
            if block_number(node.url) != start:
                trial.problems.append("a fresh node does not start at the reference's block")
            if trial.kind == "kill":
                target = start + trial.at
                trial.first = run_process(
                    deploy_command(trial.chain_id, node.url),
                    env,
                    where / "first.log",
                    watch=lambda: block_number(node.url) >= target,
                )
                if trial.first.code is not None:
                    trial.problems.append(f"the deploy ended (exit {trial.first.code}) before it was killed")
            else:
                with Proxy(node.url, trial.at, trial.kind) as proxy:
                    trial.first = run_process(
                        deploy_command(trial.chain_id, proxy.url),
                        self._env(where, FIVEFOLD_RPC_TIMEOUT=str(TRIAL_RPC_TIMEOUT)),
                        where / "first.log",
                        limit=DEPLOY_LIMIT,
                    )
                trial.problems += rpc_failure_problems(trial.first, proxy.url)
            trial.stopped_after = block_number(node.url) - start
            if manifest_path.exists():
                try:
                    json.loads(manifest_path.read_text())
                except ValueError:
                    trial.problems.append("the manifest was left half-written")
            trial.rerun = run_process(deploy_command(trial.chain_id, node.url), env, where / "rerun.log")
            if trial.rerun.code != 0:
                trial.problems.append(f"the re-run failed (exit {trial.rerun.code}): {trial.rerun.last_line}")
            else:
                trial.problems += differences(reference, read_facts(node.url, manifest_path))
                trial.roles = run_process(
                    ape_command(
                        "deploy",
                        "check-roles",
                        "--network",
                        network_choice(trial.chain_id, node.url),
                        "--account",
                        ACCOUNT,
                    ),
                    env,
                    where / "check-roles.log",
                )
                if trial.roles.code != 0:
                    trial.problems.append(f"check-roles: {trial.roles.last_line}")
        trial.seconds = time.monotonic() - t0
        return trial


def rpc_failure_problems(first: Exit, url: str) -> list[str]:
    """What is wrong with how a deploy ended when its RPC failed: it must exit non-zero (not hang,
    not succeed) with one `error:` line that names the RPC."""
    if first.code is None:
        return [f"the deploy did not stop within {DEPLOY_LIMIT} s of its RPC failing"]
    if first.code == 0:
        return ["the deploy succeeded although its RPC failed"]
    line = first.last_line
    if not line.startswith("error:") or url not in line:
        return [f"the deploy's last line is not one error naming {url}: {line!r}"]
    return []


def plan_trials(
    trials: int, rpc_trials: int, seed: int, chain_ids=CHAIN_IDS, kill_points: dict[int, int] | None = None
) -> tuple[list[Trial], random.Random]:
    """`trials` kill trials over `chain_ids` in turn (kill points drawn from `seed` once each chain's
    reference transaction count is known: `at` 0 until then), then `rpc_trials` alternating drop and
    hang, at a request drawn from the first 400. Returns them and the generator that draws the kill
    points."""
    rng = random.Random(seed)
    out = [Trial(i + 1, chain_ids[i % len(chain_ids)], "kill", 0) for i in range(trials)]
    for j in range(rpc_trials):
        kind = ("drop", "hang")[j % 2]
        out.append(Trial(trials + j + 1, chain_ids[j % len(chain_ids)], kind, rng.randint(20, 400)))
    for t in out:
        if t.kind == "kill":
            t.at = (kill_points or {}).get(t.number, 0)
    return out, rng


def run(
    trials: int = 20,
    rpc_trials: int = 4,
    seed: int | None = None,
    report: Path | None = None,
    workdir: Path = Path("out/faults"),
    chain_ids=CHAIN_IDS,
) -> list[Trial]:
    """`ape run faults`: the trials, a table, exit 1 on any failure."""
    seed = seed if seed is not None else random.SystemRandom().randrange(2**32)
    workdir = workdir / f"seed-{seed}"
    runner = Faults(workdir)
    planned, rng = plan_trials(trials, rpc_trials, seed, chain_ids)
    ui.console.print(
        f"faults: {trials} kill trial(s) and {rpc_trials} RPC trial(s) on chains "
        f"{', '.join(map(str, chain_ids))}, seed {seed} (`ape run faults --seed {seed}` repeats the kill "
        f"points), work in {workdir}"
    )
    done = []
    with ui.progress() as bar:
        task = bar.add_task("references", total=len(planned))
        for trial in planned:
            facts, _, _ = runner.reference(trial.chain_id)
            if trial.kind == "kill":
                trial.at = rng.randint(1, facts.blocks - runner.references[trial.chain_id][1] - 1)
            bar.update(task, description=f"trial {trial.number}: chain {trial.chain_id}, {trial.fault}")
            done.append(runner.trial(trial))
            if report:
                write_report(report, seed, runner, done)
            bar.advance(task)
    if report:
        write_report(report, seed, runner, done)
    table(done)
    failed = [t for t in done if not t.ok]
    refs = ", ".join(
        f"chain {c}: {f.blocks - s} transactions in {sec:.0f} s"
        for c, (f, s, sec) in sorted(runner.references.items())
    )
    ui.console.print(f"uninterrupted deploys: {refs}")
    if failed:
        ui.fail(f"{len(failed)} of {len(done)} trial(s) failed: see the table and the logs in {workdir}")
    ui.console.print(f"[green]{len(done)} of {len(done)} trials passed[/]")
    return done


def table(trials: list[Trial]) -> None:
    ui.table(
        "Deploy interrupted, then run again",
        ["#", "chain", "fault", "stopped after", "first run", "re-run", "result"],
        [
            (
                t.number,
                t.chain_id,
                t.fault,
                f"{t.stopped_after} tx",
                _describe(t.first),
                _describe(t.rerun),
                "[green]pass[/]" if t.ok else "[red]FAIL[/]: " + "; ".join(t.problems[:3]),
            )
            for t in trials
        ],
    )


def _describe(done: Exit | None) -> str:
    if done is None:
        return "-"
    state = "killed" if done.code is None else f"exit {done.code}"
    return f"{state}, {done.seconds:.0f} s"


def write_report(path: Path, seed: int, runner: Faults, trials: list[Trial]) -> None:
    """The run as JSON, written to a temporary file and moved into place."""
    data = {
        "seed": seed,
        "references": {
            str(c): {"transactions": f.blocks - s, "seconds": round(sec, 1), "contracts": len(f.addresses)}
            for c, (f, s, sec) in runner.references.items()
        },
        "trials": [{**asdict(t), "ok": t.ok, "fault": t.fault} for t in trials],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    os.replace(tmp, path)

"""The fork tests' chains (tests/forks, part of every `ape test` run).

A local anvil under a live chain's id (BNB Smart Chain 56, OKT Chain 66) stands in for the live
chain as the *upstream*; the suite is deployed there by `ape run deploy`'s body (deployment.run);
the tests then use it on an ape-foundry fork of that upstream (`<chain>:mainnet-fork:foundry`, its
upstream set by fivefold.ape_compat.fork_upstream), and the upstream must stay exactly as it was.
Everything runs inside the test process: no `ape` start per chain.
"""

from __future__ import annotations

import json
import os
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from fivefold import ape_compat, deployment, localchain, manifest, session

# chain id -> Ape ecosystem whose `mainnet` the upstream stands in for
FORK_CHAINS = {56: "bsc", 66: "oktc"}


def rpc(url: str, method: str, params: list):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())["result"]


def fingerprint(url: str) -> dict:
    """What would change if anything were written to the upstream."""
    head = rpc(url, "eth_getBlockByNumber", ["latest", False])
    return {"number": head["number"], "hash": head["hash"], "stateRoot": head["stateRoot"]}


@contextmanager
def upstream(chain_id: int, deployments: Path):
    """An anvil with `chain_id` on loopback, the suite deployed on it by the first test account with
    the `local` profile, its manifest written under `deployments`; stopped on exit."""
    from ape import accounts

    with localchain.node(chain_id) as node, _environment(manifest.ENV_DIR, str(deployments)):
        with session.connect(node.network) as provider:
            # what `ape run deploy --network <node> --account TEST::0 --profile local --yes` does
            ctx = deployment.command_context(provider, accounts.test_accounts[0], "local")
            deployment.run(ctx, assume_yes=True)
        yield node


@contextmanager
def fork(node: localchain.Node):
    """Ape connected to an ape-foundry fork of `node` (the fork's own anvil), for the block."""
    from ape import networks

    network = networks.get_ecosystem(FORK_CHAINS[node.chain_id]).get_network("mainnet-fork")
    ape_compat.fork_upstream(network, node.url)
    with network.use_provider("foundry") as provider:
        yield provider


@contextmanager
def _environment(name: str, value: str):
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before

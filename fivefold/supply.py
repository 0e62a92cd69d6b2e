"""One supply across chains: each token's totalSupply on every chain with a manifest, against its cap."""

from __future__ import annotations

from fivefold import manifest as manifest_mod
from fivefold import ui
from fivefold.config import TOKENS, chain_name
from fivefold.session import SessionError, connect
from fivefold.units import fmt


def read_supplies(where: dict[str, str]) -> dict[int, dict[str, tuple[int, int]]]:
    """chain id -> token -> (totalSupply, cap), connecting to each chain in turn."""
    from ape import project

    # every chain on loopback: the local chains' manifests (`make up`), else the committed ones
    loopback = bool(where) and all(any(h in n for h in ("127.0.0.1", "localhost")) for n in where.values())
    kind = manifest_mod.LOCAL if loopback else manifest_mod.LIVE
    manifests = manifest_mod.load_all(kind=kind)
    if not manifests:
        raise SessionError(f"no manifests in {manifest_mod.directory(kind)}/: deploy first")
    out = {}
    for chain_id, manifest in manifests.items():
        network = where.get(str(chain_id))
        if not network:
            raise SessionError(
                f"no RPC for chain {chain_id} ({chain_name(chain_id)}): pass --rpc {chain_id}=<network or "
                "URL>"
            )
        with connect(network) as provider:
            if provider.chain_id != chain_id:
                raise SessionError(
                    f"--rpc {chain_id}={network} is chain {provider.chain_id}: point it at chain {chain_id}"
                )
            supplies = {}
            for symbol in TOKENS:
                record = manifest["contracts"].get(symbol)
                if record:
                    token = project.CappedToken.at(record["address"], fetch_from_explorer=False)
                    supplies[symbol] = (token.totalSupply(), token.cap())
            out[chain_id] = supplies
    return out


def summarize(supplies: dict[int, dict[str, tuple[int, int]]]):
    chains = sorted(supplies)
    rows, over = [], []
    for symbol in TOKENS:
        per_chain = [supplies[c].get(symbol, (0, 0))[0] for c in chains]
        caps = {supplies[c][symbol][1] for c in chains if symbol in supplies[c]}
        cap = max(caps) if caps else 0
        total = sum(per_chain)
        ok = total <= cap and len(caps) <= 1
        if not ok:
            over.append(symbol)
        rows.append([symbol, *[fmt(s) for s in per_chain], fmt(total), fmt(cap), "ok" if ok else "OVER CAP"])
    return {"chains": [f"{chain_name(c)} ({c})" for c in chains], "rows": rows}, over


def check(where: dict[str, str]):
    return summarize(read_supplies(where))


def run(rpcs: tuple[str, ...]) -> None:
    """`ape run deploy check-supply --rpc CHAIN_ID=NETWORK ...`: the table, failing if a total
    exceeds its cap."""
    malformed = [r for r in rpcs if "=" not in r]
    if malformed:
        raise SessionError(f"--rpc {malformed[0]!r}: write CHAIN_ID=NETWORK, e.g. --rpc 56=bsc:mainnet")
    rows, over = check(dict(r.split("=", 1) for r in rpcs))
    ui.table("Supply across chains", ["token", *rows["chains"], "total", "cap", "status"], rows["rows"])
    if over:
        ui.fail(f"total supply exceeds the cap for: {', '.join(over)}")

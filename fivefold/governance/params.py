"""`ape run dao params`: every parameter of the suite's registry on the connected chain, with the
contract that keeps it, its bounds and its value, as a table (what a proposal may change, and within
which limits)."""

from __future__ import annotations

from fivefold import deployment, manifest, ui

REGISTRIES = {"ParameterRegistry": "CC", "HPCParameterRegistry": "HPC", "CPCParameterRegistry": "CPC"}


def _records(chain) -> dict[str, dict]:
    """Every contract of the chain's manifest: CREATE2 ones and those configuration created (the CPC
    DAO, where CPC is at home)."""
    data = manifest.load(chain.chain_id)
    return {**(data.get("created") or {}), **data["contracts"]}


def registry_addresses(chain) -> dict[str, str]:
    """DAO -> its ParameterRegistry, from the connected chain's manifest; DeploymentError naming the fix."""
    records = _records(chain)
    found = {dao: records[name]["address"] for name, dao in REGISTRIES.items() if name in records}
    if not found:
        raise deployment.DeploymentError(
            f"no parameter registry on chain {chain.chain_id}: {manifest.describe(chain.chain_id)} has no "
            f"ParameterRegistry; {deployment.nothing_deployed_hint(chain)} (or pass --registry)"
        )
    return found


def _names(chain) -> dict[str, str]:
    """Address (lowercase) -> manifest name, for the contract column."""
    return {record["address"].lower(): name for name, record in _records(chain).items()}


def rows(registry, names: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(parameter, contract, value, bounds) per registered parameter, in registration order."""
    out = []
    for p in registry.parameters():
        contract = names.get(p.target.lower(), p.target)
        if p.keyed:
            key = "0x" + bytes(p.key)[-20:].hex()
            contract += f" [{names.get(key, key[:10] + '…')}]"
        if p.is_address:
            value, bounds = "0x" + f"{p.value:040x}", "a contract"
        else:
            value, bounds = f"{p.value:,}", f"{p.minimum:,} .. {p.maximum:,}"
        out.append((p.name, contract, value, bounds))
    return out


def run(provider, registry: str | None = None) -> None:
    from ape import chain, project

    registries = {"given": registry} if registry else registry_addresses(chain)
    names = _names(chain)
    for dao, address in registries.items():
        contract = project.ParameterRegistry.at(address)
        table = rows(contract, names)
        title = f"{dao} DAO parameters" if dao != "given" else f"Parameters of {address}"
        ui.table(
            f"{title} on chain {chain.chain_id} (owner {contract.owner()})",
            ["parameter", "contract", "value", "bounds"],
            table or [("(none registered)", "", "", "")],
            justify_right=(2,),
        )


# The Governor's phases (`state(id)`, OpenZeppelin's numbering).
STATES = ("pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed")
GOVERNORS = {"Governor": "CC", "HPCGovernor": "HPC", "CPCGovernor": "CPC"}
DAY = 86_400


def _when(seconds: int) -> str:
    """A signed duration, short: "in 2.5 d", "3.0 h ago"."""
    size, unit = (DAY, "d") if abs(seconds) >= DAY else (3_600, "h")
    text = f"{abs(seconds) / size:.1f} {unit}"
    return f"in {text}" if seconds >= 0 else f"{text} ago"


def proposal_rows(governor, label: str, now: int) -> list[tuple[str, ...]]:
    """(DAO, id, state, for, against, voting ends, description) for each proposal the Governor logged."""
    rows = []
    for log in governor.ProposalCreated.range(0, governor.chain_manager.blocks.head.number + 1):
        p = governor.proposal(log.proposal_id)
        state = STATES[governor.state(log.proposal_id)]
        ends = _when(p.deadline - now)
        votes = (f"{p.for_votes / 10**18:,.0f}", f"{p.against_votes / 10**18:,.0f}")
        short_id = f"{log.proposal_id:#x}"[:10] + "…"
        rows.append((label, short_id, state, *votes, ends, log.description[:40]))
    return rows


def run_proposals(provider) -> None:
    """`ape run dao proposals`: every proposal of the chain's DAOs, with its state."""
    from ape import chain, project

    data = _records(chain)
    missing = [name for name in GOVERNORS if name not in data]
    if len(missing) == len(GOVERNORS):
        raise deployment.DeploymentError(
            f"no Governor on chain {chain.chain_id}: {manifest.describe(chain.chain_id)} has none; "
            f"{deployment.nothing_deployed_hint(chain)}"
        )
    now = chain.blocks.head.timestamp
    rows = []
    for name, dao in GOVERNORS.items():
        if name in data:
            rows += proposal_rows(project.Governor.at(data[name]["address"]), dao, now)
    ui.table(
        f"Proposals on chain {chain.chain_id}",
        ["DAO", "id", "state", "for", "against", "voting ends", "description"],
        rows or [("(none yet)", "", "", "", "", "", "")],
        justify_right=(3, 4),
    )

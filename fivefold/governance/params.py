"""`ape run dao params`: every parameter of the suite's registry on the connected chain, with the
contract that keeps it, its bounds and its value, as a table (what a proposal may change, and within
which limits)."""

from __future__ import annotations

from fivefold import deployment, manifest, ui


def registry_address(chain) -> str:
    """The ParameterRegistry of the connected chain's manifest; DeploymentError naming the fix."""
    record = manifest.load(chain.chain_id)["contracts"].get("ParameterRegistry")
    if not record:
        raise deployment.DeploymentError(
            f"no parameter registry on chain {chain.chain_id}: {manifest.describe(chain.chain_id)} has no "
            f"ParameterRegistry; {deployment.nothing_deployed_hint(chain)} (or pass --registry)"
        )
    return record["address"]


def _names(chain) -> dict[str, str]:
    """Address (lowercase) -> manifest name, for the contract column."""
    data = manifest.load(chain.chain_id)
    records = {**(data.get("created") or {}), **data["contracts"]}
    return {record["address"].lower(): name for name, record in records.items()}


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

    contract = project.ParameterRegistry.at(registry or registry_address(chain))
    table = rows(contract, _names(chain))
    ui.table(
        f"Parameters on chain {chain.chain_id} (owner {contract.owner()})",
        ["parameter", "contract", "value", "bounds"],
        table or [("(none registered)", "", "", "")],
        justify_right=(2,),
    )

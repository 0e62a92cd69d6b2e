"""Governance: the parameter registry (issue 12; staking, the governor and the timelock join it).

Deploys ParameterRegistry everywhere. `configure` runs after every other domain's: each domain's
tunable numbers (`parameters(ctx)` in its flow, collected by `fivefold.domains.parameters`) are
registered once with this chain's configured value, which the registry writes through the contract's
setter, and the contract is told that the registry alone writes them from now on
(`set_parameter_registry`). A re-run changes a value or bounds through the registry while the deployer
still owns it; after the handoff a change is a proposal, and a re-run that finds one says so.
`exercise` reads every parameter back from its contract.
"""

from __future__ import annotations

from fivefold import domains
from fivefold.context import Context, Deployable, FlowError, Parameter, Step
from fivefold.governance.registry import entry

CONTRACTS = [
    # The deployer owns the registry while it registers the suite's parameters, then hands it over.
    Deployable("ParameterRegistry", "ParameterRegistry", lambda ctx: [ctx.deployer.address]),
]
BATCH = 16  # parameters per register_many (the contract takes up to 32; 16 stays far below a block)


def configure(ctx: Context) -> None:
    """Registers every domain's parameters, `BATCH` to a transaction, and moves any whose value or
    bounds differ from the configuration (idempotent: a re-run sends nothing when nothing changed)."""
    registry = ctx["ParameterRegistry"]
    held = {p.name: p for p in registry.parameters()}
    wanted = domains.parameters(ctx)
    for name in dict.fromkeys(p.contract for p in wanted):  # each contract once, in order
        target = ctx[name]
        # A lending market has no registry of its own: it reads its Controller's.
        if hasattr(target, "set_parameter_registry") and target.parameter_registry() != registry.address:
            ctx.send(f"{name}.set_parameter_registry", target.set_parameter_registry, registry)
    new = [p for p in wanted if p.name not in held]
    changed = [p for p in wanted if p.name in held and _differs(p, held[p.name])]
    if (new or changed) and registry.owner() != ctx.deployer.address:
        first = (new + changed)[0].name
        raise FlowError(
            f"{first} on chain {ctx.chain_id} differs from deploy/{ctx.config['chain']}.yaml, and the "
            "parameter registry belongs to governance now: propose ParameterRegistry.set_parameter"
        )
    for start in range(0, len(new), BATCH):
        batch = new[start : start + BATCH]
        ctx.send(
            f"ParameterRegistry.register_many ({batch[0].name} .. {batch[-1].name})",
            registry.register_many,
            [_entry(p, ctx[p.contract]) for p in batch],
        )
    for parameter in changed:
        _move(ctx, registry, parameter, held[parameter.name])


def _differs(parameter: Parameter, current) -> bool:
    return (current.value, current.minimum, current.maximum) != (
        parameter.value,
        parameter.minimum,
        parameter.maximum,
    )


def _move(ctx: Context, registry, parameter: Parameter, current) -> None:
    """Moves a registered parameter's value and bounds to the configured ones, keeping the value inside
    the bounds at every step (widened first when the new value lies outside the old ones)."""
    label = f"ParameterRegistry.%s({parameter.name})"
    bounds = (parameter.minimum, parameter.maximum)
    lowest, highest = current.minimum, current.maximum
    if not lowest <= parameter.value <= highest:
        lowest, highest = min(lowest, parameter.minimum), max(highest, parameter.maximum)
        ctx.send(label % "set_bounds", registry.set_bounds, parameter.name, lowest, highest)
    if current.value != parameter.value:
        ctx.send(label % "set_parameter", registry.set_parameter, parameter.name, parameter.value)
    if (lowest, highest) != bounds:
        ctx.send(label % "set_bounds", registry.set_bounds, parameter.name, *bounds)


def _entry(parameter: Parameter, target) -> dict:
    """`ParameterRegistry.register`'s argument for a domain's parameter."""
    return entry(
        parameter.name,
        target,
        parameter.setter,
        key=parameter.key,
        arity=parameter.arity,
        position=parameter.position,
        is_address=parameter.is_address,
        minimum=parameter.minimum,
        maximum=parameter.maximum,
        value=parameter.value,
    )


def read_back(ctx: Context, parameter: Parameter) -> int:
    """The value the contract itself keeps (an address as an integer)."""
    getter = getattr(ctx[parameter.contract], parameter.getter)
    value = getter(parameter.key) if parameter.key is not None else getter()
    if parameter.field:
        value = getattr(value, parameter.field)
    return int(value, 16) if isinstance(value, str) else int(value)


def exercise(ctx: Context) -> None:
    """Every registered parameter reads back the same from the registry and from its contract."""
    registry = ctx["ParameterRegistry"]
    held = {p.name: p.value for p in registry.parameters()}
    for parameter in domains.parameters(ctx):
        ctx.check(
            held.get(parameter.name) == read_back(ctx, parameter),
            f"{parameter.name}: the registry and {parameter.contract} agree",
        )
    note = f"{len(held)} read back equal in their contracts"
    ctx.steps.append(Step("ParameterRegistry.parameters", 0, "", note))

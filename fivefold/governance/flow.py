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


def configure(ctx: Context) -> None:
    """Registers every domain's parameters (idempotent: only what differs from the chain is sent)."""
    registry = ctx["ParameterRegistry"]
    held = {p.name: p for p in registry.parameters()}
    named = set()
    for parameter in domains.parameters(ctx):
        target = ctx[parameter.contract]
        if parameter.contract not in named and target.parameter_registry() != registry.address:
            ctx.send(f"{parameter.contract}.set_parameter_registry", target.set_parameter_registry, registry)
        named.add(parameter.contract)
        _write(ctx, registry, target, parameter, held.get(parameter.name))


def _write(ctx: Context, registry, target, parameter: Parameter, current) -> None:
    """Registers `parameter`, or moves its value and bounds to the configured ones."""
    bounds = (parameter.minimum, parameter.maximum)
    wanted = (parameter.value, *bounds)
    if current is not None and (current.value, current.minimum, current.maximum) == wanted:
        return
    if registry.owner() != ctx.deployer.address:
        raise FlowError(
            f"{parameter.name} on chain {ctx.chain_id} differs from deploy/{ctx.config['chain']}.yaml, and "
            "the parameter registry belongs to governance now: propose ParameterRegistry.set_parameter"
        )
    label = f"ParameterRegistry.%s({parameter.name})"
    if current is None:
        ctx.send(label % "register", registry.register, _entry(parameter, target))
        return
    lowest, highest = current.minimum, current.maximum
    if not lowest <= parameter.value <= highest:
        # The registry keeps the value inside the bounds at every step: widen them to hold both values.
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

"""Governance gas (see fivefold/gas.py), each in the condition its key names."""

from __future__ import annotations

from fivefold.abi import selector
from fivefold.gas import Bench, operation


@operation(
    "dao.parameter.set",
    "ParameterRegistry.set_parameter of a registered number (the airdrop fee, 500 -> 300 bps): bounds "
    "checked, value recorded, the contract's setter called",
)
def set_parameter(b: Bench):
    registry = b.project.ParameterRegistry.deploy(b.owner, sender=b.deployer)
    rounds = b.project.AirdropRounds.deploy(b.owner, sender=b.deployer)
    rounds.set_parameter_registry(registry, sender=b.owner)
    sel = selector(rounds.contract_type, "set_fee_bps")
    registry.register(
        "airdrop_rounds.fee_bps", rounds, sel, b"\0" * 32, False, False, 0, 1_000, 500, sender=b.owner
    )
    return registry.set_parameter("airdrop_rounds.fee_bps", 300, sender=b.owner)

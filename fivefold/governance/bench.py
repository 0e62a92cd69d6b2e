"""Governance gas (see fivefold/gas.py), each in the condition its key names."""

from __future__ import annotations

from fivefold.gas import Bench, operation
from fivefold.governance.registry import entry


@operation(
    "dao.parameter.set",
    "ParameterRegistry.set_parameter of a registered number (the airdrop fee, 500 -> 300 bps): bounds "
    "checked, value recorded, the contract's setter called",
)
def set_parameter(b: Bench):
    registry = b.project.ParameterRegistry.deploy(b.owner, sender=b.deployer)
    rounds = b.project.AirdropRounds.deploy(b.owner, sender=b.deployer)
    rounds.set_parameter_registry(registry, sender=b.owner)
    fee = entry("airdrop_rounds.fee_bps", rounds, "set_fee_bps", maximum=1_000, value=500)
    registry.register(fee, sender=b.owner)
    return registry.set_parameter("airdrop_rounds.fee_bps", 300, sender=b.owner)

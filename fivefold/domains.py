"""The domain registry: the one list that makes a folder of fivefold/ part of the suite.

Each domain `fivefold/<name>/` contributes `flow.py` (CONTRACTS, configure, exercise) and `bench.py`
(its gas operations). NAMES lists the domains in dependency order: deploy plans and configures them
in this order (after every contract exists), exercise runs them in this order except that the
tokens' own flow (transfer, permit) comes last, and `ape run gas` measures every domain's bench.
Adding a domain = adding its folder and its name here.
"""

from importlib import import_module
from types import ModuleType

NAMES = (
    "tokens",
    "vesting",
    "emission",
    "payouts",
    "lending",
    "nodes",
    "governance",
    "nft",
    "ads",
    "snapshots",
    "payments",
    "sale",
    "resources",
    "datamarket",
    "bridge",
)


def flows() -> list[ModuleType]:
    """Every domain's `flow` module, in dependency order."""
    return [import_module(f"fivefold.{name}.flow") for name in NAMES]


def exercise_flows() -> list[ModuleType]:
    """The flows in the order `ape run exercise` runs them: the registry's, with tokens last. Where no
    token is minted at deployment (HPC and CARTY are emitted; CMDT, CC and CPC live off their home
    chain only through a bridge), an account holds a token only after another domain paid one out."""
    flows_ = flows()
    return flows_[1:] + flows_[:1]


def parameters(ctx) -> list:
    """Every domain's tunable numbers (`fivefold.context.Parameter`) on this chain, in registry order:
    what the parameter registry holds after deployment."""
    return [p for flow in flows() if hasattr(flow, "parameters") for p in flow.parameters(ctx)]


def owner_of(ctx, name: str, contract) -> str | None:
    """Who owns `name` after deployment, if a domain claims it (the governance flow: the suite's
    timelock); None leaves it to the configured owner."""
    for flow in flows():
        if hasattr(flow, "owner_of") and (owner := flow.owner_of(ctx, name, contract)):
            return owner
    return None


def benches() -> list[ModuleType]:
    """Every domain's `bench` module (importing one registers its gas operations)."""
    return [import_module(f"fivefold.{name}.bench") for name in NAMES]

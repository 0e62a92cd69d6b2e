"""The domain registry: the one list that makes a folder of fivefold/ part of the suite.

Each domain `fivefold/<name>/` contributes `flow.py` (CONTRACTS, configure, exercise) and `bench.py`
(its gas operations). NAMES lists the domains in dependency order: deploy plans and configures them
in this order (after every contract exists), exercise runs them in this order, and `ape run gas`
measures every domain's bench. Adding a domain = adding its folder and its name here.
"""

from importlib import import_module
from types import ModuleType

NAMES = ("tokens", "vesting", "emission", "payouts", "lending")


def flows() -> list[ModuleType]:
    """Every domain's `flow` module, in dependency order."""
    return [import_module(f"fivefold.{name}.flow") for name in NAMES]


def benches() -> list[ModuleType]:
    """Every domain's `bench` module (importing one registers its gas operations)."""
    return [import_module(f"fivefold.{name}.bench") for name in NAMES]

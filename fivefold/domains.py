"""Each domain's deploy plan (CONTRACTS), chain-specific setup (configure) and user flows (exercise).

DOMAINS lists them in dependency order: configure runs in this order, after every contract exists.
"""

from importlib import import_module

DOMAIN_NAMES = ("tokens", "vesting", "emission", "payouts", "lending")


def domains():
    return [import_module(f"fivefold.flows.{name}") for name in DOMAIN_NAMES]

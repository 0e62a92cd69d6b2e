"""Measure the suite's named operations on a fresh local chain; write or check gas-snapshot.json.

  ape run gas            measure and write gas-snapshot.json
  ape run gas --check    measure and compare: exit 1 if any figure moved by more than 1%,
                         an operation is missing, or an operation exceeds its target

The logic lives in fivefold/gas.py; the operations in each domain's fivefold/<domain>/bench.py.
"""

from pathlib import Path

import click
from ape.cli import network_option

from fivefold import gas
from fivefold.command import Command


@click.command(cls=Command)
@network_option(ecosystem="ethereum", network="local", provider="foundry")
@click.option("--check", is_flag=True, help="Compare with the committed snapshot instead of writing it.")
@click.option(
    "--only",
    metavar="PREFIX",
    default="",
    help="Measure only keys starting with PREFIX (never with --check).",
)
@click.option(
    "--file", "path", type=click.Path(path_type=Path), default=Path(gas.SNAPSHOT_FILE), show_default=True
)
def cli(check, only, path):
    """Gas snapshot of the suite's operations, each in its stated condition on a fresh local chain
    (ape-foundry's anvil, one chain snapshot per operation)."""
    gas.run(check, only, path)

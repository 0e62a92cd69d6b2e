"""Scaling table: gas of every per-user operation with 10, 1,000 and 10,000 other participants.

  ape run scaling                          every row at 10, 1,000 and 10,000; writes bench/scaling.json
  ape run scaling --only lending           rows whose key starts with "lending" (--only sale,payments: either)
  ape run scaling --sizes 2,4 --file /tmp/s.json   a quick look (the smoke test's sizes)

Exits 1 if a row's spread (largest minus smallest figure) is above 1% of its smallest figure. The
crowds and the measurement live in fivefold/assurance/scaling.py.
"""

from pathlib import Path

import click
from ape.cli import network_option

from fivefold import ui
from fivefold.assurance import scaling
from fivefold.command import Command


@click.command(cls=Command)
@network_option(ecosystem="ethereum", network="local", provider="foundry")
@click.option(
    "--only", metavar="PREFIX[,PREFIX]", default="", help="Measure only rows whose key starts with a PREFIX."
)
@click.option(
    "--sizes",
    default=",".join(str(size) for size in scaling.SIZES),
    show_default=True,
    help="Comma-separated crowd sizes (other participants), at least two.",
)
@click.option(
    "--file", "path", type=click.Path(path_type=Path), default=scaling.RESULTS_FILE, show_default=True
)
def cli(only, sizes, path):
    """Gas of each per-user operation at several crowd sizes on a fresh local chain (ape-foundry's
    anvil): a table, a JSON file, and exit 1 if any row is not flat within 1%."""
    with ui.errors(ValueError):
        parsed = scaling.parse_sizes(sizes)
    scaling.run(only, parsed, path)

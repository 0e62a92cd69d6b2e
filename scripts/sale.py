"""CC's token sale on the connected chain (TokenSale, docs/sale.md).

  ape run sale status --network bsc:mainnet

The logic lives in fivefold/sale/report.py.
"""

import click
from ape.cli import network_option

from fivefold import deployment, session, ui
from fivefold.command import Command
from fivefold.sale import report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Read CC's sale rounds (TokenSale)."""


@cli.command(cls=Command)
@network_option()
def status(provider):
    """Prints every sale round: its price in USD per CC, CC sold of its cap, soft cap, what it raised
    per asset and its phase (before, open, succeeded, failed). 80 columns."""
    session.prepare(provider)
    with ui.errors(*deployment.ERRORS):
        report.run(provider)

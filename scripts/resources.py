"""The HPC resource market on a connected chain (HPC's home).

  ape run resources status --network polygon:mainnet   usage per kind, reward rates, top providers

The logic lives in fivefold/resources/report.py.
"""

import click
from ape.cli import network_option

from fivefold import deployment, session, ui
from fivefold.command import Command
from fivefold.resources import report


@click.group()
def cli():
    """Read the HPC resource market on a connected chain (where HPC is at home).

    \b
      ape run resources status --network polygon:mainnet   usage, reward rates, top providers
    """


@cli.command(cls=Command)
@network_option()
def status(provider):
    """Prints the market (period, reward budget, escrow, stakes, reward curve), each kind's capacity,
    usage now and next period with the reward per unit it earns, and the top providers by HPC earned
    (read from the market's events; 80 columns)."""
    session.prepare(provider)
    with ui.errors(*deployment.ERRORS):
        report.run(provider)

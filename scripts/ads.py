"""`ape run ads`: interactive ads (AdCampaigns) on the connected chain.

  ape run ads campaigns --network bsc:mainnet

The logic lives in fivefold/ads/report.py.
"""

import click
from ape.cli import network_option

from fivefold import deployment, session, ui
from fivefold.ads import report
from fivefold.command import Command


@click.group()
def cli():
    """Interactive ads (CMDMAX 8.4): campaigns that pay consumers per proven interaction."""


@cli.command(cls=Command, short_help="The chain's campaigns as a table.")
@network_option()
def campaigns(provider):
    """Prints every campaign of the chain's AdCampaigns: its asset, reward per interaction, budget,
    interactions, amount paid and left, and its phase (scheduled, live, ended) from its timestamps
    (80 columns)."""
    session.prepare(provider)
    with ui.errors(*deployment.ERRORS):
        report.run(provider)

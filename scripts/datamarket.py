"""`ape run datamarket`: the PDash data market (DataMarket) on the connected chain (CPC's home chain).

  ape run datamarket listings --network ethereum:mainnet

The logic lives in fivefold/datamarket/report.py.
"""

import click
from ape.cli import network_option

from fivefold import deployment, session, ui
from fivefold.command import Command
from fivefold.datamarket import report


@click.group()
def cli():
    """PDash data market (CPChain 2.2.3, 3.3.1): listings, escrowed purchases, proxies, disputes."""


@cli.command(cls=Command, short_help="The chain's listings as a table.")
@network_option()
def listings(provider):
    """Prints every listing of the chain's DataMarket: its seller, asset, price, deposit, settled
    sales, open purchases and status (open, closed, slashed) (80 columns)."""
    session.prepare(provider)
    with ui.errors(*deployment.ERRORS):
        report.run(provider)

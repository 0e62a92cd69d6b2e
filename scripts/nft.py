"""`ape run nft`: the MToken vaults of the connected chain with their lots and the MToken's price in CC.

  ape run nft --network bsc:mainnet

The logic lives in fivefold/nft/report.py.
"""

import click
from ape.cli import network_option

from fivefold import deployment, session, ui
from fivefold.command import Command
from fivefold.nft import report


@click.command(cls=Command)
@network_option()
def cli(provider):
    """Prints every MToken vault of the chain's VaultFactory: its MToken and supply, how many of its
    NFTs are sold, and the MToken's price in CC from its pool on the chain's DEX (80 columns)."""
    session.prepare(provider)
    with ui.errors(*deployment.ERRORS):
        report.run(provider)

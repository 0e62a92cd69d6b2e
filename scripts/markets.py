"""`ape run markets`: each lending market's size, utilization, rates and APYs as a table.

  ape run markets --network bsc:mainnet
  ape run markets --network ... --plot markets.png      also draw APR over utilization per market
  ape run markets --network ... --controller 0x...      a Controller not in the manifest

The logic lives in fivefold/markets.py.
"""

from pathlib import Path

import click
from ape.cli import network_option

from fivefold import markets, session
from fivefold.command import Command


@click.command(cls=Command)
@network_option()
@click.option(
    "--controller",
    "controller_address",
    default=None,
    help="Controller address (default: the deployment manifest's LendingController).",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw each market's borrow and supply APR over utilization into this .png.",
)
def cli(provider, controller_address, plot):
    """Prints the lending markets of the connected chain: supplied, borrowed, utilization,
    borrow and supply APR/APY, collateral factor (80 columns)."""
    session.prepare(provider)
    markets.run(provider, controller_address, plot)

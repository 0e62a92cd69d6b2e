"""The vesting and emission schedules at TGE, +1 month, +13 months, +4 years, ... +130 years, each
read at its time from the contracts' views (nothing moves the chain's clock).

  ape run timeline --network ethereum:mainnet:http://127.0.0.1:8545
  ape run timeline --network ... --plot timeline.png     also draw the unlock and emission curves

The logic lives in fivefold/timeline.py and fivefold/plots.py.
"""

from pathlib import Path

import click
from ape.cli import account_option, network_option

from fivefold import deployment, timeline
from fivefold.command import Command


@click.command(cls=Command)
@network_option()
@account_option(prompt=False)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw CC unlock per allocation, the CPC lock and rewards, and HPC/CARTY emission "
    "into this .png.",
)
def cli(provider, account, plot):
    """Schedules over time on a deployed chain: CC vested, CPC team vested and maintenance rewards,
    HPC and CARTY emitted, at each labelled time (whole tokens)."""
    timeline.run(deployment.command_context(provider, account, deployed=True), plot)

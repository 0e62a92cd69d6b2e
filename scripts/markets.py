"""`ape run markets`: each lending market's size, utilization, rates and APYs as a table.

  ape run markets --network bsc:mainnet
  ape run markets --network ... --controller 0x...     a Controller not in the manifest

The logic lives in fivefold/lending/model.py (market_rows, markets_table).
"""

import click
from ape.cli import ConnectedProviderCommand, network_option

from fivefold import manifest, session, ui


@click.command(cls=ConnectedProviderCommand, context_settings={"help_option_names": ["-h", "--help"]})
@network_option()
@click.option("--controller", "controller_address", default=None, help="Controller address (default: the deployment manifest's LendingController).")
def cli(provider, controller_address):
    """Prints the lending markets of the connected chain: cash, borrows, reserves, utilization,
    borrow and supply APR/APY, collateral factor."""
    from ape import project

    from fivefold.lending import model as lending

    session.prepare(provider)
    with ui.errors(FileNotFoundError, KeyError):
        address = controller_address or lending.controller_address(provider.chain_id, deployments_dir=manifest.directory())
        ui.console.print(lending.markets_table(lending.market_rows(project.Controller.at(address), project)))

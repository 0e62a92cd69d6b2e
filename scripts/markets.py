"""`ape run markets`: each lending market's size, utilization, rates and APYs as a table."""

import click
from ape.cli import ConnectedProviderCommand, network_option


@click.command(cls=ConnectedProviderCommand)
@network_option()
@click.option("--controller", "controller_address", default=None, help="Controller address (default: the deployment manifest's LendingController).")
def cli(provider, controller_address):
    """Prints the lending markets of the connected chain."""
    from ape import project
    from rich.console import Console

    from fivefold.lending import model as lending

    address = controller_address or lending.controller_address(provider.chain_id)
    rows = lending.market_rows(project.Controller.at(address), project)
    Console().print(lending.markets_table(rows))

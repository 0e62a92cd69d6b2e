"""Tour the vesting and emission schedules on a LOCAL chain (it moves time): jump to TGE, +1 month,
+13 months, +4 years, ... release and mint at each point, and print what vested and was emitted.

  ape run timeline --network ethereum:mainnet:http://127.0.0.1:8545

The logic lives in fivefold/timeline.py.
"""

import click
from ape.cli import ConnectedProviderCommand, account_option, network_option

from fivefold import deployment, timeline, ui


@click.command(cls=ConnectedProviderCommand, context_settings={"help_option_names": ["-h", "--help"]})
@network_option()
@account_option(prompt=False)
def cli(provider, account):
    """Schedules over time on a deployed local chain: vested, released, emitted and supplies at each
    point (local chains only: it moves the chain's clock; --account defaults to the first test account)."""
    with ui.errors(*deployment.ERRORS, ValueError):
        timeline.run(deployment.command_context(provider, account, deployed=True))

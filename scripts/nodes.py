"""CPChain's node economy on a connected chain (CPC's home).

  ape run nodes status --network ethereum:mainnet     pools, season phase, committee, board

The logic lives in fivefold/nodes/report.py.
"""

import click
from ape.cli import network_option

from fivefold import deployment, session, ui
from fivefold.command import Command
from fivefold.nodes import report


@click.group()
def cli():
    """Read CPChain's node economy on a connected chain (where CPC is at home).

    \b
      ape run nodes status --network ethereum:mainnet   pools, season phase, committee, board
    """


@cli.command(cls=Command)
@network_option()
def status(provider):
    """Prints the Economy Pool's season and phase with the pools' deposits and rewards, the proposer
    committee's running term with its members and the next election, and the board's cycle with its
    candidates, directors and chair (80 columns)."""
    session.prepare(provider)
    with ui.errors(*deployment.ERRORS):
        report.run(provider)

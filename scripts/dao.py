"""Governance at a glance: the suite's tunable parameters and the DAOs' proposals.

  ape run dao params --network bsc:mainnet          every registry parameter: contract, value, bounds
  ape run dao params --registry 0x...               a ParameterRegistry not in the manifest
  ape run dao proposals --network bsc:mainnet       every DAO's proposals with their state and votes

The logic lives in fivefold/governance/params.py.
"""

import click
from ape.cli import network_option

from fivefold import deployment, session, ui
from fivefold.command import Command
from fivefold.governance import params as params_mod


@click.group()
def cli():
    """Read the suite's governance on a connected chain.

    \b
      ape run dao params --network bsc:mainnet      every parameter with its bounds and value
      ape run dao proposals --network bsc:mainnet   every proposal with its state and votes
    """


@cli.command(cls=Command)
@network_option()
@click.option(
    "--registry",
    default=None,
    help="ParameterRegistry address (default: the deployment manifest's).",
)
def params(provider, registry):
    """Prints every parameter of the suite's registry: the contract that keeps it, its value and the
    bounds a proposal must stay within."""
    session.prepare(provider)
    with ui.errors(*deployment.ERRORS):
        params_mod.run(provider, registry)


@cli.command(cls=Command)
@network_option()
def proposals(provider):
    """Prints every proposal of the CC, HPC and (where CPC is at home) CPC DAOs on the connected chain
    (from the Governors' ProposalCreated logs): its state, votes for and against, when voting ends, its
    description."""
    session.prepare(provider)
    with ui.errors(*deployment.ERRORS):
        params_mod.run_proposals(provider)

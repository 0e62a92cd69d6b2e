"""Run every user-facing flow of the suite on a deployed chain, from the deployment manifest alone.

  ape run exercise --network bsc:mainnet --account deployer
  ape run exercise --network bsc:mainnet:http://127.0.0.1:8556     (a local stand-in chain)

Prints each step with its gas; exits non-zero on the first failure. The logic lives in
fivefold/exercise.py and each domain's fivefold/<domain>/flow.py.
"""

import click
from ape.cli import account_option, network_option

from fivefold import deployment, exercise, ui
from fivefold.command import Command
from fivefold.context import FlowError


@click.command(cls=Command)
@network_option()
@account_option(prompt=False)
@click.option(
    "--profile",
    type=click.Choice(["live", "local"]),
    help="Profile of deploy/<chain>.yaml [default: local on a loopback RPC, else live].",
)
def cli(provider, account, profile):
    """End-to-end scenario on a deployed suite: every registered domain's user flows (tokens,
    vesting, emission, payouts, lending, ...), each step with its gas. On a local chain the test
    accounts act (and --account defaults to the first); on a live chain --account acts alone."""
    with ui.errors(*deployment.ERRORS, FlowError):
        exercise.run(deployment.command_context(provider, account, profile, deployed=True))

"""Deploy the whole suite to one network, check roles left behind, or check supply across chains.

  ape run deploy --network bsc:mainnet --account deployer            deploy (asks before sending)
  ape run deploy --network bsc:mainnet --account deployer --dry-run  plan, gas and cost only
  ape run deploy check-roles --network bsc:mainnet --account deployer
  ape run deploy check-supply --rpc 56=https://... --rpc 1=https://...

The logic lives in fivefold/deployment.py and fivefold/supply.py; this file only parses options.
"""

import click
from ape.cli import account_option, network_option

from fivefold import deployment, supply, ui
from fivefold.cli import DefaultGroup
from fivefold.command import Command

PROFILE = click.option(
    "--profile",
    type=click.Choice(["live", "local"]),
    help="Profile of deploy/<chain>.yaml [default: local on a loopback RPC, else live].",
)


@click.group(cls=DefaultGroup, default="suite")
def cli():
    """Deploy the suite, or check what a deployment left behind.

    \b
      ape run deploy --network bsc:mainnet --account deployer            deploy (asks before sending)
      ape run deploy --network bsc:mainnet --account deployer --dry-run  plan, gas and cost only
      ape run deploy check-roles --network bsc:mainnet --account deployer
      ape run deploy check-supply --rpc 56=https://... --rpc 1=https://...

    `ape run deploy suite --help` lists the deploy options.
    """


@cli.command(cls=Command, short_help="Deploy, configure and hand over the suite (the default).")
@network_option()
@account_option(prompt=False)
@PROFILE
@click.option("--dry-run", is_flag=True, help="Print the plan with estimated gas and cost; send nothing.")
@click.option("--yes", is_flag=True, help="Do not ask before broadcasting.")
@click.option("--quiet", is_flag=True, help="No tables: one line per chain (the demo uses it).")
def suite(provider, account, profile, dry_run, yes, quiet):
    """Deploy every contract of the suite through the CREATE2 proxy (same address on every chain),
    configure it for this chain from deploy/<chain>.yaml, hand every role to the configured owner,
    and record it in deployments/<chain-id>.json. Re-running sends nothing for what is done.

    --account is required except on a local chain (there: the first test account).
    """
    with ui.errors(*deployment.ERRORS):
        deployment.run(
            deployment.command_context(provider, account, profile),
            dry_run=dry_run,
            assume_yes=yes,
            quiet=quiet,
        )


@cli.command("check-roles", cls=Command)
@network_option()
@account_option(prompt=False)
@PROFILE
def check_roles(provider, account, profile):
    """List every role the deployer (--account; on a local chain the first test account by default)
    still holds, every ownership transfer the owner has not accepted yet, and every token whose
    initial mint is still open; exit non-zero if there is one."""
    with ui.errors(*deployment.ERRORS):
        deployment.check_roles(deployment.command_context(provider, account, profile, deployed=True))


@cli.command("check-supply")
@click.option(
    "--rpc",
    "rpcs",
    multiple=True,
    metavar="CHAIN_ID=NETWORK",
    help="Where to read each manifest's chain: a network choice or RPC URL per chain id. Repeat per chain.",
)
def check_supply(rpcs):
    """Per token: supply on each chain with a manifest, the total, and the cap (the total must never
    exceed it)."""
    with ui.errors(*deployment.ERRORS, ValueError):
        supply.run(rpcs)

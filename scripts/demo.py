"""The main job (`make demo`): four local chains with ids 1, 56, 137 and 66, the whole suite deployed
and exercised on each through `ape run deploy` and `ape run exercise`, then stopped.

  ape run demo                      the main job (`make demo`)
  ape run demo --keep --no-exercise  the four chains with the suite deployed, kept until Ctrl-C (`make up`)
"""

import click

from fivefold import demo, ui
from fivefold.localchain import LocalChainError


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--keep",
    is_flag=True,
    help="Keep the four chains running afterwards (fixed ports 8545-8548, manifests in "
    "deployments/local/) until Ctrl-C: `make up`.",
)
@click.option("--no-exercise", "no_exercise", is_flag=True, help="Deploy only (the chains stay at TGE).")
def cli(keep, no_exercise):
    """Start four anvil nodes (Ethereum, BNB Smart Chain, Polygon, OKT Chain stand-ins), deploy and
    exercise the suite on each, show what happened per chain, identical addresses, the schedules and
    supply per chain; then stop the nodes (or, with --keep, leave them running until Ctrl-C)."""
    with ui.errors(LocalChainError):
        demo.run(keep=keep, exercise=not no_exercise)

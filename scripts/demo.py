"""The main job (`make demo`): four local chains with ids 1, 56, 137 and 66, the whole suite deployed
and exercised on each through `ape run deploy` and `ape run exercise`, then stopped.

  ape run demo
"""

import click

from fivefold import demo, ui
from fivefold.localchain import LocalChainError


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Start four anvil nodes (Ethereum, BNB Smart Chain, Polygon, OKT Chain stand-ins), deploy and
    exercise the suite on each, show identical addresses and supply per chain, stop the nodes."""
    with ui.errors(LocalChainError):
        demo.run()

"""Write what dApps consume, from the compiled contracts and the deployment manifests (no RPC):
ABIs with their NatSpec, the address book by chain id, and the TypeScript entry point index.ts.

  ape run export                   into abi/ (not committed: generated)
  ape run export --out DIR         elsewhere (the demo writes out/demo/abi for its local chains)
  ape run export --local           the chains of `make up` (deployments/local/) instead of the live ones
  ape run export --gaps            also list the ABI parameters and outputs that have no name

The logic lives in fivefold/abi.py and fivefold/addressbook.py.
"""

from pathlib import Path

import click

from fivefold import abi


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), help="Directory to write (default: abi/)."
)
@click.option(
    "--local",
    is_flag=True,
    help="Address book of the `make up` chains (deployments/local/), not the live ones.",
)
@click.option("--gaps", is_flag=True, help="List unnamed ABI parameters and outputs.")
def cli(out, local, gaps):
    """Export ABIs, NatSpec, the address book and abi/index.ts for dApps (from the compiled
    contracts and the deployment manifests; no RPC)."""
    abi.run(out, gaps, local=local)

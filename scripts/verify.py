"""Verify the deployed suite's sources on the chain's explorer.

  ape run verify --network bsc:mainnet          BscScan (needs BSCSCAN_API_KEY)
  ape run verify --network ethereum:mainnet     Etherscan (ETHERSCAN_API_KEY)
  ape run verify --network polygon:mainnet      PolygonScan (POLYGONSCAN_API_KEY)
  ape run verify --network oktc:mainnet         writes out/verify/oktc/*.json for the web form
  ape run verify --network ... --payload-only   write payloads only, submit nothing

The logic lives in fivefold/verify.py.
"""

import click
from ape.cli import network_option

from fivefold import deployment, ui, verify
from fivefold.command import Command


@click.command(cls=Command)
@network_option()
@click.option("--payload-only", is_flag=True, help="Write the standard-JSON payloads; do not submit.")
def cli(provider, payload_only):
    """Submit every deployed contract's Vyper standard-JSON input to the explorer (ape-etherscan),
    or write it to out/verify/<chain>/ where no supported explorer exists (OKT Chain)."""
    with ui.errors(*deployment.ERRORS):
        verify.run(provider, payload_only)

"""`ape run bridge`: tokens moving between the local chains (`make up`) through Hyperlane.

  ape run bridge demo  --rpc 56=http://127.0.0.1:8546 --rpc 1=http://127.0.0.1:8545 ...
  ape run bridge relay --rpc 56=http://127.0.0.1:8546 --rpc 1=http://127.0.0.1:8545 ...

Both read the routers and Mailboxes from the chains' manifests (deployments/local/). The logic lives
in fivefold/bridge/cli.py; `ape run deploy check-supply` checks the books afterwards.
"""

import click

from fivefold import deployment, ui
from fivefold.bridge import cli as bridge

RPC = click.option(
    "--rpc",
    "rpcs",
    multiple=True,
    required=True,
    metavar="CHAIN_ID=URL",
    help="A local chain's RPC URL per chain id (`make up` prints them). Repeat per chain.",
)


def _urls(rpcs) -> dict[int, str]:
    """--rpc CHAIN_ID=URL values as {chain id: URL}; a malformed one is the user's to fix."""
    urls = {}
    for value in rpcs:
        chain_id, _, url = value.partition("=")
        if not chain_id.isdigit() or not url:
            raise ValueError(f"--rpc {value!r}: write CHAIN_ID=URL, e.g. --rpc 56=http://127.0.0.1:8546")
        urls[int(chain_id)] = url.split(":", 2)[-1] if url.count(":") > 2 else url
    return urls


@click.group()
def cli():
    """Tokens between the local chains through Hyperlane: `demo` moves CMDT and CC and shows the
    supplies, `relay` delivers what is pending (as Hyperlane's validators and relayer would)."""


@cli.command(short_help="Move CMDT and CC between the chains and show the supplies.")
@RPC
def demo(rpcs):
    """CMDT from BSC (its home) to every other chain and part of it back, CC from BSC to Ethereum,
    each delivered by the local relay; the supply per chain before and after."""
    with ui.errors(*deployment.ERRORS, ValueError, ConnectionError):
        bridge.demo(_urls(rpcs))


@cli.command(short_help="Deliver every pending message once.")
@RPC
def relay(rpcs):
    """One pass of the local relay: every message dispatched and not yet delivered, signed by 2 of
    the 3 local validators and processed on its destination."""
    with ui.errors(*deployment.ERRORS, ValueError, ConnectionError):
        bridge.relay_command(_urls(rpcs))

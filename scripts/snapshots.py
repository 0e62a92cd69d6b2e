"""Signed data snapshots on the connected chain (SnapshotRegistry, docs/snapshots.md).

  ape run snapshots verify 0xAccount persistent 0xHash --network bsc:mainnet
  ape run snapshots verify 0xAccount cache ./snapshot.bin --version 3

The logic lives in fivefold/snapshots/report.py.
"""

import click
from ape.cli import network_option

from fivefold import deployment, session, ui
from fivefold.command import Command
from fivefold.snapshots import report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Read the signed data snapshots anchored in the chain's SnapshotRegistry."""


@cli.command(cls=Command)
@network_option()
@click.argument("account")
@click.argument("kind")
@click.argument("snapshot")
@click.option("--version", type=click.IntRange(min=1), help="The version to check [default: the latest].")
def verify(provider, account, kind, snapshot, version):
    """Whether SNAPSHOT (a 0x 32-byte hash, or a file whose keccak256 is hashed) is ACCOUNT's current
    snapshot of KIND (cache, persistent, permission): prints the latest anchor and the verdict; exits
    1 when the snapshot is not the current one."""
    session.prepare(provider)
    with ui.errors(*deployment.ERRORS):
        verdict = report.run(provider, account, kind, snapshot, version)
    if not verdict.verified:
        raise SystemExit(1)

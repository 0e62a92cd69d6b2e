"""Interrupt the real deploy on local chains and run it again: it must resume to the same suite.

  ape run faults                      20 kill trials and 4 RPC trials, a random seed
  ape run faults --trials 2 --seed 7  fewer trials, the same kill points as another run with seed 7

Each trial: a fresh anvil, `ape run deploy` killed with `kill -9` after a random transaction (or
its RPC cut or silenced by a loopback proxy), then `ape run deploy` again, compared with an
uninterrupted deploy and checked with `ape run deploy check-roles`. The logic lives in
fivefold/assurance/faults.py.
"""

from pathlib import Path

import click

from fivefold.assurance import faults


@click.command()
@click.option("--trials", default=20, show_default=True, help="Kill trials (chains 1, 56, 137, 66 in turn).")
@click.option(
    "--rpc-trials", default=4, show_default=True, help="RPC trials: the proxy drops, then hangs, in turn."
)
@click.option(
    "--seed", type=int, default=None, help="Seed of the kill points and RPC requests [default: random]."
)
@click.option(
    "--chain",
    "chains",
    type=click.Choice([str(c) for c in faults.CHAIN_IDS]),
    multiple=True,
    help="Only these chain ids (repeat) [default: all four].",
)
@click.option(
    "--report", type=click.Path(path_type=Path), default=None, help="Write the trials as JSON here."
)
def cli(trials, rpc_trials, seed, chains, report):
    """Deploy, interrupt (kill -9, a dropped or silent RPC), deploy again: same addresses, nothing
    configured twice, no role left with the deployer; exit 1 on any failed trial."""
    faults.run(
        trials,
        rpc_trials,
        seed,
        report,
        chain_ids=tuple(int(c) for c in chains) or faults.CHAIN_IDS,
    )

"""Side-by-side gas comparison: the suite beside reference implementations on one local chain.

  ape run bench                           every row; writes bench/results.json
  ape run bench --only erc20.permit       the rows whose key starts with erc20.permit
  ape run bench --file /tmp/bench.json    write the results elsewhere

The references (OpenZeppelin, Uniswap, Sablier, Aave) are installed by `make bench`
(npm install --prefix bench); the framework lives in fivefold/assurance/bench.py, the rows in
fivefold/assurance/bench_*.py.
"""

from pathlib import Path

import click
from ape.cli import network_option

from fivefold.assurance import bench
from fivefold.command import Command


@click.command(cls=Command)
@network_option(ecosystem="ethereum", network="local", provider="foundry")
@click.option(
    "--only", metavar="PREFIX", default="", help="Measure only the rows whose key starts with PREFIX."
)
@click.option(
    "--file",
    "path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=bench.RESULTS_FILE,
    show_default=True,
    help="Where to write the results (JSON; rows of an --only run are merged into it).",
)
def cli(only, path):
    """Gas of the suite's operations beside reference implementations (OpenZeppelin, snekmate,
    Uniswap, Sablier, Aave v3), the same operation in the same condition on one local chain."""
    bench.run(only, path)

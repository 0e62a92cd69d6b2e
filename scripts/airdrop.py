"""Airdrop rounds from a CSV of `address,amount` rows.

  ape run airdrop build rows.csv --asset 0x... --network bsc:mainnet
                                                  read decimals, round, registry there
  ape run airdrop build rows.csv --asset native --decimals 18 --chain-id 56 --registry 0x... --round 3
                                                  offline
  ape run airdrop build --bench 1000000                                       time the build on generated rows
  ape run airdrop publish round-3.json --network bsc:mainnet --account op --days 7   fund, publish and draw

The logic lives in fivefold/payouts/airdrop.py; this file only parses options and prints.
"""

import time
from pathlib import Path

import click
from ape.cli import account_option, network_option

from fivefold import session, ui
from fivefold.command import Command
from fivefold.payouts import airdrop


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Build airdrop trees from CSV files and publish them as AirdropRounds rounds."""


@cli.command()
@click.argument("csv_path", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--asset", help="The ERC-20 the amounts are in (address), or 'native'.")
@click.option(
    "--network",
    help="Read chain id, registry, next round and the token's decimals from this network "
    "(e.g. bsc:mainnet, or an RPC URL). Without it, give --decimals, --chain-id, --registry, --round.",
)
@click.option(
    "--decimals",
    type=click.IntRange(0, 36),
    help="The asset's decimals (read from the token with --network).",
)
@click.option("--chain-id", type=int, help="Chain the round is for (every leaf commits to it).")
@click.option("--registry", help="AirdropRounds address [with --network: the deployment manifest's].")
@click.option("--round", "round_number", type=click.IntRange(min=1),
              help="Round number [with --network: the registry's round_count + 1].")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="JSON to write [default: <csv>.json]."
)
@click.option(
    "--bench", "bench_rows", type=int, metavar="ROWS", help="Instead: time a build of ROWS generated rows."
)
def build(csv_path, asset, network, decimals, chain_id, registry, round_number, out, bench_rows):
    """Validate CSV_PATH (`address,amount` rows in registration order, amounts in whole tokens),
    build the Merkle tree and write the round, its salt and every proof to JSON. Bad rows are
    reported by row number with the reason, and nothing is written."""
    if bench_rows:
        with ui.progress() as bar:
            result = airdrop.bench(bench_rows, Path("."), progress=bar)
        ui.console.print(
            f"[bold]benchmark[/]: {result['rows']:,} rows built in {result['seconds']:.1f} s "
            f"(CPU {result['cpu_seconds']:.1f} s; {result['json_bytes'] / 1e6:,.0f} MB of proofs), "
            f"root {result['root']}"
        )
        return
    if csv_path is None or asset is None:
        raise click.UsageError("build needs CSV_PATH and --asset (or --bench ROWS)")
    with ui.errors(ValueError, session.SessionError):
        if network:
            from ape import chain, project

            with session.connect(network):
                target = airdrop.target_online(chain, project, asset, decimals, registry, round_number)
        else:
            target = airdrop.target_offline(asset, decimals, chain_id, registry, round_number)
    out = out or csv_path.with_suffix(".json")
    t0 = time.perf_counter()
    try:
        with ui.progress() as bar:
            built = airdrop.build_csv(
                csv_path, out, target.key, target.decimals, progress=bar, asset=target.asset
            )
    except airdrop.CsvError as exc:
        ui.fail(f"{csv_path} has bad rows:\n{exc}")
    ui.console.print(
        f"round {built.number} for chain {target.key.chain_id}: {len(built.rows):,} accounts, total "
        f"{airdrop.format_tokens(built.total, target.decimals)} {target.symbol}, "
        f"root 0x{built.root.hex()} -> {out} ({time.perf_counter() - t0:.1f} s)"
    )


@cli.command(cls=Command)
@network_option()
@account_option()
@click.argument("round_json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--start", type=int, help="Window start, unix time [default: now].")
@click.option("--days", type=float, default=7, show_default=True, help="Window length in days.")
@click.option("--registry", help="AirdropRounds address [default: the one the round was built for].")
def publish(provider, account, round_json, start, days, registry):
    """Approve and publish ROUND_JSON (written by `build`) from an operator account (--account), then
    draw the schedule once its block is mined (at once on a local chain)."""
    from ape import chain, project

    session.prepare(provider)
    with ui.errors(ValueError):
        data = airdrop.load_round(round_json)
        contract = project.AirdropRounds.at(registry or data.get("registry") or airdrop.registry_address(
            provider.chain_id))
        start = start or chain.pending_timestamp
        with ui.progress() as bar:
            tx, rnd, draw_tx = airdrop.publish(
                contract, data, account, start, start + int(days * 86_400), project, chain, progress=bar
            )
    total = airdrop.format_tokens(int(data["total"]), int(data["decimals"]))
    ui.console.print(
        f"round {data['round']} published at {rnd.address}: {int(data['count']):,} accounts, {total} "
        f"tokens (gas {tx.gas_used:,}); "
        + (
            f"schedule drawn (seed {rnd.seed()})"
            if draw_tx
            else f"not drawn yet: anyone may call draw() after block {rnd.draw_block()}, "
            "or the first claim draws"
        )
    )

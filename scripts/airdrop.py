"""Airdrop rounds from a CSV of `address,amount` rows.

  ape run airdrop build rows.csv --round 3 --out round-3.json   validate rows, build the tree, write root + proofs
  ape run airdrop build --bench 1000000                         time the build on generated rows
  ape run airdrop publish round-3.json --asset 0x... --days 7   fund and publish the round (operator account)

The logic lives in fivefold/payouts/airdrop.py; this file only parses options.
"""

import time
from pathlib import Path

import click
from ape.cli import ConnectedProviderCommand, account_option, network_option

from fivefold import session, ui
from fivefold.payouts import airdrop


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Build airdrop trees from CSV files and publish them as AirdropRounds rounds."""


@cli.command()
@click.argument("csv_path", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--round", "round_number", type=int, help="Round number the tree is for (the registry's round_count + 1).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="JSON to write [default: <csv>.json].")
@click.option("--decimals", default=18, show_default=True, help="Decimals of the asset (amounts are whole tokens).")
@click.option("--bench", "bench_rows", type=int, metavar="ROWS", help="Instead: time a build of ROWS generated rows.")
def build(csv_path, round_number, out, decimals, bench_rows):
    """Validate CSV_PATH (`address,amount` rows in registration order), build the Merkle tree and
    write the root and every proof to JSON. Bad rows (malformed or duplicate addresses, bad EIP-55
    checksums, zero or malformed amounts) are reported by row number and nothing is written."""
    if bench_rows:
        with ui.progress() as bar:
            result = airdrop.bench(bench_rows, Path("."), progress=bar)
        ui.console.print(f"[bold]benchmark[/]: {result['rows']:,} rows built in {result['seconds']:.1f} s "
                         f"(CPU {result['cpu_seconds']:.1f} s; {result['json_bytes'] / 1e6:,.0f} MB of proofs), "
                         f"root {result['root']}")
        return
    if csv_path is None or round_number is None:
        raise click.UsageError("build needs CSV_PATH and --round (or --bench ROWS)")
    out = out or csv_path.with_suffix(".json")
    t0 = time.perf_counter()
    try:
        with ui.progress() as bar:
            built = airdrop.build_csv(csv_path, out, round_number, decimals, progress=bar)
    except airdrop.CsvError as exc:
        ui.fail(f"{csv_path} has bad rows:\n{exc}")
    ui.console.print(f"round {built.number}: {len(built.rows):,} accounts, total {built.total:,}, "
                     f"root 0x{built.root.hex()} -> {out} ({time.perf_counter() - t0:.1f} s)")


@cli.command(cls=ConnectedProviderCommand)
@network_option()
@account_option()
@click.argument("round_json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--asset", required=True, help="ERC-20 address, or 'native' for the chain's coin.")
@click.option("--start", type=int, help="Window start, unix time [default: now].")
@click.option("--days", type=float, default=7, show_default=True, help="Window length in days.")
@click.option("--registry", help="AirdropRounds address [default: from the deployment manifest].")
def publish(provider, account, round_json, asset, start, days, registry):
    """Approve and publish ROUND_JSON (written by `build`) from an operator account (--account); on a
    local chain also mine to the draw block and draw the schedule."""
    from ape import chain, project

    session.prepare(provider)
    with ui.errors(ValueError):
        data = airdrop.load_round(round_json)
        contract = project.AirdropRounds.at(registry or airdrop.registry_address(provider.chain_id))
        asset = airdrop.NATIVE if asset.lower() == "native" else asset
        start = start or chain.pending_timestamp
        with ui.progress() as bar:
            tx, rnd, draw_tx = airdrop.publish(contract, data, account, asset, start, start + int(days * 86_400),
                                               project, chain, progress=bar)
    ui.console.print(f"round {data['round']} published at {rnd.address} (gas {tx.gas_used:,})"
                     + (f"; schedule drawn (seed {rnd.seed()})" if draw_tx else f"; draw after block {rnd.draw_block()}"))

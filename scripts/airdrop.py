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
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from fivefold.payouts import airdrop

console = Console()


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=console)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Build airdrop trees from CSV files and publish them as AirdropRounds rounds."""


@cli.command()
@click.argument("csv_path", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--round", "round_number", type=int, help="Round number the tree is for (the registry's round_count + 1).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="JSON to write [default: <csv>.json].")
@click.option("--decimals", default=18, show_default=True, help="Decimals of the asset (amounts are whole tokens).")
@click.option("--chain-id", type=int, help="Chain the round is for (every leaf commits to it).")
@click.option("--registry", help="AirdropRounds address the round is for (every leaf commits to it).")
@click.option("--bench", "bench_rows", type=int, metavar="ROWS", help="Instead: time a build of ROWS generated rows.")
def build(csv_path, round_number, out, decimals, chain_id, registry, bench_rows):
    """Validate CSV_PATH (`address,amount` rows in registration order), build the Merkle tree and
    write the root and every proof to JSON. Bad rows (malformed or duplicate addresses, bad EIP-55
    checksums, zero or malformed amounts) are reported by row number and nothing is written."""
    if bench_rows:
        with _progress() as bar:
            result = airdrop.bench(bench_rows, Path("."), progress=bar)
        console.print(f"[bold]benchmark[/]: {result['rows']:,} rows built in {result['seconds']:.1f} s "
                      f"(CPU {result['cpu_seconds']:.1f} s; {result['json_bytes'] / 1e6:,.0f} MB of proofs), "
                      f"root {result['root']}")
        return
    if csv_path is None or round_number is None or chain_id is None or registry is None:
        raise click.UsageError("build needs CSV_PATH, --round, --chain-id and --registry (or --bench ROWS)")
    key = airdrop.new_round_key(chain_id, registry, round_number)
    out = out or csv_path.with_suffix(".json")
    t0 = time.perf_counter()
    try:
        with _progress() as bar:
            built = airdrop.build_csv(csv_path, out, key, decimals, progress=bar)
    except airdrop.CsvError as exc:
        console.print(f"[bold red]error:[/] {csv_path} has bad rows:\n{exc}")
        raise SystemExit(1)
    console.print(f"round {built.number}: {len(built.rows):,} accounts, total {built.total:,}, "
                  f"root 0x{built.root.hex()} -> {out} ({time.perf_counter() - t0:.1f} s)")


def _registry_address(ecosystem_chain_id: int) -> str:
    try:  # the deployment manifest, when the suite's deploy has run
        from fivefold import manifest

        return manifest.load(ecosystem_chain_id)["contracts"]["AirdropRounds"]["address"]
    except Exception:  # noqa: BLE001 - any miss means "not deployed here"
        raise click.UsageError("no AirdropRounds in the deployment manifest of this chain; pass --registry")


@cli.command(cls=ConnectedProviderCommand)
@network_option()
@account_option()
@click.argument("round_json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--asset", required=True, help="ERC-20 address, or 'native' for the chain's coin.")
@click.option("--start", type=int, help="Window start, unix time [default: now].")
@click.option("--days", type=float, default=7, show_default=True, help="Window length in days.")
@click.option("--registry", help="AirdropRounds address [default: from the deployment manifest].")
def publish(round_json, asset, start, days, registry, account, chain, project):
    """Approve and publish ROUND_JSON (written by `build`) from an operator account; on a local
    chain also mine to the draw block and draw the schedule."""
    data = airdrop.load_round(round_json)
    address = registry or _registry_address(chain.chain_id)
    contract = project.AirdropRounds.at(address)
    asset = airdrop.NATIVE if asset.lower() == "native" else asset
    start = start or chain.pending_timestamp
    end = start + int(days * 86_400)
    with _progress() as bar:
        tx, rnd, draw_tx = airdrop.publish(contract, data, account, asset, start, end, project, chain, progress=bar)
    console.print(f"round {data['round']} published at {rnd.address} (gas {tx.gas_used:,})"
                  + (f"; schedule drawn (seed {rnd.seed()})" if draw_tx else f"; draw after block {rnd.draw_block()}"))

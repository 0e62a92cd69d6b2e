"""Write what dApps consume, from the compiled contracts and the deployment manifests (no RPC):
ABIs with their NatSpec, the address book by chain id, and the TypeScript entry point index.ts.

  ape run export                   into abi/ (not committed: generated)
  ape run export --out DIR         elsewhere (the demo writes out/demo/abi for its local chains)
  ape run export --gaps            also list the ABI parameters and outputs that have no name
"""

from pathlib import Path

import click

from fivefold import abi, addressbook, manifest, ui


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Directory to write (default: abi/).")
@click.option("--gaps", is_flag=True, help="List unnamed ABI parameters and outputs.")
def cli(out, gaps):
    """Export ABIs, NatSpec, the address book and abi/index.ts for dApps."""
    from ape import project

    manifests = manifest.load_all()
    out = out or abi.default_out()
    written = abi.export(project, manifests, out)
    book = addressbook.book(manifests)
    ui.table(
        f"Exported for dApps into {out}/ ({len(written)} files)",
        ["chain id", "chain", "contracts", "assets"],
        [(cid, c["chain"] + (" (local)" if c["local"] else ""), len(c["contracts"]), len(c["assets"])) for cid, c in book.items()]
        or [("-", "no deployments/*.json manifest: ABIs only", 0, 0)],
    )
    found = abi.all_gaps(project, book)
    if gaps:
        ui.table("ABI naming gaps", ["unnamed"], [(g,) for g in found] or [("none",)])
    elif found:
        ui.console.print(f"{len(found)} unnamed ABI parameter(s)/output(s): `ape run export --gaps` lists them")

"""Write what dApps consume: abi/<Contract>.json for every deployable contract and
abi/deployments.json (chain id -> contract name -> address) from deployments/*.json.

  ape run export
"""

import click

from fivefold import abi, manifest, ui


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Export ABIs and the address book for dApps into abi/."""
    from ape import project

    written = abi.export(project, manifest.load_all())
    ui.table("Exported for dApps", ["file"], [(str(p),) for p in written])

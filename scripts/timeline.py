"""Tour the vesting and emission schedules on a LOCAL chain (it moves time): jump to TGE, +1 month,
+13 months, +4 years, ... release and mint at each point, and print what vested and was emitted.

  ape run timeline --network http://127.0.0.1:8545
"""

import click

from fivefold import deployment, ui
from fivefold.config import ConfigError
from fivefold.session import SessionError, account_opt, connect, exercise_users, load_account, network_opt


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@network_opt
@account_opt
def cli(network, account):
    """Schedules over time on a deployed local chain: vested, released, emitted and supplies."""
    with ui.errors(ConfigError, SessionError, deployment.DeploymentError, ValueError):
        from ape import chain, project

        from fivefold import manifest, timeline

        with connect(network):
            deployer = load_account(account)
            ctx = deployment.make_context(project, chain, deployer)
            ctx.users = exercise_users(ctx.config["profile"], deployer)
            deployment.attach(ctx, manifest.load(ctx.chain_id))
            with ui.progress() as bar:
                task = bar.add_task("advancing time", total=len(timeline.POINTS))
                header, rows = timeline.tour(ctx, progress=lambda label: bar.advance(task))
            ui.table(f"Schedules over time on chain {ctx.chain_id} ({ctx.config['chain']})", header, rows,
                     justify_right=tuple(range(1, len(header))))

"""Run every user-facing flow of the suite on a deployed chain, from the deployment manifest alone.

  ape run exercise --network bsc:mainnet --account deployer
  ape run exercise --network http://127.0.0.1:8556          (a local stand-in chain)

Prints each step with its gas; exits non-zero on the first failure.
"""

import click

from fivefold import deployment, ui
from fivefold.config import ConfigError
from fivefold.context import FlowError
from fivefold.session import SessionError, account_opt, connect, exercise_users, load_account, network_opt


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@network_opt
@account_opt
@click.option("--profile", type=click.Choice(["live", "local"]), help="Config profile (default: local on loopback).")
def cli(network, account, profile):
    """End-to-end scenario on a deployed suite: tokens, vesting, emission and every later domain."""
    with ui.errors(ConfigError, SessionError, deployment.DeploymentError, FlowError):
        from ape import chain, project
        from ape.exceptions import ContractLogicError

        from fivefold import manifest as manifest_mod
        from fivefold.domains import flows as domains

        with connect(network):
            deployer = load_account(account)
            ctx = deployment.make_context(project, chain, deployer, profile)
            ctx.users = exercise_users(ctx.config["profile"], deployer)
            deployment.attach(ctx, manifest_mod.load(ctx.chain_id))
            try:
                for domain in domains():
                    domain.exercise(ctx)
            except ContractLogicError as exc:
                _show(ctx)
                ui.fail(f"step after {ctx.steps[-1].name if ctx.steps else 'start'} reverted: {exc}")
            _show(ctx)


def _show(ctx) -> None:
    ui.table(
        f"Exercise on chain {ctx.chain_id} ({ctx.config['chain']})",
        ["step", "gas", "note"],
        [(s.name, f"{s.gas:,}" if s.gas else "-", s.note) for s in ctx.steps],
        justify_right=(1,),
    )

"""Deploy the whole suite to one network, check roles left behind, or check supply across chains.

  ape run deploy --network bsc:mainnet --account deployer            deploy (asks before sending)
  ape run deploy --network bsc:mainnet --account deployer --dry-run  plan, gas and cost only
  ape run deploy check-roles --network bsc:mainnet --account deployer
  ape run deploy check-supply --rpc 56=https://... --rpc 1=https://...
"""

import click

from fivefold import deployment, ui
from fivefold.config import ConfigError
from fivefold.session import SessionError, account_opt, connect, load_account, network_opt

ERRORS = (ConfigError, SessionError, deployment.DeploymentError)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@network_opt
@account_opt
@click.option("--profile", type=click.Choice(["live", "local"]), help="Config profile (default: local on loopback).")
@click.option("--dry-run", is_flag=True, help="Print the plan with estimated gas and cost; send nothing.")
@click.option("--yes", is_flag=True, help="Do not ask before broadcasting.")
@click.pass_context
def cli(click_ctx, network, account, profile, dry_run, yes):
    """Deploy every contract of the suite through the CREATE2 proxy (same address on every chain),
    configure it for this chain from deploy/<chain>.yaml, hand every role to the configured owner,
    and record it in deployments/<chain-id>.json. Re-running sends nothing for what is done."""
    if click_ctx.invoked_subcommand is not None:
        return
    with ui.errors(*ERRORS):
        from ape import chain, project

        with connect(network):
            deployer = load_account(account)
            ctx = deployment.make_context(project, chain, deployer, profile)
            run_deploy(ctx, dry_run, yes)


def run_deploy(ctx, dry_run: bool, yes: bool) -> None:
    from fivefold import manifest as manifest_mod

    manifest = manifest_mod.load(ctx.chain_id)
    manifest.update({"chain_id": ctx.chain_id, "chain": ctx.config["chain"], "deployer": ctx.deployer.address})
    planned = deployment.plan(ctx)
    pending = [p for p in planned if not p.deployed]
    estimate = (lambda p: deployment.estimate_gas(ctx, p)) if pending else None
    deployment.preflight(ctx, planned, manifest, estimate)
    gas_price = ctx.chain.provider.gas_price
    ui.table(
        f"Deployment plan: {ctx.config['chain']} (chain {ctx.chain_id}, profile {ctx.config['profile']})",
        ["contract", "type", "address", "status", "est. gas", "est. cost"],
        [
            (
                p.name,
                p.contract_type,
                p.address,
                "deployed" if p.deployed else "to deploy",
                "" if p.deployed else f"{p.gas:,}",
                "" if p.deployed else f"{p.gas * gas_price / 1e18:.6f}",
            )
            for p in planned
        ],
    )
    if dry_run:
        ui.console.print(f"dry run: {len(pending)} contract(s) to deploy, then configuration and handoff; nothing sent")
        return
    if pending and not yes and not click.confirm(f"Broadcast {len(pending)} deployment(s) from {ctx.deployer.address}?"):
        ui.fail("aborted: nothing sent")
    with ui.progress() as bar:
        task = bar.add_task("deploying", total=len(planned))
        for item in planned:
            bar.update(task, description=f"deploying {item.name}")
            deployment.deploy_one(ctx, item, manifest)
            bar.advance(task)
    n_before = len(ctx.steps)
    deployment.configure(ctx)
    deployment.handoff(ctx)
    left = deployment.open_roles(ctx, ctx.deployer.address)
    sent = ctx.steps[n_before:]
    ui.table(
        "Configuration and handoff",
        ["step", "gas"],
        [(s.name, f"{s.gas:,}") for s in sent] or [("(nothing to do)", "")],
        justify_right=(1,),
    )
    ui.table(
        f"Deployed on chain {ctx.chain_id}",
        ["contract", "address", "owner"],
        [(n, c.address, c.owner() if hasattr(c, "owner") else "-") for n, c in ctx.contracts.items()],
    )
    awaiting = [r for r in left if r.awaiting_owner]
    if awaiting:
        ui.table(
            f"Awaiting the owner's accept_ownership ({ctx.owner}): see docs/deploy.md",
            ["role", "state"],
            [(r.role, r.state) for r in awaiting],
        )
    blocking = [r for r in left if not r.awaiting_owner]
    if blocking:
        ui.fail("left open: " + "; ".join(f"{r.role} ({r.state})" for r in blocking))


@cli.command("check-roles")
@network_opt
@account_opt
@click.option("--profile", type=click.Choice(["live", "local"]))
def check_roles(network, account, profile):
    """List every role the deployer still holds, every ownership transfer the owner has not accepted
    yet, and every token whose initial mint is still open; exit non-zero if there is one."""
    with ui.errors(*ERRORS):
        from ape import chain, project

        from fivefold import manifest as manifest_mod

        with connect(network):
            deployer = load_account(account)
            ctx = deployment.make_context(project, chain, deployer, profile)
            deployment.attach(ctx, manifest_mod.load(ctx.chain_id))
            rows = deployment.open_roles(ctx, deployer.address)
            ui.table(
                f"Roles and powers left open on chain {ctx.chain_id}",
                ["role", "state"],
                [(r.role, r.state) for r in rows] or [("none", "")],
            )
            awaiting = [r for r in rows if r.awaiting_owner]
            if len(awaiting) < len(rows):
                ui.fail(f"{len(rows) - len(awaiting)} left open: re-run `ape run deploy` to hand them over and close them")
            if awaiting:
                ui.fail(f"{len(awaiting)} transfer(s) await the owner's accept_ownership: see docs/deploy.md")


@cli.command("check-supply")
@click.option(
    "--rpc",
    "rpcs",
    multiple=True,
    metavar="CHAIN_ID=NETWORK",
    help="Where to read each manifest's chain: a network choice or RPC URL per chain id. Repeat per chain.",
)
def check_supply(rpcs):
    """Per token: supply on each chain with a manifest, the total, and the cap (the total must never exceed it)."""
    with ui.errors(*ERRORS, ValueError):
        from fivefold import supply

        where = dict(r.split("=", 1) for r in rpcs)
        rows, over = supply.check(where)
        ui.table("Supply across chains", ["token", *rows["chains"], "total", "cap", "status"], rows["rows"])
        if over:
            ui.fail(f"total supply exceeds the cap for: {', '.join(over)}")

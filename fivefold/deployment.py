"""The deployment engine behind `ape run deploy`: plan, pre-flight checks, CREATE2 deployment,
configuration, ownership handoff, role checks, and the commands' bodies (`run`, `check_roles`).
Scripts only parse options and call these.

Order: every contract of every domain is created first (constructor arguments only ever name
other suite contracts by their predictable addresses), then each domain's `configure` runs in
`fivefold.domains.NAMES` order, then every owner role goes from the deployer to the configured owner.
Re-running is safe: a contract already at its address is checked against the manifest and
skipped; `configure` steps check the chain before sending; the handoff skips what is done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple
from urllib.parse import urlparse

from eth_utils import keccak

from fivefold import abi, addressbook, ape_compat, create2, domains, session, ui
from fivefold import config as config_mod
from fivefold import manifest as manifest_mod
from fivefold.context import Blueprint, Context


class DeploymentError(Exception):
    """A problem found before or during deployment, with the fix in its message."""


# What the deploy-side commands turn into a one-line `error: ...` (see ui.errors).
ERRORS = (config_mod.ConfigError, session.SessionError, DeploymentError)


@dataclass
class Planned:
    name: str
    contract_type: str
    args: list
    init_code: bytes
    salt: bytes
    address: str
    deployed: bool  # code already at the address
    blueprint: bool = False
    gas: int | None = None  # estimate, filled by a dry run
    artifact: str | None = None  # an npm build artifact (Deployable.artifact)


def is_loopback(provider) -> bool:
    uri = getattr(provider, "uri", None) or getattr(provider, "http_uri", None) or ""
    host = urlparse(uri).hostname or ""
    return (
        host in ("127.0.0.1", "localhost", "::1")
        or provider.network.name in ("local",)
        or provider.network.is_fork
    )


def default_profile(provider) -> str:
    """Loopback RPCs (make demo, fork tests, ape test) use the `local` profile; anything else `live`."""
    return "local" if is_loopback(provider) else "live"


def make_context(project, chain, deployer, profile: str | None = None, users: Iterable = ()) -> Context:
    provider = chain.provider
    profile = profile or default_profile(provider)
    cfg = config_mod.load(chain.chain_id, profile)
    return Context(project=project, chain=chain, deployer=deployer, config=cfg, users=list(users))


def _jsonable(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, bytes):
        return "0x" + value.hex()
    return value if isinstance(value, (int, str, bool)) or value is None else str(value)


def blueprint_init_code(project, contract_type: str, ecosystem) -> bytes:
    """ERC-5202 init code: a 10-byte constructor returning 0xFE7100 + the contract's init code
    (Ape's encoding)."""
    return bytes(ecosystem.encode_contract_blueprint(getattr(project, contract_type).contract_type).data)


def instance(
    ctx: Context,
    name: str,
    contract_type: str,
    address: str,
    blueprint: bool = False,
    artifact: str | None = None,
):
    if blueprint:
        return Blueprint(name, address)
    # The compiled type is the truth (CREATE2: this address holds exactly this code). Ape would
    # also read back, compare and merge its disk cache of this address on every live-named network
    # (stand-ins included), a few hundred milliseconds a contract; and no suite contract is a proxy.
    return ctx.chain.contracts.instance_at(
        address,
        abi.container(ctx.project, contract_type, artifact).contract_type,
        fetch_from_explorer=False,
        fetch_from_disk=False,
        detect_proxy=False,
    )


def init_code(project, contract_type: str, args: list, ecosystem, artifact: str | None = None) -> bytes:
    container = abi.container(project, contract_type, artifact)
    bytecode = container.contract_type.deployment_bytecode.bytecode
    txn = ecosystem.encode_deployment(bytecode, container.constructor.abi, *args)
    return bytes(txn.data)


def plan(ctx: Context) -> list[Planned]:
    """Every contract of the suite with its args, salt and predicted address, in deploy order.

    Also fills ctx.contracts with instances at the predicted addresses, so later constructor
    arguments and every configure step can refer to them by name.
    """
    ecosystem = ctx.chain.provider.network.ecosystem
    namespace = ctx.config.get("salt_namespace", "fivefold/v1")
    planned = []
    for domain in domains.flows():
        for item in domain.CONTRACTS:
            if not item.when(ctx):
                continue
            args = [] if item.blueprint else item.args(ctx)
            code = (
                blueprint_init_code(ctx.project, item.contract_type, ecosystem)
                if item.blueprint
                else init_code(ctx.project, item.contract_type, args, ecosystem, item.artifact)
            )
            salt = create2.salt(namespace, item.name)
            address = create2.predict(salt, code)
            deployed = len(ctx.chain.provider.get_code(address)) > 0
            planned.append(
                Planned(
                    item.name,
                    item.contract_type,
                    args,
                    code,
                    salt,
                    address,
                    deployed,
                    item.blueprint,
                    artifact=item.artifact,
                )
            )
            ctx.contracts[item.name] = (
                instance(ctx, item.name, item.contract_type, address, item.blueprint, item.artifact)
                if deployed
                else _Pending(item.name, address)
            )
    return planned


class _Pending:
    """Stands for a contract not deployed yet: only its address is known."""

    def __init__(self, name: str, address: str):
        self.name, self.address = name, address

    def __getattr__(self, attr):
        # AttributeError, so `hasattr` (used to find owners and minters) stays a plain question.
        raise AttributeError(f"{self.name} is not deployed yet (needed for .{attr})")


def code_hash(chain, address: str) -> str:
    return "0x" + keccak(bytes(chain.provider.get_code(address))).hex()


def preflight(
    ctx: Context, planned: list[Planned], manifest: dict, estimate: Callable[[Planned], int] | None = None
) -> None:
    """Checks that must pass before anything is sent; raises DeploymentError naming the fix."""
    chain = ctx.chain
    config_mod.check_code(ctx.config, chain.provider.get_code)
    if len(chain.provider.get_code(create2.FACTORY)) == 0:
        raise DeploymentError(
            f"chain {chain.chain_id} has no CREATE2 proxy at {create2.FACTORY}: deploy it with its "
            "published pre-signed transaction first (see docs/deploy.md)"
        )
    for item in planned:
        record = manifest["contracts"].get(item.name)
        recorded_deployer = (record or {}).get("deployer") or manifest.get("deployer")
        if (
            record
            and record["address"] != item.address
            and recorded_deployer
            and recorded_deployer != ctx.deployer.address
        ):
            raise DeploymentError(
                f"{manifest_mod.describe(chain.chain_id)} was deployed by {recorded_deployer}, not by "
                f"{ctx.deployer.address}: every address commits to its deployer, so deploy with --account "
                "set to "
                f"{recorded_deployer} (the same deployer on every chain, docs/deploy.md)"
            )
        if record and record["address"] != item.address:
            raise DeploymentError(
                f"{manifest_mod.describe(chain.chain_id)} records {item.name} at {record['address']} but "
                "the suite "
                f"now deploys it at {item.address} (its code, arguments or salt changed): bump "
                "salt_namespace "
                "in deploy/suite.yaml for a new suite, or restore the recorded build"
            )
        if record and item.deployed and record["code_hash"] != code_hash(chain, item.address):
            raise DeploymentError(
                f"{manifest_mod.describe(chain.chain_id)}: {item.name}'s recorded code hash "
                f"{record['code_hash']} "
                f"differs from the code at {item.address}: the manifest belongs to another chain or build; "
                "move it aside and re-run to re-record what is on chain"
            )
        if record and not item.deployed:
            raise DeploymentError(
                f"{manifest_mod.describe(chain.chain_id)} records {item.name} at {item.address} but the "
                "chain has no "
                "code there: wrong network, or a reset local chain; delete the manifest to deploy afresh"
            )
    if estimate:
        for p in planned:
            if not p.deployed:
                estimate(p)


def funding_shortfall(ctx: Context, planned: list[Planned]) -> str | None:
    """Why the deployer cannot pay for the pending deployments (None: it can). Needs the estimates."""
    pending = [p for p in planned if not p.deployed]
    if not pending:
        return None
    balance = ctx.deployer.balance
    cost = sum(p.gas or 0 for p in pending) * ctx.chain.provider.gas_price
    if balance == 0 or cost > balance:
        return (
            f"the deployer {ctx.deployer.address} holds {balance / 1e18:.6f} but the deployment needs about "
            f"{cost / 1e18:.6f} of chain {ctx.chain_id}'s native coin (before configuration): fund it, "
            "then re-run"
        )
    return None


def deployment_txn(ctx: Context, item: Planned):
    ecosystem = ctx.chain.provider.network.ecosystem
    return ecosystem.create_transaction(
        sender=ctx.deployer.address,
        receiver=create2.FACTORY,
        data=create2.calldata(item.salt, item.init_code),
    )


def estimate_gas(ctx: Context, item: Planned) -> int:
    """The node's estimate; for a constructor that reads a suite contract not deployed yet (the node
    cannot simulate it before its dependencies exist), an upper bound from the code sizes."""
    from ape.exceptions import ApeException, ContractLogicError

    if item.gas is None:
        try:
            with ape_compat.quiet_traces():  # an expected failure: no call tree on screen
                item.gas = ctx.chain.provider.estimate_gas_cost(deployment_txn(ctx, item))
        except (ContractLogicError, ApeException):  # also "insufficient funds" for an unfunded dry run
            container = abi.container(ctx.project, item.contract_type, item.artifact)
            runtime = container.contract_type.runtime_bytecode.bytecode
            code_bytes = len(runtime) // 2
            # base + CREATE2 + calldata + hashing the init code + code deposit, then 50% for the constructor
            item.gas = int(
                (
                    21_000
                    + 32_000
                    + 16 * len(item.init_code)
                    + 6 * (len(item.init_code) // 32 + 1)
                    + 200 * code_bytes
                )
                * 1.5
            )
    return item.gas


def deploy_one(ctx: Context, item: Planned, manifest: dict) -> dict:
    """Creates one contract through the CREATE2 proxy (or adopts it if present) and records it."""
    chain = ctx.chain
    tx_hash, block = None, None
    if not item.deployed:
        receipt = ctx.deployer.transfer(create2.FACTORY, 0, data=create2.calldata(item.salt, item.init_code))
        if len(chain.provider.get_code(item.address)) == 0:
            raise DeploymentError(
                f"{item.name}: the CREATE2 proxy call succeeded but left no code at {item.address}"
            )
        tx_hash, block = receipt.txn_hash, receipt.block_number
        item.deployed = True
    record = manifest["contracts"].get(item.name) or {}
    record.update(
        {
            "contract_type": item.contract_type,
            "address": item.address,
            "salt": "0x" + item.salt.hex(),
            "init_code_hash": "0x" + keccak(item.init_code).hex(),
            "code_hash": code_hash(chain, item.address),
            "args": _jsonable(item.args),
            "blueprint": item.blueprint,
        }
    )
    if item.artifact:
        record["artifact"] = item.artifact
    record.setdefault("deployer", ctx.deployer.address)
    if tx_hash:
        record["deployer"] = ctx.deployer.address
        record.update(
            {"tx": tx_hash if isinstance(tx_hash, str) else "0x" + bytes(tx_hash).hex(), "block": block}
        )
    record.setdefault("tx", None)
    record.setdefault("block", None)
    manifest["contracts"][item.name] = record
    manifest_mod.save(manifest)
    ctx.contracts[item.name] = instance(
        ctx, item.name, item.contract_type, item.address, item.blueprint, item.artifact
    )
    return record


def configure(ctx: Context) -> None:
    for domain in domains.flows():
        domain.configure(ctx)


def owned(ctx: Context) -> list[tuple[str, Any]]:
    return [(name, c) for name, c in ctx.contracts.items() if hasattr(c, "owner")]


def handoff(ctx: Context) -> None:
    """Every owner role held by the deployer goes to its owner after deployment: the suite's timelock
    for the suite's contracts (whichever domain says so: `domains.owner_of`), the configured owner for
    the rest (local doubles, and every contract when no domain claims it).

    OpenZeppelin's one-step `Ownable` contracts (Hyperlane's) are transferred at once. Two-step
    contracts (snekmate `ownable_2step`, with `pending_owner`) are offered to their owner,
    who must call `accept_ownership`: a timelock accepts in its deploy bootstrap (each domain's
    `after_handoff`: the governance flow's); on a local chain whose configured owner is an unlocked
    test account the flow accepts for it; on a live chain that owner (a Safe) accepts
    (docs/deploy.md) and until then check-roles lists the transfer as pending.
    """
    for name, contract in owned(ctx):
        if contract.owner() != ctx.deployer.address:
            continue
        target = domains.owner_of(ctx, name, contract) or ctx.owner
        if target == ctx.deployer.address:
            continue
        if not hasattr(contract, "transfer_ownership"):
            # OpenZeppelin's one-step Ownable (Hyperlane's Mailbox, hooks and routers): given at once
            ctx.send(f"{name}.transferOwnership", contract.transferOwnership, target)
        elif not hasattr(contract, "pending_owner") or contract.pending_owner() != target:
            ctx.send(f"{name}.transfer_ownership", contract.transfer_ownership, target)
    acceptor = local_owner(ctx)
    if acceptor is not None:
        for name, contract in owned(ctx):
            if hasattr(contract, "pending_owner") and contract.pending_owner() == acceptor.address:
                receipt = contract.accept_ownership(sender=acceptor)
                ctx.step(f"{name}.accept_ownership (by the owner)", receipt)
    for flow in domains.flows():
        if hasattr(flow, "after_handoff"):
            flow.after_handoff(ctx)


def local_owner(ctx: Context):
    """The configured owner as an account that can sign, on a local chain whose owner is one of
    the unlocked test accounts; else None (a live owner accepts on its own)."""
    if not ctx.config.get("local"):
        return None
    from ape import accounts

    return next((a for a in accounts.test_accounts if a.address == ctx.owner), None)


# The roles of a timelock (snekmate's access_control): nobody but contracts may hold one after deployment.
TIMELOCK_ROLES = {
    "admin": b"\0" * 32,
    "proposer": keccak(text="PROPOSER_ROLE"),
    "executor": keccak(text="EXECUTOR_ROLE"),
    "canceller": keccak(text="CANCELLER_ROLE"),
}


def roles_held_by(ctx: Context, account: str) -> list[str]:
    """Roles `account` still holds anywhere in the suite (owner, minter, a timelock's roles)."""
    held = []
    for name, contract in ctx.contracts.items():
        if hasattr(contract, "owner") and contract.owner() == account:
            held.append(f"{name}.owner")
        if hasattr(contract, "is_minter") and contract.is_minter(account):
            held.append(f"{name}.minter")
        if hasattr(contract, "hasRole"):
            roles = TIMELOCK_ROLES.items()
            held += [f"{name}.{role}" for role, word in roles if contract.hasRole(word, account)]
    return held


def owned_by_accounts(ctx: Context) -> list[tuple[str, str]]:
    """(contract, owner) for every suite contract whose owner is an account (no code), local doubles
    left with the configured test account excepted: after deployment every owner is a contract (the
    suite's timelock)."""
    rows = []
    for name, contract in owned(ctx):
        if domains.owner_of(ctx, name, contract) is None:
            continue  # not claimed by governance: a local double, or a suite without a timelock
        owner = contract.owner()
        if int(owner, 16) == 0:
            continue  # ownerless for good (Hyperlane's storage ISM: its validators are immutable)
        if not ctx.chain.provider.get_code(owner):
            rows.append((name, owner))
    return rows


def initial_mints_open(ctx: Context) -> list[str]:
    """Tokens whose one-time initial mint is still open (deployment closes it on every chain)."""
    return [
        name
        for name, c in ctx.contracts.items()
        if hasattr(c, "initial_supply_closed") and not c.initial_supply_closed()
    ]


# `accept_ownership()`: what the pending owner sends to each contract (a Safe batch, a timelock call).
ACCEPT_OWNERSHIP_CALLDATA = "0x" + keccak(text="accept_ownership()")[:4].hex()


def pending_transfers(ctx: Context) -> list[tuple[str, str, str]]:
    """(name, address, pending owner) of every two-step contract with an ownership offer not yet accepted."""
    zero = "0x" + "00" * 20
    rows = []
    for name, contract in owned(ctx):
        pending = contract.pending_owner() if hasattr(contract, "pending_owner") else zero
        if int(pending, 16):
            rows.append((name, contract.address, pending))
    return rows


class OpenRole(NamedTuple):
    role: str  # "<contract>.<role>"
    state: str  # what is open, and what closes it
    awaiting_owner: bool = False  # only the configured owner's accept_ownership is missing


def open_roles(ctx: Context, account: str) -> list[OpenRole]:
    """What `ape run deploy check-roles` reports: every role `account` (the deployer) still holds,
    every ownership transfer awaiting `accept_ownership`, and every token whose initial mint is open.
    Empty once deployment is done and the owner has accepted."""
    pending = {name: (address, to) for name, address, to in pending_transfers(ctx)}
    rows = [
        OpenRole(role, f"held by the deployer {account}")
        for role in roles_held_by(ctx, account)
        if not (role.endswith(".owner") and role.removesuffix(".owner") in pending)
    ]
    rows += [
        OpenRole(
            f"{name}.owner",
            f"pending: {to} must call accept_ownership() ({ACCEPT_OWNERSHIP_CALLDATA}) on {address}",
            to == ctx.owner,
        )
        for name, (address, to) in pending.items()
    ]
    rows += [
        OpenRole(f"{t}.initialize_supply", "initial mint open: the owner can still mint up to the cap")
        for t in initial_mints_open(ctx)
    ]
    rows += [
        OpenRole(f"{name}.owner", f"held by the account {owner}, not by the timelock")
        for name, owner in owned_by_accounts(ctx)
        if name not in pending and owner != account
    ]
    return rows


def attach(ctx: Context, manifest: dict) -> None:
    """Fills ctx.contracts from a manifest (exercise, check-roles: no deployment)."""
    if not manifest["contracts"]:
        raise DeploymentError(
            f"nothing is deployed on chain {ctx.chain_id}: {manifest_mod.describe(ctx.chain_id)} is "
            "missing or empty; "
            f"{nothing_deployed_hint(ctx.chain)}"
        )
    # CREATE2 contracts, then what configuration created (lending markets, local feeds): a flow
    # finds both by name, and `Context.refresh_local_feeds` reaches every local feed
    for name, record in {**(manifest.get("created") or {}), **manifest["contracts"]}.items():
        if code_hash(ctx.chain, record["address"]) != record["code_hash"]:
            raise DeploymentError(
                f"{manifest_mod.describe(ctx.chain_id)}: {name} at {record['address']} does not match the "
                "code on chain: "
                "wrong network, or the manifest is stale (re-run `ape run deploy`)"
            )
        ctx.contracts[name] = instance(
            ctx,
            name,
            record["contract_type"],
            record["address"],
            record.get("blueprint", False),
            record.get("artifact"),
        )


def adopt_created(ctx: Context, manifest: dict) -> list[str]:
    """Puts every contract an earlier run of this deployer created for this suite (a `created` record
    written ahead of its creation, `Context.created_here`, with code at its address) into ctx.contracts
    before `configure`, so the handoff reaches it even when no flow asks for it again: a deploy killed
    between creating the lending feeds and handing them over left them with the deployer (`ape run
    faults`). Returns their names."""
    adopted = []
    for name, record in (manifest.get("created") or {}).items():
        if name in ctx.contracts or not ctx.created_here(record):
            continue
        container = getattr(ctx.project, record["contract_type"], None)  # None: an npm artifact's
        if not ctx.holds_code_of(record["address"], container):
            continue  # written ahead, never sent (or another contract there now): configure creates it
        ctx.contracts[name] = instance(ctx, name, record["contract_type"], record["address"])
        adopted.append(name)
    return adopted


def read_context(provider, contract: str, what: str | None = None, lives: str = "") -> Context:
    """The connected chain's configuration and deployed contracts, for a command that only reads (no
    account): a DeploymentError naming `what` (default: `contract`) and where it `lives` if the
    chain's manifest has no `contract`."""
    from ape import chain, project

    ctx = make_context(project, chain, None, default_profile(provider))
    attach(ctx, manifest_mod.load(ctx.chain_id))
    if contract not in ctx.contracts:
        where = f" ({lives})" if lives else ""
        raise DeploymentError(
            f"no {what or contract} on chain {ctx.chain_id}{where}: {manifest_mod.describe(ctx.chain_id)} "
            f"has none; {nothing_deployed_hint(chain)}"
        )
    return ctx


def nothing_deployed_hint(chain) -> str:
    """What to do when a command finds no manifest for the connected chain."""
    kind = manifest_mod.kind_of(chain.provider)
    if kind == manifest_mod.EPHEMERAL:
        return (
            "this command started its own local chain, which has nothing on it and stops when the "
            "command exits: start the local chains with `make up` and pass one of the --network "
            "choices it prints"
        )
    return "run `ape run deploy` with this --network first"


def deploy_plain(ctx: Context, item) -> Any:
    """Deploys one Deployable with a plain creation transaction (no CREATE2, so no fixed address):
    for a domain's own flow tests, which do not need the whole suite."""
    container = abi.container(ctx.project, item.contract_type, item.artifact)
    if item.blueprint:
        contract = Blueprint(item.name, ctx.deployer.declare(container).contract_address)
    else:
        contract = container.deploy(*item.args(ctx), sender=ctx.deployer)
    ctx.contracts[item.name] = contract
    return contract


# --- the commands' bodies (scripts/deploy.py parses the options and calls these)


def command_context(provider, account=None, profile: str | None = None, deployed: bool = False) -> Context:
    """The Context of a command Ape has connected (`ConnectedProviderCommand`): the session's
    adjustments for `provider`, deploy/<chain>.yaml in `profile` (default: local on loopback) and
    `account` as the deployer (session.deployer), and the exercise accounts. With `deployed`, also
    the contracts recorded in this chain's manifest."""
    from ape import chain, project

    session.prepare(provider)
    profile = profile or default_profile(provider)
    ctx = make_context(project, chain, session.deployer(account, profile), profile)
    # the exercise accounts, also at deployment: configure makes the first one the local chains'
    # airdrop operator (payouts.operators' local default), so `airdrop publish` works after a deploy
    ctx.users = session.exercise_users(ctx.config["profile"], ctx.deployer)
    if deployed:
        attach(ctx, manifest_mod.load(ctx.chain_id))
    return ctx


def run(ctx: Context, dry_run: bool = False, assume_yes: bool = False, quiet: bool = False) -> None:
    """`ape run deploy`: the plan with its cost, then (unless a dry run, and after a confirmation
    unless `assume_yes`) every deployment, the configuration and the handoff, each shown in a table.
    Fails when anything but the owner's `accept_ownership` is left open at the end (`open_roles`).
    `quiet` (the demo) prints no tables.
    On an ephemeral chain (one this command started) nothing is written and a note says so."""
    import click

    manifest = manifest_mod.load(ctx.chain_id)
    planned = plan(ctx)
    pending = [p for p in planned if not p.deployed]
    preflight(ctx, planned, manifest, (lambda p: estimate_gas(ctx, p)) if pending else None)
    manifest.update(
        {"chain_id": ctx.chain_id, "chain": ctx.config["chain"], "deployer": ctx.deployer.address}
    )
    if not quiet:
        _plan_table(ctx, planned)
    short = funding_shortfall(ctx, planned)
    if dry_run:
        cost = sum(p.gas for p in pending) * ctx.chain.provider.gas_price
        ui.console.print(
            f"dry run: {len(pending)} contract(s) to deploy (about {cost / 1e18:.6f} of the native coin "
            "at the current gas price), then configuration and handoff; nothing sent"
        )
        if short:
            ui.fail(short)
        return
    if short:
        ui.fail(short)
    if (
        pending
        and not assume_yes
        and not click.confirm(f"Broadcast {len(pending)} deployment(s) from {ctx.deployer.address}?")
    ):
        ui.fail("aborted: nothing sent")
    with ui.progress() as bar:
        task = bar.add_task("deploying", total=len(planned))
        for item in planned:
            bar.update(task, description=f"deploying {item.name}")
            deploy_one(ctx, item, manifest)
            bar.advance(task)
        bar.update(task, description=f"{len(pending)} deployed, {len(planned) - len(pending)} already there")
    n_before = len(ctx.steps)
    adopt_created(ctx, manifest)
    configure(ctx)
    handoff(ctx)
    addressbook.record(ctx, manifest)  # markets, mock feeds and assets, for `ape run export`
    if not quiet:
        ui.table(
            "Configuration and handoff",
            ["step", "gas"],
            [(s.name, f"{s.gas:,}") for s in ctx.steps[n_before:]] or [("(nothing to do)", "")],
            justify_right=(1,),
        )
        ui.table(
            f"Deployed on chain {ctx.chain_id}",
            ["contract", "address", "owner"],
            [(n, c.address, c.owner() if hasattr(c, "owner") else "-") for n, c in ctx.contracts.items()],
        )
    left = open_roles(ctx, ctx.deployer.address)
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
    if quiet:
        sent = len(ctx.steps) - n_before
        ui.console.print(
            f"chain {ctx.chain_id} ({ctx.config['chain']}): {len(pending)} of {len(planned)} contracts "
            f"deployed, {sent} setup transaction(s), {_owners(ctx)}; " + manifest_note(ctx.chain)
        )
    else:
        ui.console.print(manifest_note(ctx.chain))


def manifest_note(chain) -> str:
    """Where the record of this deployment is (or why there is none)."""
    path = manifest_mod.path_for(chain.chain_id)
    if path is None:
        return (
            f"chain {chain.chain_id} was started by this command and stops with it: no manifest written. "
            "To keep local chains with the suite deployed, run `make up`."
        )
    return f"manifest: {path}"


def _plan_table(ctx: Context, planned: list[Planned]) -> None:
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


def _owners(ctx: Context) -> str:
    """Who holds the roles now, in a few words: the timelocks by name, then any account (on a local
    chain the configured owner keeps the local test doubles)."""
    names = {c.address: n for n, c in ctx.contracts.items()}
    owners = dict.fromkeys(c.owner() for _, c in owned(ctx))
    # Hyperlane's fixed parts: no owner, or the CREATE2 proxy (which can only create)
    nobody = {create2.FACTORY, "0x" + "00" * 20}
    contracts = [names[o] for o in owners if o in names]
    accounts = [
        f"the configured owner {_short(o)}" if o == ctx.owner else _short(o)
        for o in owners
        if o not in names and o not in nobody
    ]
    fixed = ["nobody (Hyperlane's fixed parts)"] if nobody & set(owners) else []
    held = sorted(contracts) + accounts + fixed
    return "every contract owned by " + ", ".join(held) if held else "nothing owned"


def _short(address: str) -> str:
    """0x1234…abcd: enough to tell addresses apart in an 80-column table."""
    return f"{address[:6]}…{address[-4:]}"


def check_roles(ctx: Context) -> None:
    """`ape run deploy check-roles`: every role the deployer still holds, every ownership transfer the
    owner has not accepted yet, every token whose initial mint is open; fails if there is one."""
    rows = open_roles(ctx, ctx.deployer.address)
    ui.table(
        f"Roles and powers left open on chain {ctx.chain_id}",
        ["role", "state"],
        [(r.role, r.state) for r in rows] or [("none", "")],
    )
    awaiting = [r for r in rows if r.awaiting_owner]
    if len(awaiting) < len(rows):
        ui.fail(
            f"{len(rows) - len(awaiting)} left open: re-run `ape run deploy` to hand them over and close them"
        )
    if awaiting:
        ui.fail(f"{len(awaiting)} transfer(s) await the owner's accept_ownership: see docs/deploy.md")

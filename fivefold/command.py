"""The command class every connected `ape run` script uses: Ape's `ConnectedProviderCommand`, plus
one-line errors that name the fix where Ape would print a traceback or its own terse message.

  @click.command(cls=Command)          instead of cls=ConnectedProviderCommand
  @network_option()
  @account_option(prompt=False)

What it turns into `error: <what is wrong>: <what to do>` (exit 1), before or after connecting:
  - the suite's own errors (config, session, deployment, flow, plot, a CSV);
  - an RPC variable such as BSC_RPC not set (ape-config.yaml reads the node URI from it);
  - an RPC that does not answer;
  - an RPC that drops the connection or stops answering mid-command (a re-run resumes a deploy);
  - `--account TEST::99` / `TEST::abc` (a usage error that lists the valid choices);
  - any other Ape failure, a revert with its reason included (`transaction reverted: <reason>`).
"""

from __future__ import annotations

import re

import click
from ape.cli import ConnectedProviderCommand

from fivefold import ui

# The RPC variables ape-config.yaml reads, with the chain each is for.
RPC_VARIABLES = {"BSC_RPC": "BNB Smart Chain", "OKTC_RPC": "OKT Chain"}


def domain_errors() -> tuple[type[Exception], ...]:
    from fivefold.ape_compat import ApeVersionError
    from fivefold.config import ConfigError
    from fivefold.context import FlowError
    from fivefold.deployment import DeploymentError
    from fivefold.plots import PlotError
    from fivefold.session import SessionError

    return ConfigError, SessionError, DeploymentError, FlowError, PlotError, ApeVersionError


def explain(exc: BaseException, network: str | None = None) -> str | None:
    """A one-line message naming the fix for an exception Ape raised while connecting, or None."""
    text = str(exc)
    unset = re.search(r"\$\{(\w+)\}", text)
    if unset:
        var = unset.group(1)
        chain = RPC_VARIABLES.get(var, "this network")
        return (
            f"{var} is not set: export {var}=<your {chain} RPC URL>, or put the URL in the network "
            f"choice (--network {network.split(':')[0] if network else 'bsc'}:mainnet:https://...)"
        )
    if (
        "No (supported) node found" in text
        or "not connected" in text.lower()
        or "connection refused" in text.lower()
    ):
        where = re.search(r"'(https?://[^']+)'", text)
        url = where.group(1) if where else (network or "the RPC")
        return (
            f"no node answers at {url}: check the URL, start the node (local chains: `make up`), "
            "or choose another --network"
        )
    return None


def rpc_failures() -> tuple[type[BaseException], ...]:
    """What a node that drops the connection or stops answering raises through Ape and web3."""
    from requests.exceptions import ConnectionError as RequestsConnectionError
    from requests.exceptions import Timeout
    from web3.exceptions import CannotHandleRequest, TimeExhausted

    return RequestsConnectionError, Timeout, CannotHandleRequest, TimeExhausted, ConnectionError, TimeoutError


def rpc_lost(exc: BaseException, network: str | None = None) -> str:
    """One line for an RPC lost mid-command: which, how, and that a re-run resumes."""
    from requests.exceptions import Timeout

    chain, seen = [], exc
    while seen is not None and len(chain) < 10:  # web3's AutoProvider wraps the timeout it met
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    timed_out = any(isinstance(e, (Timeout, TimeoutError)) for e in chain)
    how = "stopped answering" if timed_out else "dropped the connection"
    return (
        f"the RPC {network or ''} {how} ({type(exc).__name__}): every transaction sent before is on chain "
        "and recorded; re-run the same command once the node answers (a deploy resumes where it stopped)"
    ).replace("  ", " ")


def describe(exc: BaseException) -> str:
    """One line for any other Ape failure: a revert with its reason (the contract's "<name>: <what is
    wrong>" says what to fix), anything else with its type."""
    from ape.exceptions import ContractLogicError

    text = " ".join(str(exc).split()) or "no message"
    if isinstance(exc, ContractLogicError):
        return f"transaction reverted: {text}"
    return f"{type(exc).__name__}: {text}"


def _network_arg(ctx: click.Context) -> str | None:
    args = list(getattr(ctx, "_fivefold_args", []))
    for i, a in enumerate(args):
        if a == "--network" and i + 1 < len(args):
            return args[i + 1]
        if a.startswith("--network="):
            return a.split("=", 1)[1]
    return None


class Command(ConnectedProviderCommand):
    """ConnectedProviderCommand with one-line errors (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        from fivefold import ape_compat

        # Before Ape starts a local node for `--network`: no opcode tracing, no state on disk.
        ape_compat.lean_anvil()
        # Before Ape connects: an RPC that stops answering fails the command within minutes.
        ape_compat.rpc_timeout()
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx._fivefold_args = list(args)
        try:
            return super().parse_args(ctx, args)
        except click.BadParameter as exc:
            if exc.param is not None and exc.param.name == "account":
                raise click.BadParameter(_account_help(exc), ctx=ctx, param=exc.param) from None
            raise
        except Exception as exc:  # noqa: BLE001 - Ape connects while parsing --network for some types
            message = explain(exc, _network_arg(ctx))
            if message is None:
                raise
            ui.fail(message)

    def invoke(self, ctx: click.Context):
        from ape.exceptions import ApeException

        from fivefold import ape_compat

        try:
            ape_compat.hide_traces()
            if _local_network(ctx):  # no "INFO: Connecting to a 'anvil' node." before the command's output
                ape_compat.quiet_logs()
            with ape_compat.keep_connection(ctx):
                return super().invoke(ctx)
        except domain_errors() as exc:
            ui.fail(str(exc))
        except rpc_failures() as exc:
            ui.fail(rpc_lost(exc, _network_arg(ctx)))
        except ApeException as exc:
            if isinstance(exc.__cause__ or exc.__context__, rpc_failures()):
                ui.fail(rpc_lost(exc.__cause__ or exc.__context__, _network_arg(ctx)))
            ui.fail(explain(exc, _network_arg(ctx)) or describe(exc))

    def _invoke(self, ctx: click.Context, provider=None):
        ctx.params.pop("interactive", None)  # set by ape_compat.keep_connection, not a parameter of ours
        return super()._invoke(ctx, provider=provider)


def _local_network(ctx: click.Context) -> bool:
    """A loopback or Ape-started local chain, and no -v/--verbosity given (that choice stands)."""
    args = list(getattr(ctx, "_fivefold_args", []))
    if any(a in ("-v", "--verbosity") or a.startswith("--verbosity=") for a in args):
        return False
    network = _network_arg(ctx) or ":local"  # the default network is Ape's local chain
    return any(h in network for h in ("127.0.0.1", "localhost", ":local"))


def _account_help(exc: click.BadParameter) -> str:
    from ape import accounts

    # the mnemonic's accounts (`test.number_of_accounts`), not accounts generated since
    n = accounts.test_accounts.number_of_accounts
    aliases = ", ".join(accounts.aliases) or "none imported"
    return (
        f"{exc.message.rstrip('.')}: on a local chain use TEST::0 .. TEST::{n - 1} (the local mnemonic's "
        f"test accounts); on a live chain an alias from `ape accounts list` ({aliases})"
    )

"""Connecting to a network and choosing the deployer, with errors that say what to do.

Scripts take `--network` and `--account` with Ape's own `network_option()` / `account_option()` and
let `ConnectedProviderCommand` connect; the package then calls `prepare(provider)`. `connect()` is
for code that connects by itself (the gas bench's local chain, the supply check's many chains).
"""

from __future__ import annotations

from contextlib import contextmanager

from fivefold import ape_compat


class SessionError(Exception):
    pass


@contextmanager
def connect(network: str):
    from ape import networks
    from ape.exceptions import ApeException

    local = any(h in network for h in ("127.0.0.1", "localhost", ":local", "-fork"))
    try:
        ape_compat.for_scripts(local=local)
    except ape_compat.ApeVersionError as exc:
        raise SessionError(str(exc)) from None
    if local:
        ape_compat.quiet_logs()  # no "INFO: Connecting to a 'anvil' node." per chain (check-supply)
    active = networks.active_provider
    if active is not None and active.is_connected and network == active.network_choice:
        # already connected there (in-process callers, tests): a second context would stop it on exit
        yield active
        return
    try:
        choice = networks.parse_network_choice(network)
    except ApeException as exc:
        raise SessionError(
            f"unknown network {network!r} ({exc}); use e.g. bsc:mainnet, oktc:mainnet, "
            "ethereum:local:foundry or an RPC URL; `ape networks list` shows them all"
        ) from exc
    try:
        with choice as provider:
            if _is_loopback(provider) and not provider.network.is_local:
                # A local stand-in for a live chain (anvil mines on demand): waiting for the live
                # network's confirmations would wait forever.
                ape_compat.stand_in(provider)
            yield provider
    except ApeException as exc:
        if "connect" in str(exc).lower():
            raise SessionError(
                f"cannot connect to {network!r}: {exc}; check the RPC URL or start the node"
            ) from exc
        raise


def exercise_users(ctx_profile: str, deployer):
    """Who the exercise acts as: the local mnemonic's accounts locally, the deployer alone on a live chain."""
    from ape import accounts

    if ctx_profile == "local":
        return [accounts.test_accounts[i] for i in range(8)]
    return [deployer]


def _is_loopback(provider) -> bool:
    from urllib.parse import urlparse

    uri = getattr(provider, "uri", "") or ""
    return (urlparse(uri).hostname or "") in ("127.0.0.1", "localhost", "::1")


def prepare(provider) -> None:
    """What `connect` adjusts, for a provider Ape connected itself (`ConnectedProviderCommand`)."""
    from fivefold import manifest

    network = provider.network
    try:
        ape_compat.for_scripts(local=_is_loopback(provider) or network.is_local or network.is_fork)
    except ape_compat.ApeVersionError as exc:
        raise SessionError(str(exc)) from None
    ape_compat.hide_traces()
    if manifest.kind_of(provider) != manifest.LIVE:
        # local chains: no "Confirmed 0x..." per transaction; the tables say what was sent
        ape_compat.quiet_logs()
    if _is_loopback(provider) and not network.is_local:
        ape_compat.stand_in(provider)


def deployer(account, profile: str):
    """The account given with `--account`; without one, the local mnemonic's first test account on
    the local profile (loopback chains), and an error naming the fix anywhere else."""
    if account is not None:
        return account
    if profile != "local":
        raise SessionError(
            "no deployer: pass --account <alias> (import one with `ape accounts import <alias>`)"
        )
    from ape import accounts

    return accounts.test_accounts[0]

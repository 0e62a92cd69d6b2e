"""Connecting a script to a network and an account, with errors that say what to do."""

from __future__ import annotations

from contextlib import contextmanager

import click

from fivefold import ape_compat

DEFAULT_NETWORK = "ethereum:local:foundry"


class SessionError(Exception):
    pass


def network_opt(f):
    return click.option(
        "--network",
        default=DEFAULT_NETWORK,
        show_default=True,
        help="ecosystem:network[:provider], or an RPC URL (a loopback URL selects the `local` profile). "
        "Chains: ethereum:mainnet, bsc:mainnet, polygon:mainnet, oktc:mainnet.",
    )(f)


def account_opt(f):
    return click.option(
        "--account",
        default="TEST::0",
        show_default=True,
        help="An `ape accounts` alias, or TEST::<n> for the n-th test account of the local mnemonic.",
    )(f)


@contextmanager
def connect(network: str):
    from ape import networks
    from ape.exceptions import ApeException

    try:
        ape_compat.for_scripts(local=any(h in network for h in ("127.0.0.1", "localhost", ":local", "-fork")))
    except ape_compat.ApeVersionError as exc:
        raise SessionError(str(exc)) from None
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
                ape_compat.stand_in(provider.network)
            yield provider
    except ApeException as exc:
        if "connect" in str(exc).lower():
            raise SessionError(f"cannot connect to {network!r}: {exc}; check the RPC URL or start the node") from exc
        raise


def load_account(alias: str):
    from ape import accounts

    if alias.upper().startswith("TEST::"):
        return accounts.test_accounts[int(alias.split("::", 1)[1])]
    try:
        return accounts.load(alias)
    except Exception as exc:  # ape raises several kinds here
        known = ", ".join(a.alias for a in accounts if getattr(a, "alias", None)) or "none"
        raise SessionError(
            f"no account {alias!r} ({exc}); import one with `ape accounts import {alias}` (known: {known})"
        ) from exc


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

"""Connecting a script to a network and an account, with errors that say what to do."""

from __future__ import annotations

from contextlib import contextmanager

import click

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


def _explorer_tolerates_offline(local: bool) -> None:
    """ape-etherscan fetches Etherscan's chain list the first time ape asks for a network's explorer;
    offline (local chains, CI) that request fails and takes the whole command down. No explorer
    serves a local node; elsewhere an unreachable list means "no explorer" too."""
    from ape_etherscan.explorer import Etherscan

    original = Etherscan.supports_chain.__func__
    if getattr(original, "_fivefold_wrapped", False):
        return

    def supports_chain(cls, chain_id):
        if local:
            return False
        try:
            return original(cls, chain_id)
        except Exception:  # requests' ConnectionError and friends: no explorer reachable
            return False

    supports_chain._fivefold_wrapped = True
    Etherscan.supports_chain = classmethod(supports_chain)
    if local:
        # ape-etherscan also registers itself for the live networks by name (bsc:mainnet, ...),
        # which a loopback stand-in borrows: make its lookups answer "unknown" at once.
        Etherscan.get_contract_type = lambda self, address: None


@contextmanager
def connect(network: str):
    from ape import networks
    from ape.exceptions import ApeException

    _explorer_tolerates_offline(local=any(h in network for h in ("127.0.0.1", "localhost", ":local", "-fork")))
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
                _no_confirmations(provider.network)
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


def _no_confirmations(network) -> None:
    # Ape builds one class per network (custom networks rebuild their config on every read), so
    # override on that class, for this process only.
    type(network).required_confirmations = property(lambda self: 0)
    # The live network's gas estimation margin is tight for calls whose path depends on the
    # block's timestamp (interest accrual); a local node's gas is free, so send with the block limit.
    type(network).gas_limit = property(lambda self: "max")

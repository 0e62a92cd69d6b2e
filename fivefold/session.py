"""Connecting to a network and choosing the deployer, with errors that say what to do.

Scripts take `--network` and `--account` with Ape's own `network_option()` / `account_option()` and
let `ConnectedProviderCommand` connect; the package then calls `prepare(provider)`. `connect()` is
for code that connects by itself (the gas bench's local chain, the supply check's many chains).
"""

from __future__ import annotations

from contextlib import contextmanager


class SessionError(Exception):
    pass


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


def prepare(provider) -> None:
    """What `connect` adjusts, for a provider Ape connected itself (`ConnectedProviderCommand`)."""
    network = provider.network
    _explorer_tolerates_offline(local=_is_loopback(provider) or network.is_local or network.is_fork)
    if _is_loopback(provider) and not network.is_local:
        _no_confirmations(network)


def deployer(account, profile: str):
    """The account given with `--account`; without one, the local mnemonic's first test account on
    the local profile (loopback chains), and an error naming the fix anywhere else."""
    if account is not None:
        return account
    if profile != "local":
        raise SessionError("no deployer: pass --account <alias> (import one with `ape accounts import <alias>`)")
    from ape import accounts

    return accounts.test_accounts[0]

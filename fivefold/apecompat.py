"""Every adjustment of Ape's internals, in one place, checked against the Ape version it was written for.

Ape 0.8's Foundry provider prints the call trace of every reverted call ("reverted without message"
and the call line) to stdout. The suite's probes revert on purpose (does schedule 3 exist? has this
feed an answer yet?), so a deploy printed dozens of such traces that were not errors. A failing
transaction still raises with its revert reason; `--verbose` commands may turn traces back on.
"""

from __future__ import annotations

from contextlib import contextmanager
from importlib.metadata import version

APE_SERIES = "0.8."  # what these patches were written against


class ApeVersionError(Exception):
    pass


def _check() -> None:
    found = version("eth-ape")
    if not found.startswith(APE_SERIES):
        raise ApeVersionError(
            f"fivefold/apecompat.py was written for eth-ape {APE_SERIES}x, found {found}: check each patch "
            "there against the new Ape, then update APE_SERIES"
        )


def quiet_traces(enabled: bool = True) -> None:
    """No call trace on screen for a reverted call (the exception keeps its message)."""
    _check()
    from ape_ethereum.trace import Trace

    original = getattr(Trace, "_fivefold_show", None)
    if original is None:
        original = Trace.show
        Trace._fivefold_show = original
    Trace.show = (lambda self, *a, **k: None) if enabled else original


def quiet_logs(level: str = "WARNING") -> None:
    """Ape's INFO lines ("Confirmed 0x... (total fees paid = ...)", "Connecting to ...") off; the
    commands print their own tables of what was sent."""
    from ape.logging import logger

    logger.set_level(level)


@contextmanager
def keep_connection(click_ctx):
    """A command invoked in-process while a provider is already connected (the tests, a caller's
    session) must not disconnect it on exit: Ape's ConnectedProviderCommand would (its context manager
    records `disconnect_after` per connection and stops the shared anvil, resetting its chain). Ape
    reads the `interactive` parameter for that; the map entry is restored afterwards."""
    _check()
    from ape import networks
    from ape.api.networks import ProviderContextManager

    provider = networks.active_provider
    if provider is None or not provider.is_connected:
        yield
        return
    # the --network choice names the connected chain: use that provider, not a new one (a new
    # ethereum:local:foundry would start another anvil: another, empty chain)
    from ape.api.providers import ProviderAPI
    from ape.cli.options import NETWORK_META_KEY

    def same(p) -> bool:
        return isinstance(p, ProviderAPI) and p is not provider and p.network_choice == provider.network_choice

    if same(click_ctx.params.get("network")):
        click_ctx.params["network"] = provider
    meta = click_ctx.meta.get(NETWORK_META_KEY) or {}
    if same(meta.get("provider")):
        meta["provider"] = provider
    connection = provider.connection_id
    before = ProviderContextManager.disconnect_map.get(connection)
    click_ctx.params["interactive"] = True
    try:
        yield
    finally:
        if before is not None:
            ProviderContextManager.disconnect_map[connection] = before

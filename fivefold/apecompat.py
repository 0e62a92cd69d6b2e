"""Every adjustment of Ape's internals, in one place, checked against the Ape version it was written for.

Ape 0.8's Foundry provider prints the call trace of every reverted call ("reverted without message"
and the call line) to stdout. The suite's probes revert on purpose (does schedule 3 exist? has this
feed an answer yet?), so a deploy printed dozens of such traces that were not errors. A failing
transaction still raises with its revert reason; `--verbose` commands may turn traces back on.
"""

from __future__ import annotations

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

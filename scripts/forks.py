"""Fork tests against local upstreams (part of `make test`).

  ape run forks            BNB Smart Chain and OKT Chain stand-ins: deploy upstream, test on a fork,
                           check the upstream is untouched
  ape run forks -- -k xyz  extra arguments go to `ape test`
"""

import click

from fivefold import forks, ui
from fivefold.localchain import LocalChainError


@click.command(context_settings={"help_option_names": ["-h", "--help"], "ignore_unknown_options": True})
@click.argument("pytest_args", nargs=-1, type=click.UNPROCESSED)
def cli(pytest_args):
    """Deploy to local upstream chains (56, 66), run tests/forks on ape-foundry forks of them, and
    verify the upstreams did not change."""
    with ui.errors(LocalChainError):
        failures = forks.run(tuple(pytest_args))
    if failures:
        ui.fail(f"{failures} fork check(s) failed")

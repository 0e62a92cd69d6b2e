"""Every `ape run` command and subcommand has --help (in its own module: parametrized tests and a
module-scoped deployment do not mix under ape's isolation)."""

import pytest

from tests.cli.conftest import commands, subcommands

ALL = [args for name in commands() for args in subcommands(name)]


@pytest.mark.parametrize("args", ALL, ids=[" ".join(a) for a in ALL])
def test_help__every_command__prints_usage(run_command, args):
    """`ape run <command> [<sub>] --help` exits 0 and shows the usage line."""
    result = run_command(args[0], *args[1:], "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output

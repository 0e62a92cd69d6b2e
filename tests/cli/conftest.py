"""The `ape run` commands, invoked in-process with click's CliRunner (an `ape` process costs ~14 s
to start), against the test session's local chain, with one deployment shared by a whole module."""

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

from fivefold import manifest

SCRIPTS = Path("scripts")


def script(name: str):
    """scripts/<name>.py's `cli`, loaded as `ape run` loads it."""
    spec = importlib.util.spec_from_file_location(f"fivefold_script_{name}", SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.cli


def commands() -> list[str]:
    return sorted(p.stem for p in SCRIPTS.glob("*.py") if not p.stem.startswith("_"))


def subcommands(name: str) -> list[list[str]]:
    """[name] plus [name, sub] for each subcommand of a group."""
    import click

    cli = script(name)
    out = [[name]]
    if isinstance(cli, click.Group):
        out += [[name, sub] for sub in cli.commands]
    return out


def invoke(name: str, *args: str, input: str | None = None):
    """invoke("deploy", "--yes") -> click Result; exceptions are kept in the result, not raised."""
    return CliRunner().invoke(script(name), list(args), input=input, catch_exceptions=True)


@pytest.fixture(scope="session")
def run_command():
    return invoke


def one_line_error(result, *expected: str) -> str:
    """Asserts the command failed with a one-line `error: ...` (no traceback) containing `expected`."""
    out = result.output
    assert result.exit_code != 0, out
    assert "Traceback" not in out, out
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    errors = [line for line in out.splitlines() if line.startswith("error:") or line.startswith("Error:")]
    assert errors, out
    # rich may wrap a long line: join what follows the error marker
    text = " ".join(out[out.index(errors[0]) :].split())
    for part in expected:
        assert part in text, text
    return text


@pytest.fixture(scope="module")
def manifests_dir(tmp_path_factory):
    """Manifests of this module's deployments, in a temporary directory."""
    with pytest.MonkeyPatch.context() as patch:
        path = tmp_path_factory.mktemp("deployments")
        patch.setenv(manifest.ENV_DIR, str(path))
        yield path


@pytest.fixture(scope="module")
def deployed(manifests_dir, chain, accounts, run_command):
    """The suite, deployed once per module through `ape run deploy --yes` on the local chain. It asks
    for every session fixture the module's tests use, so ape's isolation never has to rebase them."""
    result = CliRunner().invoke(script("deploy"), ["--yes"], catch_exceptions=True)
    assert result.exit_code == 0, result.output
    return result

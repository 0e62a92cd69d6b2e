"""A fresh shell needs one step (`source .venv/bin/activate` or `make shell`); pictures from the mirrors."""

import subprocess
from pathlib import Path

from fivefold import plots
from fivefold.vesting import model as vesting


def test_makefile__activate_step__adds_node_modules_bin():
    """`make setup` appends node_modules/.bin to the venv's activate script; `make -n` shows the step."""
    out = subprocess.run(["make", "-n", "-B", ".make/activate"], capture_output=True, text=True).stdout
    assert "node_modules/.bin:$PATH" in out and ".venv/bin/activate" in out


def test_activate__fresh_shell__ape_and_anvil_found():
    """In a shell with only the system PATH, sourcing the venv's activate finds ape and anvil
    (needs `make setup` to have run, as every README command does)."""
    cmd = "source .venv/bin/activate && command -v ape && command -v anvil"
    out = subprocess.run(
        ["env", "-i", "PATH=/usr/bin:/bin", "bash", "-c", cmd], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1].endswith("node_modules/.bin/anvil")


def test_timeline_series__cc_and_cpc__end_at_their_totals():
    s = plots.timeline_series(dict(vesting.CC_ALLOCATIONS), vesting.CPC_TEAM_ALLOCATION)
    assert s["cc"]["cc.public_whitelist"][0] == 175.0  # 100% at TGE, in millions
    assert s["cc"]["cc.seed"][-1] == 1000.0
    assert s["cpc_team"][0] == 0 and s["cpc_team"][-1] == 200.0
    assert 120 < s["cpc_maintenance"][-1] < 122.22  # month 60 ends just before year 5 does


def test_timeline_plot__writes_a_png(tmp_path):
    path = plots.timeline(tmp_path / "t.png", dict(vesting.CC_ALLOCATIONS), vesting.CPC_TEAM_ALLOCATION)
    assert Path(path).read_bytes()[:4] == b"\x89PNG"


def test_plot__wrong_suffix__plot_error(tmp_path):
    import pytest

    with pytest.raises(plots.PlotError, match="name a .png"):
        plots.timeline(tmp_path / "t.txt", dict(vesting.CC_ALLOCATIONS), vesting.CPC_TEAM_ALLOCATION)

"""Local and live manifests apart; a chain that dies with the command gets none (issue 10)."""

import json

import pytest

from fivefold import manifest


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.delenv(manifest.ENV_DIR, raising=False)
    monkeypatch.setattr(manifest, "_memory", {})
    return tmp_path


def test_kind_of__test_sessions_own_anvil__ephemeral(networks):
    """The anvil ape started for this process stops with it: ephemeral."""
    assert manifest.kind_of(networks.provider) == manifest.EPHEMERAL


def test_save__ephemeral__no_file_kept_in_memory(root):
    m = {"chain_id": 31337, "contracts": {"CC": {"address": "0x1"}}}
    assert manifest.save(m, root, kind=manifest.EPHEMERAL) is None
    assert not list(root.rglob("*.json"))
    assert manifest.load(31337, root, kind=manifest.EPHEMERAL)["contracts"]["CC"]["address"] == "0x1"


def test_save__local_chain_56__apart_from_the_live_manifest(root):
    """A manual local node with chain id 56 writes deployments/local/56.json, never deployments/56.json."""
    live = manifest.save(
        {"chain_id": 56, "contracts": {"CC": {"address": "0xlive"}}}, root, kind=manifest.LIVE
    )
    local = manifest.save(
        {"chain_id": 56, "contracts": {"CC": {"address": "0xlocal"}}}, root, kind=manifest.LOCAL
    )
    assert live == root / "deployments" / "56.json" and local == root / "deployments" / "local" / "56.json"
    assert json.loads(live.read_text())["contracts"]["CC"]["address"] == "0xlive"
    assert set(manifest.load_all(root, kind=manifest.LIVE)) == {56}
    assert manifest.load_all(root, kind=manifest.LOCAL)[56]["contracts"]["CC"]["address"] == "0xlocal"


def test_describe__ephemeral__says_not_written(root):
    assert "ephemeral: not written" in manifest.describe(31337, kind=manifest.EPHEMERAL)


def test_gitignore__local_manifests__ignored():
    from pathlib import Path

    assert "/deployments/local/" in Path(".gitignore").read_text().splitlines()

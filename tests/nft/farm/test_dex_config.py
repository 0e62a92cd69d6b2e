"""The `dex:` block of deploy/<chain>.yaml (fivefold/config.py): each live chain names its v2 DEX
with factory, router, pair init-code hash and where they came from; a broken block is refused with
the file, the key and the fix."""

import shutil
from pathlib import Path

import pytest
import yaml

from fivefold import config
from fivefold.nft import dex

EXPECTED = {
    "ethereum": ("Uniswap v2", dex.UNISWAP_V2_INIT_CODE_HASH),
    "bsc": ("PancakeSwap v2", "0x00fb7f630766e6a796048ea87d01acd3068e8ff67d078148a3fa3f4a84f69bd5"),
    "polygon": ("QuickSwap v2", dex.UNISWAP_V2_INIT_CODE_HASH),
    "oktc": ("CherrySwap", "0xe3ae0327539fda6ee87492b9ce166b7419808c231acd1fe54dd3fbf7754704f5"),
}


def _live(chain: str, root: Path = Path(".")) -> tuple[dict, Path]:
    path = root / "deploy" / f"{chain}.yaml"
    return yaml.safe_load(path.read_text())["profiles"]["live"], path


@pytest.mark.parametrize("chain", sorted(EXPECTED))
def test_check_dex__live_profiles__valid_block_with_checksummed_contract_addresses(chain):
    """Every live chain's block passes, its factory and router are checksummed addresses that must
    hold code (pre-flight asks the chain), and the name and hash are the expected DEX's."""
    settings, path = _live(chain)
    config.check_dex(settings, path, "live")
    found = {s.key: s for s in config.addresses(settings, path, "live")}
    for key in ("factory", "router"):
        entry = found[f"profiles.live.dex.{key}"]
        assert entry.contract and entry.address == settings["dex"][key]
    assert (settings["dex"]["name"], settings["dex"]["init_code_hash"]) == EXPECTED[chain]
    assert settings["dex"]["source"]


def test_check_dex__local_profiles__no_block_so_the_suite_deploys_its_own():
    """Local profiles name no DEX: LOCAL_CONTRACTS deploy Uniswap v2 there."""
    for chain in ("ethereum", "bsc", "polygon", "oktc", "local"):
        assert "dex" not in yaml.safe_load(Path(f"deploy/{chain}.yaml").read_text())["profiles"]["local"]


@pytest.fixture
def deploy_dir(tmp_path):
    """A copy of deploy/ to edit; `config.load(..., root=tmp_path)` reads it."""
    shutil.copytree(Path("deploy"), tmp_path / "deploy")
    return tmp_path


def _add_dex(root: Path, block: str) -> None:
    """Appends a `dex:` block to deploy/local.yaml's local profile (the last key of the file)."""
    path = root / "deploy" / "local.yaml"
    path.write_text(path.read_text().rstrip("\n") + "\n" + block)


GOOD = """    dex:
      name: "Uniswap v2"
      factory: "0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f"
      router: "0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D"
      init_code_hash: "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f"
      source: "docs.uniswap.org"
"""


def test_load__dex_block__kept_in_the_config(deploy_dir):
    _add_dex(deploy_dir, GOOD)
    cfg = config.load(31337, "local", root=deploy_dir)
    assert cfg["dex"]["router"] == "0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D"
    assert "profiles.local.dex.factory" in {a.key for a in cfg["addresses"]}


def test_load__short_init_code_hash__refused_naming_key_and_fix(deploy_dir):
    _add_dex(deploy_dir, GOOD.replace("348845f", "348845"))
    with pytest.raises(config.ConfigError, match=r"profiles.local.dex.init_code_hash = .*64 lower-case hex"):
        config.load(31337, "local", root=deploy_dir)


def test_load__missing_router_and_unknown_key__refused_naming_both(deploy_dir):
    block = GOOD.replace('      router: "0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D"\n', "      pair: 1\n")
    _add_dex(deploy_dir, block)
    with pytest.raises(config.ConfigError, match=r"dex: missing router; unknown pair: it takes exactly"):
        config.load(31337, "local", root=deploy_dir)


def test_load__lowercase_router__refused_by_the_address_check(deploy_dir):
    _add_dex(deploy_dir, GOOD.replace("0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D", "0x" + "7a" * 20))
    with pytest.raises(config.ConfigError, match=r"profiles.local.dex.router = .* has no EIP-55 checksum"):
        config.load(31337, "local", root=deploy_dir)


def test_load__dex_not_a_mapping__refused(deploy_dir):
    _add_dex(deploy_dir, '    dex: "uniswap"\n')
    with pytest.raises(config.ConfigError, match=r"profiles.local.dex must be a mapping"):
        config.load(31337, "local", root=deploy_dir)

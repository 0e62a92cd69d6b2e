"""Every address in deploy/*.yaml is checked before the first transaction; YAML errors name
file and line."""

import shutil
from pathlib import Path

import pytest

from fivefold import config

OWNER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"


@pytest.fixture
def deploy_dir(tmp_path):
    """A copy of deploy/ to edit; `config.load(..., root=tmp_path)` reads it."""
    shutil.copytree(Path("deploy"), tmp_path / "deploy")
    return tmp_path


def _set(root: Path, name: str, old: str, new: str) -> None:
    path = root / "deploy" / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_load__short_owner__names_file_line_key_and_fix(deploy_dir):
    """`owner: "0x1234"` (the issue's case) is refused at load, naming deploy/local.yaml, its line
    and the key."""
    _set(deploy_dir, "local.yaml", f'owner: "{OWNER}"', 'owner: "0x1234"')
    with pytest.raises(config.ConfigError) as err:
        config.load(31337, "local", root=deploy_dir)
    msg = str(err.value)
    assert "deploy/local.yaml:10: profiles.local.owner = '0x1234' is not an address" in msg
    assert "put the full address there" in msg


def test_load__owner_with_one_wrong_case__checksum_refused(deploy_dir):
    """One character's case changed (a typo EIP-55 catches): refused, and not 'fixed' by re-checksumming."""
    typo = OWNER[:-1] + OWNER[-1].swapcase() if OWNER[-1].isalpha() else OWNER.replace("C5", "c5", 1)
    assert typo.lower() == OWNER.lower() and typo != OWNER
    _set(deploy_dir, "local.yaml", f'owner: "{OWNER}"', f'owner: "{typo}"')
    with pytest.raises(
        config.ConfigError,
        match=r"profiles.local.owner = .* fails its EIP-55 checksum.*copy the address again",
    ):
        config.load(31337, "local", root=deploy_dir)


def test_load__lowercase_address__refused_with_the_checksummed_form(deploy_dir):
    _set(
        deploy_dir,
        "local.yaml",
        'treasury: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"',
        'treasury: "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"',
    )
    with pytest.raises(
        config.ConfigError, match="has no EIP-55 checksum.*0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"
    ):
        config.load(31337, "local", root=deploy_dir)


def test_load__zero_owner__refused(deploy_dir):
    _set(deploy_dir, "local.yaml", f'owner: "{OWNER}"', 'owner: "0x0000000000000000000000000000000000000000"')
    with pytest.raises(config.ConfigError, match="profiles.local.owner is the zero address"):
        config.load(31337, "local", root=deploy_dir)


def test_load__unquoted_address__says_to_quote_it(deploy_dir):
    """YAML reads an unquoted 0x... as a number; the message says so."""
    _set(deploy_dir, "local.yaml", f'owner: "{OWNER}"', f"owner: {OWNER}")
    with pytest.raises(
        config.ConfigError, match="profiles.local.owner is a number.*write the address in quotes"
    ):
        config.load(31337, "local", root=deploy_dir)


def test_load__nested_address_key__checked_too(deploy_dir):
    """Keys under maps and lists (payouts.operators[0]) are checked like top-level ones."""
    _set(
        deploy_dir,
        "local.yaml",
        "    recipients: {}",
        '    recipients: {}\n    payouts:\n      operators: ["0xabc"]',
    )
    with pytest.raises(
        config.ConfigError, match=r"profiles.local.payouts.operators\[0\] = '0xabc' is not an address"
    ):
        config.load(31337, "local", root=deploy_dir)


def test_load__yaml_syntax_error__names_file_and_line(deploy_dir):
    _set(deploy_dir, "bsc.yaml", "  local:\n", "  local\n    oops: [\n")
    with pytest.raises(config.ConfigError, match=r"deploy/bsc.yaml:\d+:\d+: YAML syntax error"):
        config.load(56, "local", root=deploy_dir)


def test_check_code__contract_key_without_code__refused():
    """A key that must hold a contract (a price feed) pointing at an address without code is refused."""
    entry = config.AddressSetting(Path("deploy/bsc.yaml"), "profiles.live.price_feeds.USDT", 17, OWNER, True)
    cfg = {"chain_id": 56, "addresses": [entry]}
    with pytest.raises(
        config.ConfigError,
        match=r"deploy/bsc.yaml:17: profiles.live.price_feeds.USDT = .* has no code on chain 56",
    ):
        config.check_code(cfg, lambda address: b"")
    config.check_code(cfg, lambda address: b"\x60\x00")  # code there: fine

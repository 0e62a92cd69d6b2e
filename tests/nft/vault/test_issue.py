"""`issue`: the creator fixes name, symbol, supply (minted to itself), threshold, payment asset,
minimum increment and countdown; each bound is enforced."""

import ape
import pytest

from fivefold.nft.model_vault import DAY
from tests.nft.vault.conftest import SUPPLY, ZERO, issue


def test_issue__creator__supply_minted_and_parameters_fixed(vault, vault_creator):
    """Supply to the creator (a mint Transfer), parameters readable, lots open for bids."""
    tx = vault.issue("Mock Vault", "MV", SUPPLY, 60, ZERO, 250, 2 * 3_600, sender=vault_creator)
    assert vault.name() == "Mock Vault" and vault.symbol() == "MV" and vault.decimals() == 18
    assert vault.totalSupply() == SUPPLY and vault.balanceOf(vault_creator) == SUPPLY
    assert vault.issued() and vault.payment_asset() == ZERO
    assert (vault.threshold_percent(), vault.min_increment_bps(), vault.countdown()) == (60, 250, 7_200)
    assert vault.phase(0) == 2
    mint = tx.decode_logs(vault.Transfer)[0]
    assert (mint.sender, mint.receiver, mint.value) == (ZERO, vault_creator.address, SUPPLY)


def test_issue__zero_increment_and_countdown__defaults(vault, vault_creator, stable):
    """0 means the defaults: 5% and 24 hours; an ERC-20 payment asset is kept."""
    issue(vault, vault_creator, asset=stable)
    assert (vault.min_increment_bps(), vault.countdown()) == (500, DAY)
    assert vault.payment_asset() == stable.address


def test_issue__non_creator__reverts(vault, stranger):
    with ape.reverts("m_token_vault: caller is not the creator"):
        issue(vault, stranger)


def test_issue__twice__reverts(issued, vault_creator):
    with ape.reverts("m_token_vault: already issued"):
        issue(issued, vault_creator)


def test_issue__no_lots__reverts(project, factory, vault_creator):
    from tests.nft.vault.conftest import create_vault

    with ape.reverts("m_token_vault: no lots"):
        issue(create_vault(project, factory, vault_creator), vault_creator)


@pytest.mark.parametrize(
    "kwargs,reason",
    [
        ({"supply": 0}, "supply out of bounds"),
        ({"supply": 2**96}, "supply out of bounds"),
        ({"threshold": 0}, "threshold out of bounds"),
        ({"threshold": 101}, "threshold out of bounds"),
        ({"increment": 99}, "increment out of bounds"),
        ({"increment": 5_001}, "increment out of bounds"),
        ({"countdown": 3_599}, "countdown out of bounds"),
        ({"countdown": 7 * DAY + 1}, "countdown out of bounds"),
    ],
)
def test_issue__parameter_out_of_bounds__reverts(vault, vault_creator, kwargs, reason):
    """Each bound, one past it."""
    with ape.reverts(f"m_token_vault: {reason}"):
        issue(vault, vault_creator, **kwargs)


def test_issue__bounds_inclusive__accepted(vault, vault_creator):
    """The bounds themselves are allowed (1% increment, 1 hour, 100% threshold, the largest supply)."""
    issue(vault, vault_creator, supply=2**96 - 1, threshold=100, increment=100, countdown=3_600)
    assert vault.min_increment_bps() == 100 and vault.countdown() == 3_600


def test_issue__asset_not_a_contract__reverts(vault, vault_creator, stranger):
    with ape.reverts("m_token_vault: payment asset is not a contract"):
        issue(vault, vault_creator, asset=stranger)

"""AdCampaigns' two-step ownership (contracts/shared/owner_2step.vy; renouncing is not exported) and
the guardian's pause of new campaigns (contracts/shared/pausable.vy): proofs and withdrawals stay open."""

import ape
import pytest

from tests import ownership_support as ownership

from .conftest import DAY, USD

PAUSED = "pausable: new deposits and creations are paused"


@pytest.fixture
def owned(ads):
    return ads


@pytest.fixture
def act(owned, ads_usdt):
    """An owner-only action: delisting USDT."""

    def delist(account):
        owned.set_asset_listed(ads_usdt, False, sender=account)
        assert not owned.is_listed(ads_usdt)

    return delist


class TestOwnership(ownership.TwoStepOwnership):
    """An ownerless AdCampaigns could never list or delist an asset again, so renouncing does not exist."""


@pytest.fixture
def ads_guardian(accounts):
    return accounts[9]


def test_create__paused__refused_while_proofs_and_withdrawals_stay_open(
    ads, ads_create, ads_usdt, owner, ads_guardian, ads_consumer, ads_other_consumer, ads_advertiser, chain
):
    """The guardian stops new campaigns only: a funded one still pays and returns its rest."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    c.commit(ads_other_consumer)
    ads.set_guardian(ads_guardian, sender=owner)
    ads.pause(sender=ads_guardian)
    with ape.reverts(PAUSED):
        ads_create(ads_usdt, USD, 5 * USD)
    c.commit(ads_consumer)
    c.reveal(ads_consumer)
    c.reveal(ads_other_consumer)
    chain.pending_timestamp += DAY
    assert ads.withdraw(c.id, sender=ads_advertiser).return_value == 3 * USD
    ads.unpause(sender=owner)
    ads_create(ads_usdt, USD, 5 * USD)


def test_pause__stranger__reverts(ads, ads_front_runner):
    with ape.reverts("pausable: caller is not the owner or the guardian"):
        ads.pause(sender=ads_front_runner)

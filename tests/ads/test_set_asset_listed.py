"""AdCampaigns.set_asset_listed: the owner's allow-list of funding assets."""

import ape

from .conftest import NATIVE, USD


def test_constructor__native_coin__listed(project, deployer, owner, chain):
    """The chain's native coin is listed from deployment on (the event says so)."""
    contract = project.AdCampaigns.deploy(owner, sender=deployer)
    assert contract.is_listed(NATIVE)
    [log] = chain.get_receipt(contract.txn_hash).decode_logs(contract.AssetListed)
    assert (log.asset, log.listed) == (NATIVE, True)


def test_constructor__zero_owner__reverts(project, deployer):
    with ape.reverts("ad_campaigns: zero owner"):
        project.AdCampaigns.deploy(NATIVE, sender=deployer)


def test_set_asset_listed__delisted__new_refused_existing_pays(
    ads, ads_create, ads_usdt, owner, ads_consumer
):
    """Delisting stops new campaigns in the asset; a funded one still pays."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    tx = ads.set_asset_listed(ads_usdt, False, sender=owner)
    [log] = tx.decode_logs(ads.AssetListed)
    assert (log.asset, log.listed) == (ads_usdt.address, False) and not ads.is_listed(ads_usdt)
    with ape.reverts("ad_campaigns: asset not listed"):
        ads_create(ads_usdt, USD, 5 * USD)
    assert c.attest(ads_consumer, sender=ads_consumer).return_value == USD


def test_set_asset_listed__non_owner__reverts(ads, ads_usdt, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        ads.set_asset_listed(ads_usdt, False, sender=non_owner)

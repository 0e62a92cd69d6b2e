"""AdCampaigns.withdraw: the advertiser takes back what is left, after the end and never before."""

import ape

from .conftest import DAY, TOKEN, USD


def test_withdraw__after_end__left_returned_stats_kept(
    ads, ads_create, ads_usdt, ads_advertiser, ads_consumer, chain
):
    """After the end the advertiser gets the unspent budget; the statistics keep what was paid."""
    c = ads_create(ads_usdt, 2 * USD, 10 * USD)
    c.attest(ads_consumer, sender=ads_consumer)
    chain.pending_timestamp += DAY
    before = ads_usdt.balanceOf(ads_advertiser)
    tx = ads.withdraw(c.id, sender=ads_advertiser)
    assert tx.return_value == 8 * USD and ads_usdt.balanceOf(ads_advertiser) - before == 8 * USD
    [log] = tx.decode_logs(ads.Withdrawn)
    assert (log.id, log.advertiser, log.amount) == (c.id, ads_advertiser.address, 8 * USD)
    stats = ads.stats(c.id)
    assert (stats.interactions, stats.paid, stats.left) == (1, 2 * USD, 0)
    assert ads_usdt.balanceOf(ads) == 0 and c.state.budget == 10 * USD


def test_withdraw__native_campaign__native_returned(ads, ads_create, ads_advertiser, chain):
    c = ads_create(None, TOKEN // 1000, TOKEN // 100)
    chain.pending_timestamp += DAY
    before = ads_advertiser.balance
    tx = ads.withdraw(c.id, sender=ads_advertiser)
    assert ads_advertiser.balance == before + TOKEN // 100 - tx.total_fees_paid and ads.balance == 0


def test_withdraw__before_end__reverts(ads, ads_create, ads_usdt, ads_advertiser, chain):
    """Withdrawing early is refused, even a second before the end: committed consumers can still
    reveal until then."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    chain.pending_timestamp = c.state.end - 1
    with ape.reverts("ad_campaigns: campaign not ended"):
        ads.withdraw(c.id, sender=ads_advertiser)
    assert ads_usdt.balanceOf(ads) == 5 * USD


def test_withdraw__not_the_advertiser__reverts(ads, ads_create, ads_usdt, ads_front_runner, chain):
    c = ads_create(ads_usdt, USD, 5 * USD)
    chain.pending_timestamp += DAY
    with ape.reverts("ad_campaigns: caller is not the advertiser"):
        ads.withdraw(c.id, sender=ads_front_runner)


def test_withdraw__twice__second_reverts(ads, ads_create, ads_usdt, ads_advertiser, chain):
    c = ads_create(ads_usdt, USD, 5 * USD)
    chain.pending_timestamp += DAY
    ads.withdraw(c.id, sender=ads_advertiser)
    with ape.reverts("ad_campaigns: nothing left"):
        ads.withdraw(c.id, sender=ads_advertiser)


def test_withdraw__budget_spent__nothing_left(ads, ads_create, ads_usdt, ads_advertiser, ads_consumer, chain):
    """A campaign whose budget was all paid out leaves nothing to withdraw."""
    c = ads_create(ads_usdt, USD, USD)
    c.attest(ads_consumer, sender=ads_consumer)
    chain.pending_timestamp += DAY
    with ape.reverts("ad_campaigns: nothing left"):
        ads.withdraw(c.id, sender=ads_advertiser)


def test_withdraw__no_such_campaign__reverts(ads, ads_advertiser):
    with ape.reverts("ad_campaigns: no such campaign"):
        ads.withdraw(7, sender=ads_advertiser)

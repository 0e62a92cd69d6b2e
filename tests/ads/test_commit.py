"""AdCampaigns.commit: a consumer's sealed, address-bound commitment to a campaign's keyword."""

import ape

from fivefold.ads import model

from .conftest import DAY, USD


def test_commit__live_campaign__block_recorded(ads, ads_create, ads_usdt, ads_consumer):
    """The commitment's block is recorded (the reveal must come later) and an event names the consumer."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    tx = c.commit(ads_consumer)
    assert ads.commitment_block(c.id, ads_consumer) == tx.block_number
    [log] = tx.decode_logs(ads.Committed)
    assert (log.id, log.consumer) == (c.id, ads_consumer.address)


def test_commit__again__replaces_the_pending_one(ads, ads_create, ads_usdt, ads_consumer, chain):
    """A consumer may commit again (a lost salt): the new commitment and block replace the old."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    c.commit(ads_consumer, salt=b"\x01" * 32)
    tx = c.commit(ads_consumer, salt=b"\x02" * 32)
    assert ads.commitment_block(c.id, ads_consumer) == tx.block_number
    with ape.reverts("ad_campaigns: reveal does not match the commitment"):
        c.reveal(ads_consumer, salt=b"\x01" * 32)
    assert c.reveal(ads_consumer, salt=b"\x02" * 32).return_value == USD


def test_commit__scheduled_campaign__accepted(ads, ads_create, ads_usdt, ads_consumer, chain):
    """Committing before the start is allowed; the reveal waits for the start."""
    c = ads_create(ads_usdt, USD, 5 * USD, start=chain.pending_timestamp + DAY)
    c.commit(ads_consumer)
    with ape.reverts("ad_campaigns: campaign not started"):
        c.reveal(ads_consumer)
    chain.pending_timestamp += DAY
    assert c.reveal(ads_consumer).return_value == USD


def test_commit__no_such_campaign__reverts(ads, ads_consumer):
    with ape.reverts("ad_campaigns: no such campaign"):
        ads.commit(99, b"\x01" * 32, sender=ads_consumer)


def test_commit__ended_campaign__reverts(ads_create, ads_usdt, ads_consumer, chain):
    """No commitment after the end (no reveal could follow)."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    chain.pending_timestamp += DAY
    with ape.reverts("ad_campaigns: campaign ended"):
        c.commit(ads_consumer)


def test_commit__attestation_only_campaign__reverts(ads_create, ads_usdt, ads_consumer):
    """A campaign without a keyword takes no commitment."""
    c = ads_create(ads_usdt, USD, 5 * USD, keyword=None)
    with ape.reverts("ad_campaigns: campaign takes no keyword"):
        c.commit(ads_consumer, digest=model.keyword_digest("anything"))


def test_commit__after_reward__reverts(ads_create, ads_usdt, ads_consumer):
    """A rewarded consumer cannot commit again (it could never be paid twice anyway)."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    c.commit(ads_consumer)
    c.reveal(ads_consumer)
    with ape.reverts("ad_campaigns: already rewarded"):
        c.commit(ads_consumer)

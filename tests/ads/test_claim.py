"""AdCampaigns.claim: revealing a committed keyword pays the consumer at once."""

import ape

from fivefold.ads import model

from .conftest import DAY, TOKEN, USD


def test_claim__revealed_keyword__reward_paid_at_once(ads, ads_create, ads_usdt, ads_consumer):
    """The reveal pays the reward into the consumer's wallet in the same transaction."""
    c = ads_create(ads_usdt, 2 * USD, 10 * USD)
    c.commit(ads_consumer)
    tx = c.reveal(ads_consumer)
    assert tx.return_value == 2 * USD and ads_usdt.balanceOf(ads_consumer) == 2 * USD
    [log] = tx.decode_logs(ads.Rewarded)
    assert (log.id, log.consumer, log.amount, log.attested) == (c.id, ads_consumer.address, 2 * USD, False)
    assert ads.is_rewarded(c.id, ads_consumer) and ads.commitment_block(c.id, ads_consumer) == 0
    stats = ads.stats(c.id)
    assert (stats.interactions, stats.paid, stats.left) == (1, 2 * USD, 8 * USD)


def test_claim__native_campaign__native_reward(ads, ads_create, ads_consumer):
    """A native-coin campaign pays in the native coin."""
    c = ads_create(None, TOKEN // 1000, TOKEN // 100)
    c.commit(ads_consumer)
    before = ads_consumer.balance
    tx = c.reveal(ads_consumer)
    assert ads_consumer.balance == before + TOKEN // 1000 - tx.total_fees_paid
    assert ads.balance == TOKEN // 100 - TOKEN // 1000


def test_claim__keyword_typed_differently__same_digest(ads_create, ads_usdt, ads_consumer):
    """The dApp normalizes what the consumer types (case, spaces, Unicode forms)."""
    c = ads_create(ads_usdt, USD, 5 * USD, keyword="Fivefold ads")
    typed = model.keyword_digest("  FIVEFOLD\u00a0 Ads ")
    c.commit(ads_consumer, digest=typed)
    assert c.reveal(ads_consumer, digest=typed).return_value == USD


def test_claim__wrong_keyword__reverts(ads_create, ads_usdt, ads_consumer):
    c = ads_create(ads_usdt, USD, 5 * USD)
    wrong = model.keyword_digest("something else")
    c.commit(ads_consumer, digest=wrong)
    with ape.reverts("ad_campaigns: wrong keyword"):
        c.reveal(ads_consumer, digest=wrong)


def test_claim__without_commitment__reverts(ads_create, ads_usdt, ads_consumer):
    c = ads_create(ads_usdt, USD, 5 * USD)
    with ape.reverts("ad_campaigns: no commitment"):
        c.reveal(ads_consumer)


def test_claim__wrong_salt__reverts(ads_create, ads_usdt, ads_consumer):
    """The reveal must open the commitment: another salt does not."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    c.commit(ads_consumer, salt=b"\x01" * 32)
    with ape.reverts("ad_campaigns: reveal does not match the commitment"):
        c.reveal(ads_consumer, salt=b"\x09" * 32)


def test_claim__twice__second_reverts(ads, ads_create, ads_usdt, ads_consumer):
    """One reward per consumer per campaign."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    c.commit(ads_consumer)
    c.reveal(ads_consumer)
    with ape.reverts("ad_campaigns: already rewarded"):
        c.reveal(ads_consumer)
    assert ads.stats(c.id).interactions == 1


def test_claim__budget_spent__reverts(ads_create, ads_usdt, ads_consumer, ads_other_consumer):
    """A budget of one reward pays one consumer; the next finds it spent."""
    c = ads_create(ads_usdt, USD, USD)
    for consumer in (ads_consumer, ads_other_consumer):
        c.commit(consumer)
    c.reveal(ads_consumer)
    with ape.reverts("ad_campaigns: budget spent"):
        c.reveal(ads_other_consumer)


def test_claim__before_start_and_after_end__revert(ads_create, ads_usdt, ads_consumer, chain):
    """Proofs count only while the campaign is live."""
    c = ads_create(ads_usdt, USD, 5 * USD, start=chain.pending_timestamp + DAY)
    c.commit(ads_consumer)
    with ape.reverts("ad_campaigns: campaign not started"):
        c.reveal(ads_consumer)
    chain.pending_timestamp += 2 * DAY + 60
    with ape.reverts("ad_campaigns: campaign ended"):
        c.reveal(ads_consumer)


def test_claim__no_such_campaign__reverts(ads, ads_consumer):
    with ape.reverts("ad_campaigns: no such campaign"):
        ads.claim(42, b"\x01" * 32, b"\x01" * 32, sender=ads_consumer)


def test_claim__attestation_only_campaign__reverts(ads, ads_create, ads_usdt, ads_consumer):
    c = ads_create(ads_usdt, USD, 5 * USD, keyword=None)
    with ape.reverts("ad_campaigns: campaign takes no keyword"):
        ads.claim(c.id, model.keyword_digest("x"), b"\x01" * 32, sender=ads_consumer)

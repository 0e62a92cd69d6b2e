"""AdCampaigns' views: phase from timestamps, campaign, stats, commitment helpers."""

from fivefold.ads import model

from .conftest import DAY, USD


def test_phase__through_the_window__scheduled_live_ended(ads, ads_create, ads_usdt, chain):
    """The phase follows the timestamps alone, as the model computes it."""
    assert ads.phase(1) == model.PHASE_NONE
    start = chain.pending_timestamp + 100
    c = ads_create(ads_usdt, USD, 5 * USD, start=start, duration=DAY)
    end = c.state.end
    for t, want in (
        (start - 1, model.PHASE_SCHEDULED),
        (start, model.PHASE_LIVE),
        (end - 1, model.PHASE_LIVE),
        (end, model.PHASE_ENDED),
    ):
        chain.pending_timestamp = t
        chain.mine()
        assert ads.phase(c.id) == want == model.phase(start, end, chain.blocks.head.timestamp)
        assert c.state.phase == want


def test_campaign__none__all_zero(ads):
    s = ads.campaign(5)
    assert (s.reward, s.budget, s.left, s.phase, int(s.advertiser, 16)) == (0, 0, 0, 0, 0)


def test_commitment_of__matches_model(ads, ads_consumer):
    """The contract's helper and the dApp's model build the same commitment."""
    digest, salt = model.keyword_digest("x"), b"\x05" * 32
    assert bytes(ads.commitment_of(3, ads_consumer, digest, salt)) == model.commitment(
        3, ads_consumer.address, digest, salt
    )


def test_stats__two_interactions__paid_is_count_times_reward(
    ads, ads_create, ads_usdt, ads_consumer, ads_other_consumer
):
    c = ads_create(ads_usdt, 3 * USD, 12 * USD)
    c.attest(ads_consumer, sender=ads_consumer)
    c.commit(ads_other_consumer)
    c.reveal(ads_other_consumer)
    stats = ads.stats(c.id)
    assert (stats.interactions, stats.paid, stats.left) == (2, 6 * USD, 6 * USD)


def test_normalize__typing_variants__one_keyword():
    """The model's normalization: NFKC, case-folded, white space collapsed."""
    assert model.normalize("  Fivefold\u00a0\tADS\n") == "fivefold ads"
    assert model.keyword_digest("ＦＩＶＥ") == model.keyword_digest("five")

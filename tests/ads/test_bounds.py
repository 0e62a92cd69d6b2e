"""AdCampaigns at its limits: the largest budget, the most interactions, the longest duration, the
largest reward and the last second of an attestation, each accepted at exactly its value, and the
campaign's packed book read back with its top bits set (the survivors of mutation testing,
docs/assurance.md)."""

import ape
import pytest

from fivefold.ads import model

from .conftest import DAY, KEYWORD, VERIFIER_KEY, Campaign

MAX_AMOUNT = 2**96 - 1  # the book's 96-bit budget, reward and what is left
MAX_INTERACTIONS = 2**32 - 1
REWARD = 2**64 + 2**32 + 1  # MAX_AMOUNT = REWARD x MAX_INTERACTIONS
YEAR = 365 * DAY


@pytest.fixture(scope="module", autouse=True)
def ads_bounds_fixtures(ads, ads_usdt, ads_advertiser, ads_consumer, ads_verifier):
    """Requests the module's fixtures before its first test (ape's isolation would otherwise rebase
    them when a later test first asks for one)."""


def _create(ads, usdt, advertiser, verifier, reward, budget, start, end, at=None):
    """A USDT campaign created in a block at `at` (default: the next second), with both paths."""
    usdt.faucet(advertiser, budget, sender=advertiser)
    usdt.approve(ads, budget, sender=advertiser)
    if at is not None:
        ape.chain.pending_timestamp = at
    key_hash = model.keyword_hash(KEYWORD)
    tx = ads.create(usdt, reward, budget, start, end, verifier.address, key_hash, sender=advertiser)
    return Campaign(ads, tx.return_value, usdt.address, reward, budget, KEYWORD, VERIFIER_KEY, tx)


def test_create__largest_budget_most_interactions_longest_duration__accepted_and_read_back(
    ads, ads_usdt, ads_advertiser, ads_consumer, ads_verifier, chain
):
    """A budget of 2**96 - 1 paid in 2**32 - 1 rewards, ending exactly 365 days after its creation:
    accepted. An interaction attested until its own second is paid, and the book reads back whole."""
    now = chain.pending_timestamp + 10
    campaign = _create(
        ads, ads_usdt, ads_advertiser, ads_verifier, REWARD, MAX_AMOUNT, now, now + YEAR, at=now
    )
    state = campaign.state
    assert (state.reward, state.budget, state.left, state.interactions) == (REWARD, MAX_AMOUNT, MAX_AMOUNT, 0)
    assert (state.start, state.end) == (now, now + YEAR)
    deadline = now + 100
    chain.pending_timestamp = deadline
    campaign.attest(ads_consumer, ads_consumer, deadline=deadline)
    state = campaign.state
    assert (state.left, state.interactions) == (MAX_AMOUNT - REWARD, 1)
    assert ads_usdt.balanceOf(ads_consumer) >= REWARD


def test_create__reward_of_the_whole_largest_budget__read_back(
    ads, ads_usdt, ads_advertiser, ads_verifier, chain
):
    """One interaction of 2**96 - 1: the reward field reads back whole beside the budget left."""
    now = chain.pending_timestamp + 10
    campaign = _create(
        ads, ads_usdt, ads_advertiser, ads_verifier, MAX_AMOUNT, MAX_AMOUNT, now, now + DAY, at=now
    )
    assert (campaign.state.reward, campaign.state.left) == (MAX_AMOUNT, MAX_AMOUNT)


def test_create__end_at_the_creation_second__reverts(ads, ads_usdt, ads_advertiser, ads_verifier, chain):
    now = chain.pending_timestamp + 10
    with ape.reverts("ad_campaigns: end in the past"):
        _create(ads, ads_usdt, ads_advertiser, ads_verifier, 10, 100, now - 1, now, at=now)


def test_create__one_interaction_too_many_or_a_second_too_long__reverts(
    ads, ads_usdt, ads_advertiser, ads_verifier, chain
):
    """Past each limit by one: 2**32 rewards, and an end 365 days and one second away."""
    now = chain.pending_timestamp + 10
    with ape.reverts("ad_campaigns: too many interactions"):
        _create(ads, ads_usdt, ads_advertiser, ads_verifier, 1, MAX_INTERACTIONS + 1, now, now + DAY, at=now)
    now = chain.pending_timestamp + 10
    with ape.reverts("ad_campaigns: end too far"):
        _create(ads, ads_usdt, ads_advertiser, ads_verifier, 1, 10, now, now + YEAR + 1, at=now)


def test_create__odd_reward_beside_a_small_budget__both_read_back(
    ads, ads_usdt, ads_advertiser, ads_verifier, chain
):
    """The reward's lowest bit sits next to the top bit of what is left: an odd reward over a small
    budget reads back as set, and so does what is left."""
    now = chain.pending_timestamp + 10
    campaign = _create(ads, ads_usdt, ads_advertiser, ads_verifier, 3, 9, now, now + DAY, at=now)
    assert (campaign.state.reward, campaign.state.left, campaign.state.budget) == (3, 9, 9)

"""AdCampaigns.create: funding a campaign in a listed asset, and every refusal."""

import ape
import pytest

from fivefold.ads import model

from .conftest import DAY, KEYWORD, NATIVE, TOKEN, USD


def test_create__usdt_campaign__budget_held_and_terms_recorded(
    ads, ads_create, ads_usdt, ads_advertiser, ads_verifier, chain
):
    """A USDT campaign: the whole budget moves in, the terms and the event say what was funded."""
    before = ads_usdt.balanceOf(ads_advertiser)
    c = ads_create(ads_usdt, 2 * USD, 10 * USD)
    assert c.id == 1 and ads.campaign_count() == 1
    assert ads_usdt.balanceOf(ads) == 10 * USD and before - ads_usdt.balanceOf(ads_advertiser) == 10 * USD
    s = c.state
    assert (s.advertiser, s.asset, s.reward, s.budget, s.left, s.interactions) == (
        ads_advertiser.address,
        ads_usdt.address,
        2 * USD,
        10 * USD,
        10 * USD,
        0,
    )
    assert (s.verifier, bytes(s.keyword_hash), s.phase) == (
        ads_verifier.address,
        model.keyword_hash(KEYWORD),
        model.PHASE_LIVE,
    )
    [log] = c.tx.decode_logs(ads.CampaignCreated)
    assert (log.id, log.advertiser, log.asset, log.reward, log.budget, log.end) == (
        1,
        ads_advertiser.address,
        ads_usdt.address,
        2 * USD,
        10 * USD,
        s.end,
    )


def test_create__native_campaign__value_held(ads, ads_create):
    """A native-coin campaign holds exactly the value sent."""
    c = ads_create(None, TOKEN // 1000, TOKEN // 100)
    assert ads.balance == TOKEN // 100 and c.state.asset == NATIVE


def test_create__keyword_only_and_verifier_only__each_accepted(ads_create, ads_cmdt):
    """One proof path is enough: a keyword without a verifier, or a verifier without a keyword."""
    keyword_only = ads_create(ads_cmdt, TOKEN, 2 * TOKEN, verifier=None)
    assert int(keyword_only.state.verifier, 16) == 0
    verifier_only = ads_create(ads_cmdt, TOKEN, 2 * TOKEN, keyword=None)
    assert bytes(verifier_only.state.keyword_hash) == b"\0" * 32


def test_create__future_start__scheduled(ads_create, ads_cmdt, chain):
    """A campaign may open later: it is scheduled until its start."""
    c = ads_create(ads_cmdt, TOKEN, TOKEN, start=chain.pending_timestamp + DAY)
    assert c.state.phase == model.PHASE_SCHEDULED


def test_create__unlisted_token__reverts(ads_create, project, deployer, ads_advertiser):
    """Only listed assets fund campaigns."""
    other = project.MockStablecoin.deploy(sender=deployer)
    other.faucet(ads_advertiser, 10 * USD, sender=ads_advertiser)
    with ape.reverts("ad_campaigns: asset not listed"):
        ads_create(other, USD, 10 * USD)


def test_create__fee_on_transfer_token__refused(ads, ads_create, project, deployer, owner, ads_advertiser):
    """Decision (docs/ads.md): a token that takes a fee on transfer is refused even if listed by
    mistake, so every budget is held whole and the books stay wei-exact."""
    fot = project.MockQuirkyToken.deploy(1, sender=deployer)
    fot.mint(ads_advertiser, 100 * TOKEN, sender=deployer)
    ads.set_asset_listed(fot, True, sender=owner)
    with ape.reverts("ad_campaigns: token took a fee on transfer"):
        ads_create(fot, TOKEN, 10 * TOKEN)
    assert fot.balanceOf(ads) == 0


@pytest.mark.parametrize(
    "reward, budget, reason",
    [
        (0, 10, "ad_campaigns: zero reward"),
        (1, 0, "ad_campaigns: zero budget"),
        (2**95, 2**96, "ad_campaigns: budget too large"),
        (3, 10, "ad_campaigns: budget not a multiple of the reward"),
        (1, 2**32, "ad_campaigns: too many interactions"),
    ],
)
def test_create__bad_amounts__reverts(ads, ads_cmdt, ads_advertiser, reward, budget, reason, chain):
    """Reward and budget: positive, a whole number of rewards, within the book's fields (checked
    before any token moves)."""
    now = chain.pending_timestamp
    with ape.reverts(reason):
        ads.create(
            ads_cmdt, reward, budget, now, now + DAY, ads_advertiser, b"\0" * 32, sender=ads_advertiser
        )


def test_create__bad_windows__revert(ads, ads_advertiser, chain):
    """The window: start before end, end in the future and at most a year away."""
    now = chain.pending_timestamp
    for start, end, reason in (
        (now + DAY, now + DAY, "ad_campaigns: start not before end"),
        (now - 2 * DAY, now - DAY, "ad_campaigns: end in the past"),
        (now, now + model.MAX_DURATION + 60, "ad_campaigns: end too far"),
    ):
        with ape.reverts(reason):
            ads.create(NATIVE, 1, 1, start, end, ads_advertiser, b"\0" * 32, value=1, sender=ads_advertiser)


def test_create__no_proof_path__reverts(ads_create, ads_cmdt):
    """A campaign nobody could prove an interaction with is refused."""
    with ape.reverts("ad_campaigns: no proof of interaction"):
        ads_create(ads_cmdt, TOKEN, TOKEN, keyword=None, verifier=None)


def test_create__native_value_differs__reverts(ads_create):
    """The native budget arrives as value, exactly."""
    with ape.reverts("ad_campaigns: value differs from budget"):
        ads_create(None, 1_000, 10_000, value=9_999)


def test_create__value_with_a_token__reverts(ads, ads_cmdt, ads_advertiser, chain):
    """Value sent with a token campaign would be stuck: refused."""
    ads_cmdt.approve(ads, TOKEN, sender=ads_advertiser)
    now = chain.pending_timestamp
    with ape.reverts("ad_campaigns: value sent with a token"):
        ads.create(
            ads_cmdt, TOKEN, TOKEN, now, now + DAY, ads_advertiser, b"\0" * 32, value=1, sender=ads_advertiser
        )

"""fivefold.ads.flow: CONTRACTS, configure (twice: idempotent) and exercise on a local chain."""

import pytest

from fivefold import deployment
from fivefold.ads import flow
from fivefold.context import Context
from fivefold.payouts import flow as payouts_flow
from fivefold.session import exercise_users


@pytest.fixture
def ads_deployed(project, chain, deployer, owner, treasury):
    """The ads domain deployed and configured as `ape run deploy` does, beside what it reads from the
    payouts (the local MockUSDT) and the tokens (CMDT)."""
    config = {"owner": owner.address, "treasury": treasury.address, "local": True}
    ctx = Context(project=project, chain=chain, deployer=deployer, config=config, users=[])
    ctx.contracts["CMDT"] = project.CappedToken.deploy(
        "CMDMAX Token", "CMDT", 10**27, deployer, "CMDMAX Token", "1", chain.chain_id, sender=deployer
    )
    for d in [d for d in payouts_flow.CONTRACTS if d.name == "MockUSDT"] + flow.CONTRACTS:
        deployment.deploy_plain(ctx, d)
    flow.configure(ctx)
    return ctx


def test_flow__deploy_configure_exercise__every_step_passes(ads_deployed):
    """configure lists USDT and CMDT once; the exercise runs every step (none skipped) and leaves both
    campaigns withdrawn."""
    ctx = ads_deployed
    ads = ctx["AdCampaigns"]
    assert ads.is_listed(ctx.address("MockUSDT")) and ads.is_listed(ctx.address("CMDT"))
    configured = len(ctx.steps)
    flow.configure(ctx)  # idempotent: a second run sends nothing
    assert len(ctx.steps) == configured
    ctx.users = exercise_users("local", ctx.deployer)
    flow.exercise(ctx)
    names = [s.name for s in ctx.steps]
    assert "AdCampaigns.claim (keyword revealed, USDT)" in names
    assert "AdCampaigns.claim_attested (native, relayed)" in names
    assert "AdCampaigns.withdraw (USDT, after the end)" in names
    assert not [s for s in ctx.steps if s.note.startswith("skipped")]
    assert ads.balance == 0 and ctx["MockUSDT"].balanceOf(ads) == 0


def test_configure__handed_off__missing_listing_names_the_proposal(ads_deployed, owner):
    """After the handoff the deployer cannot list: a configuration that wants a new asset says which
    proposal lists it, instead of failing on `ownable: caller is not the owner`."""
    from fivefold.context import FlowError

    ctx = ads_deployed
    ads = ctx["AdCampaigns"]
    ads.set_asset_listed(ctx.address("CMDT"), False, sender=ctx.deployer)
    ads.transfer_ownership(owner, sender=ctx.deployer)
    ads.accept_ownership(sender=owner)
    with pytest.raises(FlowError, match="propose AdCampaigns.set_asset_listed"):
        flow.configure(ctx)

"""fivefold.payouts.flow: CONTRACTS, configure (twice: idempotent) and exercise on a local chain."""

from fivefold import deployment
from fivefold.context import Context
from fivefold.payouts import flow


def test_flow__deploy_configure_exercise__every_step_passes(project, chain, accounts, deployer, owner, treasury):
    config = {"owner": owner.address, "treasury": treasury.address, "local": True, "payouts": {}}
    ctx = Context(project=project, chain=chain, deployer=deployer, config=config, users=list(accounts[3:8]))
    ctx.contracts["CMDT"] = project.CappedToken.deploy("CMDMAX Token", "CMDT", 10**27, deployer, "CMDMAX Token", "1",
                                                      sender=deployer)
    for d in flow.CONTRACTS:
        if d.when(ctx):
            deployment.deploy_plain(ctx, d)
    flow.configure(ctx)
    rp, ad = ctx["RedPacket"], ctx["AirdropRounds"]
    assert rp.treasury() == treasury and ad.treasury() == treasury
    assert rp.asset_config(ctx.address("MockUSDT"))[0] == ctx.address("PriceFeed.USDT")
    assert rp.asset_config(ctx.address("CMDT"))[0] == ctx.address("PriceFeed.CMDT")
    assert ad.round_blueprint() != flow.NATIVE and ad.is_operator(accounts[3])
    configured = len(ctx.steps)
    flow.configure(ctx)  # idempotent: the second run only refreshes the local feeds' answers
    assert all(s.name.startswith("PriceFeed.") for s in ctx.steps[configured:])
    flow.exercise(ctx)
    names = [s.name for s in ctx.steps]
    assert "RedPacket.refund (after expiry)" in names and "AirdropRound.sweep (fees and unclaimed to the treasury)" in names
    assert not [s for s in ctx.steps if s.note.startswith("skipped")]

"""fivefold.payouts.flow: CONTRACTS, configure (twice: idempotent) and exercise on a local chain."""

import pytest

from fivefold import deployment
from fivefold.context import Context
from fivefold.payouts import flow
from fivefold.payouts import model as payouts
from fivefold.session import exercise_users

DAY = 86_400


@pytest.fixture
def deployed(project, chain, deployer, owner, treasury):
    """The payouts domain deployed and configured as `ape run deploy` does: during deployment the
    context has no exercise users yet."""
    config = {"owner": owner.address, "treasury": treasury.address, "local": True, "payouts": {}}
    ctx = Context(project=project, chain=chain, deployer=deployer, config=config, users=[])
    ctx.contracts["CMDT"] = project.CappedToken.deploy(
        "CMDMAX Token", "CMDT", 10**27, deployer, "CMDMAX Token", "1", chain.chain_id, sender=deployer
    )
    for d in flow.CONTRACTS:
        if d.when(ctx):
            deployment.deploy_plain(ctx, d)
    flow.configure(ctx)
    return ctx


def test_flow__deploy_configure_exercise__every_step_passes(deployed, treasury):
    ctx = deployed
    rp, ad = ctx["RedPacket"], ctx["AirdropRounds"]
    assert rp.treasury() == treasury and ad.treasury() == treasury
    usdt, cmdt = rp.asset_config(ctx.address("MockUSDT")), rp.asset_config(ctx.address("CMDT"))
    assert (usdt.feed, usdt.heartbeat) == (
        ctx.address("PriceFeed.USDT"),
        DAY,
    )  # a stablecoin feed: daily heartbeat
    assert (cmdt.feed, cmdt.heartbeat) == (ctx.address("PriceFeed.CMDT"), 3_600)
    configured = len(ctx.steps)
    flow.configure(ctx)  # idempotent: a second run sends nothing
    assert len(ctx.steps) == configured
    ctx.users = exercise_users("local", ctx.deployer)
    flow.exercise(ctx)
    names = [s.name for s in ctx.steps]
    assert "RedPacket.refund (after expiry)" in names
    assert "AirdropRound.sweep (fees and unclaimed to the treasury)" in names
    assert not [s for s in ctx.steps if s.note.startswith("skipped")]


def test_configure__at_deployment__the_exercise_account_is_an_airdrop_operator(deployed):
    """The review's finding: `make demo` skipped the airdrop on every chain because no operator was
    set at deployment (the context has no users then). configure now grants the exercise's first
    account, through ctx.send, so it shows in the deploy's configuration table."""
    ctx = deployed
    operator = exercise_users("local", ctx.deployer)[0]
    assert ctx["AirdropRounds"].is_operator(operator)
    assert "AirdropRounds.set_operator" in [s.name for s in ctx.steps]


def test_exercise__local_time_moved_a_year__red_packets_still_work(deployed, chain, accounts):
    """The review's finding: after `exercise`/`timeline` moved local time, creating a packet failed
    with a stale price. The exercise leaves the feeds answering now, runs again after time moved
    (it refreshes first), and `Context.refresh_local_feeds` serves anything else that moves time."""
    ctx = deployed
    ctx.users = exercise_users("local", ctx.deployer)
    flow.exercise(ctx)
    rp, creator = ctx["RedPacket"], ctx.users[5]
    amount = 10**16
    rp.create(
        flow.NATIVE,
        amount,
        rp.quote_fee(flow.NATIVE, amount),
        1,
        False,
        DAY,
        flow.NATIVE,
        1,
        0,
        value=amount,
        sender=creator,
    )  # right after the exercise's own time travel
    ctx.advance(365 * DAY)  # as `ape run timeline` does
    flow.exercise(ctx)  # a re-run after the year: no stale price
    ctx.advance(30 * DAY)
    ctx.refresh_local_feeds()
    tx = rp.create(flow.NATIVE, amount, rp.quote_fee(flow.NATIVE, amount), 1, False, DAY, flow.NATIVE, 2, 0,
                   value=amount, sender=creator)
    assert tx.decode_logs(rp.PacketCreated)[0].fee == payouts.fee(amount, 200)  # USD 20: the 2% bracket

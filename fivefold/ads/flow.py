"""Interactive ads: AdCampaigns (SPEC "CMDMAX" 8.4).

Deploys AdCampaigns everywhere (CREATE2: one address on the four chains; the native coin is listed by
its constructor). `configure` lists the chain's ERC-20s among the six assets of 8.4 (ETH, BNB, OKT or
MATIC as the native coin; USDT and CMDT): the symbols under `ads.assets`, resolved to addresses as
the payouts resolve them (`fivefold.payouts.flow.asset_addresses`: CMDT from the manifest, USDT from
`payouts.usdt` or the local MockUSDT). There is no tunable number, so `parameters` lists none: listing
is the owner's (the timelock's) decision. `exercise` funds a native-coin and a USDT campaign, has one
consumer commit and reveal the keyword and another attested by the campaign's verifier, then (local
chains: after moving time past the end) the advertiser withdraws what is left.

Chain config keys read (docs/ads.md has the table), under `ads:`
  assets: [symbol, ...]     ERC-20s to list (default [USDT, CMDT]); any key of payouts.asset_addresses
"""

from __future__ import annotations

from fivefold.ads import model
from fivefold.context import Context, Deployable, FlowError, Parameter
from fivefold.payouts import flow as payouts_flow

DAY = model.DAY
DEFAULT_ASSETS = ("USDT", "CMDT")
DEMO_KEYWORD = "fivefold interactive ads"
NATIVE_REWARD = 10**15  # 0.001 of the native coin per interaction
NATIVE_INTERACTIONS = 5
USDT_REWARD = 10**6  # 1 USDT (6 decimals) per interaction
USDT_INTERACTIONS = 5

CONTRACTS = [
    # The deployer owns it until the deployment hands ownership to `owner` (the timelock).
    Deployable("AdCampaigns", "AdCampaigns", lambda ctx: [ctx.deployer.address]),
]


def _cfg(ctx: Context) -> dict:
    return ctx.config.get("ads") or {}


def listed_assets(ctx: Context) -> dict[str, str]:
    """Symbol -> address of the ERC-20s this chain's AdCampaigns lists (those that exist here)."""
    known = payouts_flow.asset_addresses(ctx)
    wanted = list(_cfg(ctx).get("assets") or DEFAULT_ASSETS)
    return {s: known[s] for s in wanted if s in known and s != "native"}


def configure(ctx: Context) -> None:
    """Lists the chain's ERC-20s, each through `ctx.send`; idempotent (only what is not listed yet).
    After the handoff only a proposal lists: a re-run that finds one missing says so."""
    ads = ctx["AdCampaigns"]
    for symbol, address in listed_assets(ctx).items():
        if ads.is_listed(address):
            continue
        if ads.owner() != ctx.deployer.address:
            raise FlowError(
                f"{symbol} ({address}) is not listed in AdCampaigns on chain {ctx.chain_id}, which belongs "
                f"to governance now: propose AdCampaigns.set_asset_listed({address}, true)"
            )
        ctx.send(f"AdCampaigns.set_asset_listed({symbol})", ads.set_asset_listed, address, True)


def parameters(ctx: Context) -> list[Parameter]:
    """AdCampaigns keeps no tunable number (no fee: 8.4's advertisers place ads for free)."""
    return []


def exercise(ctx: Context) -> None:
    """An advertiser funds a native-coin campaign and a USDT one (keyword and verifier each); one
    consumer commits to the USDT campaign's keyword and reveals it in a later block, another is
    attested by the verifier in the native one (the advertiser relays the attestation); after the end
    the advertiser withdraws what is left of both."""
    if len(ctx.users) < 4:
        ctx.skip("ads", "needs four exercise accounts")
        return
    advertiser, reader, attested, verifier = ctx.users[4:8] if len(ctx.users) >= 8 else ctx.users[:4]
    ads = ctx["AdCampaigns"]
    now = ctx.chain.blocks.head.timestamp
    end = now + DAY
    campaigns = [_native_campaign(ctx, ads, advertiser, verifier, now, end)]
    usdt = _usdt_campaign(ctx, ads, advertiser, verifier, now, end)
    if usdt is not None:
        campaigns.append(usdt)
        _reveal(ctx, ads, usdt, reader)
    _attest(ctx, ads, campaigns[0], attested, verifier, advertiser, end)
    if not ctx.advance(end - ctx.chain.blocks.head.timestamp + 1):
        ctx.skip("AdCampaigns.withdraw", "needs time travel past the end (local chains only)")
        return
    for cid, symbol, _ in campaigns:
        left = ads.stats(cid).left
        ctx.step(f"AdCampaigns.withdraw ({symbol}, after the end)", ads.withdraw(cid, sender=advertiser))
        stats = ads.stats(cid)
        ctx.check(
            stats.left == 0 and stats.paid + left == ads.campaign(cid).budget,
            f"ads: {symbol} campaign's rest withdrawn, budget = paid + withdrawn",
        )
    ctx.refresh_local_feeds()  # time moved: leave the chain's local feeds fresh for the next flows


def _native_campaign(ctx: Context, ads, advertiser, verifier, start: int, end: int):
    budget = NATIVE_REWARD * NATIVE_INTERACTIONS
    tx = ads.create(
        model.NATIVE,
        NATIVE_REWARD,
        budget,
        start,
        end,
        verifier.address,
        model.keyword_hash(DEMO_KEYWORD),
        value=budget,
        sender=advertiser,
    )
    ctx.step("AdCampaigns.create (native, 5 x 0.001)", tx)
    return tx.return_value, "native", None


def _usdt_campaign(ctx: Context, ads, advertiser, verifier, start: int, end: int):
    """The USDT campaign (local chains: the mock's faucet funds the advertiser). None where the chain
    has no listed USDT the exercise can fund."""
    if "MockUSDT" not in ctx.contracts or not ads.is_listed(ctx.address("MockUSDT")):
        ctx.skip("AdCampaigns.create (USDT)", "no local USDT to fund it with (live chain)")
        return None
    usdt, budget = ctx["MockUSDT"], USDT_REWARD * USDT_INTERACTIONS
    ctx.step("MockUSDT.faucet", usdt.faucet(advertiser, budget, sender=advertiser))
    ctx.step("MockUSDT.approve", usdt.approve(ads, budget, sender=advertiser))
    tx = ads.create(
        usdt,
        USDT_REWARD,
        budget,
        start,
        end,
        verifier.address,
        model.keyword_hash(DEMO_KEYWORD),
        sender=advertiser,
    )
    ctx.step("AdCampaigns.create (USDT, 5 x 1)", tx)
    return tx.return_value, "USDT", usdt


def _reveal(ctx: Context, ads, campaign, reader) -> None:
    """The consumer who found the keyword on the ad: commit, then reveal in a later block."""
    cid, symbol, token = campaign
    digest, salt = model.keyword_digest(DEMO_KEYWORD), model.new_salt()
    ctx.step(
        f"AdCampaigns.commit ({symbol})",
        ads.commit(cid, model.commitment(cid, reader.address, digest, salt), sender=reader),
    )
    before = token.balanceOf(reader)
    ctx.step(f"AdCampaigns.claim (keyword revealed, {symbol})", ads.claim(cid, digest, salt, sender=reader))
    ctx.check(token.balanceOf(reader) - before == USDT_REWARD, "ads: the reveal paid the reward at once")


def _attest(ctx: Context, ads, campaign, consumer, verifier, relayer, end: int) -> None:
    """The verifier attests the consumer's interaction; the advertiser relays it (the consumer pays
    no gas and receives the reward)."""
    cid, symbol, _ = campaign
    signature = model.sign_attestation(verifier, ctx.chain_id, ads.address, cid, consumer.address, end)
    before = ctx.chain.provider.get_balance(consumer.address)
    ctx.step(
        f"AdCampaigns.claim_attested ({symbol}, relayed)",
        ads.claim_attested(cid, consumer, end, signature, sender=relayer),
    )
    ctx.check(
        ctx.chain.provider.get_balance(consumer.address) - before == NATIVE_REWARD,
        "ads: the attested consumer was paid the reward",
    )
    ctx.check(ads.stats(cid).interactions == 1, "ads: one interaction counted")

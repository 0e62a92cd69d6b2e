"""NFTs (SPEC "CloudChat" 4.2): MToken vaults, liquidity on the chain's Uniswap-v2 DEX with LP
farming, and the NFT mall.

Deploys everywhere: the locked `MTokenVault` implementation and its `VaultFactory` (each vault a
minimal proxy of it), `NftMall`, and `CCLiquidityFarm` (LP of the chain's CC / wrapped-native pool,
CC income from the Ecosystem allocation). Local chains also get Uniswap v2 itself from its npm
artifacts (`dex.LOCAL_CONTRACTS`; live chains name theirs under `dex:` in deploy/<chain>.yaml) and
`NftDemoCollection` (MockCollection), the NFTs the exercise trades.

Parameters (through the parameter registry): `nft_mall.fee_bps` (0 by default, SPEC; at most 10%)
and `cc_farm.reward_rate` (`nft.farm_reward_rate` in the chain file, CC per second; default 0 on
live chains, 0.01 on local ones).

`exercise` (local chains: a demo collection, and time must pass for countdowns and auctions):
fractionalize two NFTs (issuing with the MToken/CC pool seeded in the same transaction where CC is at
home), bid, vote, settle and claim; seed the CC/native pool, read a
price, swap through the router; stake the CC pool's LP in the farm and claim its CC (where CC is at
home: elsewhere it arrives only through the bridge); sell an NFT by a signed order and another by
auction.
"""

from __future__ import annotations

from itertools import count

from fivefold.context import Context, Deployable, Parameter, Step
from fivefold.nft import dex, orders
from fivefold.nft.model_vault import PHASE_SOLD
from fivefold.units import to_wei

ZERO = "0x" + "00" * 20
HOUR = 3_600
# The exercise's vault: 1,000,000 MToken, sold when 50% of the supply accepts a bid.
VAULT_SUPPLY = to_wei(1_000_000)
VAULT_THRESHOLD_PERCENT = 50
VAULT_BID = to_wei("0.01")
AUCTION_SETTLED = 3  # NftMall.auction_phase
POOL_CC = to_wei(10_000)
POOL_NATIVE = to_wei(1)
POOL_MTOKEN = to_wei(100_000)
FARM_BUDGET = to_wei(100_000)
MAX_FARM_RATE = to_wei(100)  # CC per second: the registry's upper bound
LOCAL_FARM_RATE = "0.01"  # CC per second on local chains unless configured (live chains: 0)
_MINTED = count()  # with the block time, demo NFT ids unique per run


def _local(ctx: Context) -> bool:
    return bool(ctx.config.get("local"))


def _cfg(ctx: Context) -> dict:
    return ctx.config.get("nft") or {}


def _wrapped_native(ctx: Context) -> str:
    """The wrapped native coin the chain's router pairs with (the suite's WETH9 on local chains)."""
    cfg = ctx.config.get("dex")
    if not cfg:
        return ctx.address(dex.WETH)
    return dex.Dex.of(ctx).router.WETH()


def _cc_pool(ctx: Context) -> str:
    """The CC / wrapped-native pair's address, computed offline (it exists once somebody seeds it)."""
    cfg = ctx.config.get("dex") or {}
    factory = cfg.get("factory") or ctx.address(dex.FACTORY)
    code_hash = cfg.get("init_code_hash") or dex.UNISWAP_V2_INIT_CODE_HASH
    return dex.pair_address(factory, ctx.address("CC"), _wrapped_native(ctx), code_hash)


CONTRACTS = [
    *dex.LOCAL_CONTRACTS,
    # The implementation locks itself (its creator is itself); the factory clones it.
    Deployable("MTokenVaultImplementation", "MTokenVault"),
    Deployable("VaultFactory", "VaultFactory", lambda ctx: [ctx.address("MTokenVaultImplementation")]),
    Deployable(
        "NftMall", "NftMall", lambda ctx: [ctx.deployer.address, ctx.treasury, "fivefold NFT mall", "1"]
    ),
    Deployable(
        "CCLiquidityFarm",
        "LiquidityFarm",
        lambda ctx: [_cc_pool(ctx), ctx.address("CC"), ctx.deployer.address],
    ),
    Deployable("NftDemoCollection", "MockCollection", when=_local),
]


def parameters(ctx: Context) -> list[Parameter]:
    """The mall's platform fee (0% by default, SPEC) and the CC farm's income rate."""
    default = LOCAL_FARM_RATE if _local(ctx) else 0
    rate = int(to_wei(_cfg(ctx).get("farm_reward_rate", default)))
    return [
        Parameter("nft_mall.fee_bps", "NftMall", "set_fee_bps", "fee_bps", 0, 0, 1_000),
        Parameter(
            "cc_farm.reward_rate", "CCLiquidityFarm", "set_reward_rate", "reward_rate", rate, 0, MAX_FARM_RATE
        ),
    ]


def configure(ctx: Context) -> None:
    """Nothing but the registry's numbers (the governance flow registers `parameters`): vaults are
    their creators', the factory has no owner, the mall's treasury is its constructor's."""


def exercise(ctx: Context) -> None:
    """Vaults, the DEX and the farm, the mall: each part on a local chain."""
    if not _local(ctx):
        ctx.skip("nft", "the NFT flows need a local chain (a demo collection and time travel)")
        return
    if len(ctx.users) < 3:
        ctx.skip("nft", "needs three exercise accounts")
        return
    creator, holder, bidder = ctx.users[:3]
    treasury = ctx.signer(ctx.treasury)
    cc_ready = (
        "CC" in ctx.config["home"] and treasury is not None and ctx["CC"].balanceOf(treasury) >= 3 * POOL_CC
    )
    if cc_ready:
        gift = ctx["CC"].transfer(creator, POOL_CC, sender=treasury)
        ctx.step("CC.transfer (treasury to the vault's creator)", gift)
    vault = _vault(ctx, creator, holder, bidder, seed=cc_ready)
    _mall(ctx, creator, bidder, holder)
    if not cc_ready:
        # By design, as governance's proposals: off its home chain CC arrives only through the bridge.
        note = "CC is not at home on this chain: its pools and farm wait for tokens moving between chains"
        ctx.steps.append(Step("nft: no CC pool or farm", 0, "", note))
        return
    _dex_and_farm(ctx, treasury, creator, holder, vault)


def _mint(ctx: Context, owner) -> int:
    """A new NFT of the demo collection for `owner` (ids unique per run and call)."""
    collection = ctx["NftDemoCollection"]
    token_id = ctx.chain.blocks.head.timestamp * 1_000 + next(_MINTED)
    collection.mint(owner, token_id, sender=ctx.deployer)
    return token_id


def _vault(ctx: Context, creator, holder, bidder, seed: bool):
    """Fractionalize: the creator deposits two NFTs of the demo collection into a new vault and issues
    the MToken (30% goes to a holder), with `seed` seeding its MToken/CC pool in the same transaction
    (10% of the supply and the creator's CC); a bidder bids on the first NFT; the creator locks half the
    supply as votes, which reaches the threshold and starts the countdown; after it anyone settles (the
    NFT to the bidder) and the holder claims its 30% of the price. Returns the vault."""
    factory, collection = ctx["VaultFactory"], ctx["NftDemoCollection"]
    receipt = ctx.step("VaultFactory.create_vault", factory.create_vault(sender=creator))
    vault = ctx.project.MTokenVault.at(receipt.decode_logs(factory.VaultCreated)[0].vault)
    first = _mint(ctx, creator)
    second = _mint(ctx, creator)
    for token_id in (first, second):
        ctx.step(
            "NftDemoCollection.safeTransferFrom (into the vault)",
            collection.safeTransferFrom(creator, vault, token_id, b"", sender=creator),
        )
    terms = ("Demo Vault", "MDEMO", VAULT_SUPPLY, VAULT_THRESHOLD_PERCENT, ZERO, 0, 0)
    if seed:
        cc = ctx["CC"]
        ctx.step("CC.approve (the vault seeds its pool)", cc.approve(vault, POOL_CC, sender=creator))
        ctx.step(
            "MTokenVault.issue_and_seed (1,000,000 MToken; 100,000 + 10,000 CC into the pool)",
            vault.issue_and_seed(
                *terms, dex.Dex.of(ctx).factory, cc, POOL_MTOKEN, POOL_CC, sender=creator
            ),
        )
    else:
        ctx.step(
            "MTokenVault.issue (1,000,000 MToken, 50% threshold, native coin)",
            vault.issue(*terms, sender=creator),
        )
    share = VAULT_SUPPLY * 3 // 10
    ctx.step("MTokenVault.transfer (30% to a holder)", vault.transfer(holder, share, sender=creator))
    ctx.step("MTokenVault.bid (lot 0, native coin)", vault.bid(0, VAULT_BID, value=VAULT_BID, sender=bidder))
    ctx.step(
        "MTokenVault.vote (half the supply, locked: the countdown starts)",
        vault.vote(0, VAULT_SUPPLY // 2, sender=creator),
    )
    ctx.advance(vault.countdown() + 1)
    ctx.step("MTokenVault.settle (lot 0)", vault.settle(0, sender=bidder), "after the 24 h countdown")
    ctx.check(collection.ownerOf(first) == bidder.address, "the sold NFT belongs to the top bidder")
    ctx.check(vault.phase(0) == PHASE_SOLD, "lot 0 sold")
    owed = vault.proceeds_of(holder)
    ctx.step("MTokenVault.claim (the holder's 30% of the price)", vault.claim(sender=holder))
    ctx.check(owed == VAULT_BID * 3 // 10, "the holder's proceeds are 30% of the price")
    return vault


def _dex_and_farm(ctx: Context, treasury, creator, farmer, vault) -> None:
    """The vault's MToken/CC pool (seeded at issue) prices the MToken; `farmer` seeds the CC/native
    pool, whose LP it stakes in the CC farm; the treasury funds the farm from the Ecosystem CC; a swap
    through the router moves the price; after an hour the farmer claims its CC."""
    cc, farm, d = ctx["CC"], ctx["CCLiquidityFarm"], dex.Dex.of(ctx)
    ctx.step("CC.transfer (treasury to a provider)", cc.transfer(farmer, POOL_CC, sender=treasury))
    ctx.check(dex.price(d, vault, cc) == POOL_CC * dex.WAD // POOL_MTOKEN, "MToken priced by its pool")
    ctx.step(
        "UniswapV2Router02.addLiquidityETH (CC / native)",
        dex.seed_native(d, cc, POOL_CC, POOL_NATIVE, farmer),
    )
    pair = d.pair(cc, d.weth)
    ctx.check(pair is not None and pair.address == farm.lp_token(), "the farm's LP token is the CC pool's")
    ctx.step("UniswapV2Router02.swapExactETHForTokens", dex.swap_native(d, POOL_NATIVE // 100, cc, creator))
    lp = pair.balanceOf(farmer)
    ctx.step("UniswapV2Pair.approve (the farm)", pair.approve(farm, lp, sender=farmer))
    ctx.step("CCLiquidityFarm.stake (all LP)", farm.stake(lp, sender=farmer))
    ctx.step("CC.approve (the farm)", cc.approve(farm, FARM_BUDGET, sender=treasury))
    ctx.step("CCLiquidityFarm.fund (Ecosystem CC)", farm.fund(FARM_BUDGET, sender=treasury))
    if farm.reward_rate() == 0:
        ctx.skip("CCLiquidityFarm.claim", "the farm's rate is 0 on this chain (nft.farm_reward_rate)")
        return
    ctx.advance(HOUR)
    owed = farm.earned(farmer)
    ctx.step("CCLiquidityFarm.claim", farm.claim(sender=farmer), "an hour later")
    ctx.check(owed > 0 and farm.earned(farmer) == 0, "the farmer was paid what it earned")


def _mall(ctx: Context, seller, buyer, bidder) -> None:
    """A signed fixed-price order bought in native coin, then an English auction: a bid, a higher one
    (at least 5% more), settled after its end; the seller withdraws what the auction credited it."""
    mall, collection = ctx["NftMall"], ctx["NftDemoCollection"]
    ctx.step(
        "NftDemoCollection.setApprovalForAll (the mall)",
        collection.setApprovalForAll(mall, True, sender=seller),
    )
    sold = _mint(ctx, seller)
    price = to_wei("0.02")
    now = ctx.chain.blocks.head.timestamp
    order = orders.order(mall, seller.address, collection.address, sold, price, now + HOUR, salt=sold)
    signature = orders.sign_order(seller, mall, ctx.chain_id, order)
    ctx.step(
        "NftMall.buy (signed order, native coin)",
        mall.buy(orders.as_tuple(order), signature, value=price, sender=buyer),
    )
    ctx.check(collection.ownerOf(sold) == buyer.address, "the bought NFT belongs to the buyer")

    auctioned = _mint(ctx, seller)
    receipt = ctx.step(
        "NftMall.list_auction (reserve 0.01, 1 h)",
        mall.list_auction(collection, auctioned, 1, False, ZERO, to_wei("0.01"), HOUR, sender=seller),
    )
    auction_id = receipt.decode_logs(mall.AuctionListed)[0].id
    reserve = to_wei("0.01")
    ctx.step("NftMall.bid (the reserve)", mall.bid(auction_id, reserve, value=reserve, sender=buyer))
    top = mall.min_bid(auction_id)
    ctx.step("NftMall.bid (5% more)", mall.bid(auction_id, top, value=top, sender=bidder))
    ctx.advance(HOUR + 1)
    ctx.step("NftMall.settle", mall.settle(auction_id, sender=bidder), "after the auction's end")
    ctx.check(mall.auction_phase(auction_id) == AUCTION_SETTLED, "auction settled")
    ctx.check(collection.ownerOf(auctioned) == bidder.address, "the auctioned NFT belongs to the top bidder")
    ctx.step("NftMall.withdraw (seller, native coin)", mall.withdraw(ZERO, sender=seller))
    ctx.step("NftMall.withdraw (outbid bidder's refund)", mall.withdraw(ZERO, sender=buyer))

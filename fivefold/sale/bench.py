"""Sale gas: a buyer's first purchase in a round, which creates its schedule in the sale's vault.

Measured (fresh local chain, `ape run gas --only sale`): `sale.buy` 213,858 and
`sale.buy.whitelisted` 216,917 (native coin: no `transferFrom`, but the round's first purchase, so
`raised` goes from zero, plus a 10-sibling proof). Where `sale.buy` goes, roughly: the vault's
schedule (two fresh slots, 44,200, plus `committed` and the balance check), the purchase record
and the buyer's `bought` (two fresh slots, 44,200), CC into the vault and USDT from the buyer (two
token transfers, about 30,000), the round (four packed words, about 8,400 cold), `sold` and
`raised` (about 10,000), the adapter's checked price (two cold calls, about 12,000), the
`nonreentrant` lock and two events. Targets: 230,000 and 235,000, the measures plus about 7-8%
headroom. Fresh storage is most of the cost and cannot go without giving up the per-purchase
refund record, the buyer cap or the schedule itself.
"""

from __future__ import annotations

from fivefold.gas import Bench, operation
from fivefold.sale import model as sale_model
from fivefold.units import DAY, to_wei
from fivefold.vesting.model import PLANS

NATIVE = "0x0000000000000000000000000000000000000000"
USD = 10**8
WHITELIST_SIZE = 1_000  # a 10-sibling proof


def _sale(b: Bench):
    """A funded public round (USDT and the native coin listed, fresh feeds) and a seed round whitelisting
    user 1 among 1,000 buyers, both open; user 0 has bought once in the public round, so the round's
    counters, the vault's balance and `committed` are warm, non-zero slots."""
    p, owner = b.project, b.owner
    now = b.chain.pending_timestamp
    cc = p.CappedToken.deploy(
        "CloudChat", "CC", to_wei(10**10), owner, "CloudChat", "1", b.chain.chain_id, sender=owner
    )
    cc.initialize_supply([owner.address], [to_wei(10**10)], sender=owner)
    usdt, wnative = p.MockStablecoin.deploy(sender=owner), p.MockWrappedNative.deploy(sender=owner)
    adapter = p.PriceAdapter.deploy(owner, sender=owner)
    for asset, answer in ((wnative, 2_000 * USD), (usdt, USD)):
        feed = p.LocalPriceFeed.deploy(8, "X / USD", owner, sender=owner)
        feed.set_answer(answer, now, sender=owner)
        adapter.set_feed(asset, feed, DAY, sender=owner)
    vault = p.VestingVault.deploy(cc, owner, sender=owner)
    sale = p.TokenSale.deploy(cc, vault, adapter, b.treasury, owner, sender=owner)
    vault.transfer_ownership(sale, sender=owner)
    sale.accept_vault(sender=owner)
    sale.list_asset(NATIVE, wnative, sender=owner)
    sale.list_asset(usdt, usdt, sender=owner)
    start = now + 100
    buyers = [b.user(1).address] + [f"0x{i:040x}" for i in range(1, WHITELIST_SIZE)]
    for name in ("public", "seed"):
        spec = sale_model.ROUNDS[name]
        root = sale_model.whitelist_root(buyers) if spec.private else b"\0" * 32
        sale.add_round(
            start,
            start + 7 * DAY,
            start + 7 * DAY,
            spec.price,
            to_wei(10**8),
            to_wei(10**6),
            to_wei(5 * 10**7),
            root,
            PLANS[spec.plan_key].encode_args(),
            sender=owner,
        )
    cc.approve(sale, to_wei(2 * 10**8), sender=owner)
    sale.fund(0, sender=owner)
    sale.fund(1, sender=owner)
    b.chain.mine(timestamp=start)
    for i in (0, 1, 2):
        usdt.faucet(b.user(i), 10**9, sender=b.user(i))
        usdt.approve(sale, 10**9, sender=b.user(i))
    sale.buy(0, usdt, 100 * 10**6, 0, [], sender=b.user(0))
    return sale, usdt, buyers


@operation(
    "sale.buy",
    "a buyer's first purchase in an open public round, paid with 100 USDT (approved before): checked "
    "price, caps, the payment pulled, CC moved into the sale's vault and a new schedule created there "
    "(another buyer bought before, so the round's counters and the vault's balance are non-zero)",
    target=230_000,
)
def buy_first(b: Bench):
    sale, usdt, _ = _sale(b)
    return sale.buy(0, usdt, 100 * 10**6, 0, [], sender=b.user(2))


@operation(
    "sale.buy.whitelisted",
    "a whitelisted buyer's first purchase in the seed round with 0.1 native coin and a 10-sibling "
    "Merkle proof (1,000 whitelisted buyers); the round's first purchase (its counters go from zero)",
    target=235_000,
)
def buy_whitelisted(b: Bench):
    sale, _, buyers = _sale(b)
    proof = sale_model.whitelist_proof(buyers, b.user(1).address)
    return sale.buy(1, NATIVE, 10**17, 0, proof, value=10**17, sender=b.user(1))

"""TokenSale.buy: a purchase becomes a revocable schedule on the round's plan; every bad input reverts."""

import ape

from fivefold.sale import model as sale_model
from fivefold.units import MONTH, to_wei
from fivefold.vesting import model as vesting_model

from .conftest import BUYER_CAP, HEARTBEAT, NATIVE, NATIVE_USD, PUBLIC, PUBLIC_CAP, SEED, USD, seed_proof

SEED_PRICE = sale_model.ROUNDS["seed"].price
PUBLIC_PRICE = sale_model.ROUNDS["public"].price
NATIVE_WAD = NATIVE_USD * 10**18  # the adapter's price of 1e18 wei of the native coin


def test_buy__whitelisted_native_in_seed__schedule_follows_the_seed_row(
    sale_open, sale_vault, sale_buyer, owner, treasury, sale_cc
):
    """A whitelisted buyer pays 1 native coin (2,000 USD) in the seed round: 2,000 / 0.00018 CC go into
    the vault as a schedule whose vested amounts equal the table's seed row to the wei."""
    paid = 10**18
    expected = sale_model.quote(paid, NATIVE_WAD, SEED_PRICE)
    assert sale_open.quote(SEED, NATIVE, paid) == expected
    receipt = sale_open.buy(
        SEED, NATIVE, paid, expected, seed_proof(sale_buyer, owner, treasury), value=paid, sender=sale_buyer
    )
    sid = receipt.return_value
    assert sid == 1
    s = sale_vault.schedule(sid)
    rnd = sale_open.round(SEED)
    assert (s.beneficiary, s.total, s.start, s.revocable) == (
        sale_buyer.address,
        expected,
        rnd.vesting_start,
        True,
    )
    plan = vesting_model.PLANS["cc.seed"]
    assert sale_vault.plan(s.plan_id) == plan.encode_args()
    for t in [*vesting_model.unlock_times(plan, s.start), s.start + 13 * MONTH - 1, s.start + 40 * MONTH]:
        assert sale_vault.vested_amount(sid, t) == vesting_model.vested_amount(plan, expected, s.start, t)
    assert sale_cc.balanceOf(sale_vault) == expected
    assert sale_open.bought(SEED, sale_buyer) == expected
    assert sale_open.raised(SEED, NATIVE) == paid
    assert sale_open.purchase(sid) == (NATIVE, paid, False)
    assert receipt.events.filter(sale_open.Purchased)[0].tokens == expected


def test_buy__usdt_in_public__tokens_at_the_public_price(sale_open, sale_vault, sale_usdt, sale_public_buyer):
    """100 USDT buys 100 / 0.00025 = 400,000 CC exactly, on the public row (20% at TGE)."""
    paid = 100 * 10**6
    sale_usdt.approve(sale_open, paid, sender=sale_public_buyer)
    sid = sale_open.buy(PUBLIC, sale_usdt, paid, 0, [], sender=sale_public_buyer).return_value
    s = sale_vault.schedule(sid)
    assert s.total == to_wei(400_000)
    assert sale_vault.vested_amount(sid, s.start) == to_wei(80_000)
    assert sale_usdt.balanceOf(sale_open) == paid


def test_buy__second_purchase__creates_a_second_schedule(sale_open, sale_vault, sale_usdt, sale_public_buyer):
    """No top-up: each purchase is a schedule of its own; the buyer's bought total adds up."""
    sale_usdt.approve(sale_open, 200 * 10**6, sender=sale_public_buyer)
    first = sale_open.buy(PUBLIC, sale_usdt, 100 * 10**6, 0, [], sender=sale_public_buyer).return_value
    second = sale_open.buy(PUBLIC, sale_usdt, 100 * 10**6, 0, [], sender=sale_public_buyer).return_value
    assert (first, second) == (1, 2)
    assert sale_open.bought(PUBLIC, sale_public_buyer) == to_wei(800_000)


def test_buy__before_start__reverts(sale, sale_usdt, sale_public_buyer):
    """The round is not open before its start."""
    with ape.reverts("token_sale: round not open"):
        sale.buy(PUBLIC, sale_usdt, 10**6, 0, [], sender=sale_public_buyer)


def test_buy__after_end__reverts(chain, sale, sale_times, sale_usdt, sale_public_buyer):
    """Nor after its end."""
    chain.mine(timestamp=sale_times[1])
    with ape.reverts("token_sale: round not open"):
        sale.buy(PUBLIC, sale_usdt, 10**6, 0, [], sender=sale_public_buyer)


def test_buy__off_the_whitelist__reverts(sale_open, sale_public_buyer):
    """A buyer without a proof cannot buy in the seed round."""
    with ape.reverts("token_sale: not whitelisted"):
        sale_open.buy(SEED, NATIVE, 10**18, 0, [], value=10**18, sender=sale_public_buyer)


def test_buy__copied_proof__reverts(sale_open, sale_buyer, sale_public_buyer, owner, treasury):
    """Attack: a front-runner replays a whitelisted buyer's proof; the leaf is the caller's address,
    so the proof does not verify for anyone else."""
    with ape.reverts("token_sale: not whitelisted"):
        sale_open.buy(
            SEED,
            NATIVE,
            10**18,
            0,
            seed_proof(sale_buyer, owner, treasury),
            value=10**18,
            sender=sale_public_buyer,
        )


def test_buy__stale_feed__reverts(chain, sale, sale_times, sale_usdt, sale_public_buyer):
    """A feed older than its heartbeat stops purchases in that asset."""
    chain.mine(timestamp=sale_times[0] + 2 * 86_400)
    with ape.reverts("feed_reader: stale price"):
        sale.buy(PUBLIC, sale_usdt, 10**6, 0, [], sender=sale_public_buyer)


def test_buy__price_moved_below_min_tokens__reverts(chain, sale_open, sale_feeds, owner, sale_public_buyer):
    """Quote at 2,000 USD, the native coin drops to 1,900 before the purchase: min_tokens refuses it."""
    quoted = sale_open.quote(PUBLIC, NATIVE, 10**18)
    sale_feeds["native"].set_answer(1_900 * USD, chain.pending_timestamp, sender=owner)
    with ape.reverts("token_sale: fewer tokens than min_tokens"):
        sale_open.buy(PUBLIC, NATIVE, 10**18, quoted, [], value=10**18, sender=sale_public_buyer)


def test_buy__past_the_buyer_cap__reverts(sale_open, sale_usdt, sale_public_buyer):
    """One buyer cannot buy more than the round's buyer cap (40,000,000 CC = 10,000 USDT here)."""
    paid = BUYER_CAP * PUBLIC_PRICE // 10**18 // 10**12 + 1
    sale_usdt.approve(sale_open, paid, sender=sale_public_buyer)
    with ape.reverts("token_sale: buyer cap exceeded"):
        sale_open.buy(PUBLIC, sale_usdt, paid, 0, [], sender=sale_public_buyer)


def test_buy__past_the_round_cap__reverts(sale_open, sale_usdt, sale_public_buyer, sale_buyer):
    """Two buyers at their caps (80,000,000 CC) overrun the public round's 50,000,000."""
    full = BUYER_CAP * PUBLIC_PRICE // 10**18 // 10**12
    for buyer in (sale_public_buyer, sale_buyer):
        sale_usdt.approve(sale_open, full, sender=buyer)
    sale_open.buy(PUBLIC, sale_usdt, full, 0, [], sender=sale_public_buyer)
    assert PUBLIC_CAP - sale_open.round(PUBLIC).sold < BUYER_CAP
    with ape.reverts("token_sale: round cap exceeded"):
        sale_open.buy(PUBLIC, sale_usdt, full, 0, [], sender=sale_buyer)


def test_buy__fee_on_transfer_token__reverts(project, deployer, owner, sale_open, sale_adapter, sale_feeds,
                                             sale_public_buyer):
    """A token that keeps a fee on transfer, listed by mistake, cannot buy: the sale measures what
    arrived and refuses the shortfall, so `raised` never exceeds what it holds."""
    fot = project.MockQuirkyToken.deploy(1, sender=deployer)
    fot.mint(sale_public_buyer, 10**21, sender=deployer)
    sale_adapter.set_feed(fot, sale_feeds["usdt"], HEARTBEAT, sender=owner)
    sale_open.list_asset(fot, fot, sender=owner)
    fot.approve(sale_open, 10**20, sender=sale_public_buyer)
    with ape.reverts("token_sale: token took a fee on transfer"):
        sale_open.buy(PUBLIC, fot, 10**20, 0, [], sender=sale_public_buyer)


def test_buy__unlisted_asset__reverts(sale_open, sale_cc, sale_public_buyer):
    """Only listed assets pay."""
    with ape.reverts("token_sale: asset not accepted"):
        sale_open.buy(PUBLIC, sale_cc, 10**18, 0, [], sender=sale_public_buyer)


def test_buy__native_amount_differs_from_value__reverts(sale_open, sale_public_buyer):
    """The native amount must be the value sent."""
    with ape.reverts("token_sale: wrong native amount"):
        sale_open.buy(PUBLIC, NATIVE, 10**18, 0, [], value=10**17, sender=sale_public_buyer)


def test_buy__native_coin_with_a_token__reverts(sale_open, sale_usdt, sale_public_buyer):
    """Value sent with a token payment would be stranded."""
    with ape.reverts("token_sale: native coin sent with a token"):
        sale_open.buy(PUBLIC, sale_usdt, 10**6, 0, [], value=1, sender=sale_public_buyer)


def test_buy__zero_amount__reverts(sale_open, sale_usdt, sale_public_buyer):
    """A purchase must pay something."""
    with ape.reverts("token_sale: zero amount"):
        sale_open.buy(PUBLIC, sale_usdt, 0, 0, [], sender=sale_public_buyer)


def test_buy__dust_buys_nothing__reverts(chain, sale_open, sale_feeds, owner, sale_public_buyer):
    """At a native price of 1e-8 USD, 1 wei buys 0 CC (rounded down): refused, not a zero schedule."""
    sale_feeds["native"].set_answer(1, chain.pending_timestamp, sender=owner)
    with ape.reverts("token_sale: amount buys nothing"):
        sale_open.buy(PUBLIC, NATIVE, 1, 0, [], value=1, sender=sale_public_buyer)


def test_buy__unknown_round__reverts(sale_open, sale_usdt, sale_public_buyer):
    """Round ids are 0 .. round_count - 1."""
    with ape.reverts("token_sale: unknown round"):
        sale_open.buy(7, sale_usdt, 10**6, 0, [], sender=sale_public_buyer)


def test_buy__unfunded_round__reverts(chain, sale, owner, sale_times, sale_usdt, sale_public_buyer):
    """A round whose CC was never brought in sells nothing."""
    start = chain.pending_timestamp + 10
    rid = sale.add_round(
        start,
        start + 86_400,
        start + 86_400,
        PUBLIC_PRICE,
        PUBLIC_CAP,
        0,
        BUYER_CAP,
        b"\0" * 32,
        vesting_model.PLANS["cc.public"].encode_args(),
        sender=owner,
    ).return_value
    chain.mine(timestamp=start)
    with ape.reverts("token_sale: round not funded"):
        sale.buy(rid, sale_usdt, 10**6, 0, [], sender=sale_public_buyer)

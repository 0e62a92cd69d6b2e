"""TokenSale at its limits: every bound of a round accepted at exactly its value and read back whole
(its three packed words with every field's top bit set), the phases by number, and a round closed
without funding (the survivors of mutation testing, docs/assurance.md)."""

import ape
import pytest

from fivefold.sale import model as sale_model
from fivefold.units import DAY, YEAR
from fivefold.vesting.model import PLANS
from tests.tests_support import write_slot_holding

from .conftest import NATIVE, PUBLIC, USD, sale_refresh

MAX_TIME = 2**40 - 1  # starts, ends and vesting starts have 40 bits
MAX_AMOUNT = 2**96 - 1  # caps and sold amounts have 96 bits, as the vault's totals
MAX_PRICE = 2**64 - 1
EMPTY_ROOT = b"\0" * 32
PLAN = PLANS["cc.public"].encode_args()
PRICE = sale_model.ROUNDS["public"].price
BEFORE, OPEN, SUCCEEDED, FAILED = 0, 1, 2, 3


@pytest.fixture(scope="module", autouse=True)
def sale_bounds_fixtures(
    sale, sale_cc, sale_vault, sale_feeds, sale_usdt, sale_public_buyer, treasury, deployer, stranger
):
    """Requests the module's fixtures before its first test (ape's isolation would otherwise rebase
    them when a later test first asks for one)."""


def _round(sale, owner, start, end, vesting_start, price, cap, soft_cap, buyer_cap):
    return sale.add_round(
        start, end, vesting_start, price, cap, soft_cap, buyer_cap, EMPTY_ROOT, PLAN, sender=owner
    ).return_value


def _open_round(chain, sale, sale_cc, sale_feeds, owner, treasury, cap, soft_cap, price=PRICE):
    """A public round of `cap` CC (buyer cap: the cap) funded by the treasury, open for a day from the
    block this mines, its schedules vesting a day after its end (so a refund at the end is whole), the
    feeds refreshed. Returns (round id, end)."""
    start = chain.pending_timestamp + 10
    end = start + DAY
    round_id = _round(sale, owner, start, end, end + DAY, price, cap, soft_cap, cap)
    sale_cc.approve(sale, cap, sender=treasury)
    sale.fund(round_id, sender=treasury)
    chain.mine(timestamp=start)
    sale_refresh(sale_feeds, owner, chain)
    return round_id, end


def test_add_round__every_bound_at_its_value__accepted_and_read_back(sale, owner, chain):
    """A round starting in the block that adds it, ending and vesting at the last 40-bit second,
    priced at the largest 64-bit price, with cap, soft cap and buyer cap all 2**96 - 1: accepted, and
    every field reads back whole. A second round ends one second after its start."""
    now = chain.pending_timestamp
    widest = _round(sale, owner, now, MAX_TIME, MAX_TIME, MAX_PRICE, MAX_AMOUNT, MAX_AMOUNT, MAX_AMOUNT)
    r = sale.round(widest)
    assert (r.start, r.end, r.vesting_start, r.price) == (now, MAX_TIME, MAX_TIME, MAX_PRICE)
    assert (r.cap, r.soft_cap, r.buyer_cap, r.sold) == (MAX_AMOUNT, MAX_AMOUNT, MAX_AMOUNT, 0)
    assert (r.plan_id, r.funded, r.closed) == (widest, False, False)
    start = chain.pending_timestamp
    shortest = _round(sale, owner, start, start + 1, start + 1, PRICE, 3, 1, 1)
    r = sale.round(shortest)
    assert (r.start, r.end, r.cap, r.soft_cap, r.buyer_cap) == (start, start + 1, 3, 1, 1)


def test_add_round__end_at_its_start__reverts(sale, owner, chain):
    start = chain.pending_timestamp + 100
    with ape.reverts("token_sale: end not after start"):
        _round(sale, owner, start, start, start, PRICE, 10, 0, 10)


def test_phase__unfunded_round__numbers_before_open_then_decided(sale, owner, chain):
    """`phase` reads 0 before the start, 1 while open, then 2 (soft cap 0 reached) or 3."""
    start = chain.pending_timestamp + 100
    succeeds = _round(sale, owner, start, start + 50, start + 50, PRICE, 10, 0, 10)
    fails = _round(sale, owner, start, start + 50, start + 50, PRICE, 10, 1, 10)
    assert (sale.phase(succeeds), sale.phase(fails)) == (BEFORE, BEFORE)
    chain.mine(timestamp=start)
    assert (sale.phase(succeeds), sale.phase(fails)) == (OPEN, OPEN)
    chain.mine(timestamp=start + 50)
    assert (sale.phase(succeeds), sale.phase(fails)) == (SUCCEEDED, FAILED)


def test_close__decided_round_never_funded__reverts(sale, owner, stranger, chain):
    """A round nobody funded holds no CC to return: closing it is refused once it is decided."""
    start = chain.pending_timestamp + 100
    round_id = _round(sale, owner, start, start + 50, start + 50, PRICE, 10, 0, 10)
    chain.mine(timestamp=start + 50)
    assert sale.phase(round_id) == SUCCEEDED
    with ape.reverts("token_sale: round not funded"):
        sale.close(round_id, sender=stranger)


def test_add_round__odd_price_beside_a_buyer_cap_of_one__both_read_back(sale, owner, chain):
    """The price's lowest bit sits next to the buyer cap's highest: an odd price and a buyer cap of
    1 wei read back as set."""
    start = chain.pending_timestamp + 100
    r = sale.round(_round(sale, owner, start, start + 50, start + 50, 3, 10, 0, 1))
    assert (r.price, r.buyer_cap, r.cap) == (3, 1, 10)


def test_add_round__plan_id_beyond_15_bits__read_back(sale, sale_vault, owner, chain):
    """Round (and plan) ids have 16 bits: with 40,000 rounds and plans recorded, the next round's
    plan id reads back whole. Both counters are written in storage (40,000 transactions would take
    hours): each is the slot holding its value that the view then reads as written."""
    for contract, view in ((sale, sale.round_count), (sale_vault, sale_vault.plan_count)):
        write_slot_holding(chain, contract, view, 40_000)
        assert view() == 40_000
    start = chain.pending_timestamp + 100
    round_id = _round(sale, owner, start, start + 50, start + 50, PRICE, 10, 0, 10)
    assert round_id == sale.round(round_id).plan_id == 40_000


def test_buy__amount_beyond_95_bits__reverts(sale_open, sale_usdt, sale_public_buyer):
    """A payment is recorded in 95 bits: 2**95 is refused before anything moves."""
    sale_usdt.approve(sale_open, 2**95, sender=sale_public_buyer)
    with ape.reverts("token_sale: amount too large"):
        sale_open.buy(PUBLIC, sale_usdt, 2**95, 0, [], sender=sale_public_buyer)


def test_refund__schedule_fully_vested__nothing_back_and_the_payment_to_the_treasury(
    chain, sale_open, sale_times, sale_public_buyer, treasury, stranger
):
    """A failed round refunded only after its schedule vested in full: nothing is unvested, so the
    vault revokes nothing, the buyer gets nothing back and the treasury keeps the (odd, native)
    payment; the round's books count it paid out."""
    paid = 10**16 + 1
    sid = sale_open.buy(PUBLIC, NATIVE, paid, 0, [], value=paid, sender=sale_public_buyer).return_value
    chain.mine(timestamp=sale_times[2] + 10 * YEAR)
    assert sale_open.phase(PUBLIC) == FAILED
    before = treasury.balance
    assert sale_open.refund(sid, sender=stranger).return_value == 0
    assert treasury.balance - before == paid
    assert sale_open.purchase(sid) == (NATIVE, paid, True)
    assert sale_open.paid_out(PUBLIC, NATIVE) == paid


def test_add_round__whitelist_logged_only_with_a_root(sale, owner, chain):
    """A whitelisted round logs its root; a public one logs none."""
    start = chain.pending_timestamp + 100
    args = (start, start + 50, start + 50, PRICE, 10, 0, 10)
    public = sale.add_round(*args, EMPTY_ROOT, PLAN, sender=owner)
    listed = sale.add_round(*args, b"\x01" * 32, PLAN, sender=owner)
    assert public.decode_logs(sale.WhitelistSet) == []
    [log] = listed.decode_logs(sale.WhitelistSet)
    assert (log.round_id, log.root) == (listed.return_value, b"\x01" * 32)


def test_add_round__vault_with_a_plan_of_its_own__out_of_step_refused(
    project, owner, treasury, sale_cc, sale_adapter, chain
):
    """A vault handed over with a plan already in it would give round 0 plan id 1, and `refund`
    finds a round by its plan id: refused."""
    vault = project.VestingVault.deploy(sale_cc, owner, sender=owner)
    vault.add_plan(*PLAN, sender=owner)
    sale = project.TokenSale.deploy(sale_cc, vault, sale_adapter, treasury, owner, sender=owner)
    vault.transfer_ownership(sale, sender=owner)
    sale.accept_vault(sender=owner)
    start = chain.pending_timestamp + 100
    with ape.reverts("token_sale: vault plans out of step"):
        _round(sale, owner, start, start + 50, start + 50, PRICE, 10, 0, 10)


def test_buy__payment_of_exactly_95_bits__accepted_read_back_and_refunded_whole(
    chain, sale, sale_cc, sale_feeds, owner, treasury, sale_public_buyer, stranger
):
    """The largest payment a purchase records, 2**95 - 1 wei of the native coin, is accepted (one
    more is refused: test_buy__amount_beyond_95_bits__reverts), its record reads back whole, and a
    refund of the failed round pays all of it back. The coin is priced at $1 and CC at $10, so the
    payment buys (2**95 - 1) // 10 wei of CC, within the treasury's CC; the round's cap and soft cap
    are one wei more, so it fails."""
    paid = 2**95 - 1
    tokens = paid // 10
    round_id, end = _open_round(
        chain, sale, sale_cc, sale_feeds, owner, treasury, tokens + 1, tokens + 1, price=10**19
    )
    sale_feeds["native"].set_answer(USD, chain.pending_timestamp, sender=owner)
    chain.set_balance(sale_public_buyer.address, 2**96)
    receipt = sale.buy(round_id, NATIVE, paid, tokens, [], value=paid, sender=sale_public_buyer)
    [log] = receipt.decode_logs(sale.Purchased)
    assert (log.paid, log.tokens) == (paid, tokens)
    sid = receipt.return_value
    assert sale.purchase(sid) == (NATIVE, paid, False)
    assert sale.raised(round_id, NATIVE) == paid
    chain.mine(timestamp=end)
    assert sale.phase(round_id) == FAILED
    before = sale_public_buyer.balance
    assert sale.refund(sid, sender=stranger).return_value == paid
    assert sale_public_buyer.balance - before == paid
    assert sale.purchase(sid) == (NATIVE, paid, True)


def test_purchase__asset_address_with_its_top_bit__read_back_and_refunded_in_it(
    project,
    chain,
    sale,
    sale_cc,
    sale_feeds,
    sale_usdt,
    deployer,
    owner,
    treasury,
    sale_public_buyer,
    stranger,
):
    """A purchase word keeps the paid asset's whole 160-bit address: a token whose address has its
    top bit set (bit 159; a fresh 6-decimal token priced as USDT) reads back as itself, and the refund
    of the failed round pays the buyer back in that token."""
    for _ in range(16):
        token = project.MockStablecoin.deploy(sender=deployer)
        if int(token.address, 16) >> 159 == 1:
            break
    assert int(token.address, 16) >> 159 == 1
    round_id, end = _open_round(chain, sale, sale_cc, sale_feeds, owner, treasury, 10**24, 10**24)
    sale.list_asset(token, sale_usdt, sender=owner)
    paid = 100 * 10**6
    token.faucet(sale_public_buyer, paid, sender=sale_public_buyer)
    token.approve(sale, paid, sender=sale_public_buyer)
    sid = sale.buy(round_id, token, paid, 0, [], sender=sale_public_buyer).return_value
    assert sale.purchase(sid) == (token.address, paid, False)
    chain.mine(timestamp=end)
    receipt = sale.refund(sid, sender=stranger)
    [log] = receipt.decode_logs(sale.Refunded)
    assert (log.asset, log.refund, log.kept) == (token.address, paid, 0)
    assert token.balanceOf(sale_public_buyer) == paid
    assert token.balanceOf(sale) == 0
    assert sale.purchase(sid) == (token.address, paid, True)


def test_refund__fully_vested_schedule_smaller_than_its_payment__nothing_back(
    chain, sale_open, sale_feeds, sale_times, owner, treasury, sale_public_buyer, stranger
):
    """With the native coin priced at a tenth of a CC, 1 coin buys 0.1 CC: the schedule's total (in
    wei of CC) is below the payment (in wei of the coin). Once it vested in full nothing is revoked, so
    the buyer gets nothing back, not payment // total, and the whole coin goes to the treasury."""
    sale_feeds["native"].set_answer(PRICE // 10**11, chain.pending_timestamp, sender=owner)
    paid = 10**18
    receipt = sale_open.buy(PUBLIC, NATIVE, paid, 0, [], value=paid, sender=sale_public_buyer)
    assert receipt.decode_logs(sale_open.Purchased)[0].tokens == paid // 10
    chain.mine(timestamp=sale_times[2] + YEAR)
    assert sale_open.phase(PUBLIC) == FAILED
    buyer_before, treasury_before = sale_public_buyer.balance, treasury.balance
    assert sale_open.refund(receipt.return_value, sender=stranger).return_value == 0
    assert sale_public_buyer.balance == buyer_before
    assert treasury.balance - treasury_before == paid


def test_refund__one_unit_paid_before_the_vesting_start__the_unit_back(
    chain, sale, sale_cc, sale_feeds, sale_usdt, owner, treasury, sale_public_buyer, stranger
):
    """The smallest payment, 1 unit (10**-6 USDT), refunded before the vesting start: a refund of
    exactly 1 is paid to the buyer, and the treasury keeps nothing."""
    round_id, end = _open_round(chain, sale, sale_cc, sale_feeds, owner, treasury, 10**24, 10**24)
    sale_usdt.approve(sale, 1, sender=sale_public_buyer)
    sid = sale.buy(round_id, sale_usdt, 1, 0, [], sender=sale_public_buyer).return_value
    chain.mine(timestamp=end)
    buyer_before, treasury_before = sale_usdt.balanceOf(sale_public_buyer), sale_usdt.balanceOf(treasury)
    assert sale.refund(sid, sender=stranger).return_value == 1
    assert sale_usdt.balanceOf(sale_public_buyer) - buyer_before == 1
    assert sale_usdt.balanceOf(treasury) == treasury_before


def test_refund__one_unit_paid_fully_vested__the_unit_kept_for_the_treasury(
    chain, sale_open, sale_times, sale_usdt, treasury, sale_public_buyer, stranger
):
    """The smallest payment, 1 unit (10**-6 USDT), refunded after its schedule vested in full: the
    buyer gets nothing back and the unit kept (exactly 1) is paid to the treasury."""
    sale_usdt.approve(sale_open, 1, sender=sale_public_buyer)
    sid = sale_open.buy(PUBLIC, sale_usdt, 1, 0, [], sender=sale_public_buyer).return_value
    chain.mine(timestamp=sale_times[2] + YEAR)
    buyer_before, treasury_before = sale_usdt.balanceOf(sale_public_buyer), sale_usdt.balanceOf(treasury)
    receipt = sale_open.refund(sid, sender=stranger)
    [log] = receipt.decode_logs(sale_open.Refunded)
    assert (log.refund, log.kept) == (0, 1)
    assert sale_usdt.balanceOf(treasury) - treasury_before == 1
    assert sale_usdt.balanceOf(sale_public_buyer) == buyer_before


def test_close__one_wei_unsold__the_wei_returned(
    chain, sale, sale_cc, sale_feeds, sale_usdt, owner, treasury, sale_public_buyer, stranger
):
    """A round sold out but for its last wei of CC: 1 unit of USDT buys 4 * 10**15 wei at the public
    price, the cap is one wei more and the soft cap is what was sold (reached exactly). Closing it
    returns that one wei to the treasury."""
    sold = sale_model.quote(1, 10**30, PRICE)
    round_id, end = _open_round(chain, sale, sale_cc, sale_feeds, owner, treasury, sold + 1, sold)
    sale_usdt.approve(sale, 1, sender=sale_public_buyer)
    sale.buy(round_id, sale_usdt, 1, sold, [], sender=sale_public_buyer)
    chain.mine(timestamp=end)
    assert sale.phase(round_id) == SUCCEEDED
    treasury_before, sale_before = sale_cc.balanceOf(treasury), sale_cc.balanceOf(sale)
    assert sale.close(round_id, sender=stranger).return_value == 1
    assert sale_cc.balanceOf(treasury) - treasury_before == 1
    assert sale_before - sale_cc.balanceOf(sale) == 1

"""ResourceMarket's packed words read back where a field's neighbour has its edge bit set: an offer
of odd capacity and stake at the largest price, an order by a requester whose address has its top
bit clear for an odd period, an odd escrow beside its units, and the settled flag beside the period
(the survivors of mutation testing, docs/assurance.md). Also: a stake and an escrow of exactly 2**96 - 1
wei accepted and one unit more refused (on a market whose token has the supply for it), a served
slot's escrow and a faulty slot's odd slash read back beside the state, an exit of a 1-wei stake,
busy-until moved by an order for the period right after the last, and `sync` with HPC owed."""

import ape
import pytest

from fivefold.resources import model
from tests.resources.conftest import HPC, PRICE
from tests.resources.resources_support import books

MAX_PRICE = 1_000 * HPC  # has bit 69 set, next to the offer's busy-until field
BANDWIDTH = 2
AMOUNT_LIMIT = 2**96 - 1  # the largest stake and escrow the packed words hold
# A divisor of 2**96 - 1 (= 3**2 * 5 * 7 * 13 * 17 * 97 * 193 * 241 * 257 * 673 * 65537 * 22253377) within
# MAX_CAPACITY whose cofactor is within MAX_PRICE: that many units at that price escrow exactly the limit.
LIMIT_UNITS = 81_792_049


def _odd_period(market, ahead=1):
    period = market.current_period() + ahead
    return period if period % 2 else period + 1


def test_register__odd_capacity_and_stake_at_the_largest_price__offer_read_back(
    resources_market, resources_provider, resources_other_provider
):
    """The offer word: kind, an odd capacity, the largest price, an odd stake and, after an order for
    an odd period, a busy-until of that period + 1 (even), each read back as set."""
    m = resources_market
    stake = 101 * m.stake_per_unit() + 1
    m.register(BANDWIDTH, 101, MAX_PRICE, stake, sender=resources_provider)
    assert tuple(m.offer(resources_provider)) == (BANDWIDTH, 101, MAX_PRICE, stake, 0)
    period = _odd_period(m)
    m.place_order(resources_provider, period, 1, sender=resources_other_provider)
    assert tuple(m.offer(resources_provider)) == (BANDWIDTH, 101, MAX_PRICE, stake, period + 1)


def test_place_order__top_bit_clear_requester_odd_period_odd_escrow__read_back_and_after_refund(
    resources_market, resources_provider, resources_other_provider, resources_goto
):
    """An order by a requester whose address has its top bit clear, for an odd period, escrowing an
    odd 3 wei beside 1 unit: order and slot read back as placed, and the refund's settled flag leaves
    the period intact."""
    m, requester = resources_market, resources_other_provider
    assert int(requester.address, 16) < 2**159
    m.register(0, 100, 3, 100 * m.stake_per_unit(), sender=resources_provider)
    period = _odd_period(m)
    order_id = m.place_order(resources_provider, period, 1, sender=requester).return_value
    order = m.order(order_id)
    assert (order.requester, order.provider, order.period, order.amount, order.settled) == (
        requester.address,
        resources_provider.address,
        period,
        3,
        False,
    )
    assert tuple(m.slot(resources_provider, period)) == (1, 3, 0, 0)
    resources_goto(period + 1, m.report_window())
    m.refund(order_id, sender=requester)
    order = m.order(order_id)
    assert (order.period, order.settled) == (period, True)


@pytest.fixture
def big_market(project, owner, resources_registry, resources_provider, resources_requester):
    """A ResourceMarket over an open-mint token (MockStablecoin), with 2**97 wei minted to and approved
    by the provider and the requester: enough for a stake or an escrow at the 96-bit limit, which
    HPC's cap (10**9 HPC here) cannot reach."""
    token = project.MockStablecoin.deploy(sender=owner)
    market = project.ResourceMarket.deploy(
        token, resources_registry, owner, "HPC Resource Market", "1", sender=owner
    )
    for account in (resources_provider, resources_requester):
        token.faucet(account, 2**97, sender=owner)
        token.approve(market, 2**256 - 1, sender=account)
    return market, token


def test_register__stake_at_96_bit_limit__accepted_one_more_refused(
    big_market, resources_provider, resources_requester
):
    """register's stake bound is inclusive at 2**96 - 1 (the offer word's stake field): that stake is
    pulled and read back whole; 2**96 is refused."""
    market, token = big_market
    with ape.reverts("resource_market: stake above the limit"):
        market.register(0, 1, PRICE, AMOUNT_LIMIT + 1, sender=resources_requester)
    market.register(0, 1, PRICE, AMOUNT_LIMIT, sender=resources_provider)
    assert tuple(market.offer(resources_provider)) == (0, 1, PRICE, AMOUNT_LIMIT, 0)
    assert market.total_stakes() == AMOUNT_LIMIT
    assert books(market, token)


def test_place_order__escrow_at_96_bit_limit__accepted_one_more_unit_refused(
    big_market, resources_provider, resources_requester
):
    """place_order's escrow bound is inclusive at 2**96 - 1 (the slot word's escrow field, whose top
    bit sits beside the state): LIMIT_UNITS units at (2**96 - 1) / LIMIT_UNITS wei escrow exactly the
    limit and are accepted, read back whole with the state still OPEN; one unit more is refused."""
    market, token = big_market
    price = AMOUNT_LIMIT // LIMIT_UNITS
    assert price * LIMIT_UNITS == AMOUNT_LIMIT and price <= 1_000 * HPC
    market.register(0, LIMIT_UNITS + 1, price, (LIMIT_UNITS + 1) * HPC, sender=resources_provider)
    period = market.current_period() + 1
    with ape.reverts("resource_market: escrow above the limit"):
        market.place_order(resources_provider, period, LIMIT_UNITS + 1, sender=resources_requester)
    order_id = market.place_order(
        resources_provider, period, LIMIT_UNITS, sender=resources_requester
    ).return_value
    assert tuple(market.slot(resources_provider, period)) == (LIMIT_UNITS, AMOUNT_LIMIT, model.OPEN, 0)
    assert market.order(order_id).amount == AMOUNT_LIMIT
    assert market.total_escrow() == AMOUNT_LIMIT
    assert books(market, token)


def test_prove__served__slot_escrow_and_state_read_back(
    resources_market, resources_hpc, resources_served, resources_provider
):
    """A served report rewrites the slot word with state SERVED (bit 136, just above the escrow's top
    bit 135): the word reads back as 10 units, 10 HPC escrow, SERVED, nothing slashed."""
    m = resources_market
    _, period = resources_served()
    assert tuple(m.slot(resources_provider, period)) == (10, 10 * PRICE, model.SERVED, 0)
    assert books(m, resources_hpc)


def test_prove__faulty_odd_slash__slot_read_back_and_refund_pays_share(
    resources_market,
    resources_hpc,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_requester,
):
    """A faulty report slashing an odd amount (10% of 100 HPC + 10 wei: 10 HPC + 1 wei, bit 0 of the
    slashed field at bit 144, just above the state's top bit 143): the slot reads back FAULTY with that
    slash, and the period's only order refunds its 10 HPC escrow plus the whole slash."""
    m = resources_market
    m.register(0, 100, PRICE, 100 * HPC + 10, sender=resources_provider)
    period = m.current_period() + 1
    order_id = m.place_order(resources_provider, period, 10, sender=resources_requester).return_value
    resources_goto(period + 1)
    signatures = resources_sign(resources_provider, period, False)
    receipt = m.prove(resources_provider, period, False, signatures, sender=resources_provider)
    assert receipt.events[-1].slashed == 10 * HPC + 1
    assert tuple(m.slot(resources_provider, period)) == (10, 10 * PRICE, model.FAULTY, 10 * HPC + 1)
    before = resources_hpc.balanceOf(resources_requester)
    assert m.refund(order_id, sender=resources_requester).return_value == 20 * HPC + 1
    assert resources_hpc.balanceOf(resources_requester) == before + 20 * HPC + 1
    assert books(m, resources_hpc)


def test_exit__one_wei_stake__returned(resources_market, resources_hpc, resources_provider, owner):
    """With no stake asked per unit, an offer staking 1 wei gets that wei back on exit, and the
    event reports it."""
    m = resources_market
    m.set_stake_per_unit(0, sender=owner)
    m.register(0, 1, PRICE, 1, sender=resources_provider)
    before = resources_hpc.balanceOf(resources_provider)
    receipt = m.exit(sender=resources_provider)
    assert resources_hpc.balanceOf(resources_provider) == before + 1
    assert receipt.events[-1].stake == 1
    assert m.total_stakes() == 0
    assert books(m, resources_hpc)


def test_place_order__next_period_after_last__busy_until_moves_and_exit_waits(
    resources_market, resources_provider, resources_requester, resources_goto
):
    """Orders for period p, then p + 1 (whose p + 1 equals the busy-until p + 1 already set): busy-until
    becomes p + 2, so the provider cannot exit when p's report window ends, only when p + 1's does."""
    m = resources_market
    m.register(0, 100, PRICE, 100 * HPC, sender=resources_provider)
    period = m.current_period() + 1
    m.place_order(resources_provider, period, 1, sender=resources_requester)
    assert m.offer(resources_provider)[4] == period + 1
    m.place_order(resources_provider, period + 1, 1, sender=resources_requester)
    assert m.offer(resources_provider)[4] == period + 2
    resources_goto(period + 1, m.report_window())
    with ape.reverts("resource_market: orders not settled"):
        m.exit(sender=resources_provider)
    resources_goto(period + 2, m.report_window())
    m.exit(sender=resources_provider)
    assert m.offer(resources_provider)[1] == 0


def test_sync__with_hpc_owed__credits_only_the_surplus(
    resources_market, resources_hpc, resources_served, owner
):
    """With a served period's 12 HPC owed to the provider (and its stake held), a plain 7 HPC transfer
    syncs as exactly 7 HPC: what is owed counts in the books, not in the surplus."""
    m = resources_market
    resources_served()
    assert m.total_owed() == 12 * HPC
    budget = m.reward_budget()
    resources_hpc.transfer(m, 7 * HPC, sender=owner)
    receipt = m.sync(sender=owner)
    assert receipt.return_value == 7 * HPC
    assert receipt.events[-1].amount == 7 * HPC
    assert m.reward_budget() == budget + 7 * HPC
    assert books(m, resources_hpc)

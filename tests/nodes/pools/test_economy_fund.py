"""EconomyPool.fund: the community allocation's way into the reward budget."""

import ape

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import ECON_MIN, RAISING, at


def test_fund__by_treasury__budget_outstanding_and_funded(econ_pool, pools_cpc, pools_funder):
    """Funding adds to the budget (U), to what the pool holds for rewards (O) and to `funded`."""
    tx = econ_pool.fund(123, sender=pools_funder)
    assert econ_pool.unallocated() == econ_pool.outstanding() == econ_pool.funded() == 123
    assert pools_cpc.balanceOf(econ_pool) == 123
    assert econ_pool.Funded(pools_funder, 123) in tx.events


def test_fund__zero_amount__reverts(econ_pool, pools_funder):
    """Zero is refused."""
    with ape.reverts("economy_pool: zero amount"):
        econ_pool.fund(0, sender=pools_funder)


def test_fund__after_a_settlement_nobody_touched__pays_later_seasons_only(
    econ_pool, pools_funder, econ_node, econ_genesis, chain
):
    """Funding settles the seasons already due first: money that arrives after season 0's settlement
    began pays season 1, not season 0."""
    at(chain, econ_genesis, 0, RAISING)
    econ_pool.deposit(ECON_MIN, sender=econ_node)
    at(chain, econ_genesis, 0, model.SETTLEMENT_START)
    econ_pool.fund(model.REWARD_PER_SEASON, sender=pools_funder)
    assert econ_pool.claimable(econ_node) == 0
    at(chain, econ_genesis, 1, model.SETTLEMENT_START)
    assert econ_pool.claim(sender=econ_node).return_value == model.REWARD_PER_SEASON


def test_fund__above_the_limit__reverts(econ_pool, pools_funder):
    """Funding in total is bounded by 2**96 - 1 wei (the budget's width), checked before any transfer."""
    with ape.reverts("economy_pool: funding above the limit"):
        econ_pool.fund(2**96, sender=pools_funder)


def test_deposit__first_after_a_settlement_with_no_deposit__pays_nobody_and_goes_through(
    econ_pool, pools_funder, econ_node, econ_genesis, chain
):
    """A funded season that settles while nobody has deposited pays nobody (no division by an empty
    total): the first deposit after it goes through and the budget is all still there."""
    econ_pool.fund(model.REWARD_PER_SEASON, sender=pools_funder)
    at(chain, econ_genesis, 1, RAISING)
    econ_pool.deposit(ECON_MIN, sender=econ_node)
    assert econ_pool.deposit_of(econ_node) == ECON_MIN
    assert econ_pool.claimable(econ_node) == 0


def test_claimable__odd_owed_after_a_top_up__read_back_exactly(
    econ_pool, pools_funder, econ_node, econ_genesis, chain
):
    """A node's word holds its paid index and what it is owed side by side: an odd amount owed,
    written by a top-up's settlement, reads back exactly (20,001 CPC deposited, 3 CPC funded:
    2,999,999,999,999,994,981 wei owed, floor-rounded in the pool's favour)."""
    at(chain, econ_genesis, 0, RAISING)
    econ_pool.deposit(20_001 * 10**18, sender=econ_node)
    econ_pool.fund(3 * 10**18, sender=pools_funder)
    at(chain, econ_genesis, 1, RAISING)
    econ_pool.deposit(1, sender=econ_node)  # settles the node: its owed amount is written
    assert econ_pool.claimable(econ_node) == 2_999_999_999_999_994_981

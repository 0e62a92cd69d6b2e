"""EconomyPool.claim: a season's reward, pro rata to the deposits locked in it, from its settlement on;
never twice, never for a season the node was not locked in, never beyond the funded budget."""

import ape

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import BUDGET, ECON_MIN, LOCK, RAISING, SETTLEMENT, at

R = model.REWARD_PER_SEASON


def test_claim__two_nodes_one_season__pro_rata(
    econ_funded, pools_cpc, econ_node, econ_node2, econ_genesis, chain
):
    """1:3 deposits share season 0's 1,250,000 CPC 1:3, in its settlement."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    econ_funded.deposit(3 * ECON_MIN, sender=econ_node2)
    at(chain, econ_genesis, 0, SETTLEMENT)
    before = pools_cpc.balanceOf(econ_node)
    tx = econ_funded.claim(sender=econ_node)
    assert tx.return_value == R // 4
    assert pools_cpc.balanceOf(econ_node) == before + R // 4
    assert econ_funded.Claimed(econ_node, R // 4) in tx.events
    assert econ_funded.SeasonsSettled(1, 4 * ECON_MIN, R) in tx.events
    assert econ_funded.claim(sender=econ_node2).return_value == 3 * R // 4


def test_claim__during_lock__nothing_to_claim(econ_funded, econ_node, econ_genesis, chain):
    """The season's reward is not claimable before its settlement begins (day 87)."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    at(chain, econ_genesis, 0, model.SETTLEMENT_START - 1)
    with ape.reverts("economy_pool: nothing to claim"):
        econ_funded.claim(sender=econ_node)


def test_claim__twice__second_reverts(econ_funded, econ_node, econ_genesis, chain):
    """A node cannot claim a season twice, in the same settlement or any time later."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    at(chain, econ_genesis, 0, SETTLEMENT)
    econ_funded.claim(sender=econ_node)
    with ape.reverts("economy_pool: nothing to claim"):
        econ_funded.claim(sender=econ_node)
    at(chain, econ_genesis, 1, LOCK)
    with ape.reverts("economy_pool: nothing to claim"):
        econ_funded.claim(sender=econ_node)


def test_claim__season_not_locked_in__nothing_for_it(econ_funded, econ_node, econ_node2, econ_genesis, chain):
    """A node that joins in season 1's raising gets nothing of season 0 (settled before it joined),
    only season 1's share."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    at(chain, econ_genesis, 1, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node2)
    assert econ_funded.claimable(econ_node2) == 0
    with ape.reverts("economy_pool: nothing to claim"):
        econ_funded.claim(sender=econ_node2)
    at(chain, econ_genesis, 1, SETTLEMENT)
    assert econ_funded.claim(sender=econ_node2).return_value == R // 2
    assert econ_funded.claim(sender=econ_node).return_value == R + R // 2


def test_claim__left_before_lock__nothing_for_the_season(
    econ_funded, econ_node, econ_node2, econ_genesis, chain
):
    """A deposit withdrawn in the same raising was never locked: it earns nothing of the season."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    econ_funded.deposit(ECON_MIN, sender=econ_node2)
    econ_funded.withdraw(ECON_MIN, sender=econ_node2)
    at(chain, econ_genesis, 0, SETTLEMENT)
    with ape.reverts("economy_pool: nothing to claim"):
        econ_funded.claim(sender=econ_node2)
    assert econ_funded.claim(sender=econ_node).return_value == R


def test_claim__deposit_rolled_over_three_seasons__claims_all_at_once(
    econ_funded, econ_node, econ_genesis, chain
):
    """A deposit nobody touches rolls into seasons 1 and 2; one claim in season 3's lock pays all
    three settled seasons (any time after settlement)."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    at(chain, econ_genesis, 3, LOCK)
    tx = econ_funded.claim(sender=econ_node)
    assert econ_funded.settled_seasons() == 3
    assert tx.return_value == 3 * R
    assert econ_funded.SeasonsSettled(3, ECON_MIN, 3 * R) in tx.events


def test_claim__budget_short__pays_what_is_funded(econ_pool, pools_funder, econ_node, econ_genesis, chain):
    """With half a season funded, season 0 pays that half and season 1 nothing; a claim never reverts
    for lack of budget, and a later fund pays later seasons only."""
    econ_pool.fund(R // 2, sender=pools_funder)
    at(chain, econ_genesis, 0, RAISING)
    econ_pool.deposit(ECON_MIN, sender=econ_node)
    at(chain, econ_genesis, 1, SETTLEMENT)
    assert econ_pool.claim(sender=econ_node).return_value == R // 2
    assert econ_pool.unallocated() == 0
    econ_pool.fund(R, sender=pools_funder)
    with ape.reverts("economy_pool: nothing to claim"):
        econ_pool.claim(sender=econ_node)
    at(chain, econ_genesis, 2, SETTLEMENT)
    assert econ_pool.claim(sender=econ_node).return_value == R


def test_claim__season_without_deposits__budget_kept(econ_funded, econ_node, econ_genesis, chain):
    """A season nobody was locked in pays nobody: its reward stays in the budget."""
    at(chain, econ_genesis, 1, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    assert econ_funded.unallocated() == BUDGET
    at(chain, econ_genesis, 1, SETTLEMENT)
    assert econ_funded.claim(sender=econ_node).return_value == R
    assert econ_funded.unallocated() == BUDGET - R


def test_claim__odd_deposits__rounding_leaves_dust_in_the_pool(
    econ_funded, econ_node, econ_node2, econ_node3, econ_genesis, chain
):
    """Three deposits that do not divide the reward: each share rounds down, the sum never exceeds
    the season's reward, and what the index charged covers every claim."""
    at(chain, econ_genesis, 0, RAISING)
    for node, extra in ((econ_node, 1), (econ_node2, 7), (econ_node3, 13)):
        econ_funded.deposit(ECON_MIN + extra, sender=node)
    at(chain, econ_genesis, 0, SETTLEMENT)
    paid = sum(econ_funded.claim(sender=n).return_value for n in (econ_node, econ_node2, econ_node3))
    charged = BUDGET - econ_funded.unallocated()
    assert paid <= charged <= R
    assert econ_funded.outstanding() == BUDGET - paid


def test_claimable__zero_address__zero(econ_funded, econ_node, econ_genesis, chain):
    """The zero address keys the total's checkpoints; it is never a node and has nothing to claim."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    chain.mine(timestamp=econ_genesis + SETTLEMENT)
    assert econ_funded.claimable("0x0000000000000000000000000000000000000000") == 0
    assert econ_funded.claimable(econ_node) == R

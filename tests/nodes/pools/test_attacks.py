"""The failure modes of CPChain's own pool contracts, each shown not to happen here (docs/nodes.md,
threat model): a season bricked by withdraw(0) during the lock, deposits broken by force-sent tokens,
an administrator paying interest by looping over nodes."""

import ape

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import ECON_MIN, LOCK, RAISING, RNODE_MIN, SETTLEMENT, at

R = model.REWARD_PER_SEASON


def test_attack__withdraw_zero_during_lock__season_unaffected(
    econ_funded, econ_node, econ_node2, econ_genesis, chain
):
    """withdraw(0) in the lock reverts before reading or writing anything: no checkpoint, no settled
    season, and the season settles and pays exactly as if it had never been called."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    econ_funded.deposit(ECON_MIN, sender=econ_node2)
    checkpoints = econ_funded.numCheckpoints(econ_node2)
    at(chain, econ_genesis, 0, LOCK)
    with ape.reverts("economy_pool: zero amount"):
        econ_funded.withdraw(0, sender=econ_node2)
    with ape.reverts("economy_pool: zero amount"):
        econ_funded.deposit(0, sender=econ_node2)
    assert econ_funded.numCheckpoints(econ_node2) == checkpoints
    assert econ_funded.total_deposits() == 2 * ECON_MIN
    at(chain, econ_genesis, 0, SETTLEMENT)
    assert econ_funded.claim(sender=econ_node2).return_value == R // 2
    assert econ_funded.claim(sender=econ_node).return_value == R // 2
    at(chain, econ_genesis, 1, RAISING)
    econ_funded.withdraw(ECON_MIN, sender=econ_node2)  # the next season opens as usual


def test_attack__force_sent_cpc__deposits_and_claims_unchanged(
    econ_funded, rnode_pool, pools_cpc, econ_node, econ_node2, econ_genesis, chain
):
    """CPC sent straight to the pools (before and during a season) is only surplus: deposits,
    withdrawals, the season's split and every claim are exactly those without it."""
    pools_cpc.transfer(econ_funded, 10**18 + 3, sender=econ_node2)
    pools_cpc.transfer(rnode_pool, 10**18 + 3, sender=econ_node2)
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    rnode_pool.deposit(RNODE_MIN, sender=econ_node)
    at(chain, econ_genesis, 0, LOCK)
    pools_cpc.transfer(econ_funded, 5, sender=econ_node2)
    at(chain, econ_genesis, 0, SETTLEMENT)
    assert econ_funded.claim(sender=econ_node).return_value == R
    at(chain, econ_genesis, 1, RAISING)
    econ_funded.withdraw(ECON_MIN, sender=econ_node)
    rnode_pool.withdraw(RNODE_MIN, sender=econ_node)
    assert econ_funded.surplus() == 10**18 + 8
    assert rnode_pool.surplus() == 10**18 + 3
    assert econ_funded.total_deposits() == rnode_pool.total_deposits() == 0


def test_attack__no_admin_push__each_node_claims_its_own_at_the_same_cost(
    econ_funded, owner, pools_nodes, econ_genesis, chain
):
    """Nobody pays nodes one by one: a claim pays only its caller (the owner has nothing to claim and
    no function to pay others), leaves every other node's claimable untouched, and costs the same
    with one node or five in the pool (no loop over nodes)."""
    at(chain, econ_genesis, 0, RAISING)
    first, others = pools_nodes[0], pools_nodes[1:]
    econ_funded.deposit(ECON_MIN, sender=first)
    at(chain, econ_genesis, 0, SETTLEMENT)
    econ_funded.claim(sender=first)
    snapshot = chain.snapshot()
    at(chain, econ_genesis, 1, SETTLEMENT)
    alone = econ_funded.claim(sender=first).gas_used  # season 1, the only node
    chain.restore(snapshot)
    at(chain, econ_genesis, 1, RAISING)
    for node in others:
        econ_funded.deposit(ECON_MIN, sender=node)
    at(chain, econ_genesis, 1, SETTLEMENT)
    crowded = econ_funded.claim(sender=first)  # season 1, one node of five
    assert abs(crowded.gas_used - alone) <= alone // 100
    assert crowded.return_value == R // 5
    assert [econ_funded.claimable(n) for n in others] == [R // 5] * len(others)
    with ape.reverts("economy_pool: nothing to claim"):
        econ_funded.claim(sender=owner)

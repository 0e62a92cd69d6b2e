"""EconomyPool.surplus and sweep: force-sent CPC is a surplus only the owner moves."""

import ape

from tests.nodes.pools.conftest import BUDGET, ECON_MIN, RAISING, at

ZERO = "0x0000000000000000000000000000000000000000"


def test_sweep__force_sent_cpc__owner_recovers_exactly_it(
    econ_funded, pools_cpc, owner, pools_funder, econ_node, econ_genesis, chain
):
    """CPC transferred without `deposit`/`fund` is surplus; sweeping it leaves deposits and budget."""
    at(chain, econ_genesis, 0, RAISING)
    econ_funded.deposit(ECON_MIN, sender=econ_node)
    pools_cpc.transfer(econ_funded, 777, sender=econ_node)
    assert econ_funded.surplus() == 777
    tx = econ_funded.sweep(pools_funder, sender=owner)
    assert tx.return_value == 777
    assert econ_funded.Swept(pools_funder, 777) in tx.events
    assert econ_funded.surplus() == 0
    assert pools_cpc.balanceOf(econ_funded) == ECON_MIN + BUDGET


def test_sweep__no_surplus__reverts(econ_funded, owner, pools_funder):
    """Deposits and budget are never surplus."""
    with ape.reverts("economy_pool: no surplus"):
        econ_funded.sweep(pools_funder, sender=owner)


def test_sweep__non_owner__reverts(econ_pool, pools_cpc, non_owner, econ_node):
    """Only the owner sweeps."""
    pools_cpc.transfer(econ_pool, 1, sender=econ_node)
    with ape.reverts("ownable: caller is not the owner"):
        econ_pool.sweep(non_owner, sender=non_owner)


def test_sweep__zero_receiver__reverts(econ_pool, pools_cpc, owner, econ_node):
    """The surplus must go somewhere."""
    pools_cpc.transfer(econ_pool, 1, sender=econ_node)
    with ape.reverts("economy_pool: zero receiver"):
        econ_pool.sweep(ZERO, sender=owner)

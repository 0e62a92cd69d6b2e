"""NodeVotes: the CPC Governor's votes are each node's Economy Pool + RNode Pool deposits, checkpointed;
votes follow deposits (no delegation)."""

import ape
import pytest

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import ECON_MIN, RAISING, RNODE_MIN, at

ZERO = "0x0000000000000000000000000000000000000000"


def test_get_past_votes__deposits_in_both_pools__summed_at_each_timepoint(
    node_votes, econ_pool, rnode_pool, econ_node, econ_node2, econ_genesis, chain
):
    """Votes at each past timepoint are the sum of the node's deposits then; the total is the sum of
    the pools' totals, and the nodes' votes add up to it."""
    first = rnode_pool.deposit(RNODE_MIN, sender=econ_node)
    at(chain, econ_genesis, 0, RAISING)
    second = econ_pool.deposit(ECON_MIN, sender=econ_node)
    at(chain, econ_genesis, 0, RAISING + 1)
    third = econ_pool.deposit(3 * ECON_MIN, sender=econ_node2)
    at(chain, econ_genesis, 0, RAISING + 2)
    fourth = econ_pool.withdraw(ECON_MIN, sender=econ_node2)
    chain.mine(timestamp=fourth.timestamp + 1)
    expected = {
        first.timestamp: (RNODE_MIN, 0),
        second.timestamp: (RNODE_MIN + ECON_MIN, 0),
        third.timestamp: (RNODE_MIN + ECON_MIN, 3 * ECON_MIN),
        fourth.timestamp: (RNODE_MIN + ECON_MIN, 2 * ECON_MIN),
    }
    for t, (a, b) in expected.items():
        assert (node_votes.getPastVotes(econ_node, t), node_votes.getPastVotes(econ_node2, t)) == (a, b)
        assert node_votes.getPastTotalSupply(t) == a + b
    assert node_votes.getPastVotes(econ_node, first.timestamp - 1) == 0
    assert node_votes.getPastTotalSupply(first.timestamp - 1) == 0
    assert node_votes.getVotes(econ_node) == RNODE_MIN + ECON_MIN
    assert econ_pool.numCheckpoints(econ_node2) == 2


def test_get_past_votes__timepoint_not_past__reverts(node_votes, econ_pool, econ_node, chain):
    """Only past timepoints, as ERC-5805 requires (the pools check it too)."""
    now = chain.pending_timestamp
    with ape.reverts("node_votes: timepoint not yet past"):
        node_votes.getPastVotes(econ_node, now + 1000)
    with ape.reverts("node_votes: timepoint not yet past"):
        node_votes.getPastTotalSupply(now + 1000)
    with ape.reverts("deposit_votes: timepoint not yet past"):
        econ_pool.getPastVotes(econ_node, now + 1000)


def test_get_past_votes__the_head_s_own_second__refused_by_node_votes_itself(node_votes, econ_node, chain):
    """The head's own second is not yet past: NodeVotes refuses it with its own reason, before
    asking the pools (which would refuse it too, with theirs)."""
    chain.mine(deltatime=5)
    head = chain.blocks.head.timestamp
    with ape.reverts("node_votes: timepoint not yet past"):
        node_votes.getPastVotes(econ_node, head)
    with ape.reverts("node_votes: timepoint not yet past"):
        node_votes.getPastTotalSupply(head)


def test_delegates__any_account__itself(node_votes, econ_node):
    """Every account is its own delegatee."""
    assert node_votes.delegates(econ_node) == econ_node


def test_delegate__any_call__reverts(node_votes, econ_node):
    """Votes follow deposits: delegation is refused."""
    with ape.reverts("node_votes: votes follow deposits"):
        node_votes.invoke_transaction("delegate", econ_node, sender=econ_node)
    with ape.reverts("node_votes: votes follow deposits"):
        node_votes.delegateBySig(econ_node, 0, 2**40, 27, b"\x01" * 32, b"\x01" * 32, sender=econ_node)


def test_clock__any_time__timestamp(node_votes, econ_pool, rnode_pool, chain):
    """ERC-6372 clock: the timestamp, as the pools'."""
    assert node_votes.clock() == econ_pool.clock() == chain.blocks.head.timestamp
    assert node_votes.CLOCK_MODE() == "mode=timestamp"
    assert node_votes.economy_pool() == econ_pool
    assert node_votes.rnode_pool() == rnode_pool


@pytest.mark.parametrize("which", ["economy", "rnode"])
def test_constructor__zero_pool__reverts(project, deployer, econ_pool, which):
    """Both pools must be set."""
    args = (ZERO, econ_pool) if which == "economy" else (econ_pool, ZERO)
    with ape.reverts(f"node_votes: zero {which} pool"):
        project.NodeVotes.deploy(*args, sender=deployer)


def test_governor__cpc_instance__vote_weight_is_deposits(
    project, deployer, node_votes, econ_pool, rnode_pool, econ_node, econ_genesis, chain
):
    """A Governor with NodeVotes as its votes source: a node proposes and votes with the weight of
    its deposits in both pools at the snapshot."""
    rnode_pool.deposit(RNODE_MIN, sender=econ_node)
    at(chain, econ_genesis, 0, RAISING)
    econ_pool.deposit(ECON_MIN, sender=econ_node)
    predicted = deployer.get_deployment_address(deployer.nonce + 1)
    timelock = project.Timelock.deploy(2 * model.DAY, predicted, ZERO, sender=deployer)
    governor = project.Governor.deploy(
        node_votes, timelock, 3_600, 3 * model.DAY, ECON_MIN, 400, 7 * model.DAY, ZERO, sender=deployer
    )
    chain.mine(timestamp=chain.pending_timestamp + 10)
    calldata = bytes(governor.set_voting_delay.encode_input(7_200))
    proposal_id = governor.propose([governor], [0], [calldata], "cpc", sender=econ_node).return_value
    chain.pending_timestamp = chain.pending_timestamp + 3_601
    tx = governor.castVote(proposal_id, 1, sender=econ_node)
    assert tx.return_value == RNODE_MIN + ECON_MIN

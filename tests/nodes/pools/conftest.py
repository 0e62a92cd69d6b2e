"""Node pools fixtures: CPC minted once, an Economy Pool whose season 0 starts a day after deployment,
an RNode Pool with a stand-in proposer committee, NodeVotes over both, and actors by role.

Deployments are module-scoped: ape snapshots each fixture scope and reverts every test to it.
"""

import pytest

from fivefold.nodes import model_pools as model
from fivefold.units import to_wei

CPC_SUPPLY = to_wei(1_000_000_000)
NODE_BALANCE = to_wei(10_000_000)  # each node's CPC
BUDGET = 4 * model.REWARD_PER_SEASON  # four seasons' reward, funded in `econ_funded`
ECON_MIN = model.ECONOMY_MIN_DEPOSIT
RNODE_MIN = model.RNODE_MIN_DEPOSIT


@pytest.fixture(scope="module")
def econ_node(accounts):
    return accounts[4]


@pytest.fixture(scope="module")
def econ_node2(accounts):
    return accounts[5]


@pytest.fixture(scope="module")
def econ_node3(accounts):
    return accounts[6]


@pytest.fixture(scope="module")
def pools_outsider(accounts):
    """An account that holds no CPC and deposited nothing."""
    return accounts[7]


@pytest.fixture(scope="module")
def pools_nodes(accounts):
    """Every node account (each holds NODE_BALANCE CPC and approved both pools)."""
    return [accounts[i] for i in (4, 5, 6, 8, 9)]


@pytest.fixture(scope="module")
def pools_funder(accounts):
    """The treasury: holds the community allocation, funds the reward budget."""
    return accounts[2]


@pytest.fixture(scope="module")
def pools_cpc(project, chain, owner, pools_nodes, pools_funder):
    """CPC minted once: NODE_BALANCE per node, the rest to the treasury."""
    token = project.CappedToken.deploy(
        "CPChain", "CPC", CPC_SUPPLY, owner, "CPChain", "1", chain.chain_id, sender=owner
    )
    holders = [n.address for n in pools_nodes] + [pools_funder.address]
    rest = CPC_SUPPLY - NODE_BALANCE * len(pools_nodes)
    token.initialize_supply(holders, [NODE_BALANCE] * len(pools_nodes) + [rest], sender=owner)
    return token


@pytest.fixture(scope="module")
def econ_genesis(chain):
    """Season 0 starts a day after the module's first block."""
    return chain.pending_timestamp + model.DAY


@pytest.fixture(scope="module")
def econ_pool(project, deployer, owner, pools_cpc, econ_genesis, pools_nodes, pools_funder):
    """The Economy Pool, nothing funded; every node and the treasury approved it."""
    pool = project.EconomyPool.deploy(pools_cpc, econ_genesis, owner, sender=deployer)
    for account in [*pools_nodes, pools_funder]:
        pools_cpc.approve(pool, 2**256 - 1, sender=account)
    return pool


@pytest.fixture(scope="module")
def rnode_committee(project, deployer):
    """A stand-in for the proposer committee: tests set `locked_until` per node."""
    return project.NodesMockCommittee.deploy(sender=deployer)


@pytest.fixture(scope="module")
def rnode_pool(project, deployer, owner, pools_cpc, pools_nodes, rnode_committee):
    """The RNode Pool with the stand-in committee set; every node approved it."""
    pool = project.RNodePool.deploy(pools_cpc, owner, sender=deployer)
    pool.set_committee(rnode_committee, sender=owner)
    for account in pools_nodes:
        pools_cpc.approve(pool, 2**256 - 1, sender=account)
    return pool


@pytest.fixture(scope="module")
def node_votes(project, deployer, econ_pool, rnode_pool):
    return project.NodeVotes.deploy(econ_pool, rnode_pool, sender=deployer)


@pytest.fixture(scope="module", autouse=True)
def pools_deployed(node_votes, econ_pool, rnode_pool, deployer, owner, non_owner, pools_outsider):
    """Deploys every module-scoped fixture first in each module, so ape's per-test snapshots never
    have to be rebased under a module fixture created later."""
    return node_votes


@pytest.fixture
def econ_funded(econ_pool, pools_funder):
    """`econ_pool` with BUDGET funded (before genesis)."""
    econ_pool.fund(BUDGET, sender=pools_funder)
    return econ_pool


def at(chain, genesis, season=0, offset=0):
    """Makes the next transaction land `offset` seconds into season `season`."""
    chain.pending_timestamp = genesis + season * model.SEASON + offset


def mine_at(chain, genesis, season=0, offset=0):
    """Mines an empty block `offset` seconds into season `season` (for views)."""
    chain.mine(timestamp=genesis + season * model.SEASON + offset)


RAISING = model.DAY  # an offset inside raising
LOCK = 10 * model.DAY  # inside the lock
SETTLEMENT = model.SETTLEMENT_START + 1  # inside the settlement

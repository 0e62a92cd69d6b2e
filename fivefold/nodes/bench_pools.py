"""Gas of the node pools (see fivefold/gas.py): an economy node's deposit and claim, the claim again with
1,000 other nodes in the pool (O(1): it must cost what the claim costs), an RNode's deposit and
withdrawal.

Setting: CPC minted once (1e9) to the treasury and two nodes; the Economy Pool funded with 5,000,000 CPC
(four seasons); season 0's raising has begun; another node (user 1) deposited 100,000 CPC in each pool
before the measured node. The issue names no figure but the 1,000-node claim's (equal to the claim's
within 1%, checked by `not_above`); each target is this part's own ceiling, a little above the measured
figure (2026-12-02: deposit 102,226, claim 80,961 with or without 1,000 other nodes, RNode deposit
96,306, RNode withdrawal 102,254). 2026-12-03, the checkpoints in the shared module
contracts/shared/checkpoints.vy (the history and the search written once with Staking) and the head
word through one `_pack`/`_unpack` pair: deposit 102,983, RNode deposit 97,085, RNode withdrawal
103,072 (+0.7 to +0.8%: each of the two checkpoint writes calls the module and packs through a
struct; direct shifts in `_write` would cost +0.2%), claim unchanged.
"""

from fivefold.gas import Bench, operation
from fivefold.nodes import model_pools as model
from fivefold.tokens.bench import capped_token
from fivefold.units import to_wei

CPC_SUPPLY = to_wei(1_000_000_000)
BUDGET = 4 * model.REWARD_PER_SEASON
NODE_BALANCE = to_wei(1_000_000)
OTHER_DEPOSIT = to_wei(100_000)
ECONOMY_DEPOSIT = model.ECONOMY_MIN_DEPOSIT
RNODE_DEPOSIT = model.RNODE_MIN_DEPOSIT
OTHER_NODES = 1_000
NODE_BATCH = 100  # 100 deposits of about 150,000 gas each: well inside a block


def _cpc(b: Bench):
    """CPC minted once: the treasury holds the rest, users 0 and 1 NODE_BALANCE each."""
    cpc = capped_token(b, "CPChain", "CPC", CPC_SUPPLY)
    cpc.initialize_supply(
        [b.treasury.address, b.user(0).address, b.user(1).address],
        [CPC_SUPPLY - 2 * NODE_BALANCE, NODE_BALANCE, NODE_BALANCE],
        sender=b.owner,
    )
    return cpc


def _economy(b: Bench, other_nodes: int = 0):
    """The Economy Pool in season 0's raising, funded, user 1 deposited; with `other_nodes` more
    distinct nodes (NodesBatchDepositor), each depositing the minimum."""
    cpc = _cpc(b)
    genesis = b.chain.pending_timestamp + 60
    pool = b.project.EconomyPool.deploy(cpc, genesis, b.owner, sender=b.deployer)
    for account in (b.treasury, b.user(0), b.user(1)):
        cpc.approve(pool, 2**256 - 1, sender=account)
    pool.fund(BUDGET, sender=b.treasury)
    b.chain.pending_timestamp = genesis + 1
    pool.deposit(OTHER_DEPOSIT, sender=b.user(1))
    if other_nodes:
        account = b.project.NodesDepositorAccount.deploy(sender=b.deployer)
        batcher = b.project.NodesBatchDepositor.deploy(account, sender=b.deployer)
        cpc.transfer(batcher, other_nodes * ECONOMY_DEPOSIT, sender=b.treasury)
        for _ in range(other_nodes // NODE_BATCH):
            batcher.deposit_many(NODE_BATCH, cpc, pool, ECONOMY_DEPOSIT, sender=b.deployer, gas=25_000_000)
        assert batcher.created() == other_nodes
    return cpc, pool, genesis


@operation(
    "pool.economy.deposit",
    "a node's first deposit (20,000 CPC) in season 0's raising, a minute after another node's: no "
    "season to settle, node word settled, a first checkpoint for the node, a new one for the total",
    target=105_000,
)
def economy_deposit(b: Bench):
    _, pool, _ = _economy(b)
    b.chain.pending_timestamp = b.chain.pending_timestamp + 60
    return pool.deposit(ECONOMY_DEPOSIT, sender=b.user(0))


def _claim(b: Bench, other_nodes: int):
    """User 0 deposited in season 0's raising; the first claim once its settlement has begun, which
    settles season 0 for the whole pool (index and book words written) and pays the node's share."""
    _, pool, genesis = _economy(b, other_nodes)
    pool.deposit(ECONOMY_DEPOSIT, sender=b.user(0))
    b.chain.pending_timestamp = genesis + model.SETTLEMENT_START + 1
    return pool.claim(sender=b.user(0))


@operation(
    "pool.economy.claim",
    "first claim of season 0 (by a node that deposited 20,000 CPC in its raising), the first touch "
    "since its settlement began: the season settled for the pool, the node's share paid to a node "
    "whose CPC balance is not zero",
    target=85_000,
)
def economy_claim(b: Bench):
    return _claim(b, 0)


@operation(
    "pool.economy.claim.1000nodes",
    f"pool.economy.claim with {OTHER_NODES:,} other nodes in the pool (distinct accounts, deposited "
    "by NodesBatchDepositor): a claim reads only the node's and the pool's words, so it costs what "
    "pool.economy.claim costs",
    not_above="pool.economy.claim",
)
def economy_claim_1000nodes(b: Bench):
    return _claim(b, OTHER_NODES)


def _rnode(b: Bench):
    """The RNode Pool with a proposer committee (NodesMockCommittee: nobody held to a term) and
    user 1's deposit."""
    cpc = _cpc(b)
    pool = b.project.RNodePool.deploy(cpc, b.owner, sender=b.deployer)
    committee = b.project.NodesMockCommittee.deploy(sender=b.deployer)
    pool.set_committee(committee, sender=b.owner)
    for account in (b.user(0), b.user(1)):
        cpc.approve(pool, 2**256 - 1, sender=account)
    pool.deposit(OTHER_DEPOSIT * 2, sender=b.user(1))
    return pool


@operation(
    "pool.rnode.deposit",
    "an RNode's first deposit (200,000 CPC), a minute after another RNode's: a first checkpoint for "
    "the node, a new one for the total, the unlock time in the node's checkpoint word",
    target=100_000,
)
def rnode_deposit(b: Bench):
    pool = _rnode(b)
    b.chain.pending_timestamp = b.chain.pending_timestamp + 60
    return pool.deposit(RNODE_DEPOSIT, sender=b.user(0))


@operation(
    "pool.rnode.withdraw",
    "an RNode withdraws its whole 200,000 CPC once the 100-minute lock is over; the committee is set "
    "and holds it to no term (one locked_until read)",
    target=105_000,
)
def rnode_withdraw(b: Bench):
    pool = _rnode(b)
    pool.deposit(RNODE_DEPOSIT, sender=b.user(0))
    b.chain.pending_timestamp = b.chain.pending_timestamp + model.DEFAULT_LOCK_MINUTES * 60
    return pool.withdraw(RNODE_DEPOSIT, sender=b.user(0))

# pragma version ~=0.4.3
"""
@title CPC votes: economy-node and RNode deposits, summed
@custom:contract-name NodeVotes
@license GNU Affero General Public License v3.0 only
@notice The votes source (interfaces/IVotes.vyi) of the CPC instance of
        the governance contracts: a node's voting power at a timepoint is
        its Economy Pool deposit plus its RNode Pool deposit at that
        timepoint, and the total is the sum of the two pools' totals.
        Both pools checkpoint every deposit and withdrawal on the same
        timestamp clock, so
          sum_n getPastVotes(n, t) == getPastTotalSupply(t)
        holds at every timepoint. Votes follow deposits: every account
        is its own delegatee and `delegate`/`delegateBySig` revert (a
        node that wants another to vote for it moves its CPC, not its
        votes). Stateless: no owner, nothing to configure.
@custom:security Reads only; the pools are fixed at deployment.
@custom:kill Nothing to stop: it holds nothing. Governance replaces the
        Governor's votes source by deploying another Governor.
"""


from contracts.shared import checkpoints
from interfaces import IEconomyPool
from interfaces import INodeVotes
from interfaces import IRNodePool
from interfaces import IVotes

implements: INodeVotes
implements: IVotes


exports: (
    # ERC-6372 clock, the pools' (contracts/shared/checkpoints.vy; nothing of its state is used, so
    # it needs no `initializes:`).
    checkpoints.clock,
    checkpoints.CLOCK_MODE,
)


# @dev The Economy Pool.
economy_pool: public(immutable(address))
# @dev The RNode Pool.
rnode_pool: public(immutable(address))


@deploy
def __init__(economy_pool_: address, rnode_pool_: address):
    """
    @dev Fixes the two pools.
    @param economy_pool_ The Economy Pool.
    @param rnode_pool_ The RNode Pool.
    """
    assert economy_pool_ != empty(address), "node_votes: zero economy pool"
    assert rnode_pool_ != empty(address), "node_votes: zero rnode pool"
    economy_pool = economy_pool_
    rnode_pool = rnode_pool_


@external
@view
def getVotes(account: address) -> uint256:
    """
    @notice The voting power `account` holds now: its deposits in both
            pools.
    @param account The node.
    @return uint256 The votes, in wei of CPC.
    """
    return staticcall IEconomyPool(economy_pool).getVotes(account) + staticcall IRNodePool(
        rnode_pool
    ).getVotes(account)


@external
@view
def getPastVotes(account: address, timepoint: uint256) -> uint256:
    """
    @notice The deposits `account` had in both pools at `timepoint`.
    @param account The node.
    @param timepoint A timestamp strictly before `clock()`.
    @return uint256 The votes, in wei of CPC.
    """
    assert timepoint < block.timestamp, "node_votes: timepoint not yet past"
    return staticcall IEconomyPool(economy_pool).getPastVotes(
        account, timepoint
    ) + staticcall IRNodePool(rnode_pool).getPastVotes(account, timepoint)


@external
@view
def getPastTotalSupply(timepoint: uint256) -> uint256:
    """
    @notice Both pools' total deposits at `timepoint`.
    @param timepoint A timestamp strictly before `clock()`.
    @return uint256 The total, in wei of CPC.
    """
    assert timepoint < block.timestamp, "node_votes: timepoint not yet past"
    return staticcall IEconomyPool(economy_pool).getPastTotalSupply(
        timepoint
    ) + staticcall IRNodePool(rnode_pool).getPastTotalSupply(timepoint)


@external
@view
def delegates(account: address) -> address:
    """
    @notice Whom `account`'s votes count for: always itself.
    @param account The node.
    @return address `account`.
    """
    return account


@external
def delegate(delegatee: address):
    """
    @notice Always reverts: votes follow deposits.
    @param delegatee Ignored.
    """
    raise "node_votes: votes follow deposits"


@external
def delegateBySig(
    delegatee: address,
    nonce: uint256,
    expiry: uint256,
    v: uint8,
    r: bytes32,
    s: bytes32,
):
    """
    @notice Always reverts: votes follow deposits.
    @param delegatee Ignored.
    @param nonce Ignored.
    @param expiry Ignored.
    @param v Ignored.
    @param r Ignored.
    @param s Ignored.
    """
    raise "node_votes: votes follow deposits"

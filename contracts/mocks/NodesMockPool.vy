# pragma version ~=0.4.3
"""
@title NodesMockPool: a test double of a CPChain deposit pool
@custom:contract-name NodesMockPool
@license GNU Affero General Public License v3.0 only
@notice Stands in for the EconomyPool and the RNodePool in the
        committee's tests: anyone sets a node's deposit (`set_deposit`),
        no token moves. Deposits are kept by the pools' own checkpoint
        module (contracts/nodes/deposit_votes.vy), so `deposit_of`,
        `getPastVotes` and the rest of the pools' read ABI behave as the
        real pools': a deposit set in a block counts for a past read only
        from the next second on.
"""


from contracts.nodes import deposit_votes

initializes: deposit_votes


exports: (
    # The pools' read ABI: deposit_of, total_deposits, getVotes, getPastVotes, getPastTotalSupply,
    # numCheckpoints, clock, CLOCK_MODE.
    deposit_votes.__interface__,
)


# @dev The token the pool stands for (Reputation checks it is CPC).
cpc: public(immutable(address))


@deploy
def __init__(cpc_: address):
    """
    @dev Fixes the token the pool claims to hold.
    @param cpc_ The CPC token.
    """
    cpc = cpc_


@external
def set_deposit(node: address, amount: uint256):
    """
    @dev Sets `node`'s deposit as of now, checkpointed (test double: no
         access control, no token).
    @param node The node.
    @param amount Its deposit, in wei.
    """
    d: uint256 = deposit_votes._value_of(node)
    total: uint256 = deposit_votes._value_of(deposit_votes._TOTAL)
    if amount >= d:
        deposit_votes._change(node, d, total, amount - d, True, 0)
    else:
        deposit_votes._change(node, d, total, d - amount, False, 0)

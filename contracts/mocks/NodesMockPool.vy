# pragma version ~=0.4.3
"""
@title NodesMockPool: a test double of a CPChain deposit pool
@custom:contract-name NodesMockPool
@license GNU Affero General Public License v3.0 only
@notice Stands in for the EconomyPool and the RNodePool (branch
        nodes-pools) in the committee's tests: anyone sets a node's
        deposit (`set_deposit`); `deposit_of` and `total_deposits` are the
        fixed cross-part ABI. It holds no tokens.
"""


# @dev CPC each node has in the pool, in wei.
deposit_of: public(HashMap[address, uint256])
# @dev The sum of `deposit_of` over all nodes.
total_deposits: public(uint256)


@external
def set_deposit(node: address, amount: uint256):
    """
    @dev Sets `node`'s deposit (test double: no access control).
    @param node The node.
    @param amount Its deposit, in wei.
    """
    self.total_deposits = self.total_deposits - self.deposit_of[node] + amount
    self.deposit_of[node] = amount

# pragma version ~=0.4.3
"""
@title Test helper: many distinct economy nodes in one transaction
@custom:contract-name NodesBatchDepositor
@license GNU Affero General Public License v3.0 only
@notice Gas bench only (`pool.economy.claim.1000nodes`). Each node is a
        real, distinct account: a minimal proxy of `NodesDepositorAccount`
        that receives its CPC and deposits it through the ordinary
        `deposit`. The batch only saves transactions, not work: every
        deposit costs what a node's would.
"""


from ethereum.ercs import IERC20


interface IAccount:
    def deposit(token: address, pool: address, amount: uint256): nonpayable


MAX_BATCH: constant(uint256) = 500


# @dev The account implementation proxies point at.
implementation: public(immutable(address))
# @dev Nodes created so far.
created: public(uint256)


@deploy
def __init__(implementation_: address):
    """
    @dev Fixes the account implementation.
    @param implementation_ A deployed `NodesDepositorAccount`.
    """
    implementation = implementation_


@external
def deposit_many(count: uint256, token: address, pool: address, amount: uint256):
    """
    @dev Creates `count` nodes, each depositing `amount` of `token`; this
         contract must hold count x amount.
    @param count How many nodes.
    @param token CPC.
    @param pool The pool.
    @param amount Each node's deposit.
    """
    for i: uint256 in range(count, bound=MAX_BATCH):
        account: address = create_minimal_proxy_to(implementation)
        extcall IERC20(token).transfer(account, amount)
        extcall IAccount(account).deposit(token, pool, amount)
    self.created += count

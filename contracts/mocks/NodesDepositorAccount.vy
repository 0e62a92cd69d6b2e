# pragma version ~=0.4.3
"""
@title Test helper: one node behind a minimal proxy
@custom:contract-name NodesDepositorAccount
@license GNU Affero General Public License v3.0 only
@notice Gas bench only; see NodesBatchDepositor.
"""


interface IERC20:
    def approve(spender: address, amount: uint256) -> bool: nonpayable


interface IPool:
    def deposit(amount: uint256): nonpayable


@external
def deposit(token: address, pool: address, amount: uint256):
    """
    @dev Deposits `amount` of `token`, which this account already holds, for itself.
    @param token CPC.
    @param pool The pool.
    @param amount The deposit.
    """
    extcall IERC20(token).approve(pool, amount)
    extcall IPool(pool).deposit(amount)

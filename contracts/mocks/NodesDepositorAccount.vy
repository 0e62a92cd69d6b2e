# pragma version ~=0.4.3
"""
@title Test helper: one node behind a minimal proxy
@custom:contract-name NodesDepositorAccount
@license GNU Affero General Public License v3.0 only
@notice Gas bench only; see NodesBatchDepositor.
"""


from ethereum.ercs import IERC20
from interfaces import IEconomyPool


@external
def deposit(token: address, pool: address, amount: uint256):
    """
    @dev Deposits `amount` of `token`, which this account already holds, for itself.
    @param token CPC.
    @param pool The pool.
    @param amount The deposit.
    """
    extcall IERC20(token).approve(pool, amount)
    extcall IEconomyPool(pool).deposit(amount)

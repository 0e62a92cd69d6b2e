# pragma version ~=0.4.3
"""
@title Test helper: a 6-decimal stablecoin with open minting
@custom:contract-name MockStablecoin6
@license GNU Affero General Public License v3.0 only
@notice Local chains only: stands for USDT/USDC (6 decimals) in the lending
        markets. Anyone may mint.
"""

from ethereum.ercs import IERC20

implements: IERC20

from snekmate.auth import ownable
from snekmate.tokens import erc20

initializes: ownable
initializes: erc20[ownable := ownable]

exports: (
    erc20.totalSupply,
    erc20.balanceOf,
    erc20.allowance,
    erc20.name,
    erc20.symbol,
    erc20.decimals,
    erc20.transfer,
    erc20.transferFrom,
    erc20.approve,
)


@deploy
def __init__():
    ownable.__init__()
    erc20.__init__("Mock USD", "mUSD", 6, "Mock USD", "1")


@external
def mint(to: address, amount: uint256):
    """
    @dev Open mint (local chains only).
    @param to The receiver.
    @param amount The amount.
    """
    erc20._mint(to, amount)

# pragma version ~=0.4.3
"""
@title Test helper: a WETH9-like wrapped native coin
@custom:contract-name MockWrappedNative
@license GNU Affero General Public License v3.0 only
@notice Local chains only: `deposit` wraps the native coin 1:1,
        `withdraw` unwraps it (sent with all gas, like WETH9's transfer
        would not: receivers may be contracts).
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
    erc20.__init__("Wrapped Native", "WNAT", 18, "Wrapped Native", "1")


@external
@payable
def __default__():
    erc20._mint(msg.sender, msg.value)


@external
@payable
def deposit():
    """
    @dev Wraps msg.value.
    """
    erc20._mint(msg.sender, msg.value)


@external
def withdraw(wad: uint256):
    """
    @dev Unwraps `wad` to the caller.
    @param wad The amount.
    """
    erc20._burn(msg.sender, wad)
    raw_call(msg.sender, b"", value=wad)

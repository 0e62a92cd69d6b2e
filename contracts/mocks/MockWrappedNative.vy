# pragma version ~=0.4.3
"""
@title Test helper: a WETH9-like wrapped native coin
@custom:contract-name MockWrappedNative
@license GNU Affero General Public License v3.0 only
@notice Local chains only: `deposit` wraps the native coin 1:1,
        `withdraw` unwraps it (sent with all gas, like WETH9's transfer
        would not: receivers may be contracts).
"""

from . import mock_erc20

initializes: mock_erc20

exports: mock_erc20.__interface__


@deploy
def __init__():
    mock_erc20.__init__("Wrapped Native", "WNAT", 18)


@external
@payable
def __default__():
    mock_erc20.erc20._mint(msg.sender, msg.value)


@external
@payable
def deposit():
    """
    @dev Wraps msg.value.
    """
    mock_erc20.erc20._mint(msg.sender, msg.value)


@external
def withdraw(wad: uint256):
    """
    @dev Unwraps `wad` to the caller.
    @param wad The amount.
    """
    mock_erc20.erc20._burn(msg.sender, wad)
    raw_call(msg.sender, b"", value=wad)

# pragma version ~=0.4.3
"""
@title The local ERC-20 doubles' token: snekmate's erc20, its ERC-20 functions exported
@custom:contract-name mock_erc20
@license GNU Affero General Public License v3.0 only
@notice A module of MockStablecoin and MockWrappedNative (local chains and
        tests only). A host initializes it, exports `mock_erc20.__interface__`
        (the nine ERC-20 functions below) and mints or burns through
        `mock_erc20.erc20`. Their runtime bytecode is what it was when each
        held this code itself: the gas benches' figures do not move.
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
def __init__(name_: String[25], symbol_: String[5], decimals_: uint8):
    """
    @dev A token with no supply; `name_` also names its EIP-712 domain (version "1").
    @param name_ The name.
    @param symbol_ The symbol.
    @param decimals_ The decimals.
    """
    ownable.__init__()
    erc20.__init__(name_, symbol_, decimals_, name_, "1")

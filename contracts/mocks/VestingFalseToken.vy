# pragma version ~=0.4.3
"""
@title Test token whose transfers fail quietly
@custom:contract-name VestingFalseToken
@license GNU Affero General Public License v3.0 only
@notice Test-only: `transfer` returns False instead of reverting, as some
        non-standard ERC-20s do, so tests can reach VestingVault's
        "vesting: transfer failed" check. Balances are set directly.
"""


# @dev Balances, set by `set_balance`; never moved.
balanceOf: public(HashMap[address, uint256])


@external
def set_balance(holder: address, amount: uint256):
    """
    @dev Sets `holder`'s balance (anyone; test-only).
    @param holder The account.
    @param amount The balance, in wei.
    """
    self.balanceOf[holder] = amount


@external
def transfer(to: address, amount: uint256) -> bool:
    """
    @dev Moves nothing and reports failure.
    @param to Ignored.
    @param amount Ignored.
    @return bool Always False.
    """
    return False


@external
def transferFrom(sender: address, to: address, amount: uint256) -> bool:
    """
    @dev Moves nothing and reports failure (MTokenVault's seeding test).
    @param sender Ignored.
    @param to Ignored.
    @param amount Ignored.
    @return bool Always False.
    """
    return False

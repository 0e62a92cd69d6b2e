# pragma version ~=0.4.3
"""
@title Test double: an ERC-3156 flash lender of one token, fee zero
@custom:contract-name FlashLender
@license GNU Affero General Public License v3.0 only
@notice What Beanstalk's attacker borrowed from (Aave, dYdX, Uniswap flash
        swaps all follow this shape): lend the whole balance for one call,
        take it back at the end of the same transaction, revert otherwise.
        Tests only (tests/governance/test_flash_vote.py).
"""


from ethereum.ercs import IERC20


interface IERC3156FlashBorrower:
    def onFlashLoan(initiator: address, token: address, amount: uint256, fee: uint256, data: Bytes[1024]) -> bytes32: nonpayable


# keccak256("ERC3156FlashBorrower.onFlashLoan"), what a borrower returns to accept.
CALLBACK_SUCCESS: constant(bytes32) = keccak256("ERC3156FlashBorrower.onFlashLoan")


# @dev The token lent.
token: public(immutable(address))


@deploy
def __init__(token_: address):
    token = token_


@external
@view
def maxFlashLoan(token_: address) -> uint256:
    """
    @dev The lender's whole balance of its token, else 0.
    """
    if token_ != token:
        return 0
    return staticcall IERC20(token).balanceOf(self)


@external
@view
def flashFee(token_: address, amount: uint256) -> uint256:
    """
    @dev Zero: the attack costs only gas.
    """
    assert token_ == token, "flash_lender: unsupported token"
    return 0


@external
def flashLoan(receiver: address, token_: address, amount: uint256, data: Bytes[1024]) -> bool:
    """
    @dev Sends `amount` to `receiver`, calls its `onFlashLoan`, then pulls
         `amount` back (the receiver approved it).
    """
    assert token_ == token, "flash_lender: unsupported token"
    assert extcall IERC20(token).transfer(receiver, amount, default_return_value=True), "flash_lender: transfer failed"
    result: bytes32 = extcall IERC3156FlashBorrower(receiver).onFlashLoan(msg.sender, token, amount, 0, data)
    assert result == CALLBACK_SUCCESS, "flash_lender: callback failed"
    assert extcall IERC20(token).transferFrom(receiver, self, amount, default_return_value=True), "flash_lender: repay failed"
    return True

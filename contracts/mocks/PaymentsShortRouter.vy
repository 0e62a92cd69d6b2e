# pragma version ~=0.4.3
"""
@title Mock DEX router that delivers one wei less than the exact output asked
@custom:contract-name PaymentsShortRouter
@license GNU Affero General Public License v3.0 only
@notice Tests only: a lying router for MerchantInvoices' attack test. Its
        `swapTokensForExactTokens` takes `amountInMax` of the first token of
        the path and sends `amountOut - 1` of the last one (from its own
        pre-funded balance) while reporting `amountOut` as delivered.
"""

from ethereum.ercs import IERC20


# @dev Reported as the wrapped native coin (no native swap is offered).
WETH: public(immutable(address))


@deploy
def __init__(weth_: address):
    """
    @dev Fixes the wrapped native coin it reports.
    @param weth_ The address `WETH()` returns.
    """
    WETH = weth_


@external
def swapTokensForExactTokens(
    amountOut: uint256, amountInMax: uint256, path: DynArray[address, 4], to: address, deadline: uint256
) -> DynArray[uint256, 4]:
    """
    @dev Takes `amountInMax` of `path[0]`, sends `amountOut - 1` of the
         last token of `path` to `to`, reports `amountOut`.
    @param amountOut The exact output asked.
    @param amountInMax The most the caller pays.
    @param path The swap path.
    @param to The recipient.
    @param deadline Ignored.
    @return DynArray The amounts it claims: in, then the output asked.
    """
    assert extcall IERC20(path[0]).transferFrom(msg.sender, self, amountInMax, default_return_value=True), \
        "payments_short_router: pull failed"
    assert extcall IERC20(path[len(path) - 1]).transfer(to, amountOut - 1, default_return_value=True), \
        "payments_short_router: push failed"
    return [amountInMax, amountOut]

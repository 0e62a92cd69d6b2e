# pragma version ~=0.4.3
"""
@title Test helper: one borrower account behind a minimal proxy
@custom:contract-name LendingBorrowerAccount
@license GNU Affero General Public License v3.0 only
@notice Gas bench only; see LendingBatchBorrower.
"""


interface IMarket:
    def borrow(amount: uint256, receiver: address): nonpayable


interface IController:
    def enter_markets(markets_: DynArray[address, 8]): nonpayable


interface IMarketController:
    def controller() -> address: view


@external
def open(collateral_market: address, borrow_market: address, borrow_amount: uint256, receiver: address):
    """
    @dev Enables the collateral (already deposited for this account) and
         borrows against it.
    """
    extcall IController(staticcall IMarketController(collateral_market).controller()).enter_markets([collateral_market])
    extcall IMarket(borrow_market).borrow(borrow_amount, receiver)

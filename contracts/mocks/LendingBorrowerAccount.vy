# pragma version ~=0.4.3
"""
@title Test helper: one borrower account behind a minimal proxy
@custom:contract-name LendingBorrowerAccount
@license GNU Affero General Public License v3.0 only
@notice Gas bench only; see LendingBatchBorrower.
"""


interface IERC20:
    def approve(spender: address, amount: uint256) -> bool: nonpayable


interface IMarket:
    def deposit(assets: uint256, receiver: address) -> uint256: nonpayable
    def borrow(amount: uint256, receiver: address): nonpayable


interface IController:
    def enter_markets(markets_: DynArray[address, 8]): nonpayable


interface IMarketController:
    def controller() -> address: view


@external
def open(collateral: address, collateral_market: address, borrow_market: address, amount_in: uint256, borrow_amount: uint256):
    extcall IERC20(collateral).approve(collateral_market, amount_in)
    extcall IMarket(collateral_market).deposit(amount_in, self)
    extcall IController(staticcall IMarketController(collateral_market).controller()).enter_markets([collateral_market])
    extcall IMarket(borrow_market).borrow(borrow_amount, self)

# pragma version ~=0.4.3
"""
@title Test helper: opens many small borrow positions in one transaction
@custom:contract-name LendingBatchBorrower
@license GNU Affero General Public License v3.0 only
@notice Gas bench only (`lending.borrow.1000users`). Each position is a
        real, distinct account: a minimal proxy of `LendingBorrowerAccount`
        that supplies collateral, enters the collateral market and borrows
        through the ordinary external functions. The batch only saves
        transactions, not work: every position costs what a user's would.
"""


interface IAccount:
    def open(collateral: address, collateral_market: address, borrow_market: address, amount_in: uint256, borrow_amount: uint256): nonpayable


interface IERC20:
    def transfer(to: address, amount: uint256) -> bool: nonpayable


MAX_BATCH: constant(uint256) = 200


# @dev The account implementation proxies point at.
implementation: public(immutable(address))
# @dev Positions opened so far.
opened: public(uint256)


@deploy
def __init__(implementation_: address):
    implementation = implementation_


@external
def open_positions(count: uint256, collateral: address, collateral_market: address, borrow_market: address, amount_in: uint256, borrow_amount: uint256):
    """
    @dev Opens `count` positions; this contract must hold count x amount_in
         of `collateral`.
    """
    for i: uint256 in range(count, bound=MAX_BATCH):
        account: address = create_minimal_proxy_to(implementation)
        extcall IERC20(collateral).transfer(account, amount_in)
        extcall IAccount(account).open(collateral, collateral_market, borrow_market, amount_in, borrow_amount)
    self.opened += count

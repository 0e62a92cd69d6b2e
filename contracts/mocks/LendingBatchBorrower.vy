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
    def open(collateral_market: address, borrow_market: address, borrow_amount: uint256, receiver: address): nonpayable


from ethereum.ercs import IERC20


interface IMarket:
    def deposit(assets: uint256, receiver: address) -> uint256: nonpayable


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
         of `collateral`. Each new account gets `amount_in` of collateral
         deposited for it, enters the collateral market and borrows
         `borrow_amount` (paid to this contract, which keeps it).
    """
    extcall IERC20(collateral).approve(collateral_market, count * amount_in)
    for i: uint256 in range(count, bound=MAX_BATCH):
        account: address = create_minimal_proxy_to(implementation)
        extcall IMarket(collateral_market).deposit(amount_in, account)
        extcall IAccount(account).open(collateral_market, borrow_market, borrow_amount, self)
    self.opened += count

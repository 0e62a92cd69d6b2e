# pragma version ~=0.4.3
"""
@title The controls a Controller sets on its markets
@custom:contract-name market_controls
@license GNU Affero General Public License v3.0 only
@notice Bits of a market's control word, written by the Controller
        (`Market.set_controls`) and read by the Market on every deposit and
        borrow: one definition for both sides. New deposits or new borrows
        refused (pause guardian or owner), the market delisted for good
        (both refused), a supply or borrow cap in force (only then does
        the market read its caps slot), and liquidity mining on (only then
        does the market call its mining contract: an unmined market pays
        one bit test per operation). A module of constants: no state, no
        `initializes:`.
"""

# @dev New deposits and mints refused.
DEPOSIT_PAUSED: constant(uint256) = 1
# @dev New borrows refused.
BORROW_PAUSED: constant(uint256) = 2
# @dev Delisted for good: no new deposits, entries or borrows.
DELISTED: constant(uint256) = 4
# @dev A supply cap is in force.
SUPPLY_CAPPED: constant(uint256) = 8
# @dev A borrow cap is in force.
BORROW_CAPPED: constant(uint256) = 16
# @dev Liquidity mining is on: every voucher balance and debt change is
#      reported to the market's `mining` (set by governance through
#      `Market.set_mining`; `set_controls` leaves this bit as it is).
MINED: constant(uint256) = 32

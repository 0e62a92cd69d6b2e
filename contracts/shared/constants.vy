# pragma version ~=0.4.3
"""
@title Constants shared by the suite
@custom:contract-name constants
@license GNU Affero General Public License v3.0 only
@notice One place for the units every domain uses, so that no contract
        re-declares them. Import with `from contracts.shared import constants`
        and read `constants.WAD`; a module of constants holds no state and
        needs no `initializes:`.
"""


# @dev Fixed-point one: 18 decimals (prices, rates, factors).
WAD: constant(uint256) = 10**18
# @dev Basis points in one: fee and share rates.
BPS: constant(uint256) = 10_000
# @dev Seconds in a day.
DAY: constant(uint256) = 86_400
# @dev Seconds in a 365-day year: per-second rates are annual rates / YEAR.
YEAR: constant(uint256) = 365 * DAY
# @dev Seconds in a 30-day "month" (the CC vesting table's month).
MONTH: constant(uint256) = 30 * DAY

# @dev Masks of the usual packed field widths.
MASK_8: constant(uint256) = 2**8 - 1
MASK_16: constant(uint256) = 2**16 - 1
MASK_32: constant(uint256) = 2**32 - 1
MASK_40: constant(uint256) = 2**40 - 1
MASK_48: constant(uint256) = 2**48 - 1
MASK_64: constant(uint256) = 2**64 - 1
MASK_128: constant(uint256) = 2**128 - 1
MASK_160: constant(uint256) = 2**160 - 1

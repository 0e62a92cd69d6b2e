# pragma version ~=0.4.3
"""
@title Kink (jump) interest rate model (Compound's JumpRateModel)
@custom:contract-name KinkRateModel
@license GNU Affero General Public License v3.0 only
@notice borrow rate per year, U = B / (C + B):
            U <= kink:  base + U x slope
            U >  kink:  base + kink x slope + (U - kink) x jump_slope
        The optional model a market may select instead of the linear one:
        it keeps U below the kink by making the last borrows expensive.
        Glossary: C cash, B borrows, U utilization, all WAD.
@custom:security Parameters are immutable and bounded in the constructor;
        the market caps the resulting rate anyway.
"""


# @dev Fixed-point unit.
WAD: constant(uint256) = 10**18
# @dev Seconds in a year (365 days).
YEAR: constant(uint256) = 365 * 86400
# @dev Bounds of each yearly figure: 100% base, 1000% slopes.
MAX_BASE: constant(uint256) = WAD
MAX_SLOPE: constant(uint256) = 10 * WAD


# @dev Borrow rate per year at U = 0, WAD.
base_rate: public(immutable(uint256))
# @dev Added per year per unit of U up to the kink, WAD.
slope: public(immutable(uint256))
# @dev Utilization where the jump starts, WAD (0 < kink < 1).
kink: public(immutable(uint256))
# @dev Added per year per unit of U above the kink, WAD.
jump_slope: public(immutable(uint256))


@deploy
def __init__(base_rate_: uint256, slope_: uint256, kink_: uint256, jump_slope_: uint256):
    """
    @dev Sets the model (suite default: 2.5%, 20%, kink 80%, jump 300%).
    @param base_rate_ Borrow rate per year at U = 0, WAD, at most 100%.
    @param slope_ Slope below the kink, WAD, at most 1000%.
    @param kink_ The kink, WAD, strictly between 0 and 1.
    @param jump_slope_ Slope above the kink, WAD, at most 1000%.
    """
    assert base_rate_ <= MAX_BASE, "rates: base rate too high"
    assert slope_ <= MAX_SLOPE and jump_slope_ <= MAX_SLOPE, "rates: slope too high"
    assert kink_ != 0 and kink_ < WAD, "rates: kink out of bounds"
    base_rate = base_rate_
    slope = slope_
    kink = kink_
    jump_slope = jump_slope_


@external
@view
def utilization(cash: uint256, borrows: uint256) -> uint256:
    """
    @dev U = B / (C + B), WAD, rounded down; 0 without borrows.
    @param cash C.
    @param borrows B.
    @return uint256 U.
    """
    return self._utilization(cash, borrows)


@external
@view
def borrow_rate_per_year(cash: uint256, borrows: uint256) -> uint256:
    """
    @dev The kinked yearly borrow rate, WAD.
    @param cash C.
    @param borrows B.
    @return uint256 The yearly borrow rate.
    """
    return self._per_year(cash, borrows)


@external
@view
def borrow_rate(cash: uint256, borrows: uint256) -> uint256:
    """
    @dev The yearly rate / YEAR, WAD per second, rounded down.
    @param cash C.
    @param borrows B.
    @return uint256 The borrow rate per second.
    """
    return self._per_year(cash, borrows) // YEAR


@internal
@pure
def _utilization(cash: uint256, borrows: uint256) -> uint256:
    if borrows == 0:
        return 0
    # U = B / (C + B), rounded down
    return borrows * WAD // (cash + borrows)


@internal
@view
def _per_year(cash: uint256, borrows: uint256) -> uint256:
    u: uint256 = self._utilization(cash, borrows)
    if u <= kink:
        # base + U x slope (rounded down)
        return base_rate + u * slope // WAD
    # base + kink x slope + (U - kink) x jump (rounded down); safe: u > kink
    return base_rate + kink * slope // WAD + unsafe_sub(u, kink) * jump_slope // WAD

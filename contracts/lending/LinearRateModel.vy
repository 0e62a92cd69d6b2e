# pragma version ~=0.4.3
"""
@title Linear interest rate model (CloudChat 4.4, Compound's WhitePaper model)
@custom:contract-name LinearRateModel
@license GNU Affero General Public License v3.0 only
@notice borrow rate per year = base + U x slope, U = B / (C + B).
        SPEC's figures are the suite's defaults: base 2.5%, slope 20%.
        The market turns the yearly rate into a per-second rate and caps it.
        Glossary: C cash, B borrows, U utilization, all WAD.
@custom:security Parameters are immutable: governance changes a market's
        model by pointing it at another deployment (`Market.set_rate_model`),
        and the constructor bounds each number.
"""


# @dev Fixed-point unit.
WAD: constant(uint256) = 10**18
# @dev Seconds in a year (365 days).
YEAR: constant(uint256) = 365 * 86400
# @dev Bounds of each yearly figure: 100% base, 1000% slope.
MAX_BASE: constant(uint256) = WAD
MAX_SLOPE: constant(uint256) = 10 * WAD


# @dev Borrow rate per year at U = 0, WAD.
base_rate: public(immutable(uint256))
# @dev Added per year at U = 100%, WAD.
slope: public(immutable(uint256))


@deploy
def __init__(base_rate_: uint256, slope_: uint256):
    """
    @dev Sets the model (defaults from SPEC: 0.025e18, 0.2e18).
    @param base_rate_ Borrow rate per year at U = 0, WAD, at most 100%.
    @param slope_ Added at U = 100%, WAD, at most 1000%.
    """
    assert base_rate_ <= MAX_BASE, "rates: base rate too high"
    assert slope_ <= MAX_SLOPE, "rates: slope too high"
    base_rate = base_rate_
    slope = slope_


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
    @dev base + U x slope, WAD.
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
    # rate = base + U x slope (rounded down)
    return base_rate + self._utilization(cash, borrows) * slope // WAD

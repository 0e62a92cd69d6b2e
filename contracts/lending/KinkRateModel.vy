# pragma version ~=0.4.3
"""
@title Kink (jump) interest rate model; linear when the kink is at 100%
@custom:contract-name KinkRateModel
@license GNU Affero General Public License v3.0 only
@notice The suite's one rate model (Compound's JumpRateModel):
            U = B / (C + B)
            rate per year = base + U x slope                  if U <= kink
                          = base + kink x slope
                                 + (U - kink) x jump_slope     if U >  kink
            rate per second = rate per year / YEAR
        With kink = 100% the second line never applies and the model is
        the linear one of CloudChat 4.4 (SPEC: base 2.5%, slope 20%), which
        the suite deploys for its own tokens' markets; the stablecoin and
        wrapped native markets use kink 80%, jump 300%, which keeps U below
        the kink by making the last borrows expensive. The market caps the
        resulting per-second rate.
        Glossary: C cash, B borrows, U utilization, all WAD; YEAR 365 days.
@custom:security Parameters are immutable: governance changes a market's
        model by pointing it at another deployment (`Market.set_rate_model`),
        and the constructor bounds each number. Every division rounds down:
        a borrower is never charged above the formula.
@custom:kill Nothing to stop: a pure function of its inputs, holding no
        funds and with no owner.
"""


from interfaces import IKinkRateModel

implements: IKinkRateModel


from contracts.shared import constants


# @dev Bounds of each yearly figure: 100% base, 1000% slopes.
MAX_BASE: constant(uint256) = constants.WAD
MAX_SLOPE: constant(uint256) = 10 * constants.WAD


# @dev Borrow rate per year at U = 0, WAD.
base_rate: public(immutable(uint256))
# @dev Added per year per unit of U up to the kink, WAD.
slope: public(immutable(uint256))
# @dev Utilization where the jump starts, WAD (0 < kink <= 1; 1 = linear).
kink: public(immutable(uint256))
# @dev Added per year per unit of U above the kink, WAD.
jump_slope: public(immutable(uint256))


@deploy
def __init__(base_rate_: uint256, slope_: uint256, kink_: uint256, jump_slope_: uint256):
    """
    @dev Sets the model. Suite defaults: 2.5%, 20%, kink 100% (linear,
         jump unused) for the suite's tokens; 2.5%, 20%, kink 80%, jump
         300% for the stablecoin and the wrapped native coin.
    @param base_rate_ Borrow rate per year at U = 0, WAD, at most 100%.
    @param slope_ Slope up to the kink, WAD, at most 1000%.
    @param kink_ The kink, WAD, above 0 and at most 1 (1: linear).
    @param jump_slope_ Slope above the kink, WAD, at most 1000%.
    """
    assert base_rate_ <= MAX_BASE, "kink_rate_model: base rate too high"
    assert slope_ <= MAX_SLOPE and jump_slope_ <= MAX_SLOPE, "kink_rate_model: slope too high"
    assert kink_ != 0 and kink_ <= constants.WAD, "kink_rate_model: kink out of bounds"
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
    return self._rates(cash, borrows)[0]


@external
@view
def borrow_rate_per_year(cash: uint256, borrows: uint256) -> uint256:
    """
    @dev The kinked yearly borrow rate, WAD.
    @param cash C.
    @param borrows B.
    @return uint256 The yearly borrow rate.
    """
    return self._rates(cash, borrows)[1]


@external
@view
def borrow_rate(cash: uint256, borrows: uint256) -> uint256:
    """
    @dev The yearly rate / YEAR, WAD per second, rounded down (the
         market's accrual reads this).
    @param cash C.
    @param borrows B.
    @return uint256 The borrow rate per second.
    """
    return self._rates(cash, borrows)[1] // constants.YEAR


@internal
@view
def _rates(cash: uint256, borrows: uint256) -> (uint256, uint256):
    """
    @dev Utilization and the yearly rate of the formula above, in one
         function so the market's accrual pays for one internal call. Up
         to the kink (always, when the kink is 100%) only the first slope
         is computed.
    @param cash C.
    @param borrows B.
    @return uint256 U, WAD, rounded down (a lower U, a lower rate); 0
            without borrows.
    @return uint256 The yearly borrow rate, WAD, rounded down.
    """
    u: uint256 = 0
    if borrows != 0:
        # U = B / (C + B), rounded down
        u = borrows * constants.WAD // (cash + borrows)
    if u <= kink:
        # base + U x slope (rounded down)
        return u, base_rate + u * slope // constants.WAD
    # base + kink x slope + (U - kink) x jump (each product rounded down);
    # safe: u > kink
    return u, base_rate + kink * slope // constants.WAD + unsafe_sub(u, kink) * jump_slope // constants.WAD

"""Lending rows: the suite's pledge markets (fivefold/lending/bench.py's `lending.*` operations) beside
Aave v3's Pool (fivefold/assurance/aave_v3.py: `@aave/core-v3`'s artifacts, three reserves).

Both sides start from one state, built alike on one chain. The suite's side is `ape run gas`'s own
measurement (`fivefold.lending.bench.prepare`: the local lending system, then the operation); the
Aave side (`aave_v3.bench_state`) builds that same system first, for its tokens (the same token code
on both sides), then lists CC, CMDT and USD6 on Aave with the suite's prices, factors and rate curve
and opens the same positions there: a supplier of 1,000,000 USD6 (collateral not enabled), a
borrower of 100 USD6 against 1,000 CC and 1,000 CMDT, a new user and a liquidator with nothing
supplied.

Every measured transaction comes a day after the last accrual. Three reserves, where the issue
names two: the suite's borrow and liquidation conditions hold two collateral markets, and both
sides' account checks cost gas per collateral market, so Aave's must hold the same two. First-time
and repeat users are stated in each condition; the two repeat rows (`*.repeat.aave`) have no
gas-snapshot key, so their suite side is measured by the row (`aave_v3.suite_*_repeat`).
"""

from fivefold.assurance import aave_v3, build_bench
from fivefold.assurance.bench import comparison
from fivefold.gas import Bench

REFERENCE = f"Aave v3 Pool ({aave_v3.AAVE_PACKAGE_NAME} {aave_v3.AAVE_VERSION})"


def _aave(operation):
    """The reference side of a row: Aave in the bench's starting state, then `operation`'s receipt."""

    def measure(b: Bench):
        build_bench.require_packages()
        try:
            system, aave = aave_v3.bench_state(b)
        except FileNotFoundError as exc:  # the package is missing: one line naming the fix
            raise build_bench.BenchError(str(exc)) from None
        return operation(b, system, aave)

    return measure


SUPPLY = "1,000 USD6 supplied into a market with loans outstanding, a day after the last accrual; "

# (row key, operation, stated condition, the suite's side: a gas-snapshot key or a measurement,
#  Aave's operation)
ROWS = (
    (
        "lending.supply.fresh.aave",
        "lending supply, first-time supplier",
        SUPPLY + "the supplier has never supplied (its balance and account are written from zero); "
        "Aave also enables the reserve as the supplier's collateral, as it does on every first supply",
        "lending.supply.fresh",
        aave_v3.supply_fresh,
    ),
    (
        "lending.supply.repeat.aave",
        "lending supply, repeat supplier",
        SUPPLY + "the supplier (1,000,000 USD6 supplied, collateral not enabled) adds to its deposit",
        aave_v3.suite_supply_repeat,
        aave_v3.supply_repeat,
    ),
    (
        "lending.borrow.aave",
        "lending borrow, first borrow",
        "first borrow (500 USD6; Aave: variable rate) of an account with two collateral markets "
        "(1,000 CC and 1,000 CMDT) enabled and no debt, a day after the last accrual",
        "lending.borrow",
        aave_v3.borrow,
    ),
    (
        "lending.borrow.repeat.aave",
        "lending borrow, repeat borrower",
        "a borrower owing 100 USD6 against 1,000 CC and 1,000 CMDT borrows 50 more, a day after "
        "the last accrual",
        aave_v3.suite_borrow_repeat,
        aave_v3.borrow_repeat,
    ),
    (
        "lending.repay.aave",
        "lending repay, partial",
        "a borrower repays 50 of its own 100 USD6 debt (collateral 1,000 CC and 1,000 CMDT), a day "
        "after the last accrual",
        "lending.repay",
        aave_v3.repay,
    ),
    (
        "lending.withdraw.aave",
        "lending withdraw, partial",
        "a supplier (collateral not enabled, no debt) withdraws 1,000 of its 1,000,000 USD6 to "
        "itself, a day after the last accrual",
        "lending.withdraw",
        aave_v3.withdraw,
    ),
    (
        "lending.liquidate.aave",
        "lending liquidate",
        "a borrower with 1,000 CC ($2) and 1,000 CMDT ($1) as collateral borrowed 2,000 USD6 "
        "(limit $2,100); a day later CC falls 10% (health 0.975) and a liquidator holding no claim on CC "
        "repays a third of the debt and takes CC as the market's claim (suite: vouchers; Aave: aTokens, "
        "receiveAToken true), bonus 8% on both sides",
        "lending.liquidate",
        aave_v3.liquidate,
    ),
)

for key, operation, condition, suite, aave_operation in ROWS:
    comparison(key, operation=operation, condition=condition, suite=suite, reference=REFERENCE)(
        _aave(aave_operation)
    )

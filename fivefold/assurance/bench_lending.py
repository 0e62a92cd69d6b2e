"""Lending rows: the suite's pledge markets (fivefold/lending/bench.py's `lending.*` operations) beside
Aave v3's Pool (fivefold/assurance/aave_v3.py: `@aave/core-v3`'s artifacts, three reserves).

Both sides start from one state, built alike on one chain. The suite's side is `ape run gas`'s own
measurement (`fivefold.lending.bench.prepare`: the local lending system, then the operation); the
Aave side builds that same system first, for its tokens (the suite's CappedToken CC and CMDT and
MockStablecoin USD6: the same token code on both sides, so every transfer costs the same), then
lists those three tokens on Aave with the suite's prices, factors and rate curve, and opens the
same positions there:

    supplier    user(0)  1,000,000 USD6 supplied, not used as collateral (the suite's supplier never
                         enters its market; Aave enables a first supply as collateral, so the bench
                         turns it off)
    borrower    user(3)  1,000 CC + 1,000 CMDT as collateral, 100 USD6 borrowed (variable rate)
    new user    user(1)  holds tokens, nothing supplied: the first-time user of supply, borrow,
                         and the borrower liquidated
    liquidator  user(2)  holds USD6, nothing supplied

Every measured transaction comes a day after the last accrual (the suite's bench also refreshes its
feeds, which its staleness check needs; AaveOracle reads `latestAnswer`, which has no age). Three
reserves, where the issue names two: the suite's borrow and liquidation conditions hold two
collateral markets, and both sides' account checks cost gas per collateral market, so Aave's must
hold the same two. First-time and repeat users are stated in each condition; the two repeat rows
(`*.repeat.aave`) have no gas-snapshot key, so their suite side is measured here.
"""

from fivefold.assurance import aave_v3, build_bench
from fivefold.assurance.bench import comparison
from fivefold.gas import Bench
from fivefold.lending import bench as suite
from fivefold.lending import model as lending
from fivefold.units import DAY, WAD

REFERENCE = f"Aave v3 Pool ({aave_v3.AAVE_PACKAGE_NAME} {aave_v3.AAVE_VERSION})"
SYMBOLS = ("CC", "CMDT", "USD6")
USD = 10**6  # USD6's unit
UNIT = WAD  # CC's and CMDT's unit (18 decimals)
USERS = 4  # user(0) .. user(3), as fivefold/lending/bench.py


# --- the starting state


def starting_state(b: Bench) -> tuple[lending.System, aave_v3.Aave]:
    """The suite's bench system (`fivefold.lending.bench.prepare`) and Aave v3 on its CC, CMDT and
    USD6 with the same positions open (module docstring)."""
    build_bench.require_packages()
    system = suite.prepare(b)
    try:
        aave = aave_v3.deploy_aave(b.deployer, b.owner, {s: system.tokens[s] for s in SYMBOLS})
    except FileNotFoundError as exc:  # the package is missing: one line naming the fix, not a traceback
        raise build_bench.BenchError(str(exc)) from None
    for i in range(USERS):
        for symbol in SYMBOLS:
            system.tokens[symbol].approve(aave.pool, 2**256 - 1, sender=b.user(i))
    usd6 = aave.tokens["USD6"]
    aave.pool.supply(usd6, 1_000_000 * USD, b.user(0), 0, sender=b.user(0))
    aave.pool.setUserUseReserveAsCollateral(usd6, False, sender=b.user(0))
    _collateral(aave, b.user(3))
    aave.pool.borrow(usd6, 100 * USD, aave_v3.VARIABLE, 0, b.user(3), sender=b.user(3))
    return system, aave


def _collateral(aave: aave_v3.Aave, user) -> None:
    """1,000 CC and 1,000 CMDT supplied; a first supply enables each as collateral, as the suite's
    `enter_markets` does for its two markets."""
    aave.pool.supply(aave.tokens["CC"], 1_000 * UNIT, user, 0, sender=user)
    aave.pool.supply(aave.tokens["CMDT"], 1_000 * UNIT, user, 0, sender=user)


def _wait(b: Bench, system: lending.System) -> None:
    """A day passes; the suite's feeds are refreshed, as fivefold/lending/bench.py does before each
    of its operations (Aave's MockAggregators have no age to refresh)."""
    b.chain.mine(deltatime=DAY)
    for feed in system.feeds.values():
        lending.set_local_answer(feed, feed.answer(), b.deployer)


def _aave(operation):
    """The reference side of a row: the starting state, then `operation(b, system, aave)`'s receipt."""

    def measure(b: Bench):
        system, aave = starting_state(b)
        return operation(b, system, aave)

    return measure


# --- supply

SUPPLY = "1,000 USD6 supplied into a market with loans outstanding, a day after the last accrual; "


@comparison(
    "lending.supply.fresh.aave",
    operation="lending supply, first-time supplier",
    condition=SUPPLY + "the supplier has never supplied (its balance and account are written from zero); "
    "Aave also enables the reserve as the supplier's collateral, as it does on every first supply",
    suite="lending.supply.fresh",
    reference=REFERENCE,
)
@_aave
def supply_fresh(b: Bench, system, aave):
    _wait(b, system)
    return aave.pool.supply(aave.tokens["USD6"], 1_000 * USD, b.user(1), 0, sender=b.user(1))


def suite_supply_repeat(b: Bench):
    """The suite's side of `lending.supply.repeat.aave` (no gas-snapshot key)."""
    system = suite.prepare(b)
    _wait(b, system)
    return system.markets["USD6"].deposit(1_000 * USD, b.user(0), sender=b.user(0))


@comparison(
    "lending.supply.repeat.aave",
    operation="lending supply, repeat supplier",
    condition=SUPPLY + "the supplier (1,000,000 USD6 supplied, collateral not enabled) adds to its deposit",
    suite=suite_supply_repeat,
    reference=REFERENCE,
)
@_aave
def supply_repeat(b: Bench, system, aave):
    _wait(b, system)
    return aave.pool.supply(aave.tokens["USD6"], 1_000 * USD, b.user(0), 0, sender=b.user(0))


# --- borrow


@comparison(
    "lending.borrow.aave",
    operation="lending borrow, first borrow",
    condition="first borrow (500 USD6; Aave: variable rate) of an account with two collateral markets "
    "(1,000 CC and 1,000 CMDT) enabled and no debt, a day after the last accrual",
    suite="lending.borrow",
    reference=REFERENCE,
)
@_aave
def borrow(b: Bench, system, aave):
    _collateral(aave, b.user(1))
    _wait(b, system)
    return aave.pool.borrow(aave.tokens["USD6"], 500 * USD, aave_v3.VARIABLE, 0, b.user(1), sender=b.user(1))


def suite_borrow_repeat(b: Bench):
    """The suite's side of `lending.borrow.repeat.aave` (no gas-snapshot key)."""
    system = suite.prepare(b)
    _wait(b, system)
    return system.markets["USD6"].borrow(50 * USD, b.user(3), sender=b.user(3))


@comparison(
    "lending.borrow.repeat.aave",
    operation="lending borrow, repeat borrower",
    condition="a borrower owing 100 USD6 against 1,000 CC and 1,000 CMDT borrows 50 more, a day after "
    "the last accrual",
    suite=suite_borrow_repeat,
    reference=REFERENCE,
)
@_aave
def borrow_repeat(b: Bench, system, aave):
    _wait(b, system)
    return aave.pool.borrow(aave.tokens["USD6"], 50 * USD, aave_v3.VARIABLE, 0, b.user(3), sender=b.user(3))


# --- repay, withdraw


@comparison(
    "lending.repay.aave",
    operation="lending repay, partial",
    condition="a borrower repays 50 of its own 100 USD6 debt (collateral 1,000 CC and 1,000 CMDT), a day "
    "after the last accrual",
    suite="lending.repay",
    reference=REFERENCE,
)
@_aave
def repay(b: Bench, system, aave):
    _wait(b, system)
    return aave.pool.repay(aave.tokens["USD6"], 50 * USD, aave_v3.VARIABLE, b.user(3), sender=b.user(3))


@comparison(
    "lending.withdraw.aave",
    operation="lending withdraw, partial",
    condition="a supplier (collateral not enabled, no debt) withdraws 1,000 of its 1,000,000 USD6 to "
    "itself, a day after the last accrual",
    suite="lending.withdraw",
    reference=REFERENCE,
)
@_aave
def withdraw(b: Bench, system, aave):
    _wait(b, system)
    return aave.pool.withdraw(aave.tokens["USD6"], 1_000 * USD, b.user(0), sender=b.user(0))


# --- liquidate


@comparison(
    "lending.liquidate.aave",
    operation="lending liquidate",
    condition="a borrower with 1,000 CC ($2) and 1,000 CMDT ($1) as collateral borrowed 2,000 USD6 "
    "(limit $2,100); a day later CC falls 10% (health 0.975) and a liquidator holding no claim on CC "
    "repays a third of the debt and takes CC as the market's claim (suite: vouchers; Aave: aTokens, "
    "receiveAToken true), bonus 8% on both sides",
    suite="lending.liquidate",
    reference=REFERENCE,
)
@_aave
def liquidate(b: Bench, system, aave):
    borrower, liquidator = b.user(1), b.user(2)
    _collateral(aave, borrower)
    aave.pool.borrow(aave.tokens["USD6"], 2_000 * USD, aave_v3.VARIABLE, 0, borrower, sender=borrower)
    _wait(b, system)
    aave.set_price("CC", 18 * 10**7, b.deployer)
    debt = aave.debt_tokens["USD6"].balanceOf(borrower)
    return aave.pool.liquidationCall(
        aave.tokens["CC"], aave.tokens["USD6"], borrower, debt // 3, True, sender=liquidator
    )

"""Gas snapshot of the lending markets (`ape run gas`).

Every operation starts from the same local system (`fivefold.lending.deploy_local_system`):
USD6 supplied by user(0), CC and CMDT as collateral. Time moves before the measured transaction
so it pays for a real interest accrual, as it would on a live chain.
"""

from __future__ import annotations

from fivefold.gas import Bench, operation
from fivefold.lending import model as lending
from fivefold.units import DAY, WAD

USD = 10**6
OTHER_BORROWERS = 1000
BATCH = 100  # positions per transaction in the 1,000-borrower setup (~15M gas each)


def _system(b: Bench) -> lending.System:
    """The common starting point; tests pass one ready-made in `b.extra["lending"]`."""
    if "lending" in b.extra:
        return b.extra["lending"]
    return prepare(b)


def prepare(b: Bench) -> lending.System:
    users = [b.user(i) for i in range(4)]
    system = lending.deploy_local_system(b.project, b.deployer, b.owner, holders=users)
    for user in users:
        for symbol in ("CC", "CMDT", "USD6"):
            system.tokens[symbol].approve(system.markets[symbol], 2**256 - 1, sender=user)
    # user(0) supplies USD6 liquidity; user(3) already borrows it (a live market)
    system.markets["USD6"].deposit(1_000_000 * USD, b.user(0), sender=b.user(0))
    _collateral(system, b.user(3))
    system.markets["USD6"].borrow(100 * USD, b.user(3), sender=b.user(3))
    return system


def _collateral(system: lending.System, user):
    """Two collateral markets enabled: CC and CMDT."""
    system.markets["CC"].deposit(1_000 * WAD, user, sender=user)
    system.markets["CMDT"].deposit(1_000 * WAD, user, sender=user)
    system.controller.enter_markets([system.markets["CC"], system.markets["CMDT"]], sender=user)


def _wait(b: Bench, system: lending.System, seconds: int = DAY):
    b.chain.mine(deltatime=seconds)
    for feed in system.feeds.values():
        lending.set_local_answer(feed, feed.answer(), b.deployer)


@operation(
    "lending.supply.fresh",
    "first deposit of a new supplier into a market with loans outstanding, a day after the last accrual",
    target=120_000,
)
def supply_fresh(b: Bench):
    system = _system(b)
    _wait(b, system)
    return system.markets["USD6"].deposit(1_000 * USD, b.user(1), sender=b.user(1))


def _borrow_ready(b: Bench) -> lending.System:
    system = _system(b)
    _collateral(system, b.user(1))
    _wait(b, system)
    return system


@operation(
    "lending.borrow",
    "first borrow of an account with two collateral markets enabled (enters the borrowed market),"
    " a day after the last accrual",
    target=180_000,
)
def borrow(b: Bench):
    system = _borrow_ready(b)
    return system.markets["USD6"].borrow(500 * USD, b.user(1), sender=b.user(1))


@operation(
    "lending.borrow.1000users",
    "lending.borrow with 1,000 other borrowers in the market (opened by LendingBatchBorrower)",
    target=180_000,
)
def borrow_1000users(b: Bench):
    system = _borrow_ready(b)
    project = b.project
    account = project.LendingBorrowerAccount.deploy(sender=b.deployer)
    batcher = project.LendingBatchBorrower.deploy(account, sender=b.deployer)
    # each other borrower: 10 USD6 supplied as collateral, 1 USD6 borrowed from the same market
    # (the cheapest real position, so the setup stays near a minute under anvil's step tracing)
    amount_in = 10 * USD
    usd = system.markets["USD6"]
    system.tokens["USD6"].transfer(batcher, OTHER_BORROWERS * amount_in, sender=b.user(2))
    for _ in range(OTHER_BORROWERS // BATCH):
        batcher.open_positions(
            BATCH, system.tokens["USD6"], usd, usd, amount_in, USD, sender=b.deployer, gas=29_000_000
        )
    assert batcher.opened() == OTHER_BORROWERS
    _wait(b, system)
    return system.markets["USD6"].borrow(500 * USD, b.user(1), sender=b.user(1))


@operation(
    "lending.repay", "partial repay of a borrower's own debt, a day after the last accrual", target=90_000
)
def repay(b: Bench):
    system = _system(b)
    _wait(b, system)
    return system.markets["USD6"].repay(50 * USD, b.user(3), sender=b.user(3))


@operation(
    "lending.withdraw",
    "supplier (collateral not enabled) withdraws part of its deposit, a day after the last accrual",
    target=120_000,
)
def withdraw(b: Bench):
    system = _system(b)
    _wait(b, system)
    return system.markets["USD6"].withdraw(1_000 * USD, b.user(0), b.user(0), sender=b.user(0))


@operation(
    "lending.liquidate",
    "repay half of an underwater USD6 debt (two collateral markets) and seize CC vouchers",
    target=250_000,
)
def liquidate(b: Bench):
    system = _system(b)
    borrower, liquidator = b.user(1), b.user(2)
    _collateral(system, borrower)
    # $1,500 + $600 of borrowing power; borrow $2,000, then CC falls 10%
    system.markets["USD6"].borrow(2_000 * USD, borrower, sender=borrower)
    _wait(b, system)
    lending.set_local_answer(system.feeds["CC"], 18 * 10**7, b.deployer)
    debt = system.markets["USD6"].debt_of(borrower)
    return system.markets["USD6"].liquidate(borrower, debt // 3, system.markets["CC"], 0, sender=liquidator)

"""Lending fixtures: actors by role and one deployed system per session (ape isolates each test)."""

import pytest
from ape import Contract

from fivefold.lending import model as lending
from fivefold.units import WAD


@pytest.fixture(scope="session")
def governance(owner):
    """Owns the controller, the adapter and so every market."""
    return owner


# Lending's actors alias the shared ones of tests/conftest.py (same accounts as before, named once
# here): a test that asks for a lending role and a shared one gets the same account only where the
# alias says so. The two lending-only roles take the accounts the shared conftest leaves free.


@pytest.fixture(scope="session")
def supplier(beneficiary):
    """Deposits into the markets (the shared `beneficiary`, accounts[4])."""
    return beneficiary


@pytest.fixture(scope="session")
def borrower(holder):
    """Borrows against its deposits (the shared `holder`, accounts[5])."""
    return holder


@pytest.fixture(scope="session")
def liquidator(spender):
    """Repays unhealthy accounts' debts and seizes their collateral (the shared `spender`, accounts[6])."""
    return spender


@pytest.fixture(scope="session")
def attacker(stranger):
    """The outsider trying every trick (the shared `stranger`, accounts[7])."""
    return stranger


@pytest.fixture(scope="session")
def guardian(accounts):
    """The pause guardian, once set (accounts[8]: no shared role)."""
    return accounts[8]


@pytest.fixture(scope="session")
def defaulter(accounts):
    """The invariant machine's sixth actor, who only ever defaults (accounts[9]: no shared role)."""
    return accounts[9]


@pytest.fixture(scope="session")
def system(project, deployer, governance, supplier, borrower, liquidator, attacker, non_owner):
    return lending.deploy_local_system(
        project, deployer, governance, holders=[supplier, borrower, liquidator, attacker, non_owner]
    )


@pytest.fixture(scope="session")
def controller(system):
    return system.controller


@pytest.fixture(scope="session")
def adapter(system):
    return system.adapter


@pytest.fixture(scope="session")
def markets(system):
    return system.markets


@pytest.fixture(scope="session")
def tokens(system):
    return system.tokens


@pytest.fixture(scope="session")
def feeds(system):
    return system.feeds


@pytest.fixture(scope="session")
def cc_market(markets):
    return markets["CC"]


@pytest.fixture(scope="session")
def cmdt_market(markets):
    return markets["CMDT"]


@pytest.fixture(scope="session")
def usd_market(markets):
    return markets["USD6"]


@pytest.fixture
def interest_free(project, deployer, usd_market, governance):
    """The USD market charges no interest in this test: a debt stays what was borrowed however many
    seconds pass between a view and the next transaction (an account exactly at its limit is past
    it one second later with interest, so exact figures would depend on the machine's speed)."""
    model = project.KinkRateModel.deploy(0, 0, lending.LINEAR_KINK, 0, sender=deployer)
    usd_market.set_rate_model(model, sender=governance)
    return usd_market


@pytest.fixture(scope="session")
def native_market(markets):
    return markets["WNAT"]


@pytest.fixture(scope="session")
def supply():
    """`supply(market, account, amount)`: approve and deposit; returns the vouchers minted."""

    def do(market, account, amount):
        Contract(market.asset()).approve(market, amount, sender=account)
        return market.deposit(amount, account, sender=account)

    return do


@pytest.fixture(scope="session")
def position(system, supply):
    """`position(account, collateral={"CC": amount}, borrow=("USD6", amount))`: supply, enter, borrow."""

    def do(account, collateral, borrow=None):
        for symbol, amount in collateral.items():
            supply(system.markets[symbol], account, amount)
        system.controller.enter_markets([system.markets[s] for s in collateral], sender=account)
        if borrow:
            symbol, amount = borrow
            system.markets[symbol].borrow(amount, account, sender=account)

    return do


@pytest.fixture
def fresh_asset(project, deployer, adapter, governance):
    """A 6-decimal asset with a fresh $1 feed in the adapter and no market yet."""
    return new_asset(project, deployer, adapter, governance)


def new_asset(project, deployer, adapter, governance, answer=10**8, feed_decimals=8):
    """(token, feed): a new 6-decimal asset priced by a feed of its own (`answer` with
    `feed_decimals`, the lending heartbeat), no market yet."""
    token = project.MockStablecoin.deploy(sender=deployer)
    feed = lending.deploy_local_feed(project, deployer, "X / USD", answer, decimals=feed_decimals)
    adapter.set_feed(token, feed, lending.HEARTBEAT, sender=governance)
    return token, feed


@pytest.fixture
def list_fresh(project, controller, system, fresh_asset, governance):
    """list_fresh(reserve_factor=0, collateral_factor=0.5, ...) -> the fresh asset's market, listed by
    governance on the linear rate model (liquidation threshold: the collateral factor unless given)."""
    token, _ = fresh_asset

    def listed(
        reserve_factor=0, collateral_factor=5 * 10**17, name="X", symbol="X", liquidation_threshold=None
    ):
        return lending.create_market(
            project,
            controller,
            token,
            system.linear,
            reserve_factor,
            collateral_factor,
            name,
            symbol,
            governance,
            liquidation_threshold=liquidation_threshold,
        )

    return listed


def wad(x) -> int:
    return int(x * WAD)


@pytest.fixture(scope="module", autouse=True)
def session_fixtures_first(
    cc_market,
    cmdt_market,
    usd_market,
    native_market,
    defaulter,
    guardian,
    supplier,
    borrower,
    liquidator,
    attacker,
    adapter,
    tokens,
    supply,
    position,
    warp,
    set_price,
    named_accounts,
    governance,
    system,
    controller,
    markets,
    feeds,
):
    """Every session fixture of the lending tests taken before a module's first test, so a test that
    first asks for one later does not make ape rebase its snapshots (InvalidIsolationWarning)."""


@pytest.fixture(scope="module", autouse=True)
def fresh_feeds(system, deployer):
    """Every module starts with the session's feeds answering now: another package on the same xdist
    worker may have moved time (governance waits out voting periods), and a chain snapshot reverts
    state, not the node's clock."""
    for feed in system.feeds.values():
        lending.set_local_answer(feed, feed.answer(), deployer)


@pytest.fixture(scope="session")
def warp(chain, system, deployer):
    """`warp(seconds)`: moves time on and refreshes every feed (they go stale after an hour)."""

    def do(seconds, refresh=True):
        chain.mine(deltatime=seconds)
        if refresh:
            for feed in system.feeds.values():
                lending.set_local_answer(feed, feed.answer(), deployer)

    return do


@pytest.fixture(scope="session")
def set_price(system, deployer):
    """`set_price("CC", answer_with_8_decimals)`."""

    def do(symbol, answer):
        lending.set_local_answer(system.feeds[symbol], answer, deployer)

    return do


def snapshot_totals(market):
    cash, borrows, reserves, index = market.current_totals()
    return lending.Totals(cash, borrows, reserves, index)

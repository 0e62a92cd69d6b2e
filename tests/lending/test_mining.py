"""Lending liquidity mining (SPEC 4.4): the USD market's suppliers and borrowers earn CC through
two LendingMining streams (contracts/lending/LendingMining.vy); the market reports every voucher
and debt change, claims pay by what was reported. Other markets stay unmined and make no call."""

import ape
import pytest

from fivefold.nft.model_farm import Accumulator
from fivefold.units import WAD

RATE = WAD // 10  # 0.1 CC per second for each side
BUDGET = 100_000 * WAD
USD = 10**6
ZERO = "0x0000000000000000000000000000000000000000"


@pytest.fixture(scope="module")
def cc(tokens):
    return tokens["CC"]


@pytest.fixture(scope="module")
def funder(non_owner):
    """Holds CC (every lending holder does): the Ecosystem allocation's stand-in."""
    return non_owner


@pytest.fixture(scope="module")
def streams(project, deployer, governance, usd_market, cc, funder):
    """(suppliers' stream, borrowers' stream) of the USD market, each funded with BUDGET at RATE,
    named in the market by governance."""
    suppliers = project.LendingMining.deploy(usd_market, usd_market, False, cc, governance, sender=deployer)
    borrowers = project.LendingMining.deploy(usd_market, suppliers, True, cc, governance, sender=deployer)
    suppliers.set_borrow_stream(borrowers, sender=governance)
    for stream in (suppliers, borrowers):
        cc.approve(stream, BUDGET, sender=funder)
        stream.fund(BUDGET, sender=funder)
        stream.set_reward_rate(RATE, sender=governance)
    usd_market.set_mining(suppliers, sender=governance)
    return suppliers, borrowers


def test_set_mining__governance__market_names_the_suppliers_stream(streams, usd_market, cc_market):
    assert usd_market.mining() == streams[0].address
    assert cc_market.mining() == ZERO  # unmined: no call, one bit test


def test_set_mining__non_governance__reverts(usd_market, attacker):
    with ape.reverts("market: caller is not governance"):
        usd_market.set_mining(attacker, sender=attacker)


def test_deposit__mined_market__vouchers_reported(streams, usd_market, supplier, supply):
    supply(usd_market, supplier, 1_000 * USD)
    assert streams[0].shares(supplier) == usd_market.balanceOf(supplier) == streams[0].total_shares()


def test_transfer__mined_market__both_balances_reported(streams, usd_market, supplier, liquidator, supply):
    supply(usd_market, supplier, 1_000 * USD)
    usd_market.transfer(liquidator, usd_market.balanceOf(supplier) // 4, sender=supplier)
    for account in (supplier, liquidator):
        assert streams[0].shares(account) == usd_market.balanceOf(account)


def test_redeem__mined_market__burnt_vouchers_reported(streams, usd_market, supplier, supply):
    supply(usd_market, supplier, 1_000 * USD)
    usd_market.redeem(usd_market.balanceOf(supplier) // 2, supplier, supplier, sender=supplier)
    assert streams[0].shares(supplier) == usd_market.balanceOf(supplier)


def test_borrow_repay__mined_market__normalised_debt_reported(
    streams, usd_market, supplier, borrower, supply, position
):
    """Shares of the borrowers' stream are p * WAD // i, the market's own debt record."""
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 100 * WAD}, ("USD6", 50 * USD))
    normalised = usd_market.debt_principal(borrower) * WAD // usd_market.debt_index(borrower)
    assert streams[1].shares(borrower) == normalised != 0
    ape.Contract(usd_market.asset()).approve(usd_market, 20 * USD, sender=borrower)
    usd_market.repay(20 * USD, borrower, sender=borrower)
    assert streams[1].shares(borrower) == usd_market.debt_principal(borrower) * WAD // usd_market.debt_index(
        borrower
    )
    assert streams[0].shares(borrower) == 0  # its CC collateral is another (unmined) market


def test_set_controls__pause_and_unpause__mining_bit_kept(
    streams, controller, usd_market, governance, supplier, supply
):
    """The Controller rewrites the control bits; the mining bit is governance's and stays."""
    controller.set_paused(usd_market, True, False, sender=governance)
    controller.set_paused(usd_market, False, False, sender=governance)
    supply(usd_market, supplier, 1_000 * USD)
    assert streams[0].shares(supplier) == usd_market.balanceOf(supplier) != 0


def test_claim__supplier_and_borrower__each_side_pays_its_stream(
    streams, usd_market, cc, supplier, borrower, supply, position, chain
):
    """Alone on each side, each earns RATE per second since its shares were reported (the floors of
    reward-per-share aside), wei for wei as the model."""
    supply(usd_market, supplier, 10_000 * USD)
    t_supply = chain.blocks.head.timestamp
    position(borrower, {"CC": 100 * WAD}, ("USD6", 50 * USD))
    t_borrow = chain.blocks.head.timestamp
    chain.pending_timestamp = t_borrow + 100
    for stream, account, since in ((streams[0], supplier, t_supply), (streams[1], borrower, t_borrow)):
        acc = Accumulator(last=since, rate=RATE, unallocated=BUDGET, funded=BUDGET)
        acc.deposit(account.address, stream.shares(account), since)
        before = cc.balanceOf(account)
        tx = stream.claim(sender=account)
        expected = acc.claim(account.address, tx.timestamp)
        assert cc.balanceOf(account) - before == tx.return_value == expected
        assert RATE * (tx.timestamp - since) - expected < WAD // 10**9
        chain.pending_timestamp = tx.timestamp + 1


def test_attack__flash_deposit_then_claim__earns_nothing_for_the_past(
    streams, usd_market, supplier, attacker, supply, chain
):
    """A deposit settles the depositor at the current reward per share first: a claim in the same
    second pays nothing, however large the deposit (no live balance is read at claim)."""
    supply(usd_market, supplier, 1_000 * USD)
    chain.mine(deltatime=1_000)
    supply(usd_market, attacker, 1_000_000 * USD)
    chain.pending_timestamp = chain.blocks.head.timestamp
    assert streams[0].claim(sender=attacker).return_value == 0


def test_checkpoint__holder_from_before_mining__earns_from_then_on(
    project, deployer, governance, cc_market, cc, funder, supplier, supply, chain
):
    """A market mined after deposits: the holder is unknown until its next change or a checkpoint,
    which reads the market's balance and earns from that second on, never before."""
    supply(cc_market, supplier, 100 * WAD)
    stream = project.LendingMining.deploy(cc_market, cc_market, False, cc, governance, sender=deployer)
    cc.approve(stream, BUDGET, sender=funder)
    stream.fund(BUDGET, sender=funder)
    stream.set_reward_rate(RATE, sender=governance)
    cc_market.set_mining(stream, sender=governance)
    chain.mine(deltatime=500)
    assert stream.earned(supplier) == 0
    stream.checkpoint(supplier, sender=funder)
    assert stream.shares(supplier) == cc_market.balanceOf(supplier)
    t = chain.blocks.head.timestamp
    chain.mine(timestamp=t + 10)
    assert 0 < stream.earned(supplier) <= 10 * RATE


def test_checkpoint__borrowers_stream__reads_the_normalised_debt_and_zero_for_a_non_borrower(
    project, deployer, governance, usd_market, cc, supplier, borrower, supply, position
):
    """A borrowers' stream set up after the borrow: a checkpoint reads the market's own debt record
    (p * WAD // i, as the market reports it). An account that never borrowed has no index: it reads
    0 shares, without dividing by it."""
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 100 * WAD}, ("USD6", 50 * USD))
    stream = project.LendingMining.deploy(usd_market, deployer, True, cc, governance, sender=deployer)
    stream.checkpoint(borrower, sender=supplier)
    normalised = usd_market.debt_principal(borrower) * WAD // usd_market.debt_index(borrower)
    assert stream.shares(borrower) == normalised != 0
    assert usd_market.debt_index(supplier) == 0
    stream.checkpoint(supplier, sender=supplier)
    assert stream.shares(supplier) == 0


def test_checkpoint__unchanged_shares__reward_per_share_floored_once(
    project, deployer, governance, cc_market, cc, funder, supplier, supply, chain
):
    """A checkpoint at unchanged shares writes nothing: the stream floors reward per share once over
    the whole span. Settling there too would floor it twice (a unit of reward per share less here,
    which the holder's WAD-scale shares turn into wei)."""
    supply(cc_market, supplier, 100 * WAD + 7)
    stream = project.LendingMining.deploy(cc_market, cc_market, False, cc, governance, sender=deployer)
    cc.approve(stream, BUDGET, sender=funder)
    stream.fund(BUDGET, sender=funder)
    stream.set_reward_rate(RATE, sender=governance)
    cc_market.set_mining(stream, sender=governance)
    shares = cc_market.balanceOf(supplier)
    span = {
        e1: e2
        for e1 in range(1, 60)
        for e2 in range(1, 60)
        if e1 * RATE * WAD // shares + e2 * RATE * WAD // shares != (e1 + e2) * RATE * WAD // shares
    }
    e1, e2 = next(iter(span.items()))  # a split whose two floors lose a unit of reward per share
    t0 = stream.checkpoint(supplier, sender=funder).timestamp
    chain.pending_timestamp = t0 + e1
    stream.checkpoint(supplier, sender=funder)
    chain.mine(timestamp=t0 + e1 + e2)
    assert stream.shares(supplier) == shares
    assert stream.earned(supplier) == shares * ((e1 + e2) * RATE * WAD // shares) // WAD


def test_on_balance__not_the_reporter__reverts(streams, attacker):
    with ape.reverts("lending_mining: caller is not the reporter"):
        streams[0].on_balance(attacker, 10**30, False, sender=attacker)
    with ape.reverts("lending_mining: caller is not the reporter"):
        streams[1].on_balance(attacker, 10**30, True, sender=attacker)


def test_set_borrow_stream__stream_of_another_reporter__reverts(
    project, deployer, governance, streams, usd_market, cc
):
    other = project.LendingMining.deploy(usd_market, usd_market, True, cc, governance, sender=deployer)
    with ape.reverts("lending_mining: stream of another reporter"):
        streams[0].set_borrow_stream(other, sender=governance)


def test_set_borrow_stream__on_the_borrowers_stream__reverts(streams, governance):
    with ape.reverts("lending_mining: not the suppliers' stream"):
        streams[1].set_borrow_stream(ZERO, sender=governance)


def test_set_borrow_stream__non_owner__reverts(streams, attacker):
    with ape.reverts("ownable: caller is not the owner"):
        streams[0].set_borrow_stream(ZERO, sender=attacker)


def test_set_reward_rate__non_owner__reverts(streams, attacker):
    with ape.reverts("ownable: caller is not the owner"):
        streams[0].set_reward_rate(1, sender=attacker)


def test_fund__zero__reverts(streams, funder):
    with ape.reverts("lending_mining: zero amount"):
        streams[0].fund(0, sender=funder)


@pytest.mark.parametrize(
    "args, reason",
    [
        ((ZERO, 1, False, 1, 1), "lending_mining: zero market"),
        ((1, ZERO, False, 1, 1), "lending_mining: zero reporter"),
        ((1, 1, False, ZERO, 1), "lending_mining: zero reward token"),
        ((1, 1, False, 1, ZERO), "lending_mining: zero owner"),
    ],
)
def test_constructor__zero_address__reverts(project, deployer, usd_market, args, reason):
    real = usd_market.address
    args = [real if a == 1 else a for a in args]
    with ape.reverts(reason):
        project.LendingMining.deploy(*args, sender=deployer)


def test_liquidate__mined_debt_and_collateral_markets__debt_and_seized_vouchers_reported(
    project,
    deployer,
    governance,
    streams,
    usd_market,
    cc_market,
    cc,
    tokens,
    supplier,
    borrower,
    liquidator,
    supply,
    position,
    set_price,
):
    """A liquidation reports the borrower's reduced debt (USD market) and, with the CC market mined
    too, the seized vouchers of both the borrower and the liquidator."""
    cc_stream = project.LendingMining.deploy(cc_market, cc_market, False, cc, governance, sender=deployer)
    cc_market.set_mining(cc_stream, sender=governance)
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * USD))
    set_price("CC", 180 * 10**6)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    usd_market.liquidate(borrower, 500 * USD, cc_market, 0, sender=liquidator)
    normalised = usd_market.debt_principal(borrower) * WAD // usd_market.debt_index(borrower)
    assert streams[1].shares(borrower) == normalised
    for account in (borrower, liquidator):
        assert cc_stream.shares(account) == cc_market.balanceOf(account)
    assert cc_stream.shares(liquidator) != 0

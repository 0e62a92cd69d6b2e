"""Beanstalk, replayed against the real parts: CC in a flash lender (ERC-3156,
contracts/mocks/FlashLender.vy), Staking as the votes source, the Governor and its Timelock.
Borrowed power staked inside one transaction never counts: a proposal's snapshot is strictly before
voting opens, and proposing reads power one second old. The honest path with the same contracts
passes, so the refusals are not an accident."""

import ape
import pytest
from eth_utils import keccak

from fivefold.units import to_wei
from tests.governance.conftest import (
    GRACE_PERIOD,
    QUORUM_BPS,
    THRESHOLD,
    TIMELOCK_DELAY,
    VOTING_DELAY,
    VOTING_PERIOD,
)

LOAN = to_wei(100_000_000)  # far more than everything staked
HONEST = to_wei(10_000)
VOTE, PROPOSE = 1, 2


@pytest.fixture(scope="module")
def cc(project, owner, proposer, voter):
    token = project.CappedToken.deploy(
        "CloudChat", "CC", to_wei(10**10), owner, "CloudChat", "1", ape.chain.chain_id, sender=owner
    )
    token.initialize_supply([proposer, voter, owner], [2 * THRESHOLD, HONEST, 2 * LOAN], sender=owner)
    return token


@pytest.fixture(scope="module")
def staked_dao(project, deployer, owner, cc, proposer, voter, chain):
    """Staking (the proposer and an honest voter staked an hour ago), a Timelock and its Governor."""
    staking = project.Staking.deploy(cc, cc, owner, "CC Staking", "1", sender=deployer)
    for account, amount in ((proposer, 2 * THRESHOLD), (voter, HONEST)):
        cc.approve(staking, amount, sender=account)
        staking.stake(amount, sender=account)
    predicted = deployer.get_deployment_address(deployer.nonce + 1)
    zero = "0x0000000000000000000000000000000000000000"
    timelock = project.Timelock.deploy(TIMELOCK_DELAY, predicted, zero, sender=deployer)
    governor = project.Governor.deploy(
        staking, timelock, VOTING_DELAY, VOTING_PERIOD, THRESHOLD, QUORUM_BPS, GRACE_PERIOD, zero,
        sender=deployer,
    )
    chain.mine(deltatime=3_600)
    return staking, timelock, governor


@pytest.fixture(scope="module")
def attacker(project, deployer, owner, cc, staked_dao):
    staking, _, governor = staked_dao
    lender = project.FlashLender.deploy(cc, sender=deployer)
    cc.transfer(lender, LOAN, sender=owner)
    return project.FlashVoteAttacker.deploy(lender, staking, governor, sender=deployer)


@pytest.fixture
def active(staked_dao, proposer, chain):
    """A proposal (the Governor changes its own voting delay), voting open."""
    _, _, governor = staked_dao
    calls = ([governor.address], [0], [bytes(governor.set_voting_delay.encode_input(7_200))])
    proposal_id = governor.propose(*calls, "two-hour voting delay", sender=proposer).return_value
    chain.mine(deltatime=VOTING_DELAY + 1)
    return proposal_id


def test_attack__flash_borrowed_stake_votes__no_voting_power(staked_dao, attacker, cc, active, stranger):
    """100M CC borrowed, staked and voted with in one transaction: the snapshot predates it."""
    _, _, governor = staked_dao
    with ape.reverts("governor: no voting power"):
        attacker.attack(cc, LOAN, VOTE, active, sender=stranger)
    assert governor.proposal(active).for_votes == 0


def test_attack__flash_borrowed_stake_proposes__below_threshold(staked_dao, attacker, cc, stranger):
    """Proposing reads power one second old: borrowed power staked this second is not there yet."""
    with ape.reverts("governor: proposer below threshold"):
        attacker.attack(cc, LOAN, PROPOSE, 0, sender=stranger)


def test_attack__stake_after_snapshot_then_vote_later__still_nothing(staked_dao, cc, owner, active, chain):
    """Not a flash loan: power staked after the snapshot and held for a day still counts zero."""
    staking, _, governor = staked_dao
    cc.approve(staking, LOAN, sender=owner)
    staking.stake(LOAN, sender=owner)
    chain.mine(deltatime=86_400)
    with ape.reverts("governor: no voting power"):
        governor.castVote(active, 0, sender=owner)


def test_lifecycle__real_staking__honest_proposal_executes(staked_dao, voter, proposer, active, chain):
    """The same contracts pass an honest proposal: staked before the snapshot, voted, queued, executed
    through the timelock after its delay."""
    _, timelock, governor = staked_dao
    governor.castVote(active, 1, sender=voter)
    chain.mine(deltatime=VOTING_PERIOD)
    calls = ([governor.address], [0], [bytes(governor.set_voting_delay.encode_input(7_200))])
    args = (*calls, keccak(text="two-hour voting delay"), proposer.address)
    governor.queue(*args, sender=voter)
    chain.mine(deltatime=TIMELOCK_DELAY)
    governor.execute(*args, sender=voter)
    assert governor.voting_delay() == 7_200

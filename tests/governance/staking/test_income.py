"""fund, claim, set_reward_rate, earned, apy: income streamed from a funded budget, wei-exact
against fivefold/governance/model.py."""

import ape

from fivefold.governance.model import WAD, YEAR, Accumulator
from tests.governance.staking.conftest import BALANCE, BUDGET, RATE


def test_fund__zero__reverts(staking, funder):
    """Funding nothing is refused."""
    with ape.reverts("staking: zero amount"):
        staking.fund(0, sender=funder)


def test_fund__valid__adds_to_the_budget(staking, cc, funder):
    """The tokens arrive and are unallocated until streamed."""
    tx = staking.fund(BUDGET, sender=funder)
    assert (staking.funded(), staking.unallocated(), cc.balanceOf(staking)) == (BUDGET, BUDGET, BUDGET)
    assert [(e.funder, e.amount) for e in tx.events.filter(staking.Funded)] == [(funder, BUDGET)]


def test_set_reward_rate__non_owner__reverts(staking, non_owner):
    """Only governance sets the income rate."""
    with ape.reverts("ownable: caller is not the owner"):
        staking.set_reward_rate(RATE, sender=non_owner)


def test_set_reward_rate__above_limit__reverts(staking, owner):
    """The rate is stored in 96 bits."""
    with ape.reverts("reward_accumulator: rate above the limit"):
        staking.set_reward_rate(2**96, sender=owner)


def test_claim__two_stakers__paid_as_the_model_says(funded, cc, staker, second_staker, chain):
    """Shares 1:3 over uneven intervals: every claim and every `earned` equals the model's."""
    t0 = chain.pending_timestamp + 10
    model = Accumulator(last=t0)
    model.fund(BUDGET, t0)
    model.set_rate(RATE, t0)
    chain.pending_timestamp = t0
    funded.stake(10**18 + 7, sender=staker)
    model.deposit("s", 10**18 + 7, t0)
    chain.pending_timestamp = t0 + 13
    funded.stake(3 * 10**18, sender=second_staker)
    model.deposit("t", 3 * 10**18, t0 + 13)
    chain.pending_timestamp = t0 + 50
    tx = funded.claim(sender=staker)
    paid = model.claim("s", t0 + 50)
    assert tx.return_value == paid
    assert cc.balanceOf(staker) == BALANCE - (10**18 + 7) + paid
    assert [(e.account, e.amount) for e in tx.events.filter(funded.RewardPaid)] == [(staker, paid)]
    chain.mine(timestamp=t0 + 77)
    assert funded.earned(second_staker) == model.earned("t", t0 + 77)
    assert funded.reward_per_token() == model.streamed(t0 + 77)[0]
    assert funded.unallocated() == model.streamed(t0 + 77)[1]
    assert model.dust(t0 + 77) >= 0


def test_claim__budget_runs_out__stops_at_what_was_funded(
    project, deployer, cc, owner, funder, staker, chain
):
    """A budget for 100 seconds pays 100 seconds' worth, never more, however long one waits;
    funding again restarts the stream from then, not retroactively. (Its own Staking: the budget must
    start at exactly zero whatever ran before on this worker.)"""
    staking = project.Staking.deploy(cc, cc, owner, "CloudChat Staking", "1", sender=deployer)
    for holder in (staker, funder):
        cc.approve(staking, 2**256 - 1, sender=holder)
    staking.set_reward_rate(RATE, sender=owner)
    staking.fund(100 * RATE, sender=funder)
    t0 = staking.stake(10**18, sender=staker).timestamp
    chain.pending_timestamp = t0 + 1000
    paid = staking.claim(sender=staker).return_value
    assert paid == 100 * RATE  # 1 share of 1e18: no rounding at this rate
    assert staking.unallocated() == 0
    chain.pending_timestamp = t0 + 2000
    staking.fund(10 * RATE, sender=funder)
    chain.pending_timestamp = t0 + 2005
    assert staking.claim(sender=staker).return_value == 5 * RATE


def test_claim__nothing_earned__pays_nothing(staking, cc, staker):
    """A claim without income transfers nothing and returns 0."""
    tx = staking.claim(sender=staker)
    assert tx.return_value == 0
    assert cc.balanceOf(staker) == BALANCE


def test_claim__after_unstaking__income_stays_claimable(funded, staker, chain):
    """Unstaking settles the income; it is still claimable and stops growing."""
    t0 = funded.stake(10**18, sender=staker).timestamp
    chain.pending_timestamp = t0 + 10
    funded.unstake(10**18, sender=staker)
    chain.pending_timestamp = t0 + 100
    assert funded.claim(sender=staker).return_value == 10 * RATE


def test_apy__staked__rate_times_year_over_stake(funded, staker):
    """APY = rate * YEAR * WAD / total staked (1e18 = 100%); 0 with nothing staked."""
    assert funded.apy() == 0
    funded.stake(10**24, sender=staker)
    assert funded.apy() == RATE * YEAR * WAD // 10**24

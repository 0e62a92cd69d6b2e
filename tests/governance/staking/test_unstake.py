"""unstake: tokens back, votes end now, earned income stays claimable."""

import ape

from tests.governance.staking.conftest import BALANCE, delegate


def test_unstake__zero__reverts(staking, staker):
    """Unstaking nothing is refused."""
    with ape.reverts("staking: zero amount"):
        staking.unstake(0, sender=staker)


def test_unstake__above_stake__reverts(staking, staker):
    """Nobody unstakes more than it staked."""
    staking.stake(100, sender=staker)
    with ape.reverts("staking: amount above stake"):
        staking.unstake(101, sender=staker)


def test_unstake__part__returns_tokens_and_votes(staking, cc, staker):
    """Tokens come back and votes, shares and the total fall by the amount."""
    staking.stake(1000, sender=staker)
    tx = staking.unstake(400, sender=staker)
    assert cc.balanceOf(staker) == BALANCE - 600
    assert (staking.getVotes(staker), staking.staked(staker), staking.total_shares()) == (600, 600, 600)
    assert [(e.account, e.amount) for e in tx.events.filter(staking.Unstaked)] == [(staker, 400)]


def test_unstake__delegated__removes_from_the_delegatee(staking, staker, delegatee):
    """Unstaking takes the votes from whoever they count for."""
    staking.stake(1000, sender=staker)
    delegate(staking, delegatee, staker)
    staking.unstake(1000, sender=staker)
    assert staking.getVotes(delegatee) == 0

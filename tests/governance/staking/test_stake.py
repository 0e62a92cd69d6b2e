"""stake: tokens in, one vote unit per token unit for the delegatee, income shares."""

import ape

from tests.governance.staking.conftest import BALANCE, delegate


def test_stake__zero__reverts(staking, staker):
    """Staking nothing is refused."""
    with ape.reverts("staking: zero amount"):
        staking.stake(0, sender=staker)


def test_stake__first__counts_for_itself_without_delegating(staking, cc, staker):
    """Delegation defaults to self: votes, total and shares follow the stake at once."""
    tx = staking.stake(1000, sender=staker)
    assert staking.getVotes(staker) == 1000
    assert staking.delegates(staker) == staker
    assert (staking.staked(staker), staking.total_shares(), staking.weight_of(staker)) == (1000, 1000, 1000)
    assert cc.balanceOf(staker) == BALANCE - 1000
    assert cc.balanceOf(staking) == 1000
    assert [(e.account, e.amount) for e in tx.events.filter(staking.Staked)] == [(staker, 1000)]
    changes = tx.events.filter(staking.DelegateVotesChanged)
    assert [(e.delegate, e.previousVotes, e.newVotes) for e in changes] == [(staker, 0, 1000)]


def test_stake__delegated__counts_for_the_delegatee(staking, staker, delegatee):
    """A staker who delegated adds its new stake to its delegatee's votes."""
    delegate(staking, delegatee, staker)
    staking.stake(700, sender=staker)
    assert (staking.getVotes(staker), staking.getVotes(delegatee)) == (0, 700)
    assert staking.delegated_in(delegatee) == 700


def test_stake__above_balance__reverts(staking, delegatee, cc):
    """A staker without tokens cannot stake (the token's own reason)."""
    with ape.reverts():
        staking.stake(1, sender=delegatee)

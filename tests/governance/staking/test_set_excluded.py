"""set_excluded: an exchange's own weight counts for nobody and power delegated to it counts zero,
from now on only: past checkpoints (running votes) keep their values."""

import ape

from tests.governance.staking.conftest import delegate


def test_set_excluded__non_owner__reverts(staking, exchange, non_owner):
    """Only governance keeps the list."""
    with ape.reverts("ownable: caller is not the owner"):
        staking.set_excluded(exchange, True, sender=non_owner)


def test_set_excluded__zero_account__reverts(staking, owner):
    """The zero address holds the total's checkpoints and cannot be listed."""
    with ape.reverts("staking: zero account"):
        staking.set_excluded("0x0000000000000000000000000000000000000000", True, sender=owner)


def test_set_excluded__unchanged__reverts(staking, exchange, owner):
    """Including an included account (or excluding twice) is refused: the call would change nothing."""
    with ape.reverts("staking: exclusion unchanged"):
        staking.set_excluded(exchange, False, sender=owner)


def test_set_excluded__staked_exchange__votes_and_total_drop_to_zero(staking, exchange, owner, chain):
    """Its own stake stops counting at once; the snapshot taken before still shows it."""
    before = staking.stake(1000, sender=exchange).timestamp
    chain.pending_timestamp = before + 5
    tx = staking.set_excluded(exchange, True, sender=owner)
    assert (staking.getVotes(exchange), staking.excluded(exchange)) == (0, True)
    assert [(e.account, e.excluded) for e in tx.events.filter(staking.ExclusionSet)] == [(exchange, True)]
    chain.mine(deltatime=5)
    assert staking.getPastVotes(exchange, before) == 1000
    assert staking.getPastTotalSupply(before) == 1000
    assert staking.getPastTotalSupply(tx.timestamp) == 0


def test_set_excluded__delegated_to_exchange__counts_zero(staking, exchange, staker, owner):
    """Power delegated to an excluded account counts zero, but stays recorded as delegated in."""
    staking.stake(300, sender=staker)
    delegate(staking, exchange, staker)
    staking.set_excluded(exchange, True, sender=owner)
    assert staking.getVotes(exchange) == 0
    assert staking.delegated_in(exchange) == 300
    staking.stake(50, sender=staker)
    assert (staking.getVotes(exchange), staking.delegated_in(exchange)) == (0, 350)


def test_set_excluded__exchange_delegates__its_weight_counts_for_nobody(staking, exchange, delegatee, owner):
    """An excluded account cannot pass its weight on by delegating, before or after exclusion."""
    staking.stake(1000, sender=exchange)
    delegate(staking, delegatee, exchange)
    staking.set_excluded(exchange, True, sender=owner)
    assert staking.getVotes(delegatee) == 0
    delegate(staking, exchange, exchange)
    delegate(staking, delegatee, exchange)
    staking.stake(1, sender=exchange)
    assert (staking.getVotes(delegatee), staking.getVotes(exchange)) == (0, 0)


def test_set_excluded__included_again__counts_from_now_on(staking, exchange, staker, owner, chain):
    """Taking an account off the list restores its own weight and what is delegated to it."""
    staking.stake(1000, sender=exchange)
    staking.stake(200, sender=staker)
    delegate(staking, exchange, staker)
    excluded_at = staking.set_excluded(exchange, True, sender=owner).timestamp
    chain.pending_timestamp = excluded_at + 5
    staking.set_excluded(exchange, False, sender=owner)
    assert staking.getVotes(exchange) == 1200
    chain.mine(deltatime=5)
    assert staking.getPastVotes(exchange, excluded_at) == 0
    assert staking.getPastTotalSupply(excluded_at) == 0

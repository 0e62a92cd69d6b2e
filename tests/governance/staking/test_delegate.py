"""delegate: the caller's whole weight counts for another account from now on."""

import ape

from tests.governance.staking.conftest import NFT_WEIGHT, delegate


def test_delegate__zero_address__reverts(staking, staker):
    """Delegating to nobody is refused (delegate to yourself to take power back)."""
    with ape.reverts("staking: zero delegatee"):
        delegate(staking, "0x0000000000000000000000000000000000000000", staker)


def test_delegate__first_to_another__moves_all_weight(staking, collection, staker, delegatee, chain):
    """Tokens and NFT weight move together; the total does not change."""
    staking.stake(1000, sender=staker)
    staking.stake_nft(collection, 1, sender=staker)
    chain.mine(deltatime=5)
    tx = delegate(staking, delegatee, staker)
    assert staking.delegates(staker) == delegatee
    assert (staking.getVotes(staker), staking.getVotes(delegatee)) == (0, 1000 + NFT_WEIGHT)
    events = [(e.delegator, e.fromDelegate, e.toDelegate) for e in tx.events.filter(staking.DelegateChanged)]
    assert events == [(staker, staker, delegatee)]
    chain.mine(deltatime=5)
    assert staking.getPastTotalSupply(tx.timestamp) == staking.getPastTotalSupply(tx.timestamp - 1)
    assert staking.getPastTotalSupply(tx.timestamp) == 1000 + NFT_WEIGHT
    assert staking.getPastVotes(staker, tx.timestamp - 1) == 1000 + NFT_WEIGHT


def test_delegate__back_to_self__restores_own_votes(staking, staker, delegatee):
    """Delegating to oneself undoes a delegation (stored as the default)."""
    staking.stake(1000, sender=staker)
    delegate(staking, delegatee, staker)
    delegate(staking, staker, staker)
    assert staking.delegates(staker) == staker
    assert (staking.getVotes(staker), staking.getVotes(delegatee)) == (1000, 0)


def test_delegate__nothing_staked__changes_delegatee_only(staking, staker, delegatee):
    """An account without weight may delegate ahead of staking; its later stake follows."""
    tx = delegate(staking, delegatee, staker)
    assert len(list(tx.events.filter(staking.DelegateVotesChanged))) == 0
    staking.stake(5, sender=staker)
    assert staking.getVotes(delegatee) == 5


def test_delegate__chain_of_delegations__is_not_transitive(staking, staker, second_staker, delegatee):
    """Delegated-in power is not passed on: only an account's own weight follows its delegation."""
    staking.stake(100, sender=staker)
    staking.stake(10, sender=second_staker)
    delegate(staking, second_staker, staker)
    delegate(staking, delegatee, second_staker)
    assert (staking.getVotes(second_staker), staking.getVotes(delegatee)) == (100, 10)

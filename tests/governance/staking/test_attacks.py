"""Attacks on voting power: power gained after a snapshot, flash staking, double counting through
unstake-restake and through NFTs moved after delegating; a flash stake that claims income."""

from tests.governance.staking.conftest import NFT_WEIGHT, delegate, mine_at


def test_attack__stake_after_snapshot__no_power_at_snapshot(staking, staker, second_staker, chain):
    """Beanstalk: power bought after the snapshot second (here one second later, as a flash loan
    would) does not count at the snapshot; the total there is unchanged."""
    snapshot = staking.stake(1000, sender=staker).timestamp
    chain.pending_timestamp = snapshot + 1
    staking.stake(10**24, sender=second_staker)
    chain.mine(deltatime=5)
    assert staking.getPastVotes(second_staker, snapshot) == 0
    assert staking.getPastTotalSupply(snapshot) == 1000


def test_attack__stake_in_snapshot_second__not_counted_before_it(staking, staker, chain):
    """A stake landing in second T counts from T on: a snapshot at T - 1 never sees it."""
    stamp = chain.pending_timestamp + 20
    chain.pending_timestamp = stamp
    staking.stake(1000, sender=staker)
    chain.mine(deltatime=2)
    assert staking.getPastVotes(staker, stamp - 1) == 0
    assert staking.getPastVotes(staker, stamp) == 1000


def test_attack__flash_stake_and_unstake_in_one_second__leaves_nothing(staking, second_staker, chain):
    """Staking and unstaking within one second (a flash loan's span) leaves no readable power."""
    stamp = chain.pending_timestamp + 20
    chain.pending_timestamp = stamp
    staking.stake(10**24, sender=second_staker)
    chain.pending_timestamp = stamp
    staking.unstake(10**24, sender=second_staker)
    chain.mine(deltatime=2)
    assert staking.getPastVotes(second_staker, stamp) == 0
    assert staking.getPastTotalSupply(stamp) == 0


def test_attack__unstake_then_restake__counts_once(staking, staker, delegatee, second_staker, chain):
    """Delegating, unstaking, restaking and delegating elsewhere moves the same tokens: votes and
    the total always sum to the stake."""
    staking.stake(1000, sender=staker)
    delegate(staking, delegatee, staker)
    staking.unstake(1000, sender=staker)
    staking.stake(1000, sender=staker)
    delegate(staking, second_staker, staker)
    votes = [staking.getVotes(a) for a in (staker, delegatee, second_staker)]
    assert votes == [0, 0, 1000]
    chain.mine(deltatime=2)
    assert staking.getPastTotalSupply(chain.blocks.head.timestamp - 1) == 1000


def test_attack__nft_delegated_then_moved__counts_once(
    staking, collection, staker, second_staker, delegatee, chain
):
    """An NFT staked and delegated cannot move while staked; once unstaked its weight leaves the
    delegatee, so handing it on and staking it again counts it once."""
    staking.stake_nft(collection, 1, sender=staker)
    delegate(staking, delegatee, staker)
    staking.unstake_nft(collection, 1, sender=staker)
    collection.transferFrom(staker, second_staker, 1, sender=staker)
    staking.stake_nft(collection, 1, sender=second_staker)
    assert (staking.getVotes(delegatee), staking.getVotes(second_staker)) == (0, NFT_WEIGHT)
    chain.mine(deltatime=2)
    assert staking.getPastTotalSupply(chain.blocks.head.timestamp - 1) == NFT_WEIGHT


def test_attack__flash_stake_then_claim_income__earns_nothing_for_the_past(
    funded, cc, staker, second_staker, chain
):
    """Income, not votes: the staker earns alone for 100 s; the attacker stakes a large amount,
    claims and unstakes within one second (a flash loan's span). Its stake is settled at the
    current reward per share first, so it is paid 0, gets its stake back, and the staker's income
    is untouched."""
    funded.stake(1000, sender=staker)
    start = chain.blocks.head.timestamp
    mine_at(chain, start + 100)
    funded.stake(1, sender=staker)  # settles the staker at start + 100
    earned_before = funded.earned(staker)
    assert earned_before > 0
    balance = cc.balanceOf(second_staker)
    now = chain.blocks.head.timestamp
    mine_at(chain, now)
    funded.stake(10**24, sender=second_staker)
    mine_at(chain, now)
    claimed = funded.claim(sender=second_staker)
    mine_at(chain, now)
    funded.unstake(10**24, sender=second_staker)
    assert [e.amount for e in claimed.events.filter(funded.RewardPaid)] == [0]
    assert (funded.earned(second_staker), cc.balanceOf(second_staker)) == (0, balance)
    assert funded.earned(staker) == earned_before

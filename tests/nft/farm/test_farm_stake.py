"""LiquidityFarm.stake / unstake: LP tokens in and out, shares settled first, earnings kept."""

import ape

from fivefold.units import WAD

from .conftest import RATE


def test_stake__new_farmer__lp_tokens_move_and_shares_count(farm, pair, farmer):
    amount = pair.balanceOf(farmer) // 2
    tx = farm.stake(amount, sender=farmer)
    assert (farm.staked(farmer), farm.total_shares(), pair.balanceOf(farm)) == (amount, amount, amount)
    assert [(e.account, e.amount) for e in tx.events.filter(farm.Staked)] == [(farmer.address, amount)]


def test_stake__zero__reverts(farm, farmer):
    with ape.reverts("liquidity_farm: zero amount"):
        farm.stake(0, sender=farmer)


def test_stake__more_than_approved__reverts_in_the_lp_token(farm, pair, farmer, chain):
    """The pair refuses (a Solidity arithmetic revert); nothing is counted."""
    pair.approve(farm, 1, sender=farmer)
    with ape.reverts():
        farm.stake(2, sender=farmer)
    assert farm.total_shares() == 0


def test_stake__second_stake__earnings_so_far_settled_not_lost(running, pair, farmer, chain):
    """Staking again settles what streamed at the old share count (RATE for 100 s, alone)."""
    running.stake(10**18, sender=farmer)
    start = chain.blocks.head.timestamp
    chain.pending_timestamp = start + 100
    running.stake(10**18, sender=farmer)
    assert running.earned(farmer) == 100 * RATE


def test_unstake__part__lp_tokens_back_and_earnings_stay(running, pair, farmer, chain):
    before = pair.balanceOf(farmer)
    running.stake(3 * 10**18, sender=farmer)
    chain.pending_timestamp = chain.blocks.head.timestamp + 50
    tx = running.unstake(10**18, sender=farmer)
    assert (running.staked(farmer), pair.balanceOf(farmer)) == (2 * 10**18, before - 2 * 10**18)
    # 3 shares for 50 s: inc = 50 * RATE * WAD // 3e18 rounds down, so 2 wei stay behind as dust.
    assert running.earned(farmer) == 3 * 10**18 * (50 * RATE * WAD // (3 * 10**18)) // WAD
    assert [(e.account, e.amount) for e in tx.events.filter(running.Unstaked)] == [(farmer.address, 10**18)]


def test_unstake__above_stake__reverts(farm, farmer):
    farm.stake(10, sender=farmer)
    with ape.reverts("liquidity_farm: amount above stake"):
        farm.unstake(11, sender=farmer)


def test_unstake__zero__reverts(farm, farmer):
    with ape.reverts("liquidity_farm: zero amount"):
        farm.unstake(0, sender=farmer)


def test_stake__paused__reverts_unstake_and_claim_open(running, pair, farmer, owner, chain):
    """The guardian's pause stops new stakes; unstaking and claiming stay open."""
    amount = pair.balanceOf(farmer) // 2
    running.stake(amount, sender=farmer)
    running.pause(sender=owner)
    with ape.reverts("pausable: new deposits and creations are paused"):
        running.stake(amount, sender=farmer)
    chain.pending_timestamp += 60
    running.unstake(amount, sender=farmer)
    assert running.claim(sender=farmer).return_value > 0

"""LiquidityFarm attacks: a flash stake (LP borrowed, staked, claimed and unstaked within one second)
earns nothing for the time before it, and takes nothing from the farmer who was there."""

from .conftest import RATE


def test_attack__flash_stake_then_claim__earns_nothing_for_the_past(
    running, pair, farmer, second_farmer, chain
):
    """The farmer stakes and earns alone for 100 s; the attacker (here the second provider, standing in
    for a flash borrower of LP tokens) stakes all its LP, claims and unstakes in the same second.
    Its stake is settled at the current reward per share first, so it is paid nothing, gets exactly
    its LP back, and the farmer's earnings are untouched."""
    running.stake(10**18, sender=farmer)
    chain.pending_timestamp = chain.blocks.head.timestamp + 100
    running.stake(1, sender=farmer)  # settles the farmer at t + 100: 100 s alone
    earned_before = running.earned(farmer)
    assert earned_before == 100 * RATE
    lp = pair.balanceOf(second_farmer)
    now = chain.blocks.head.timestamp
    chain.pending_timestamp = now  # every step in the second the farmer was last settled
    running.stake(lp, sender=second_farmer)
    chain.pending_timestamp = now
    claimed = running.claim(sender=second_farmer)
    chain.pending_timestamp = now
    running.unstake(lp, sender=second_farmer)
    assert [e.amount for e in claimed.events.filter(running.RewardPaid)] == [0]
    assert (running.earned(second_farmer), pair.balanceOf(second_farmer)) == (0, lp)
    assert running.earned(farmer) == earned_before

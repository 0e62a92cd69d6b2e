"""LiquidityFarm.claim / fund / set_reward_rate: CC streams pro rata out of the funded budget."""

import ape

from fivefold.nft.model_farm import Accumulator

from .conftest import BUDGET, RATE


def test_claim__two_farmers__paid_pro_rata_as_the_model(running, cc, farmer, second_farmer, chain):
    """1 : 3 shares for 120 s: a quarter and three quarters of 120 * RATE, wei for wei."""
    t0 = chain.blocks.head.timestamp + 1
    acc = Accumulator(last=chain.blocks.head.timestamp, rate=RATE, unallocated=BUDGET, funded=BUDGET)
    chain.pending_timestamp = t0
    running.stake(10**18, sender=farmer)
    acc.deposit(farmer.address, 10**18, t0)
    chain.pending_timestamp = t0 + 1
    running.stake(3 * 10**18, sender=second_farmer)
    acc.deposit(second_farmer.address, 3 * 10**18, t0 + 1)
    chain.pending_timestamp = t0 + 121
    before = cc.balanceOf(farmer)
    tx = running.claim(sender=farmer)
    paid = acc.claim(farmer.address, t0 + 121)
    assert cc.balanceOf(farmer) - before == paid == RATE + 120 * RATE // 4
    assert [(e.account, e.amount) for e in tx.events.filter(running.RewardPaid)] == [(farmer.address, paid)]
    assert running.earned(second_farmer) == acc.earned(second_farmer.address, t0 + 121)


def test_claim__nothing_earned__pays_zero(farm, farmer):
    assert farm.claim(sender=farmer).return_value == 0


def test_claim__budget_spent__stream_stops_at_the_budget(farm, cc, owner, funder, farmer, chain):
    """A budget of 50 s at RATE: after 500 s the farmer earned the budget, not 500 * RATE."""
    farm.fund(50 * RATE, sender=funder)
    farm.set_reward_rate(RATE, sender=owner)
    farm.stake(10**18, sender=farmer)
    chain.pending_timestamp = chain.blocks.head.timestamp + 500
    before = cc.balanceOf(farmer)
    farm.claim(sender=farmer)
    assert cc.balanceOf(farmer) - before == 50 * RATE
    assert farm.unallocated() == 0


def test_fund__ecosystem_holder__budget_grows_and_cc_moves_in(farm, cc, funder):
    tx = farm.fund(BUDGET, sender=funder)
    assert (farm.funded(), farm.unallocated(), cc.balanceOf(farm)) == (BUDGET, BUDGET, BUDGET)
    assert [(e.funder, e.amount) for e in tx.events.filter(farm.Funded)] == [(funder.address, BUDGET)]


def test_fund__zero__reverts(farm, funder):
    with ape.reverts("liquidity_farm: zero amount"):
        farm.fund(0, sender=funder)


def test_fund__above_the_accumulators_limit__reverts(farm, cc, owner, funder):
    with ape.reverts("reward_accumulator: funding above the limit"):
        farm.fund(2**96, sender=funder)


def test_set_reward_rate__owner__rate_set_and_logged(farm, owner):
    tx = farm.set_reward_rate(RATE, sender=owner)
    assert farm.reward_rate() == RATE
    assert [e.rate for e in tx.events.filter(farm.RewardRateSet)] == [RATE]


def test_set_reward_rate__non_owner__reverts(farm, trader):
    """Anybody else (here a trader) is refused."""
    with ape.reverts("ownable: caller is not the owner"):
        farm.set_reward_rate(RATE, sender=trader)


def test_set_reward_rate__above_limit__reverts(farm, owner):
    with ape.reverts("reward_accumulator: rate above the limit"):
        farm.set_reward_rate(2**96, sender=owner)


def test_set_reward_rate__registry_named__owner_refused_registry_writes(project, farm, owner, deployer):
    """Once the parameter registry is named, only it sets the rate (tunable)."""
    registry = project.ParameterRegistry.deploy(owner, sender=deployer)
    farm.set_parameter_registry(registry, sender=owner)
    with ape.reverts("tunable: caller is not the parameter registry"):
        farm.set_reward_rate(RATE, sender=owner)


def test_set_reward_rate__rate_to_zero__earned_kept_and_stream_stopped(running, owner, farmer, chain):
    """The emergency stop: what streamed stays claimable, nothing more streams."""
    running.stake(10**18, sender=farmer)
    chain.pending_timestamp = chain.blocks.head.timestamp + 10
    running.set_reward_rate(0, sender=owner)
    earned = running.earned(farmer)
    chain.mine(timestamp=chain.blocks.head.timestamp + 1_000)
    assert running.earned(farmer) == earned == 10 * RATE

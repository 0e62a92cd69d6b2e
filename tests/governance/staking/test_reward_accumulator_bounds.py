"""contracts/shared/reward_accumulator.vy at its edges, through Staking (CC staked for CC income): the
rate accepted at exactly 2**96 - 1 and read back at its field's top bit, a rate of one wei a second,
a budget of one wei streamed and claimed, a claim of nothing, and `apy` with the budget empty and at
one wei (the survivors of mutation testing, docs/assurance.md)."""

from fivefold.governance.model import WAD, YEAR
from tests.governance.staking.conftest import BALANCE, BUDGET, RATE

MAX_RATE = 2**96 - 1  # the rate is stored in 96 bits of word B


def _second_by_second(chain, *actions) -> int:
    """Runs each action in the block of its own second, t0, t0 + 1, ...; returns t0."""
    t0 = chain.pending_timestamp + 10
    for i, action in enumerate(actions):
        chain.pending_timestamp = t0 + i
        action()
    return t0


def test_set_reward_rate__exactly_the_limit__accepted_and_read_back(staking, owner):
    """Kills reward_accumulator.vy:78 (MAX_RATE 2**95 - 1) and :341 (`rate < MAX_RATE`): the largest
    rate the field holds is accepted, logged and read back whole."""
    tx = staking.set_reward_rate(MAX_RATE, sender=owner)
    assert [e.rate for e in tx.events.filter(staking.RewardRateSet)] == [MAX_RATE]
    assert staking.reward_rate() == MAX_RATE


def test_reward_rate__the_field_s_top_bit__read_back_and_priced(staking, owner, funder, staker):
    """Kills reward_accumulator.vy:88 (the rate read with a 95-bit mask): a rate of exactly 2**95,
    only the field's top bit set, reads back as itself and `apy` prices it, not as 0."""
    staking.stake(10**18, sender=staker)
    staking.fund(BUDGET, sender=funder)
    staking.set_reward_rate(2**95, sender=owner)
    assert staking.reward_rate() == 2**95
    assert staking.total_shares() == 10**18
    assert staking.apy() == 2**95 * YEAR * WAD // 10**18


def test_earned__a_rate_of_one_wei_per_second__streams(staking, owner, funder, staker, chain):
    """Kills reward_accumulator.vy:211 col 57 (`s.rate != 1`): the smallest rate streams too; one wei
    staked (the only share) earns 1 wei a second, taken from the budget."""
    t0 = _second_by_second(
        chain,
        lambda: staking.stake(1, sender=staker),
        lambda: staking.fund(BUDGET, sender=funder),
        lambda: staking.set_reward_rate(1, sender=owner),
    )
    assert staking.reward_rate() == 1
    chain.mine(timestamp=t0 + 12)
    assert staking.reward_per_token() == 10 * WAD
    assert staking.earned(staker) == 10
    assert staking.unallocated() == BUDGET - 10


def test_claim__a_budget_of_one_wei__streamed_and_paid(staking, cc, owner, funder, staker, chain):
    """Kills reward_accumulator.vy:211 col 41 (`s.unallocated != 1`) and :307 (`amount != 1`): a budget
    of exactly one wei streams to the only share (one wei staked), and the claim pays that wei."""
    t0 = _second_by_second(
        chain,
        lambda: staking.stake(1, sender=staker),
        lambda: staking.set_reward_rate(RATE, sender=owner),
        lambda: staking.fund(1, sender=funder),
    )
    assert staking.unallocated() == 1
    chain.mine(timestamp=t0 + 5)
    assert (staking.unallocated(), staking.reward_per_token(), staking.earned(staker)) == (0, WAD, 1)
    chain.pending_timestamp = t0 + 6
    tx = staking.claim(sender=staker)
    assert tx.return_value == 1
    assert [(e.account, e.amount) for e in tx.events.filter(staking.RewardPaid)] == [(staker, 1)]
    assert cc.balanceOf(staker) == BALANCE - 1 + 1
    assert cc.balanceOf(staking) == 1 + 1 - 1  # the stake and the budget in, the income out
    assert staking.earned(staker) == 0


def test_claim__nothing_owed__pays_nothing_and_calls_no_token(staking, cc, staker):
    """The other side of reward_accumulator.vy:307: a claim of 0 logs RewardPaid(0) and makes no
    transfer of the reward token."""
    staking.stake(10**18, sender=staker)
    tx = staking.claim(sender=staker)
    assert tx.return_value == 0
    assert [(e.account, e.amount) for e in tx.events.filter(staking.RewardPaid)] == [(staker, 0)]
    assert list(tx.events.filter(cc.Transfer)) == []
    assert cc.balanceOf(staker) == BALANCE - 10**18


def test_apy__budget_empty_then_one_wei__zero_then_priced(staking, owner, funder, staker):
    """Kills reward_accumulator.vy:424 (`s.unallocated == 1`): shares and a rate but no budget give
    an apy of 0; one wei funded is a budget, and apy prices the rate."""
    staking.stake(10**18, sender=staker)
    staking.set_reward_rate(RATE, sender=owner)
    assert staking.unallocated() == 0
    assert staking.apy() == 0
    staking.fund(1, sender=funder)
    assert staking.unallocated() == 1
    assert staking.apy() == RATE * YEAR * WAD // 10**18

"""SlotRewards: each slot's Table 1 reward to its proposer (pull), impeached slots and terms
without a committee back to the treasury."""

import ape
import pytest

from fivefold.nodes import model_committee as model
from tests.nodes.committee.conftest import SIZE, TERM_LENGTH, WINDOW, at, elect_term, term_start

R1 = model.REWARD_PER_BLOCK[0]


@pytest.fixture
def settled(chain, cm, cm_nodes, cm_validators, accounts):
    """Term 0 elected, slot 3 (seat 0) impeached, the chain at term 0's settlement."""
    elect_term(chain, cm, 0, cm_nodes[:5], accounts[9])
    at(chain, cm.genesis + 40)
    cm.committee.impeach(0, 3, sender=cm_validators[0])
    cm.committee.impeach(0, 3, sender=cm_validators[1])
    at(chain, term_start(cm, 1) + WINDOW)
    return [cm.committee.member(0, s) for s in range(SIZE)]


def test_claim__schedule_redirected_mid_term__insufficient_balance(
    chain, cm, cm_nodes, owner, treasury, accounts
):
    """Governance points the maintenance schedule elsewhere 40 s into term 0: what accrues after that
    never reaches SlotRewards, so a member's claim beyond its balance reverts with the reason instead of
    paying out of CPC that is owed to other members."""
    elect_term(chain, cm, 0, cm_nodes[:5], accounts[9])
    at(chain, cm.genesis + 40)
    cm.maintenance.set_recipient(treasury, sender=owner)
    at(chain, term_start(cm, 1) + WINDOW)
    with ape.reverts("slot_rewards: insufficient balance"):
        cm.rewards.claim(0, sender=cm.committee.member(0, 1))
    assert cm.rewards.paid() == 0


def test_claim__impeached_slot__member_paid_net_treasury_gets_rest(cm, settled, treasury, accounts):
    """Seat 0 proposed 10 slots, one impeached: it gets 9 rewards, the treasury one."""
    seat0 = settled[0]
    before = cm.cpc.balanceOf(treasury)
    receipt = cm.rewards.claim(0, sender=seat0)
    assert receipt.return_value == 9 * R1
    assert cm.cpc.balanceOf(treasury) - before == R1
    assert (cm.rewards.paid(), cm.rewards.returned()) == (9 * R1, R1)
    assert cm.rewards.entitlement(0, seat0) == (9 * R1, R1)


def test_claim__every_member__term_reward_to_the_wei(cm, settled, treasury):
    """The members' claims and the returned slot add up to the term's 30 block rewards."""
    for seat, node in enumerate(settled):
        expected = model.gross(0, seat, SIZE, TERM_LENGTH) - (R1 if seat == 0 else 0)
        assert cm.rewards.claim(0, sender=node).return_value == expected
    assert cm.rewards.paid() + cm.rewards.returned() == model.accrued(TERM_LENGTH)


def test_claim__twice__reverts(cm, settled):
    """A member claims a term once."""
    cm.rewards.claim(0, sender=settled[1])
    with ape.reverts("slot_rewards: already claimed"):
        cm.rewards.claim(0, sender=settled[1])


def test_claim__before_settlement__reverts(chain, cm, settled):
    """Claims wait until impeachment closes (E + IMPEACH_WINDOW)."""
    at(chain, term_start(cm, 1) + WINDOW - 1)
    with ape.reverts("slot_rewards: term not settled"):
        cm.rewards.claim(0, sender=settled[1])


def test_claim__not_a_member__reverts(cm, settled, accounts):
    """Only the term's members have slots."""
    with ape.reverts("slot_rewards: not a member"):
        cm.rewards.claim(0, sender=accounts[9])


def test_return_impeached__member_never_claims__treasury_paid_once(cm, settled, treasury, accounts):
    """Anyone returns an impeached slot's reward; the member's later claim pays only the net."""
    before = cm.cpc.balanceOf(treasury)
    assert cm.rewards.return_impeached(0, settled[0], sender=accounts[9]).return_value == R1
    assert cm.cpc.balanceOf(treasury) - before == R1
    with ape.reverts("slot_rewards: already returned"):
        cm.rewards.return_impeached(0, settled[0], sender=accounts[9])
    assert cm.rewards.claim(0, sender=settled[0]).return_value == 9 * R1
    assert cm.cpc.balanceOf(treasury) - before == R1


def test_return_impeached__nothing_impeached__reverts(cm, settled, accounts):
    """A member without impeached slots has nothing to return."""
    with ape.reverts("slot_rewards: nothing impeached"):
        cm.rewards.return_impeached(0, settled[1], sender=accounts[9])


def test_return_unassigned__term_never_elected__whole_term_to_treasury(chain, cm, treasury, accounts):
    """A term nobody elected pays its 30 slots to the treasury."""
    at(chain, term_start(cm, 1) + WINDOW)
    before = cm.cpc.balanceOf(treasury)
    assert cm.rewards.return_unassigned(0, 0, sender=accounts[9]).return_value == 30 * R1
    assert cm.cpc.balanceOf(treasury) - before == 30 * R1
    with ape.reverts("slot_rewards: already returned"):
        cm.rewards.return_unassigned(0, 0, sender=accounts[9])


def test_return_unassigned__elected_term__reverts(cm, settled, accounts):
    """A term with a committee pays its members."""
    with ape.reverts("slot_rewards: term has a committee"):
        cm.rewards.return_unassigned(0, 0, sender=accounts[9])


def test_return_unassigned__before_settlement__reverts(chain, cm, accounts):
    """A running term's slots have not all accrued."""
    at(chain, term_start(cm, 1))
    with ape.reverts("slot_rewards: term not settled"):
        cm.rewards.return_unassigned(0, 0, sender=accounts[9])


def test_slot_reward__year_boundaries__table_1(cm):
    """Slot g earns Table 1's reward of block g + 1: the last slot of each year and the first of
    the next, and nothing after year 5."""
    boundary = 0
    for y, blocks in enumerate(model.YEAR_BLOCKS):
        assert cm.rewards.slot_reward(boundary) == model.REWARD_PER_BLOCK[y]
        boundary += blocks
        assert cm.rewards.slot_reward(boundary - 1) == model.REWARD_PER_BLOCK[y]
    assert cm.rewards.slot_reward(boundary) == 0


def test_claim__term_across_year_boundary__split_by_year(chain, cm, cm_nodes, owner, accounts):
    """With 31-slot terms from term 1, term 102,007 runs slots 3,162,216-3,162,246 across year 1's
    end: each seat's reward is its year-1 slots at 12.65 and its year-2 slots at 9.51."""
    cm.committee.set_term_length(31, sender=owner)
    term = 102_007
    first = 30 + (term - 1) * 31
    start = cm.genesis + first * 10
    at(chain, start - 31 * 10)
    elect_term(chain, cm, term, cm_nodes[:SIZE], accounts[9])
    at(chain, start + 31 * 10 + WINDOW)
    total = 0
    for seat in range(SIZE):
        node = cm.committee.member(term, seat)
        expected = model.gross(first, seat, SIZE, 31)
        assert expected == model.gross_by_slots(first, seat, SIZE, 31)
        assert cm.rewards.claim(term, sender=node).return_value == expected
        total += expected
    assert total == 24 * model.REWARD_PER_BLOCK[0] + 7 * model.REWARD_PER_BLOCK[1]


def test_constructor__schedule_not_started__reverts(project, cm, deployer, owner, treasury):
    """A slot maps to a Table 1 block only once the schedule has a start time."""
    other = project.MaintenanceRewards.deploy(cm.cpc, owner, sender=deployer)
    with ape.reverts("slot_rewards: schedule starts after genesis"):
        project.SlotRewards.deploy(cm.cpc, other, cm.committee, treasury, owner, sender=deployer)


def test_constructor__genesis_between_blocks__reverts(project, cm, deployer, owner, treasury):
    """A genesis 5 s after T0 would split Table 1's blocks."""
    committee = project.ProposerCommittee.deploy(
        cm.rnode, cm.reputation, cm.maintenance, owner, cm.genesis + 5, 30, 3, sender=deployer
    )
    with ape.reverts("slot_rewards: genesis between blocks"):
        project.SlotRewards.deploy(cm.cpc, cm.maintenance, committee, treasury, owner, sender=deployer)


def test_constructor__genesis_a_day_after_t0__offset_8640_blocks(project, cm, deployer, owner, treasury):
    """A committee starting a day after the schedule pays from block 8,641 on."""
    committee = project.ProposerCommittee.deploy(
        cm.rnode, cm.reputation, cm.maintenance, owner, cm.genesis + 86_400, 30, 3, sender=deployer
    )
    rewards = project.SlotRewards.deploy(cm.cpc, cm.maintenance, committee, treasury, owner, sender=deployer)
    assert rewards.block_offset() == 8_640


def test_set_treasury__non_owner__reverts(cm, non_owner):
    """Only governance moves the treasury."""
    with ape.reverts("ownable: caller is not the owner"):
        cm.rewards.set_treasury(non_owner, sender=non_owner)

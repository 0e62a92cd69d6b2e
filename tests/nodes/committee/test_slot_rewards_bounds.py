"""SlotRewards at its limits: the constructor's checks with their reasons, `set_treasury` read back, the
claim's "nothing to claim" guard and its one-wei payouts, the impeachment word's 48-bit years read back
at their lowest and top bits, a term whose seats earn different rewards, and `_cover` when the balance
meets the amount exactly, before or after the release (the survivors of mutation testing,
docs/assurance.md).

Most cases run in the committee's world of conftest.py; those that need a committee report or a
schedule the real contracts never give (a rate of 1 wei a block, 2**47 impeached slots, a total off by
one) deploy a SlotRewards on SlotWorld, a stand-in for both that answers whatever a test sets."""

import ape
import pytest
from ape import compilers

from fivefold.nodes import model_committee as model
from tests.nodes.committee.conftest import SIZE, TERM_LENGTH, WINDOW, at, elect_term, term_start
from tests.tests_support import ZERO

R1 = model.REWARD_PER_BLOCK[0]
YEAR_FIELD = 48  # the impeachment word: 48 bits per reward year, year 1 lowest
SMALL_RATES = (1, 2, 3, 4, 5)  # wei per block, years 1-5: one-wei rewards and affordable 2**47 counts
# A stand-in for MaintenanceRewards and ProposerCommittee at once: the schedule's token, start, rates
# and total, and the committee's genesis, settlement report and term bounds, as a test sets them.
SLOT_WORLD = """# pragma version ~=0.4.3
token: public(address)
start_time: public(uint256)
genesis: public(uint256)
releases: public(uint256)
_total: uint256
_rates: uint256[5]
_term: uint256[3]
_bounds: uint256[2]
_seat: HashMap[address, uint256]
_impeached: HashMap[address, uint256]

@deploy
def __init__(token_: address, genesis_: uint256, rates: uint256[5], total: uint256):
    self.token = token_
    self.start_time = genesis_
    self.genesis = genesis_
    self._rates = rates
    self._total = total

@external
@view
def TOTAL_REWARDS() -> uint256:
    return self._total

@external
@view
def reward_per_block(year: uint256) -> uint256:
    return self._rates[year - 1]

@external
@view
def IMPEACH_WINDOW() -> uint256:
    return 0

@external
def set_term(start: uint256, length: uint256, size: uint256):
    self._term = [start, length, size]

@external
def set_member(node: address, seat: uint256, impeached: uint256):
    self._seat[node] = seat
    self._impeached[node] = impeached

@external
def set_bounds(start: uint256, length: uint256):
    self._bounds = [start, length]

@external
@view
def settlement(term: uint256, node: address) -> (uint256, uint256, uint256, uint256, uint256):
    return self._term[0], self._term[1], self._term[2], self._seat[node], self._impeached[node]

@external
@view
def term_bounds(term: uint256, segment: uint256) -> (uint256, uint256):
    return self._bounds[0], self._bounds[1]

@external
def release() -> uint256:
    self.releases += 1
    return 0
"""
WORLD_GENESIS = 1  # SlotWorld's T0 and genesis: every term set there has long been settled


@pytest.fixture(scope="module", autouse=True)
def slot_rewards_bounds_fixtures(cm, cm_nodes, slot_world, deployer, owner, treasury, stranger):
    """Requests the module's fixtures before its first test (ape's isolation would otherwise rebase
    them when a later test first asks for one)."""


@pytest.fixture(scope="module")
def slot_world():
    """The SlotWorld container, compiled from SLOT_WORLD."""
    return compilers.compile_source("vyper", SLOT_WORLD, contractName="SlotWorld")


def _total(rates):
    return sum(r * b for r, b in zip(rates, model.YEAR_BLOCKS, strict=True))


def _world(project, cm, slot_world, deployer, owner, treasury, rates=SMALL_RATES, funded=0):
    """A SlotWorld paying `rates` and a SlotRewards on it (as schedule and committee), holding
    `funded` CPC wei."""
    world = slot_world.deploy(cm.cpc, WORLD_GENESIS, list(rates), _total(rates), sender=deployer)
    rewards = project.SlotRewards.deploy(cm.cpc, world, world, treasury, owner, sender=deployer)
    if funded:
        cm.cpc.transfer(rewards, funded, sender=treasury)
    return world, rewards


def _word(counts):
    """The impeachment word of per-year counts (year 1 first)."""
    return sum(n << (YEAR_FIELD * y) for y, n in enumerate(counts))


# --- constructor ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "index, reason",
    [(0, "zero token"), (3, "zero treasury"), (4, "zero owner")],
)
def test_constructor__zero_address__reverts_with_its_reason(
    project, cm, deployer, owner, treasury, index, reason
):
    """Kills the removed asserts of lines 143-145: the token, the treasury and the owner must be
    named, each refused with its own reason (a zero token is not left to the schedule check)."""
    args = [cm.cpc.address, cm.maintenance.address, cm.committee.address, treasury.address, owner.address]
    args[index] = ZERO
    with ape.reverts(f"slot_rewards: {reason}"):
        project.SlotRewards.deploy(*args, sender=deployer)


def test_constructor__schedule_pays_another_token__reverts(project, cm, deployer, owner, treasury):
    """Kills the removed assert of line 146: a schedule paying CPC cannot fund a SlotRewards that pays
    another token."""
    with ape.reverts("slot_rewards: schedule pays another token"):
        project.SlotRewards.deploy(cm.eco, cm.maintenance, cm.committee, treasury, owner, sender=deployer)


def test_constructor__schedule_total_off_by_one_wei__reverts(
    project, cm, slot_world, deployer, owner, treasury
):
    """Kills the removed assert of line 167: rates whose five years add up to a wei more than the
    schedule's TOTAL_REWARDS are refused; the exact total is accepted."""
    rates = list(SMALL_RATES)
    off = slot_world.deploy(cm.cpc, WORLD_GENESIS, rates, _total(rates) + 1, sender=deployer)
    with ape.reverts("slot_rewards: schedule mismatch"):
        project.SlotRewards.deploy(cm.cpc, off, off, treasury, owner, sender=deployer)
    _, rewards = _world(project, cm, slot_world, deployer, owner, treasury)
    assert [rewards.slot_reward(sum(model.YEAR_BLOCKS[:y])) for y in range(5)] == rates


# --- set_treasury -----------------------------------------------------------------------------------


def test_set_treasury__owner_moves_it__read_back_and_paid_there(chain, cm, owner, stranger, accounts):
    """Kills line 261's flipped and removed assert and line 262's removed store: the owner's new
    treasury is stored, logged and paid (term 0's unassigned reward), and a zero one is refused."""
    new = accounts[9]
    receipt = cm.rewards.set_treasury(new, sender=owner)
    assert cm.rewards.treasury() == new.address
    assert receipt.events == [cm.rewards.TreasurySet(treasury=new)]
    with ape.reverts("slot_rewards: zero treasury"):
        cm.rewards.set_treasury(ZERO, sender=owner)
    assert cm.rewards.treasury() == new.address
    at(chain, term_start(cm, 1) + WINDOW)
    before = cm.cpc.balanceOf(new)
    cm.rewards.return_unassigned(0, 0, sender=stranger)
    assert cm.cpc.balanceOf(new) - before == TERM_LENGTH * R1


# --- members and non-members ------------------------------------------------------------------------


def test_entitlement_and_return_impeached__losing_candidate__zero_and_not_a_member(
    chain, cm, cm_nodes, accounts
):
    """Kills line 280's (1, 0) and (0, 1) and line 216's removed assert: a candidate of term 0 who
    got no seat is entitled to (0, 0), and returning its impeached slots is refused as a non-member's
    (not as "nothing impeached")."""
    elect_term(chain, cm, 0, cm_nodes[:5], accounts[9])
    members = {cm.committee.member(0, s) for s in range(SIZE)}
    [loser, *_] = [n for n in cm_nodes[:5] if n.address not in members]
    at(chain, term_start(cm, 1) + WINDOW)
    assert cm.rewards.entitlement(0, loser) == (0, 0)
    with ape.reverts("slot_rewards: not a member"):
        cm.rewards.return_impeached(0, loser, sender=accounts[9])


def test_entitlement__31_slot_term__each_seat_its_own_slots(chain, cm, cm_nodes, owner, accounts):
    """Kills line 282's seat + 1 and seat - 0: in a term of 31 slots, seat 0 proposes 11 slots and
    seats 1 and 2 ten each, so each member's entitlement names its own seat."""
    cm.committee.set_term_length(31, sender=owner)
    elect_term(chain, cm, 1, cm_nodes[:SIZE], accounts[9])
    first = TERM_LENGTH
    got = [cm.rewards.entitlement(1, cm.committee.member(1, s)) for s in range(SIZE)]
    assert got == [(model.gross(first, s, SIZE, 31), 0) for s in range(SIZE)]
    assert [net // R1 for net, _ in got] == [11, 10, 10]


# --- claim ------------------------------------------------------------------------------------------


def test_claim__every_slot_impeached_and_returned__nothing_to_claim(
    project, cm, slot_world, deployer, owner, treasury, stranger
):
    """Kills line 191's removed assert, net != 1, back == 0 and back != 1: a one-slot member whose
    impeached slot was already returned has net 0 and back 0, and its claim is refused."""
    world, rewards = _world(project, cm, slot_world, deployer, owner, treasury, funded=1)
    world.set_term(WORLD_GENESIS, 1, 1, sender=deployer)
    world.set_member(stranger, 1, _word([1]), sender=deployer)
    assert rewards.entitlement(0, stranger) == (0, 1)
    assert rewards.return_impeached(0, stranger, sender=deployer).return_value == 1
    with ape.reverts("slot_rewards: nothing to claim"):
        rewards.claim(0, sender=stranger)
    assert rewards.settled_flags(0, stranger) == 2
    assert (rewards.paid(), rewards.returned()) == (0, 1)


def test_claim__every_slot_impeached__pays_nothing_returns_all(
    project, cm, slot_world, deployer, owner, treasury, stranger
):
    """Kills line 191's back == 0, line 196's net - back and line 197's net != 1: a member whose only
    slot was impeached claims net 0: the treasury gets the slot, the member no transfer at all."""
    world, rewards = _world(project, cm, slot_world, deployer, owner, treasury, funded=1)
    world.set_term(WORLD_GENESIS, 1, 1, sender=deployer)
    world.set_member(stranger, 1, _word([1]), sender=deployer)
    receipt = rewards.claim(0, sender=stranger)
    assert receipt.return_value == 0
    assert receipt.events == [
        cm.cpc.Transfer(sender=rewards, receiver=treasury, value=1),
        rewards.Claimed(term=0, member=stranger, amount=0, returned=1),
    ]
    assert (rewards.paid(), rewards.returned(), rewards.settled_flags(0, stranger)) == (0, 1, 3)
    assert cm.cpc.balanceOf(rewards) == 0
    assert world.releases() == 0


def test_claim__one_wei_net_one_wei_back__both_booked_and_paid(
    project, cm, slot_world, deployer, owner, treasury, stranger
):
    """Kills line 194's back != 1 and lines 197 and 199's != 1: at 1 wei a block, a member of two
    slots, one impeached, is paid 1 wei and returns 1 wei: both booked, both transferred."""
    world, rewards = _world(project, cm, slot_world, deployer, owner, treasury, funded=2)
    world.set_term(WORLD_GENESIS, 2, 1, sender=deployer)
    world.set_member(stranger, 1, _word([1]), sender=deployer)
    member_before = cm.cpc.balanceOf(stranger)
    treasury_before = cm.cpc.balanceOf(treasury)
    receipt = rewards.claim(0, sender=stranger)
    assert receipt.return_value == 1
    assert receipt.events == [
        cm.cpc.Transfer(sender=rewards, receiver=stranger, value=1),
        cm.cpc.Transfer(sender=rewards, receiver=treasury, value=1),
        rewards.Claimed(term=0, member=stranger, amount=1, returned=1),
    ]
    assert (rewards.paid(), rewards.returned()) == (1, 1)
    assert cm.cpc.balanceOf(stranger) - member_before == 1
    assert cm.cpc.balanceOf(treasury) - treasury_before == 1


def test_claim__no_slot_impeached__one_transfer_to_the_member(chain, cm, cm_nodes, treasury, accounts):
    """Kills line 199's back != 1 with back 0: a claim with nothing impeached transfers to the member
    only, never a zero amount to the treasury."""
    elect_term(chain, cm, 0, cm_nodes[:SIZE], accounts[9])
    at(chain, term_start(cm, 1) + WINDOW)
    member = cm.committee.member(0, 1)
    receipt = cm.rewards.claim(0, sender=member)
    net = model.gross(0, 1, SIZE, TERM_LENGTH)
    paid_out = [log for log in receipt.events.filter(cm.cpc.Transfer) if log.sender == cm.rewards.address]
    assert paid_out == [cm.cpc.Transfer(sender=cm.rewards, receiver=member, value=net)]
    assert cm.rewards.returned() == 0


# --- the impeachment word ---------------------------------------------------------------------------


def test_return_impeached__counts_in_every_year__each_year_at_its_rate(
    project, cm, slot_world, deployer, owner, treasury, stranger
):
    """Kills line 82's 47-bit field: 1, 2, 3, 4 and 5 slots impeached in years 1-5 are read from their
    48-bit fields and returned at Table 1's rate of each year."""
    amount = sum(r * n for r, n in zip(model.REWARD_PER_BLOCK, (1, 2, 3, 4, 5), strict=True))
    world, rewards = _world(
        project, cm, slot_world, deployer, owner, treasury, rates=model.REWARD_PER_BLOCK, funded=amount
    )
    world.set_term(WORLD_GENESIS, 30, 3, sender=deployer)
    world.set_member(stranger, 1, _word([1, 2, 3, 4, 5]), sender=deployer)
    before = cm.cpc.balanceOf(treasury)
    receipt = rewards.return_impeached(0, stranger, sender=deployer)
    assert receipt.return_value == amount
    assert cm.cpc.balanceOf(treasury) - before == amount
    assert rewards.returned() == amount


def test_return_impeached__top_bit_of_every_year__read_back(
    project, cm, slot_world, deployer, owner, treasury, stranger
):
    """Kills line 83's 47-bit mask: a count of 2**47 in each year (only its field's top bit set) is
    read whole, so 2**47 * (1 + 2 + 3 + 4 + 5) wei go back at rates of 1-5 wei a block."""
    amount = 2**47 * sum(SMALL_RATES)
    world, rewards = _world(project, cm, slot_world, deployer, owner, treasury, funded=amount)
    world.set_term(WORLD_GENESIS, 30, 3, sender=deployer)
    world.set_member(stranger, 1, _word([2**47] * 5), sender=deployer)
    assert rewards.return_impeached(0, stranger, sender=deployer).return_value == amount
    assert rewards.returned() == amount
    assert cm.cpc.balanceOf(rewards) == 0


# --- return_unassigned ------------------------------------------------------------------------------


def test_return_unassigned__term_after_year_5__nothing_to_return(
    project, cm, slot_world, deployer, owner, treasury, stranger
):
    """Kills line 248's removed assert and amount != 1: a never-elected term starting at the first slot
    after year 5 earns nothing, and returning it is refused (no flag set, nothing booked)."""
    world, rewards = _world(project, cm, slot_world, deployer, owner, treasury)
    end = sum(model.YEAR_BLOCKS)
    world.set_bounds(WORLD_GENESIS + end * 10, TERM_LENGTH, sender=deployer)
    assert rewards.slot_reward(end - 1) == SMALL_RATES[-1]
    assert rewards.slot_reward(end) == 0
    with ape.reverts("slot_rewards: nothing to return"):
        rewards.return_unassigned(0, 0, sender=stranger)
    assert rewards.settled_flags(0, ZERO) == 0
    assert rewards.returned() == 0


# --- _cover at the exact balance --------------------------------------------------------------------


def test_cover__balance_exactly_the_amount__no_release(chain, cm, owner, treasury, stranger):
    """Kills line 422's <=: the schedule paid SlotRewards term 0's 30 slots when governance moved it
    away at the term's end, and back 29 slots later; at the settlement, term 0's return finds exactly
    its amount and leaves the slot accrued since in the schedule (no release)."""
    at(chain, cm.genesis + 300)
    cm.maintenance.set_recipient(treasury, sender=owner)
    at(chain, cm.genesis + 590)
    cm.maintenance.set_recipient(cm.rewards, sender=owner)
    assert cm.cpc.balanceOf(cm.rewards) == TERM_LENGTH * R1
    released = cm.maintenance.released()
    at(chain, term_start(cm, 1) + WINDOW)
    assert cm.rewards.return_unassigned(0, 0, sender=stranger).return_value == TERM_LENGTH * R1
    assert cm.cpc.balanceOf(cm.rewards) == 0
    assert cm.maintenance.released() == released
    assert cm.maintenance.last_release_time() == cm.genesis + 590


def test_cover__release_brings_exactly_the_amount__paid(chain, cm, owner, treasury, stranger):
    """Kills line 425's >: the schedule paid SlotRewards 29 slots when governance moved it away 10 s
    before term 0's end, and back at genesis + 590; at the settlement, the release of the one slot
    accrued since makes the balance exactly term 0's 30 slots, which are returned."""
    at(chain, cm.genesis + 290)
    cm.maintenance.set_recipient(treasury, sender=owner)
    at(chain, cm.genesis + 590)
    cm.maintenance.set_recipient(cm.rewards, sender=owner)
    assert cm.cpc.balanceOf(cm.rewards) == 29 * R1
    at(chain, term_start(cm, 1) + WINDOW)
    receipt = cm.rewards.return_unassigned(0, 0, sender=stranger)
    assert receipt.return_value == TERM_LENGTH * R1
    assert cm.cpc.balanceOf(cm.rewards) == 0
    assert cm.maintenance.released() == model.accrued(60)

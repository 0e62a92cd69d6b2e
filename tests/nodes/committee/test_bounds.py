"""ProposerCommittee at its limits: the constructor's checks with their reasons and the genesis at both
ends of its 64 bits, the longest term accepted, `draw` and `elect` at their boundary second and block,
the election's key (rpt + 1) * luck with RPTs of 0 and exact ties, the vote word's fields (a vote by the
31st validator, the tally of an impeached slot) and the impeachment word's 48-bit years read back in
years 1, 2 and 5 (the survivors of mutation testing, docs/assurance.md)."""

from math import gcd

import ape
import pytest
from ape import compilers

from fivefold.nodes import model_committee as model
from tests.nodes.committee.conftest import LEAD, SIZE, TERM_LENGTH, at, elect_term
from tests.tests_support import ZERO, isolated

M64 = 2**64 - 1
YEAR_FIELD = 48  # the impeachment word: 48 bits per reward year, year 1 lowest
MAX_AB_CAP = 100_000_000 * 10**18  # Reputation's largest AB cap: a 200,000 CPC deposit scores AB 0
# Terms of 30 slots meet the reward years' boundaries: the first term of year 2 and of year 5.
YEAR_2_TERM = model.YEAR_BLOCKS[0] // TERM_LENGTH
YEAR_5_TERM = sum(model.YEAR_BLOCKS[:4]) // TERM_LENGTH
# A stand-in for Reputation that answers whatever RPT a test sets: ties of (rpt + 1) * luck need RPTs
# picked from the lucks (real RPTs, at most 10,000, would need a 64-bit coincidence of two lucks).
RPT_DOUBLE = """# pragma version ~=0.4.3
rpt: public(HashMap[address, uint256])

@external
def set_rpt(node: address, rpt_: uint256):
    self.rpt[node] = rpt_
"""


@pytest.fixture(scope="module", autouse=True)
def committee_bounds_fixtures(cm, cm_nodes, cm_validators, rpt_double, deployer, owner, stranger):
    """Requests the module's fixtures before its first test (ape's isolation would otherwise rebase
    them when a later test first asks for one)."""


@pytest.fixture(scope="module")
def rpt_double(deployer):
    """The Reputation stand-in, compiled from RPT_DOUBLE."""
    return compilers.compile_source("vyper", RPT_DOUBLE, contractName="RptDouble").deploy(sender=deployer)


def _deploy(project, cm, deployer, owner, **overrides):
    args = {
        "rnode_pool_": cm.rnode.address,
        "reputation_": cm.reputation.address,
        "schedule_": cm.maintenance.address,
        "owner_": owner.address,
        "genesis_": cm.genesis,
        "term_length_": TERM_LENGTH,
        "size_": SIZE,
    }
    args.update(overrides)
    return project.ProposerCommittee.deploy(*args.values(), sender=deployer)


def _luck(seed, node):
    """u = keccak256(seed, node) mod 2**64: the key of a candidate of RPT 0."""
    return model.key(seed, node, 0)


def _mine_to(chain, number):
    """Mines empty blocks until the head is block `number`."""
    if number > chain.blocks.head.number:
        chain.mine(number - chain.blocks.head.number)
    assert chain.blocks.head.number == number


def _draw_in(chain, committee, genesis, seed_block, stranger):
    """Term 0's draw mined in block seed_block - 1 at genesis - ELECTION_LEAD, then 257 blocks: the
    election that follows seeds with keccak256(D, 0), D = seed_block (blockhash is out of reach)."""
    _mine_to(chain, seed_block - 2)
    at(chain, genesis - LEAD)
    committee.draw(0, sender=stranger)
    assert committee.seed_block(0) == seed_block
    chain.mine(257)


# --- constructor ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, reason",
    [
        ("rnode_pool_", "zero pool"),
        ("reputation_", "zero reputation"),
        ("schedule_", "zero schedule"),
        ("owner_", "zero owner"),
    ],
)
def test_constructor__zero_address__reverts(project, cm, deployer, owner, field, reason):
    """Each source and the owner must be named: an empty address is refused with its own reason."""
    with ape.reverts(f"proposer_committee: {reason}"):
        _deploy(project, cm, deployer, owner, **{field: ZERO})


def test_constructor__genesis_1_and_2_64_minus_1__accepted_and_read_back(project, cm, deployer, owner):
    """The genesis is any second from 1 to 2**64 - 1 (the segment word's start field): both ends are
    accepted, and the first segment starts there, term 1 one term later."""
    for genesis in (1, M64):
        committee = _deploy(project, cm, deployer, owner, genesis_=genesis)
        assert committee.genesis() == genesis
        assert committee.term_bounds(0, 0) == (genesis, TERM_LENGTH)
        assert committee.term_bounds(1, 0) == (genesis + TERM_LENGTH * 10, TERM_LENGTH)


def test_constructor__genesis_0_or_2_64__reverts(project, cm, deployer, owner):
    """A genesis of 0 (no schedule) or one past the 64-bit start field is refused."""
    for genesis in (0, 2**64):
        with ape.reverts("proposer_committee: bad genesis"):
            _deploy(project, cm, deployer, owner, genesis_=genesis)


# --- term length ------------------------------------------------------------------------------------


def test_set_term_length__max_8640__accepted_8641_refused(project, chain, cm, deployer, owner):
    """Terms of one day (8,640 slots, MAX_TERM_LENGTH) are allowed, in the constructor and later; a
    slot more is refused."""
    assert cm.committee.MAX_TERM_LENGTH() == 8_640
    day = _deploy(project, cm, deployer, owner, term_length_=8_640)
    assert day.term_length() == 8_640
    assert day.term_bounds(1, 0) == (cm.genesis + 86_400, 8_640)
    at(chain, cm.genesis + 10)
    cm.committee.set_term_length(8_640, sender=owner)
    assert cm.committee.term_length() == 8_640
    assert cm.committee.term_bounds(3, 1) == (cm.committee.term_start(2) + 86_400, 8_640)
    with ape.reverts("proposer_committee: term length out of bounds"):
        cm.committee.set_term_length(8_641, sender=owner)


# --- draw and elect at their boundaries -----------------------------------------------------------


def test_draw__at_term_start__reverts(chain, cm, stranger):
    """The seed block is drawn before the term starts: at S(0) - 1 the draw is taken, at S(0) itself
    it is refused (the term is running)."""
    with isolated(chain):
        at(chain, cm.genesis - 1)
        receipt = cm.committee.draw(0, sender=stranger)
        assert receipt.timestamp == cm.genesis - 1
        assert cm.committee.seed_block(0) == receipt.block_number + 1
    at(chain, cm.genesis)
    with ape.reverts("proposer_committee: term started"):
        cm.committee.draw(0, sender=stranger)
    assert cm.committee.seed_block(0) == 0


def test_elect__in_the_seed_block__reverts(chain, cm, cm_nodes, stranger):
    """The election waits for the seed block to be mined: in the block right after the draw (the
    seed block itself, whose hash nobody can read yet) it is refused; a block later it runs."""
    for n in cm_nodes[:SIZE]:
        cm.committee.register(0, sender=n)
    at(chain, cm.genesis - LEAD)
    receipt = cm.committee.draw(0, sender=stranger)
    seed_block = cm.committee.seed_block(0)
    assert seed_block == receipt.block_number + 1
    with ape.reverts("proposer_committee: seed block not mined"):
        cm.committee.elect(0, sender=stranger)
    assert chain.blocks.head.number == seed_block  # the refused election was mined in block D
    cm.committee.elect(0, sender=stranger)
    assert cm.committee.term_record(0)[2:] == (SIZE, True)


# --- the election's key ---------------------------------------------------------------------------


def test_elect__rpt_0_candidates__seats_by_descending_luck(chain, cm, cm_nodes, owner, stranger):
    """With the largest AB cap a 200,000 CPC RNode scores RPT 0, so every key is (0 + 1) * luck: the
    seats go by descending luck, not by registration (the seed block is picked so that the two
    orders differ)."""
    cm.reputation.set_ab_cap(MAX_AB_CAP, sender=owner)
    nodes = [n.address for n in cm_nodes[:SIZE]]
    for n in cm_nodes[:SIZE]:
        cm.committee.register(0, sender=n)
    assert [cm.committee.candidate(0, i) for i in range(SIZE)] == [(n, 0) for n in nodes]
    # The draw's block is the head's next; its seed block the one after. Find one whose lucks do not
    # rank the candidates in registration order.
    seed_block = chain.blocks.head.number + 2
    while sorted(nodes, key=lambda n: -_luck(model.fallback_seed(seed_block, 0), n)) == nodes:
        seed_block += 1
    _draw_in(chain, cm.committee, cm.genesis, seed_block, stranger)
    cm.committee.elect(0, sender=stranger)
    seed = model.fallback_seed(seed_block, 0)
    seats = [cm.committee.member(0, s) for s in range(SIZE)]
    assert seats == sorted(nodes, key=lambda n: -_luck(seed, n)) != nodes
    assert seats == model.elect(seed, [(n, 0, True) for n in nodes], SIZE)


def test_elect__equal_keys__earlier_registration_ahead_and_kept(
    project, chain, cm, cm_nodes, rpt_double, deployer, owner, stranger
):
    """Ties go to the earlier registration, both while the seats fill and once they are full. With
    the seed known in advance (keccak256(D, 0) past blockhash's reach), four candidates get RPTs that
    make two pairs of equal keys, K1 > K2, registered K1, K1, K2, K2 for three seats: the seats are
    the first K1, the second K1, the first K2; the second K2 does not displace the first."""
    genesis = chain.pending_timestamp + 2_000
    committee = _deploy(project, cm, deployer, owner, reputation_=rpt_double.address, genesis_=genesis)
    # Blocks to come: 4 RPTs set, 4 registrations, the draw; its seed block a few blocks later.
    seed_block = chain.blocks.head.number + 14
    seed = model.fallback_seed(seed_block, 0)
    pairs = []
    for a, b in ((cm_nodes[0], cm_nodes[1]), (cm_nodes[2], cm_nodes[3])):
        la, lb = _luck(seed, a.address), _luck(seed, b.address)
        g = gcd(la, lb)
        # (rpt_a + 1) * la == (rpt_b + 1) * lb == la * lb / g
        pairs.append((la * lb // g, [(a, lb // g - 1), (b, la // g - 1)]))
    pairs.sort(key=lambda p: -p[0])
    (k1, high), (k2, low) = pairs
    assert k1 > k2
    order = high + low
    for node, rpt in order:
        rpt_double.set_rpt(node, rpt, sender=deployer)
    for node, _ in order:
        committee.register(0, sender=node)
    assert [committee.candidate(0, i) for i in range(4)] == [(n.address, rpt) for n, rpt in order]
    keys = [model.key(seed, node.address, rpt) for node, rpt in order]
    assert keys == [k1, k1, k2, k2]
    _draw_in(chain, committee, genesis, seed_block, stranger)
    committee.elect(0, sender=stranger)
    first_k1, second_k1, first_k2, second_k2 = (node.address for node, _ in order)
    assert [committee.member(0, s) for s in range(SIZE)] == [first_k1, second_k1, first_k2]
    assert committee.seat_of(0, second_k2) == 0
    candidates = [(node.address, rpt, True) for node, rpt in order]
    assert model.elect(seed, candidates, SIZE) == [first_k1, second_k1, first_k2]


# --- the vote word ----------------------------------------------------------------------------------


def test_set_validators__zero_address__reverts(cm, cm_validators, owner):
    """A validator must be an account: an empty address in the set is refused."""
    validators = [v.address for v in cm_validators[:3]] + [ZERO]
    with ape.reverts("proposer_committee: zero validator"):
        cm.committee.set_validators(validators, sender=owner)


def test_impeach__31st_validator_after_another__vote_counted(chain, cm, cm_nodes, cm_validators, owner):
    """The largest committee, 31 validators (f = 10): the 31st's bit is the bitmap's top one (bit 30),
    just below the tally (bit 32 up). After the first validator's vote, the 31st votes too: two votes,
    not yet f + 1."""
    elect_term(chain, cm, 0, cm_nodes[:5], cm_nodes[5])
    first, last = cm_validators[0], cm_validators[1]
    middle = [f"0x{i:040x}" for i in range(0x1000, 0x1000 + 29)]
    cm.committee.set_validators([first.address, *middle, last.address], sender=owner)
    at(chain, cm.genesis + 40)
    cm.committee.impeach(0, 3, sender=first)
    receipt = cm.committee.impeach(0, 3, sender=last)
    assert [log.votes for log in cm.committee.ImpeachmentVote.from_receipt(receipt)] == [2]
    assert cm.committee.impeachment_votes(0, 3) == 2
    assert not cm.committee.is_impeached(0, 3)


def test_impeachment_votes__impeached_slot__reads_f_plus_one(chain, cm, cm_nodes, cm_validators):
    """The impeached flag lies above the 8-bit tally: once f + 1 = 2 of 4 validators impeached a
    slot, its tally still reads 2."""
    elect_term(chain, cm, 0, cm_nodes[:5], cm_nodes[5])
    at(chain, cm.genesis + 40)
    cm.committee.impeach(0, 3, sender=cm_validators[0])
    cm.committee.impeach(0, 3, sender=cm_validators[1])
    assert cm.committee.is_impeached(0, 3)
    assert cm.committee.impeachment_votes(0, 3) == 2


# --- the impeachment word: 48 bits per reward year --------------------------------------------------


def _impeach_slot(chain, cm, validators, term, slot):
    """Two of the four validators (f + 1) impeach slot `slot` of `term`, once it is complete."""
    at(chain, max(chain.pending_timestamp, cm.committee.term_start(term) + (slot + 1) * 10))
    for v in validators[:2]:
        cm.committee.impeach(term, slot, sender=v)
    assert cm.committee.is_impeached(term, slot)


def test_impeached_in__two_slots_in_year_1__count_2(chain, cm, cm_nodes, cm_validators):
    """A member impeached in two slots of a term (slots 3 and 6: the same seat of 3) counts 2 in
    year 1: the count is read with its 48-bit mask, not just its lowest bit."""
    elect_term(chain, cm, 0, cm_nodes[:5], cm_nodes[5])
    proposer = cm.committee.proposer_of(0, 3)
    assert cm.committee.proposer_of(0, 6) == proposer
    _impeach_slot(chain, cm, cm_validators, 0, 3)
    _impeach_slot(chain, cm, cm_validators, 0, 6)
    assert cm.committee.impeached_in(0, proposer, 1) == 2
    assert cm.committee.settlement(0, proposer)[4] == 2
    assert cm.committee.impeached_total(proposer) == 2


@pytest.mark.parametrize(("year", "term"), [(2, YEAR_2_TERM), (5, YEAR_5_TERM)])
def test_impeached_in__first_slot_of_a_year__counted_in_that_year(
    chain, cm, cm_nodes, cm_validators, year, term
):
    """The first term of year 2, and of year 5 (the last reward year), starts at its first block: its
    slot 0, impeached, counts in that year, whose field starts at bit 48 * (year - 1) of the
    settlement's impeachment word (bits 192 to 239 for year 5); the years beside it read 0."""
    elect_term(chain, cm, term, cm_nodes[:SIZE], cm_nodes[5])
    start = cm.committee.term_start(term)
    assert cm.maintenance.year_at(start - 1) == year - 1
    assert cm.maintenance.year_at(start) == year
    proposer = cm.committee.proposer_of(term, 0)
    _impeach_slot(chain, cm, cm_validators, term, 0)
    years = range(year - 1, min(year + 1, 5) + 1)
    assert [cm.committee.impeached_in(term, proposer, y) for y in years] == [int(y == year) for y in years]
    assert cm.committee.settlement(term, proposer)[4] == 1 << ((year - 1) * YEAR_FIELD)
    assert cm.committee.impeached_total(proposer) == 1

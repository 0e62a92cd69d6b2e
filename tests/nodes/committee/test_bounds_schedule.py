"""ProposerCommittee at its limits, second half of the contract: the segment index of `term_bounds` at
its count, a term of an older segment refused by name, the longest term length accepted, the seed at
exactly 256 blocks, a slot at the term's length, claim times, a year-5 impeachment read back, the
validator check, and the blocks-proposed count at the first seconds of a term (the survivors of
mutation testing, docs/assurance.md)."""

import ape
import pytest

from fivefold.nodes import model_committee as model
from tests.nodes.committee.conftest import LEAD, SIZE, TERM_LENGTH, WINDOW, at, elect_term, term_start
from tests.tests_support import ZERO, isolated

MAX_TERM_LENGTH = 8_640
# Year 5 of the maintenance schedule starts 10 s x (years 1-4's blocks) after genesis: term 420,768.
YEAR_5_OFFSET = 10 * sum(model.YEAR_BLOCKS[:4])
YEAR_5_TERM = YEAR_5_OFFSET // (TERM_LENGTH * 10)
YEAR_FIELD = 48


@pytest.fixture(scope="module", autouse=True)
def committee_bounds_fixtures(cm, cm_nodes, cm_validators, owner, stranger, accounts):
    """Requests the module's fixtures before its first test (ape's isolation would otherwise rebase
    them when a later test first asks for one)."""


def _candidates(cm, term):
    out = []
    for i in range(cm.committee.candidate_count(term)):
        node, rpt = cm.committee.candidate(term, i)
        out.append((node, rpt, cm.rnode.deposit_of(node) >= model.MIN_RNODE_DEPOSIT))
    return out


def test_term_bounds__segment_index_at_the_count__reverts(chain, cm, owner):
    """The last segment's index is answered, the count itself is not a segment: with one segment
    index 0 gives term 0's start and length and index 1 is refused; after a change opens segment 1,
    index 1 answers and index 2 is refused."""
    assert cm.committee.term_bounds(0, 0) == (cm.genesis, TERM_LENGTH)
    with ape.reverts("proposer_committee: no such segment"):
        cm.committee.term_bounds(0, 1)
    at(chain, cm.genesis + 10)
    cm.committee.set_term_length(60, sender=owner)
    assert cm.committee.segment_count() == 2
    assert cm.committee.term_bounds(2, 1) == (term_start(cm, 2), 60)
    with ape.reverts("proposer_committee: no such segment"):
        cm.committee.term_bounds(2, 2)


def test_term_start__term_of_an_older_segment__reverts(chain, cm, owner):
    """With three segments (terms 0-1 of 30 slots, 2-3 of 60, 4 on of 90) `term_start` answers from
    the first term of the middle segment on, and names the refusal for a term of the first one."""
    at(chain, cm.genesis + 10)
    cm.committee.set_term_length(60, sender=owner)
    at(chain, term_start(cm, 2) + 10)
    cm.committee.set_term_length(90, sender=owner)
    assert cm.committee.segment_count() == 3
    assert cm.committee.term_start(2) == term_start(cm, 2)
    assert cm.committee.term_start(4) == term_start(cm, 2) + 2 * 600
    assert cm.committee.term_start(5) == term_start(cm, 2) + 2 * 600 + 900
    with ape.reverts("proposer_committee: term of an older segment"):
        cm.committee.term_start(1)
    assert cm.committee.term_bounds(1, 0) == (term_start(cm, 1), TERM_LENGTH)


def test_set_term_length__longest__accepted_one_more_refused(chain, cm, owner):
    """8,640 slots (a day) is accepted and schedules term 3 a day after term 2; 8,641 is refused."""
    at(chain, cm.genesis + 10)
    receipt = cm.committee.set_term_length(MAX_TERM_LENGTH, sender=owner)
    assert cm.committee.term_length() == MAX_TERM_LENGTH
    assert cm.committee.term_start(3) == term_start(cm, 2) + MAX_TERM_LENGTH * 10
    assert [(e.first_term, e.term_length) for e in cm.committee.TermLengthSet.from_receipt(receipt)] == [
        (2, MAX_TERM_LENGTH)
    ]
    with ape.reverts("proposer_committee: term length out of bounds"):
        cm.committee.set_term_length(MAX_TERM_LENGTH + 1, sender=owner)


def test_elect__seed_block_exactly_256_back__blockhash_seed(chain, cm, cm_nodes, owner, stranger):
    """Electing 256 blocks after the seed block D, blockhash(D) still answers: the seed is
    keccak(blockhash(D), term), not the fallback keccak(D, term). Six seats for six candidates, so
    the whole order shows the seed; a draw whose two seeds happened to give the same order is
    retried a block later."""
    cm.committee.set_size(len(cm_nodes), sender=owner)
    for n in cm_nodes:
        cm.committee.register(0, sender=n)
    at(chain, cm.genesis - LEAD)
    for extra in range(3):
        with isolated(chain):
            if extra:
                chain.mine(extra)
            seed_block = cm.committee.draw(0, sender=stranger).block_number + 1
            chain.mine(256)
            receipt = cm.committee.elect(0, sender=stranger)
            assert receipt.block_number - seed_block == 256
            assert receipt.timestamp < cm.genesis
            candidates = _candidates(cm, 0)
            block_hash = bytes(chain.provider.get_block(seed_block).hash)
            by_hash = model.elect(model.seed(block_hash, 0), candidates, len(cm_nodes))
            fallback = model.elect(model.fallback_seed(seed_block, 0), candidates, len(cm_nodes))
            if by_hash == fallback:
                continue
            assert [cm.committee.member(0, s) for s in range(len(cm_nodes))] == by_hash
            return
    raise AssertionError("three draws in a row gave both seeds the same order")


def test_proposer_of__slot_at_the_term_length__nobody(chain, cm, cm_nodes, stranger):
    """The term's last slot (29) is proposed by seat 29 mod 3 = 2; slot 30 is outside the term."""
    elect_term(chain, cm, 0, cm_nodes[:SIZE], stranger)
    assert cm.committee.proposer_of(0, TERM_LENGTH - 1) == cm.committee.member(0, 2)
    assert cm.committee.member(0, 2) != ZERO
    assert cm.committee.proposer_of(0, TERM_LENGTH) == ZERO


def test_claim_time__elected_and_not__end_plus_window_or_zero(chain, cm, cm_nodes, stranger):
    """An elected term's claims open at E(t) + IMPEACH_WINDOW (term 0: genesis + 300 + 300); a term
    not elected reads 0."""
    assert cm.committee.claim_time(0) == 0
    elect_term(chain, cm, 0, cm_nodes[:SIZE], stranger)
    assert cm.committee.claim_time(0) == term_start(cm, 1) + WINDOW == cm.genesis + 600
    assert cm.committee.claim_time(1) == 0


def test_impeached_in__slot_at_year_5_start__counted_in_year_5(chain, cm, cm_nodes, cm_validators, stranger):
    """Term 420,768 starts at the first second of reward year 5: its slot 0, impeached, counts in
    year 5 (bits 192 up of the settlement word) and in no other year; years 0 and 6 read 0."""
    start = cm.genesis + YEAR_5_OFFSET
    assert term_start(cm, YEAR_5_TERM) == start
    assert cm.maintenance.year_at(start) == 5
    assert cm.maintenance.year_at(start - 1) == 4
    elect_term(chain, cm, YEAR_5_TERM, cm_nodes[:SIZE], stranger)
    proposer = cm.committee.member(YEAR_5_TERM, 0)
    at(chain, start + 10)
    cm.committee.impeach(YEAR_5_TERM, 0, sender=cm_validators[0])
    cm.committee.impeach(YEAR_5_TERM, 0, sender=cm_validators[1])
    assert cm.committee.is_impeached(YEAR_5_TERM, 0)
    years = [cm.committee.impeached_in(YEAR_5_TERM, proposer, y) for y in range(7)]
    assert years == [0, 0, 0, 0, 0, 1, 0]
    assert cm.committee.settlement(YEAR_5_TERM, proposer)[4] == 1 << (4 * YEAR_FIELD)


def test_impeached_in__year_outside_1_to_5__zero(cm, cm_nodes):
    """Years 0 and 6 are no reward years: they read 0."""
    assert cm.committee.impeached_in(0, cm_nodes[0], 0) == 0
    assert cm.committee.impeached_in(0, cm_nodes[0], 6) == 0


def test_is_validator__first_validator_and_outsider__true_then_false(cm, cm_validators, stranger):
    """Every member of the set, the first (index 1) included, is a validator; an outsider is not."""
    assert [cm.committee.is_validator(v) for v in cm_validators] == [True] * 4
    assert not cm.committee.is_validator(stranger)


def test_blocks_proposed__first_seconds_of_the_term__complete_slots_only(chain, cm, cm_nodes, stranger):
    """Seats 0, 1, 2 of term 0 count nothing before and at the term's start, nothing in slot 0's
    last second (genesis + 9), then one complete slot each from genesis + 10, + 20, + 30 in turn."""
    elect_term(chain, cm, 0, cm_nodes[:SIZE], stranger)
    seats = [cm.committee.member(0, s) for s in range(SIZE)]

    def proposed():
        return [cm.committee.blocks_proposed(n) for n in seats]

    assert chain.blocks.head.timestamp < cm.genesis
    assert proposed() == [0, 0, 0]
    expected = {0: [0, 0, 0], 9: [0, 0, 0], 10: [1, 0, 0], 19: [1, 0, 0], 20: [1, 1, 0], 30: [1, 1, 1]}
    for offset, counts in expected.items():
        chain.mine(timestamp=cm.genesis + offset)
        assert chain.blocks.head.timestamp == cm.genesis + offset
        assert proposed() == counts, offset

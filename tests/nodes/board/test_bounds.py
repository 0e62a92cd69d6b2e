"""Board at its limits: a director's lock read at its own index, each cycle's half-year shares kept
apart, chair-round tallies read back in cycle 0, `has_claimed` for the first candidate and the second
half, a 1-wei approval electing a director, a lone director never dropped from the chair race, and the
surplus while income is owed (the survivors of mutation testing, docs/assurance.md)."""

import ape
import pytest

from fivefold.nodes import model_board as model
from tests.nodes.board.board_support import after_round, at, cast, stand_all
from tests.tests_support import ZERO

from .conftest import DEPOSIT, WEIGHTS


@pytest.fixture(scope="module", autouse=True)
def board_bounds_fixtures(board, board_cpc, board_votes, board_candidates, board_voters, board_funder):
    """Requests the module's fixtures before its first test (ape's isolation would otherwise rebase
    them when a later test first asks for one)."""


def _board_of_one(board, chain, candidates, voters, owner, cycle=0):
    """Candidates stand in `cycle`; a board of 1 elects the first of them (the others unapproved)."""
    board.set_board_size(1, sender=owner)
    stand_all(board, chain, candidates, DEPOSIT, cycle)
    cast(board, chain, 0, [(voters[0], [0])], cycle)


def test_withdraw__director_at_index_0_next_one_not_elected__locked(
    board, board_candidates, board_voters, owner, chain
):
    """Kills 272:54 (index - 0): director 0's lock is its own bit, not candidate 1's (not elected)."""
    _board_of_one(board, chain, board_candidates[:2], board_voters, owner)
    after_round(board, chain, 0)
    with ape.reverts("board: director locked until the term ends"):
        board.withdraw(0, sender=board_candidates[0])
    assert board.withdraw(0, sender=board_candidates[1]).return_value == DEPOSIT
    assert board.deposit_of(0, board_candidates[0]) == DEPOSIT


def test_claim__cycle_1_first_half__own_share_reserved_apart_from_cycle_0(
    board, board_candidates, board_voters, board_funder, owner, chain
):
    """Kills 379:27 (cycle * 1 + half): cycle 1's first half has its own key, not cycle 0's second
    half's, so it reserves its own share instead of paying out of nothing owed."""
    board.set_board_size(1, sender=owner)
    stand_all(board, chain, board_candidates[:1], DEPOSIT)
    cast(board, chain, 0, [(board_voters[0], [0])])
    stand_all(board, chain, board_candidates[1:2], DEPOSIT, cycle=1)
    cast(board, chain, 0, [(board_voters[0], [0])], cycle=1)
    share = model.half_share(model.YEARLY_INCOME, 1)
    board.fund(4 * share, sender=board_funder)
    at(chain, model.half_end(board.genesis(), 0, 1))
    for half in (0, 1):
        assert board.claim(0, half, sender=board_candidates[0]).return_value == share
    assert board.income_owed() == 0 and board.unallocated() == 2 * share
    at(chain, model.half_end(board.genesis(), 1, 0))
    tx = board.claim(1, 0, sender=board_candidates[1])
    assert tx.return_value == share
    assert board.income_owed() == 0 and board.unallocated() == share
    assert board.has_claimed(1, 0, board_candidates[1]) and not board.has_claimed(1, 1, board_candidates[1])


def test_approvals_and_voted_weight__chair_round_of_cycle_0__read_back(
    board, board_candidates, board_voters, owner, chain
):
    """Kills 562:42 and 575:45 (cycle * ROUNDS - round): round 1 of cycle 0 is read at key 1."""
    board.set_board_size(2, sender=owner)
    stand_all(board, chain, board_candidates[:2], DEPOSIT)
    cast(board, chain, 0, [(board_voters[0], [0, 1])])
    cast(board, chain, 1, [(board_voters[1], [1])])
    assert board.approvals(0, 1, 0) == 0
    assert board.approvals(0, 1, 1) == WEIGHTS[1]
    assert board.voted_weight(0, 1) == WEIGHTS[1]
    assert board.has_voted(0, 1, board_voters[1])


def test_has_claimed__first_candidate_both_halves__true_and_others_false(
    board, board_candidates, board_voters, board_funder, owner, chain
):
    """Kills 683:16, 683:26, 683:28 and 685:57: director 0 (index + 1 == 1) claimed half 1 reads
    True; an address that never stood and a half 2 read False without reverting."""
    _board_of_one(board, chain, board_candidates[:1], board_voters, owner)
    board.fund(model.YEARLY_INCOME, sender=board_funder)
    director = board_candidates[0]
    at(chain, model.half_end(board.genesis(), 0, 1))
    board.claim(0, 1, sender=director)
    assert not board.has_claimed(0, 0, director)
    assert board.has_claimed(0, 1, director)
    board.claim(0, 0, sender=director)
    assert board.has_claimed(0, 0, director)
    assert not board.has_claimed(0, 2, director)
    assert not board.has_claimed(0, 0, board_voters[0])
    assert not board.has_claimed(0, 1, board_voters[0])


def test_elect_directors__one_wei_of_approval__elected(
    board, board_votes, board_candidates, board_voters, deployer, chain
):
    """Kills 816:34 (best_approvals starts at 1): approvals of exactly 1 wei are "> 0" and elect."""
    stand_all(board, chain, board_candidates[:2], DEPOSIT)
    board_votes.set_votes(board_voters[2], 1, sender=deployer)
    cast(board, chain, 0, [(board_voters[2], [1])])
    after_round(board, chain, 0)
    tx = board.finalize_round(0, sender=board_voters[0])
    assert tx.return_value == 1
    [event] = board.DirectorsElected.from_receipt(tx)
    assert (event.directors, event.seats) == (1 << 1, 1)
    assert board.directors(0) == [board_candidates[1].address]


def test_chair_round__lone_director_no_ballot__stays_in_the_race(
    board, board_candidates, board_voters, owner, chain
):
    """Kills 859:20, 882:14 and 882:16: with one director left and no chair, nobody is dropped."""
    _board_of_one(board, chain, board_candidates[:2], board_voters, owner)
    after_round(board, chain, 1)
    tx = board.finalize_round(0, sender=board_voters[0])
    assert tx.return_value == 2
    [event] = board.ChairRoundFinalized.from_receipt(tx)
    assert (event.round, event.voted, event.chair, event.dropped) == (1, 0, ZERO, ZERO)
    assert board.in_chair_race(0, 0)
    cast(board, chain, 2, [(board_voters[2], [0])])
    after_round(board, chain, 2)
    board.finalize_round(0, sender=board_voters[0])
    assert board.chair(0) == board_candidates[0].address


def test_surplus__income_owed__counted_as_owed(
    board, board_cpc, board_candidates, board_voters, board_funder, owner, chain
):
    """Kills 903:60 (locked + unallocated - owed): income reserved but not claimed is owed, not
    surplus; only CPC sent directly is."""
    board.set_board_size(2, sender=owner)
    stand_all(board, chain, board_candidates[:2], DEPOSIT)
    cast(board, chain, 0, [(board_voters[0], [0, 1])])
    board.fund(model.YEARLY_INCOME, sender=board_funder)
    at(chain, model.half_end(board.genesis(), 0, 0))
    share = board.claim(0, 0, sender=board_candidates[0]).return_value
    assert board.income_owed() == share == model.half_share(model.YEARLY_INCOME, 2)
    assert board.surplus() == 0
    board_cpc.transfer(board, 1, sender=board_funder)
    assert board.surplus() == 1
    assert board.sweep(board_funder, sender=owner).return_value == 1
    assert board.surplus() == 0 and board.income_owed() == share

"""Board.withdraw: a candidate not elected takes its deposit back once the directors' round is over;
a director only once its one-year term has ended."""

import ape

from tests.nodes.board.board_support import after_round, at, cast, in_round, stand_all

from .conftest import DEPOSIT


def _elect_first_two(board, chain, candidates, voters, owner):
    """Four candidates stand; directors 0 and 1 are elected (board of 2)."""
    board.set_board_size(2, sender=owner)
    stand_all(board, chain, candidates, DEPOSIT)
    cast(board, chain, 0, [(voters[0], [0, 1])])


def test_withdraw__not_elected_after_directors_round__deposit_back(
    board, board_cpc, board_candidates, board_voters, owner, chain
):
    """Candidate 2, not elected, withdraws as soon as round 0 has ended (finalizing it on the way)."""
    _elect_first_two(board, chain, board_candidates, board_voters, owner)
    after_round(board, chain, 0)
    loser = board_candidates[2]
    before = board_cpc.balanceOf(loser)
    tx = board.withdraw(0, sender=loser)
    assert tx.return_value == DEPOSIT
    assert board_cpc.balanceOf(loser) == before + DEPOSIT
    assert board.deposit_of(0, loser) == 0
    assert board.locked_deposits() == 3 * DEPOSIT
    assert board.rounds_finalized(0) == 1


def test_withdraw__during_directors_round__reverts(board, board_candidates, board_voters, owner, chain):
    """Every deposit is locked until the directors are known."""
    _elect_first_two(board, chain, board_candidates, board_voters, owner)
    with ape.reverts("board: election not over"):
        board.withdraw(0, sender=board_candidates[2])


def test_withdraw__director_before_term_end__reverts(board, board_candidates, board_voters, owner, chain):
    """A director cannot withdraw during the election nor one second before its term ends."""
    _elect_first_two(board, chain, board_candidates, board_voters, owner)
    in_round(board, chain, 1)
    with ape.reverts("board: director locked until the term ends"):
        board.withdraw(0, sender=board_candidates[0])
    at(chain, board.term_window(0)[1] - 1)
    with ape.reverts("board: director locked until the term ends"):
        board.withdraw(0, sender=board_candidates[0])


def test_withdraw__director_at_term_end__deposit_back(
    board, board_cpc, board_candidates, board_voters, owner, chain
):
    """At the term's end the director's deposit is free."""
    _elect_first_two(board, chain, board_candidates, board_voters, owner)
    at(chain, board.term_window(0)[1])
    director = board_candidates[0]
    before = board_cpc.balanceOf(director)
    board.withdraw(0, sender=director)
    assert board_cpc.balanceOf(director) == before + DEPOSIT


def test_withdraw__twice__reverts(board, board_candidates, board_voters, owner, chain):
    """A deposit comes back once; an address that never stood has nothing either."""
    _elect_first_two(board, chain, board_candidates, board_voters, owner)
    after_round(board, chain, 0)
    board.withdraw(0, sender=board_candidates[3])
    with ape.reverts("board: nothing to withdraw"):
        board.withdraw(0, sender=board_candidates[3])
    with ape.reverts("board: nothing to withdraw"):
        board.withdraw(0, sender=board_voters[0])

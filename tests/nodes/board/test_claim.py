"""Board.fund and Board.claim: the board's yearly income in two halves, equal shares pulled by the
directors, each at most once per half, only out of what was funded."""

import ape

from fivefold.nodes import model_board as model
from fivefold.units import to_wei
from tests.nodes.board.board_support import at, cast, stand_all

from .conftest import DEPOSIT

BUDGET = to_wei(1_000_000)


def _board_of_three(board, chain, candidates, voters, owner):
    """Directors 0, 1, 2 (board of 3) elected in cycle 0."""
    board.set_board_size(3, sender=owner)
    stand_all(board, chain, candidates, DEPOSIT)
    cast(board, chain, 0, [(voters[0], [0, 1, 2])])


def _half_end(board, half):
    return board.term_window(0)[0] + (half + 1) * model.HALF


def test_claim__after_first_half__equal_share_and_dust_stays(
    board, board_cpc, board_candidates, board_voters, board_funder, owner, chain
):
    """400,000 / 2 / 3 rounds down: each director gets 66,666.66..., the dust stays unallocated; the
    first claim reserves the half for all three."""
    _board_of_three(board, chain, board_candidates, board_voters, owner)
    board.fund(BUDGET, sender=board_funder)
    at(chain, _half_end(board, 0))
    share = model.half_share(model.YEARLY_INCOME, 3)
    director = board_candidates[1]
    before = board_cpc.balanceOf(director)
    tx = board.claim(0, 0, sender=director)
    assert tx.return_value == share == model.YEARLY_INCOME // 2 // 3
    assert board_cpc.balanceOf(director) == before + share
    assert board.income_owed() == 2 * share
    assert board.unallocated() == BUDGET - 3 * share
    assert board.has_claimed(0, 0, director) and not board.has_claimed(0, 1, director)
    board.claim(0, 0, sender=board_candidates[0])
    board.claim(0, 0, sender=board_candidates[2])
    assert board.income_owed() == 0


def test_claim__twice_in_a_half__reverts(board, board_candidates, board_voters, board_funder, owner, chain):
    """Nobody claims a half twice; the second half is claimable once it has ended."""
    _board_of_three(board, chain, board_candidates, board_voters, owner)
    board.fund(BUDGET, sender=board_funder)
    at(chain, _half_end(board, 1))
    director = board_candidates[0]
    board.claim(0, 0, sender=director)
    with ape.reverts("board: already claimed"):
        board.claim(0, 0, sender=director)
    board.claim(0, 1, sender=director)
    with ape.reverts("board: already claimed"):
        board.claim(0, 1, sender=director)


def test_claim__half_not_over__reverts(board, board_candidates, board_voters, board_funder, owner, chain):
    """Income is paid semi-annually: a second before the half ends is too early."""
    _board_of_three(board, chain, board_candidates, board_voters, owner)
    board.fund(BUDGET, sender=board_funder)
    at(chain, _half_end(board, 0) - 1)
    with ape.reverts("board: half-year not over"):
        board.claim(0, 0, sender=board_candidates[0])
    with ape.reverts("board: half-year not over"):
        board.claim(0, 1, sender=board_candidates[0])


def test_claim__unknown_half__reverts(board, board_candidates, board_voters, owner, chain):
    """A term has halves 0 and 1."""
    _board_of_three(board, chain, board_candidates, board_voters, owner)
    with ape.reverts("board: unknown half"):
        board.claim(0, 2, sender=board_candidates[0])


def test_claim__not_a_director__reverts(board, board_candidates, board_voters, board_funder, owner, chain):
    """A candidate not elected, and an address that never stood, have no share."""
    _board_of_three(board, chain, board_candidates, board_voters, owner)
    board.fund(BUDGET, sender=board_funder)
    at(chain, _half_end(board, 0))
    for account in (board_candidates[3], board_voters[0]):
        with ape.reverts("board: not a director"):
            board.claim(0, 0, sender=account)


def test_claim__budget_short__reverts_until_funded(
    board, board_candidates, board_voters, board_funder, owner, chain
):
    """A half is reserved all or nothing: short of the three shares, nobody is paid; once funded,
    the claim goes through."""
    _board_of_three(board, chain, board_candidates, board_voters, owner)
    share = model.half_share(model.YEARLY_INCOME, 3)
    board.fund(3 * share - 1, sender=board_funder)
    at(chain, _half_end(board, 0))
    with ape.reverts("board: income not funded"):
        board.claim(0, 0, sender=board_candidates[0])
    board.fund(1, sender=board_funder)
    assert board.claim(0, 0, sender=board_candidates[0]).return_value == share


def test_claim__income_set_to_zero_before_election__reverts(
    board, board_candidates, board_voters, board_funder, owner, chain
):
    """A board finalized while the income is 0 has nothing to claim; boards keep the income fixed
    when their directors were finalized, so a later change does not touch them."""
    board.set_yearly_income(0, sender=owner)
    _board_of_three(board, chain, board_candidates, board_voters, owner)
    board.fund(BUDGET, sender=board_funder)
    at(chain, _half_end(board, 0))
    board.finalize_round(0, sender=board_funder)
    board.set_yearly_income(model.YEARLY_INCOME, sender=owner)
    assert board.term_income(0) == 0
    with ape.reverts("board: no income"):
        board.claim(0, 0, sender=board_candidates[0])


def test_fund__zero_amount__reverts(board, board_funder):
    """Zero funding is refused and changes nothing."""
    with ape.reverts("board: zero amount"):
        board.fund(0, sender=board_funder)
    assert board.unallocated() == 0


def test_fund__anyone__adds_to_unallocated(board, board_cpc, board_funder):
    """The community allocation's pull: CPC in, counted as unallocated budget."""
    board.fund(BUDGET, sender=board_funder)
    assert board.unallocated() == BUDGET == board_cpc.balanceOf(board)

"""Board.stand: only during candidacy, a deposit over the minimum, once per cycle, at most
MAX_CANDIDATES, refused while paused; the deposit is locked in the board."""

import ape

from fivefold.nodes import model_board as model
from fivefold.units import to_wei
from tests.nodes.board.board_support import at, in_candidacy, in_round

from .conftest import DEPOSIT


def test_stand__in_candidacy__deposit_locked(board, board_cpc, board_candidates, chain):
    """The deposit moves into the board, counts as locked and the candidate gets the next index."""
    candidate = board_candidates[0]
    in_candidacy(board, chain)
    before = board_cpc.balanceOf(candidate)
    tx = board.stand(DEPOSIT, sender=candidate)
    assert board_cpc.balanceOf(candidate) == before - DEPOSIT
    assert board_cpc.balanceOf(board) == board.locked_deposits() == DEPOSIT
    assert board.deposit_of(0, candidate) == DEPOSIT
    assert board.candidate_count(0) == 1
    assert board.candidate_at(0, 0) == candidate.address
    assert board.candidate_index(0, candidate) == 1
    [stood] = board.Stood.from_receipt(tx)
    assert stood.amount == DEPOSIT and stood.index == 0 and stood.candidate == candidate.address


def test_stand__before_genesis__reverts(board, board_candidates, chain):
    """Before cycle 0 there is no candidacy."""
    at(chain, board.genesis() - 1)
    with ape.reverts("board: not in candidacy"):
        board.stand(DEPOSIT, sender=board_candidates[0])


def test_stand__during_voting__reverts(board, board_candidates, chain):
    """Candidacy closes when the directors' round opens."""
    in_round(board, chain, 0)
    with ape.reverts("board: not in candidacy"):
        board.stand(DEPOSIT, sender=board_candidates[0])


def test_stand__deposit_at_the_minimum__reverts(board, board_candidates, chain):
    """The paper says "over 200,000 CPC": exactly the minimum is refused, one wei more stands."""
    in_candidacy(board, chain)
    with ape.reverts("board: deposit not over the minimum"):
        board.stand(model.MIN_DEPOSIT, sender=board_candidates[0])
    board.stand(model.MIN_DEPOSIT + 1, sender=board_candidates[0])
    assert board.deposit_of(0, board_candidates[0]) == model.MIN_DEPOSIT + 1


def test_stand__zero_amount__reverts(board, board_candidates, chain):
    """A zero deposit is below the minimum and touches nothing."""
    in_candidacy(board, chain)
    with ape.reverts("board: deposit not over the minimum"):
        board.stand(0, sender=board_candidates[0])
    assert board.candidate_count(0) == 0


def test_stand__twice_in_a_cycle__reverts(board, board_candidates, chain):
    """One candidacy per address and cycle."""
    in_candidacy(board, chain)
    board.stand(DEPOSIT, sender=board_candidates[0])
    with ape.reverts("board: already standing"):
        board.stand(DEPOSIT, sender=board_candidates[0])


def test_stand__next_cycle__stands_again(board, board_candidates, chain):
    """A candidate of cycle 0 may stand again in cycle 1 with a new deposit (cycle 0's stays)."""
    candidate = board_candidates[0]
    in_candidacy(board, chain)
    board.stand(DEPOSIT, sender=candidate)
    in_candidacy(board, chain, cycle=1)
    board.stand(DEPOSIT + 1, sender=candidate)
    assert board.deposit_of(0, candidate) == DEPOSIT
    assert board.deposit_of(1, candidate) == DEPOSIT + 1
    assert board.locked_deposits() == 2 * DEPOSIT + 1


def test_stand__while_paused__reverts(board, board_candidates, owner, chain):
    """The guardian's pause stops new candidacies."""
    board.pause(sender=owner)
    in_candidacy(board, chain)
    with ape.reverts("pausable: new deposits and creations are paused"):
        board.stand(DEPOSIT, sender=board_candidates[0])


def test_stand__candidate_limit_reached__reverts(board, board_cpc, board_funder, accounts, chain):
    """At most MAX_CANDIDATES (20) per cycle: the 21st is refused."""
    newcomers = [accounts.generate_test_account() for _ in range(model.MAX_CANDIDATES + 1)]
    amount = model.MIN_DEPOSIT + 1
    in_candidacy(board, chain)
    for account in newcomers:
        chain.set_balance(account.address, to_wei(1))
        board_cpc.transfer(account, amount, sender=board_funder)
        board_cpc.approve(board, amount, sender=account)
    for account in newcomers[:-1]:
        board.stand(amount, sender=account)
    assert board.candidate_count(0) == model.MAX_CANDIDATES
    with ape.reverts("board: too many candidates"):
        board.stand(amount, sender=newcomers[-1])

"""Board.sweep and force-sent CPC: a direct transfer is a surplus only the owner sweeps; it never
changes deposits, income or any outcome."""

import ape

from tests.nodes.board.board_support import after_round, cast, stand_all

from .conftest import DEPOSIT

ZERO = "0x0000000000000000000000000000000000000000"


def test_attack__force_sent_cpc__only_a_surplus(
    board, board_cpc, board_candidates, board_voters, board_funder, owner, chain
):
    """CPC sent straight to the board is surplus: candidacies, withdrawals and funding go on as
    before, and the owner sweeps exactly the surplus."""
    board_cpc.transfer(board, 12345, sender=board_funder)
    stand_all(board, chain, board_candidates[:2], DEPOSIT)
    board.fund(DEPOSIT, sender=board_funder)
    assert board.surplus() == 12345
    cast(board, chain, 0, [(board_voters[0], [0])])
    after_round(board, chain, 0)
    board.withdraw(0, sender=board_candidates[1])
    treasury = board_voters[2]  # any receiver governance names
    before = board_cpc.balanceOf(treasury)
    assert board.sweep(treasury, sender=owner).return_value == 12345
    assert board_cpc.balanceOf(treasury) == before + 12345
    assert board_cpc.balanceOf(board) == board.locked_deposits() + board.unallocated() == 2 * DEPOSIT


def test_sweep__nothing_extra__reverts(board, board_candidates, owner, chain):
    """Deposits are never swept."""
    stand_all(board, chain, board_candidates[:1], DEPOSIT)
    with ape.reverts("board: no surplus"):
        board.sweep(owner, sender=owner)


def test_sweep__zero_receiver__reverts(board, owner):
    with ape.reverts("board: zero receiver"):
        board.sweep(ZERO, sender=owner)


def test_sweep__non_owner__reverts(board, board_cpc, board_funder):
    """Only the owner (governance) sweeps, not even the funder."""
    board_cpc.transfer(board, 1, sender=board_funder)
    with ape.reverts("ownable: caller is not the owner"):
        board.sweep(board_funder, sender=board_funder)

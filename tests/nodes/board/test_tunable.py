"""Board's tunable numbers (board size, yearly income, minimum deposit): bounds on-chain, written
by the owner until a parameter registry is named, then by the registry alone."""

import ape
import pytest

from fivefold.nodes import model_board as model


@pytest.mark.parametrize(
    "setter, good, bad, reason",
    [
        ("set_board_size", model.MAX_BOARD, model.MAX_BOARD + 1, "board: board size out of bounds"),
        ("set_board_size", model.MIN_BOARD, model.MIN_BOARD - 1, "board: board size out of bounds"),
        (
            "set_yearly_income",
            model.MAX_YEARLY_INCOME,
            model.MAX_YEARLY_INCOME + 1,
            "board: income above the limit",
        ),
        (
            "set_min_deposit",
            model.MIN_MIN_DEPOSIT,
            model.MIN_MIN_DEPOSIT - 1,
            "board: minimum deposit out of bounds",
        ),
        (
            "set_min_deposit",
            model.MAX_MIN_DEPOSIT,
            model.MAX_MIN_DEPOSIT + 1,
            "board: minimum deposit out of bounds",
        ),
    ],
)
def test_setter__bounds__edge_accepted_beyond_reverts(board, owner, setter, good, bad, reason):
    """Each bound is inclusive: the edge is written, one past it reverts."""
    with ape.reverts(reason):
        getattr(board, setter)(bad, sender=owner)
    getattr(board, setter)(good, sender=owner)
    getter = {"set_board_size": "board_size", "set_yearly_income": "yearly_income"}.get(setter, "min_deposit")
    assert getattr(board, getter)() == good


@pytest.mark.parametrize("setter", ["set_board_size", "set_yearly_income", "set_min_deposit"])
def test_setter__non_owner__reverts(board, board_funder, setter):
    """Only the owner writes while no registry is named."""
    with ape.reverts("ownable: caller is not the owner"):
        getattr(board, setter)(model.MIN_MIN_DEPOSIT, sender=board_funder)


def test_setter__registry_named__owner_refused(board, board_votes, owner):
    """Once a registry is named (any contract here), the owner no longer writes directly."""
    board.set_parameter_registry(board_votes, sender=owner)
    with ape.reverts("tunable: caller is not the parameter registry"):
        board.set_board_size(3, sender=owner)

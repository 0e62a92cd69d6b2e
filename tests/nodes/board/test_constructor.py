"""Board constructor: every argument checked, the defaults of SPEC's board (5 directors, 400,000 CPC
a year, deposits over 200,000 CPC), and the calendar as fivefold/nodes/model_board.py computes it."""

import ape
import pytest

from fivefold.nodes import model_board as model

ZERO = "0x0000000000000000000000000000000000000000"


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"token": ZERO}, "board: zero token"),
        ({"votes": "stranger"}, "board: votes source is not a contract"),
        ({"genesis": 0}, "board: zero genesis"),
        ({"owner": ZERO}, "board: zero owner"),
    ],
)
def test_constructor__bad_argument__reverts(
    project, deployer, owner, stranger, board_cpc, board_votes, change, reason
):
    """Each argument has its own check: zero token, a votes source without code, zero genesis,
    zero owner."""
    args = {"token": board_cpc.address, "votes": board_votes.address, "genesis": 1, "owner": owner.address}
    args.update(change)
    if args["votes"] == "stranger":
        args["votes"] = stranger.address
    with ape.reverts(reason):
        project.Board.deploy(args["token"], args["votes"], args["genesis"], args["owner"], sender=deployer)


def test_constructor__deployed__defaults_and_immutables(board, board_cpc, board_votes, owner):
    """The SPEC defaults, the immutables and an empty ledger."""
    assert board.token() == board_cpc.address
    assert board.votes_source() == board_votes.address
    assert board.owner() == owner.address
    assert board.board_size() == model.BOARD_SIZE == 5
    assert board.yearly_income() == model.YEARLY_INCOME
    assert board.min_deposit() == model.MIN_DEPOSIT
    assert board.locked_deposits() == board.unallocated() == board.income_owed() == board.surplus() == 0


def test_stage_at__calendar__matches_the_model(board):
    """`stage_at`, `round_window` and `term_window` agree with the model at the edges of every
    phase of two cycles (a pure function of the time: no transaction moves a phase)."""
    g = board.genesis()
    times = [g - 1, g]
    for cycle in (0, 1):
        for r in range(model.ROUNDS):
            start, end = model.round_window(g, cycle, r)
            assert board.round_window(cycle, r) == (start, end)
            times += [start - 1, start, end - 1]
        term = model.term_window(g, cycle)
        assert board.term_window(cycle) == term
        times += [term[0], term[1] - 1]
    for t in times:
        assert board.stage_at(t) == model.stage_at(g, t), t
    assert model.stage_at(g, g - 1) == (0, model.STAGE_IDLE)
    assert model.stage_at(g, model.round_window(g, 0, model.CHAIR_ROUNDS)[1]) == (0, model.STAGE_IDLE)


def test_round_window__unknown_round__reverts(board):
    """Rounds are 0 (directors) .. CHAIR_ROUNDS."""
    with ape.reverts("board: unknown round"):
        board.round_window(0, model.ROUNDS)

"""Board.finalize_round: directors by approvals, the chair by at least 50% of the weight that voted
with rounds dropping the last, and the tie rules (docs/nodes.md, "Board"): the earlier candidacy wins a
tie for a seat or the chair, the later candidacy leaves on a tie for the last place."""

import ape

from fivefold.nodes import model_board as model
from fivefold.units import to_wei
from tests.nodes.board.board_support import after_round, cast, in_round, stand_all

from .conftest import DEPOSIT, WEIGHTS


def _elect(board, chain, candidates, size, owner, ballots):
    """All four candidates stand; round 0 with `ballots`; directors finalized."""
    board.set_board_size(size, sender=owner)
    stand_all(board, chain, candidates, DEPOSIT)
    cast(board, chain, 0, ballots)
    after_round(board, chain, 0)
    board.finalize_round(0, sender=owner)


def test_finalize_round__directors__most_approved_elected(
    board, board_candidates, board_voters, owner, chain
):
    """A = [50, 70, 30, 20] with a board of 2: candidates 1 and 0, as the model ranks them; the
    board's income is fixed with its directors."""
    v = board_voters
    _elect(board, chain, board_candidates, 2, owner, [(v[0], [0, 1]), (v[1], [2]), (v[2], [1, 3])])
    tally = [board.approvals(0, 0, i) for i in range(4)]
    assert tally == [WEIGHTS[0], WEIGHTS[0] + WEIGHTS[2], WEIGHTS[1], WEIGHTS[2]]
    assert model.elect_directors(tally, 2) == [1, 0]
    assert board.directors(0) == [board_candidates[0].address, board_candidates[1].address]
    assert [board.is_director(0, c) for c in board_candidates] == [True, True, False, False]
    assert board.rounds_finalized(0) == 1
    assert board.term_income(0) == model.YEARLY_INCOME


def test_finalize_round__tied_for_a_seat__earlier_candidacy_wins(
    board, board_candidates, board_voters, owner, chain
):
    """Candidates 1 and 2 tie for the one seat: the earlier candidacy (index 1) takes it."""
    _elect(board, chain, board_candidates, 1, owner, [(board_voters[0], [1, 2])])
    assert board.directors(0) == [board_candidates[1].address]


def test_finalize_round__unapproved_candidates__not_elected(
    board, board_candidates, board_voters, owner, chain
):
    """Seats stay empty rather than go to candidates nobody approved: a board of 5 with one."""
    _elect(board, chain, board_candidates, 5, owner, [(board_voters[2], [3])])
    assert board.directors(0) == [board_candidates[3].address]


def test_finalize_round__nobody_approved__no_board(board, board_candidates, owner, chain):
    """No ballot: no director, no chair race, the election is decided at once."""
    _elect(board, chain, board_candidates, 5, owner, [])
    assert board.directors(0) == []
    assert board.rounds_finalized(0) == model.ROUNDS
    assert board.chair(0) == "0x0000000000000000000000000000000000000000"


def test_finalize_round__round_still_open__reverts(board, board_candidates, board_voters, chain):
    """Nothing is final before the round's window has ended."""
    stand_all(board, chain, board_candidates, DEPOSIT)
    cast(board, chain, 0, [(board_voters[0], [0])])
    with ape.reverts("board: nothing to finalize"):
        board.finalize_round(0, sender=board_voters[0])


def test_finalize_round__already_finalized__reverts(board, board_candidates, board_voters, owner, chain):
    """A finalized round cannot be finalized again."""
    _elect(board, chain, board_candidates, 2, owner, [(board_voters[0], [0, 1])])
    with ape.reverts("board: nothing to finalize"):
        board.finalize_round(0, sender=board_voters[0])


def test_finalize_round__chair_with_exactly_half__elected(
    board, board_candidates, board_voters, owner, chain
):
    """50 of 100 voted is "at least 50%": director 0 is chair after round 1."""
    v = board_voters
    _elect(board, chain, board_candidates, 3, owner, [(v[0], [0, 1, 2])])
    cast(board, chain, 1, [(v[0], [0]), (v[1], [1]), (v[2], [2])])
    after_round(board, chain, 1)
    tx = board.finalize_round(0, sender=v[0])
    assert board.chair(0) == board_candidates[0].address
    assert board.rounds_finalized(0) == model.ROUNDS
    [event] = board.ChairRoundFinalized.from_receipt(tx)
    assert (event.voted, event.leader_approvals) == (sum(WEIGHTS), WEIGHTS[0])


def test_finalize_round__chair_below_half__drops_the_last_until_one_reaches_half(
    board, board_votes, board_candidates, board_voters, deployer, owner, chain
):
    """Weights 40/35/25: round 1 leaves everyone below 50% and drops the last (25); in round 2 the
    third voter moves to director 1, who reaches 60% and is chair."""
    v = board_voters
    for voter, weight in zip(v, (40, 35, 25), strict=True):
        board_votes.set_votes(voter, to_wei(weight), sender=deployer)
    _elect(board, chain, board_candidates, 3, owner, [(v[0], [0, 1, 2])])
    cast(board, chain, 1, [(v[0], [0]), (v[1], [1]), (v[2], [2])])
    in_round(board, chain, 2)
    with ape.reverts("board: candidate not in this round"):
        board.vote([2], sender=v[2])  # finalizes round 1 on the way, then refuses the dropped one
    after_round(board, chain, 1)
    tx = board.finalize_round(0, sender=v[2])
    [event] = board.ChairRoundFinalized.from_receipt(tx)
    assert event.dropped == board_candidates[2].address and event.chair == "0x" + "00" * 20
    assert not board.in_chair_race(0, 2) and board.in_chair_race(0, 1)
    assert model.chair_round([0, 1, 2], {0: 40, 1: 35, 2: 25}, 100) == (None, 2)
    cast(board, chain, 2, [(v[0], [0]), (v[1], [1]), (v[2], [1])])
    after_round(board, chain, 2)
    board.finalize_round(0, sender=v[2])
    assert board.chair(0) == board_candidates[1].address


def test_finalize_round__chair_tie_at_the_top__earlier_candidacy_wins(
    board, board_candidates, board_voters, owner, chain
):
    """Two directors with the same approvals, both above 50%: the earlier candidacy is chair."""
    v = board_voters
    _elect(board, chain, board_candidates, 3, owner, [(v[0], [0, 1, 2])])
    cast(board, chain, 1, [(v[0], [1, 2])])
    after_round(board, chain, 1)
    board.finalize_round(0, sender=v[0])
    assert board.chair(0) == board_candidates[1].address


def test_finalize_round__chair_round_without_ballots__later_candidacy_leaves(
    board, board_candidates, board_voters, owner, chain
):
    """No ballot: everyone ties at 0, nobody reaches 50% of nothing, the latest candidacy leaves."""
    _elect(board, chain, board_candidates, 3, owner, [(board_voters[0], [0, 1, 2])])
    after_round(board, chain, 1)
    board.finalize_round(0, sender=owner)
    assert [board.in_chair_race(0, i) for i in range(3)] == [True, True, False]
    assert board.rounds_finalized(0) == 2


def test_finalize_round__last_round_without_majority__no_chair(
    board, board_candidates, board_voters, owner, chain
):
    """With nobody voting, rounds drop directors down to one, who stays in the race (no one drops
    the last) until the last round ends: the board serves without a chair. Nine rounds at most,
    each reading at most MAX_CANDIDATES tallies, in one call."""
    _elect(board, chain, board_candidates, 3, owner, [(board_voters[0], [0, 1, 2])])
    after_round(board, chain, model.CHAIR_ROUNDS)
    assert board.finalize_round(0, sender=owner).return_value == model.ROUNDS
    assert board.chair(0) == "0x" + "00" * 20
    assert not board.in_chair_race(0, 0)
    election = model.Election(candidates=["a", "b", "c", "d"])
    election.ballot(0, 1, [0, 1, 2])
    g = board.genesis()
    election.finalize_due(g, 0, model.round_window(g, 0, model.CHAIR_ROUNDS)[1], 3, model.YEARLY_INCOME)
    assert (election.finalized, election.chair, election.remaining) == (model.ROUNDS, None, [0])

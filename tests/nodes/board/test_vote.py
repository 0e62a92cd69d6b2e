"""Board.vote: approval ballots in the open round, weighted by the votes source at the round's
snapshot; every refusal has its reason."""

import ape

from tests.nodes.board.board_support import at, cast, in_candidacy, in_round, stand_all

from .conftest import DEPOSIT, WEIGHTS


def test_vote__directors_round__approvals_weighted_at_snapshot(board, board_candidates, board_voters, chain):
    """Each approved candidate gets the voter's whole weight; the round's voted weight grows by it."""
    stand_all(board, chain, board_candidates, DEPOSIT)
    in_round(board, chain, 0)
    tx = board.vote([0, 2], sender=board_voters[0])
    assert [board.approvals(0, 0, i) for i in range(4)] == [WEIGHTS[0], 0, WEIGHTS[0], 0]
    assert board.voted_weight(0, 0) == WEIGHTS[0]
    assert board.has_voted(0, 0, board_voters[0])
    assert tx.events[-1].weight == WEIGHTS[0] and tx.events[-1].approved == 2


def test_vote__in_candidacy__reverts(board, board_candidates, board_voters, chain):
    """No round is open during candidacy (nor after the last chair round)."""
    stand_all(board, chain, board_candidates, DEPOSIT)
    with ape.reverts("board: not in a voting round"):
        board.vote([0], sender=board_voters[0])
    at(chain, board.term_window(0)[0])
    with ape.reverts("board: not in a voting round"):
        board.vote([0], sender=board_voters[0])


def test_vote__no_candidate__reverts(board, board_candidates, board_voters, chain):
    """An empty ballot is refused (it would only raise the chair's bar)."""
    stand_all(board, chain, board_candidates, DEPOSIT)
    in_round(board, chain, 0)
    with ape.reverts("board: no candidates approved"):
        board.vote([], sender=board_voters[0])


def test_vote__twice_in_a_round__reverts(board, board_candidates, board_voters, chain):
    """One ballot per voter and round, whatever it approves."""
    stand_all(board, chain, board_candidates, DEPOSIT)
    in_round(board, chain, 0)
    board.vote([0], sender=board_voters[0])
    with ape.reverts("board: already voted"):
        board.vote([1], sender=board_voters[0])


def test_vote__same_candidate_twice_in_a_ballot__reverts(board, board_candidates, board_voters, chain):
    """Indices must strictly increase, so no ballot approves a candidate twice."""
    stand_all(board, chain, board_candidates, DEPOSIT)
    in_round(board, chain, 0)
    with ape.reverts("board: candidates not in increasing order"):
        board.vote([1, 1], sender=board_voters[0])
    with ape.reverts("board: candidates not in increasing order"):
        board.vote([2, 1], sender=board_voters[0])


def test_vote__unknown_candidate__reverts(board, board_candidates, board_voters, chain):
    """Only indices of candidates who stood in this cycle."""
    stand_all(board, chain, board_candidates, DEPOSIT)
    in_round(board, chain, 0)
    with ape.reverts("board: candidate not in this round"):
        board.vote([4], sender=board_voters[0])
    with ape.reverts("board: candidate not in this round"):
        board.vote([2**255], sender=board_voters[0])


def test_vote__no_weight__reverts(board, board_candidates, chain):
    """An account with no node deposit at the snapshot has nothing to vote with."""
    stand_all(board, chain, board_candidates, DEPOSIT)
    in_round(board, chain, 0)
    with ape.reverts("board: no voting weight"):
        board.vote([0], sender=board_candidates[0])


def test_attack__weight_moved_after_snapshot__does_not_count(
    board, board_votes, board_candidates, board_voters, deployer, chain
):
    """Deposits moved after the snapshot (one second before the round opens) count for nobody: the
    voter who gained weight votes with its snapshot weight, the newcomer has none, and weight moved
    to a second account cannot vote twice."""
    stand_all(board, chain, board_candidates, DEPOSIT)
    start = board.round_window(0, 0)[0]
    at(chain, start)
    board_votes.set_votes(board_voters[0], 10**30, sender=deployer)  # after the snapshot
    board_votes.set_votes(board_candidates[0], WEIGHTS[1], sender=deployer)  # "moved" from voter 1
    board_votes.set_votes(board_voters[1], 0, sender=deployer)
    board.vote([0], sender=board_voters[0])
    board.vote([0], sender=board_voters[1])
    assert board.approvals(0, 0, 0) == WEIGHTS[0] + WEIGHTS[1]
    with ape.reverts("board: no voting weight"):
        board.vote([0], sender=board_candidates[0])


def test_vote__chair_round__only_directors_in_the_race(board, board_candidates, board_voters, owner, chain):
    """In a chair round a candidate not elected director cannot be approved."""
    board.set_board_size(2, sender=owner)
    stand_all(board, chain, board_candidates, DEPOSIT)
    cast(board, chain, 0, [(board_voters[0], [0, 1]), (board_voters[1], [2])])
    in_round(board, chain, 1)
    with ape.reverts("board: candidate not in this round"):
        board.vote([2], sender=board_voters[0])
    board.vote([0], sender=board_voters[0])  # finalized round 0 on the way
    assert board.rounds_finalized(0) == 1
    assert board.directors(0) == [board_candidates[0].address, board_candidates[1].address]


def test_vote__chair_already_elected__reverts(board, board_candidates, board_voters, owner, chain):
    """Once a chair is elected, later chair rounds take no ballots."""
    board.set_board_size(2, sender=owner)
    stand_all(board, chain, board_candidates, DEPOSIT)
    cast(board, chain, 0, [(board_voters[0], [0, 1])])
    cast(board, chain, 1, [(board_voters[0], [1])])
    in_round(board, chain, 2)
    with ape.reverts("board: election decided"):
        board.vote([1], sender=board_voters[1])
    board.finalize_round(0, sender=board_voters[1])  # the revert undid the lazy finalization
    assert board.chair(0) == board_candidates[1].address


def test_vote__in_candidacy_of_next_cycle__reverts_then_counts_in_its_round(
    board, board_candidates, board_voters, chain
):
    """Each cycle has its own rounds: a cycle-1 ballot lands in cycle 1's tallies."""
    stand_all(board, chain, board_candidates[:1], DEPOSIT, cycle=1)
    in_candidacy(board, chain, cycle=1)
    with ape.reverts("board: not in a voting round"):
        board.vote([0], sender=board_voters[0])
    cast(board, chain, 0, [(board_voters[2], [0])], cycle=1)
    assert board.approvals(1, 0, 0) == WEIGHTS[2]
    assert board.approvals(0, 0, 0) == 0

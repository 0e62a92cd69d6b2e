"""Helpers of the board tests: moving the clock to a phase of the calendar (fivefold/nodes/
model_board.py computes it from the genesis) and casting a round's ballots."""

from fivefold.nodes import model_board as model


def at(chain, timestamp: int) -> int:
    """Makes the next transaction land at `timestamp`."""
    chain.pending_timestamp = timestamp
    return timestamp


def in_candidacy(board, chain, cycle: int = 0) -> int:
    """The clock at the first second of `cycle`'s candidacy."""
    return at(chain, board.genesis() + cycle * model.TERM)


def in_round(board, chain, round_: int, cycle: int = 0) -> int:
    """The clock at the first second of round `round_` (0: directors, 1..: chair)."""
    return at(chain, model.round_window(board.genesis(), cycle, round_)[0])


def after_round(board, chain, round_: int, cycle: int = 0) -> int:
    """The clock at the first second after round `round_`'s window."""
    return at(chain, model.round_window(board.genesis(), cycle, round_)[1])


def stand_all(board, chain, candidates, amount, cycle: int = 0) -> None:
    """Every candidate stands, in order (indices 0..), during `cycle`'s candidacy."""
    in_candidacy(board, chain, cycle)
    for candidate in candidates:
        board.stand(amount, sender=candidate)


def cast(board, chain, round_: int, ballots, cycle: int = 0) -> None:
    """Opens round `round_` and casts `ballots`: (voter, [indices]) pairs."""
    in_round(board, chain, round_, cycle)
    for voter, indices in ballots:
        board.vote(indices, sender=voter)

"""Board gas (see fivefold/gas.py): standing for the board, an approval ballot, a director's
half-year claim.

The setup is the board of a fresh chain: CPC (a CappedToken) held by the users and the treasury
(the community allocation's stand-in), the votes source a MockVotes whose weights are checkpointed
before the snapshot (NodeVotes' stand-in: what the Board reads is the same `getPastVotes`), and
another candidate already standing, so the measured transaction writes no first-time global word
but its own.
"""

from fivefold.gas import Bench, operation
from fivefold.nodes import model_board as model
from fivefold.tokens.bench import capped_token
from fivefold.units import to_wei

DEPOSIT = to_wei(300_000)
BUDGET = to_wei(1_000_000)
WEIGHT = to_wei(50_000)


def _board(b: Bench):
    """CPC, the weights of user(2) and user(3), the Board (genesis in 100 s); user(1) stands.
    Returns (board, cpc)."""
    cpc = capped_token(b, "CPChain", "CPC", 10**27)
    cpc.initialize_supply(
        [b.treasury.address, b.user(0).address, b.user(1).address], [BUDGET, DEPOSIT, DEPOSIT], sender=b.owner
    )
    votes = b.project.MockVotes.deploy(sender=b.deployer)
    for i in (2, 3):
        votes.set_votes(b.user(i), WEIGHT, sender=b.deployer)
    genesis = b.chain.pending_timestamp + 100
    board = b.project.Board.deploy(cpc, votes, genesis, b.owner, sender=b.deployer)
    for account in (b.treasury, b.user(0), b.user(1)):
        cpc.approve(board, 2**256 - 1, sender=account)
    b.chain.pending_timestamp = genesis
    board.stand(DEPOSIT, sender=b.user(1))
    return board, cpc


@operation(
    "board.stand",
    "a candidate stands (CPC approved, holding more) during candidacy after another candidate: "
    "index, deposit and candidate slot written from zero, CPC pulled",
)
def stand(b: Bench):
    board, _ = _board(b)
    return board.stand(DEPOSIT, sender=b.user(0))


@operation(
    "board.vote",
    "per approved candidate: a node operator approves one candidate (no approval yet) in the directors' "
    "round after another operator voted in it (weight read from the votes source at the snapshot)",
)
def vote(b: Bench):
    board, _ = _board(b)
    board.stand(DEPOSIT, sender=b.user(0))
    b.chain.pending_timestamp = board.round_window(0, 0)[0]
    return _ballots(b, board)


def _ballots(b: Bench, board):
    """In the directors' round, with candidates 0 and 1 standing: user(3) approves candidate 0, then
    user(2) candidate 1; returns user(2)'s receipt (board.vote; the scaling table's row too)."""
    board.vote([0], sender=b.user(3))
    return board.vote([1], sender=b.user(2))


@operation(
    "board.claim",
    "a director of a board of two, the board's rounds finalized, claims its share of the first "
    "half-year after the other director reserved it (funded budget)",
)
def claim(b: Bench):
    board, _ = _board(b)
    board.stand(DEPOSIT, sender=b.user(0))
    b.chain.pending_timestamp = board.round_window(0, 0)[0]
    return _claims(b, board)


def _claims(b: Bench, board):
    """In the directors' round, with candidates 0 and 1 standing: user(2) approves both, the treasury
    funds the income, and once the first half-year is over user(1) claims (finalizing every round),
    then user(0); returns user(0)'s receipt (board.claim; the scaling table's row too)."""
    board.vote([0, 1], sender=b.user(2))
    board.fund(BUDGET, sender=b.treasury)
    b.chain.pending_timestamp = model.half_end(board.genesis(), 0, 0)
    board.claim(0, 0, sender=b.user(1))
    return board.claim(0, 0, sender=b.user(0))

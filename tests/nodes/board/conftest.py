"""Board fixtures: CPC (a CappedToken), a votes source standing in for NodeVotes
(contracts/mocks/MockVotes.vy: the deployer sets checkpointed weights), and the Board with its
genesis a little after deployment, so every test starts before cycle 0's candidacy.

Actors by role: `board_candidates` (four accounts holding CPC, approved to the board),
`board_voters` (three node operators with weights 50, 30 and 20 in the votes source, set before
genesis), `board_funder` (the community allocation's holder). Deployments are module-scoped: ape
snapshots each fixture scope and reverts every test to it.
"""

import pytest

from fivefold.units import to_wei

SUPPLY = to_wei(1_000_000_000)
BALANCE = to_wei(1_000_000)  # CPC of each candidate
BUDGET = to_wei(10_000_000)  # CPC of the funder
DEPOSIT = to_wei(300_000)  # a candidacy's deposit
WEIGHTS = (to_wei(50), to_wei(30), to_wei(20))  # the voters' node deposits
GENESIS_DELAY = 1_000  # seconds from deployment to cycle 0's candidacy


@pytest.fixture(scope="module")
def board_candidates(accounts):
    """Four would-be directors, in the order they stand (indices 0..3)."""
    return [accounts[3], accounts[4], accounts[5], accounts[6]]


@pytest.fixture(scope="module")
def board_voters(accounts):
    """Three node operators: weights 50, 30, 20."""
    return [accounts[7], accounts[8], accounts[9]]


@pytest.fixture(scope="module")
def board_funder(accounts):
    """The CPC community allocation's holder (the treasury): funds the board's income."""
    return accounts[2]


@pytest.fixture(scope="module")
def board_cpc(project, chain, owner, board_candidates, board_funder):
    """CPC: BALANCE for each candidate, BUDGET for the funder."""
    token = project.CappedToken.deploy(
        "CPChain", "CPC", SUPPLY, owner, "CPChain", "1", chain.chain_id, sender=owner
    )
    holders = [c.address for c in board_candidates] + [board_funder.address]
    token.initialize_supply(holders, [BALANCE] * len(board_candidates) + [BUDGET], sender=owner)
    return token


@pytest.fixture(scope="module")
def board_votes(project, deployer, board_voters):
    """The weight source: each voter's node deposits, checkpointed now (before any snapshot)."""
    votes = project.MockVotes.deploy(sender=deployer)
    for voter, weight in zip(board_voters, WEIGHTS, strict=True):
        votes.set_votes(voter, weight, sender=deployer)
    return votes


@pytest.fixture(scope="module")
def board(project, chain, deployer, owner, board_cpc, board_votes, board_candidates, board_funder):
    """The Board: genesis GENESIS_DELAY seconds after deployment; candidates and funder approved."""
    genesis = chain.pending_timestamp + GENESIS_DELAY
    contract = project.Board.deploy(board_cpc, board_votes, genesis, owner, sender=deployer)
    for account in [*board_candidates, board_funder]:
        board_cpc.approve(contract, 2**256 - 1, sender=account)
    return contract

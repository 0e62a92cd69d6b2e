"""ProposerCommittee.register/draw/elect: who may stand, when, and who is elected."""

import ape

from fivefold.nodes import model_committee as model
from tests.nodes.committee.conftest import (
    AB_CAP,
    LEAD,
    SIZE,
    TERM_LENGTH,
    at,
    elect_term,
    term_start,
)


def _candidates(cm, term):
    count = cm.committee.candidate_count(term)
    out = []
    for i in range(count):
        node, rpt = cm.committee.candidate(term, i)
        out.append((node, rpt, cm.rnode.deposit_of(node) >= model.MIN_RNODE_DEPOSIT))
    return out


def test_elect__five_candidates__committee_equals_model(chain, cm, cm_nodes, stranger):
    """The elected seats are the model's: the three largest (rpt + 1) * luck keys, luck from the
    drawn block's hash; each member's slots are seat, seat + 3, ... and it is locked until E(0)."""
    seed = elect_term(chain, cm, 0, cm_nodes[:5], stranger)
    expected = model.elect(seed, _candidates(cm, 0), SIZE)
    assert [cm.committee.member(0, s) for s in range(SIZE)] == expected
    assert cm.committee.term_record(0) == (cm.genesis, TERM_LENGTH, SIZE, True)
    end = term_start(cm, 1)
    for seat, node in enumerate(expected):
        assert cm.committee.seat_of(0, node) == seat + 1
        assert cm.committee.locked_until(node) == end
        assert cm.committee.proposer_of(0, seat + 3) == node
    losers = [n for n in cm_nodes[:5] if n.address not in expected]
    assert [cm.committee.locked_until(n) for n in losers] == [0, 0]


def test_elect__deposit_fell_below_minimum__candidate_skipped(chain, cm, cm_nodes, stranger, deployer):
    """A candidate whose RNode deposit fell under 200,000 CPC after registering is not elected."""
    for n in cm_nodes[:4]:
        cm.committee.register(0, sender=n)
    cm.rnode.set_deposit(cm_nodes[0], model.MIN_RNODE_DEPOSIT - 1, sender=deployer)
    at(chain, cm.genesis - LEAD)
    cm.committee.draw(0, sender=stranger)
    chain.mine()
    cm.committee.elect(0, sender=stranger)
    members = {cm.committee.member(0, s) for s in range(SIZE)}
    assert members == {n.address for n in cm_nodes[1:4]}


def test_elect__no_candidate__empty_committee(chain, cm, stranger):
    """With nobody standing the term is elected empty: its slots pay the treasury."""
    at(chain, cm.genesis - LEAD)
    cm.committee.draw(0, sender=stranger)
    chain.mine()
    cm.committee.elect(0, sender=stranger)
    assert cm.committee.term_record(0) == (cm.genesis, TERM_LENGTH, 0, True)
    assert cm.committee.proposer_of(0, 0) == "0x0000000000000000000000000000000000000000"


def test_elect__seed_block_older_than_256__fallback_seed(chain, cm, cm_nodes, stranger):
    """Past blockhash's reach the seed is keccak(D, term), fixed since the draw."""
    for n in cm_nodes[:5]:
        cm.committee.register(0, sender=n)
    at(chain, cm.genesis - LEAD)
    receipt = cm.committee.draw(0, sender=stranger)
    chain.mine(257)
    cm.committee.elect(0, sender=stranger)
    seed = model.fallback_seed(receipt.block_number + 1, 0)
    expected = model.elect(seed, _candidates(cm, 0), SIZE)
    assert [cm.committee.member(0, s) for s in range(SIZE)] == expected


def test_elect__not_drawn__reverts(chain, cm, stranger):
    """Electing needs a drawn seed block."""
    at(chain, cm.genesis - LEAD)
    with ape.reverts("proposer_committee: not drawn"):
        cm.committee.elect(0, sender=stranger)


def test_elect__twice__reverts(chain, cm, cm_nodes, stranger):
    """A term is elected once."""
    elect_term(chain, cm, 0, cm_nodes[:3], stranger)
    with ape.reverts("proposer_committee: already elected"):
        cm.committee.elect(0, sender=stranger)


def test_elect__term_started__reverts(chain, cm, cm_nodes, stranger):
    """Nobody can elect a running term (its slots pay the treasury)."""
    cm.committee.register(0, sender=cm_nodes[0])
    at(chain, cm.genesis - LEAD)
    cm.committee.draw(0, sender=stranger)
    at(chain, cm.genesis)
    with ape.reverts("proposer_committee: term started"):
        cm.committee.elect(0, sender=stranger)


def test_draw__registration_open__reverts(chain, cm, stranger):
    """The seed block is fixed only once the candidate list is closed."""
    at(chain, cm.genesis - LEAD - 1)
    with ape.reverts("proposer_committee: registration open"):
        cm.committee.draw(0, sender=stranger)


def test_register__deposit_below_minimum__reverts(cm, accounts):
    """Only an RNode (200,000 CPC in the RNode pool) may stand."""
    with ape.reverts("proposer_committee: deposit below minimum"):
        cm.committee.register(0, sender=accounts[9])


def test_register__deposit_made_this_second__reverts(chain, cm, accounts, deployer):
    """The RNode deposit is read at the previous second: a deposit made in the registering block
    (say, borrowed for the transaction) does not make a candidate; a second later it does."""
    newcomer = accounts[9]
    second = chain.pending_timestamp + 10
    at(chain, second)
    cm.rnode.set_deposit(newcomer, model.MIN_RNODE_DEPOSIT, sender=deployer)
    assert not model.can_register(cm.rnode.getPastVotes(newcomer, model.past_timepoint(second)))
    at(chain, second)  # the registration lands in the deposit's second
    with ape.reverts("proposer_committee: deposit below minimum"):
        cm.committee.register(0, sender=newcomer)
    chain.mine(deltatime=1)
    assert model.can_register(cm.rnode.getPastVotes(newcomer, second))
    cm.committee.register(0, sender=newcomer)
    assert cm.committee.is_candidate(0, newcomer)


def test_register__not_the_next_term__reverts(cm, cm_nodes):
    """Before genesis only term 0 is open; later terms wait for their predecessor."""
    with ape.reverts("proposer_committee: not the next term"):
        cm.committee.register(1, sender=cm_nodes[0])


def test_register__twice__reverts(cm, cm_nodes):
    """A node stands once per term."""
    cm.committee.register(0, sender=cm_nodes[0])
    with ape.reverts("proposer_committee: already registered"):
        cm.committee.register(0, sender=cm_nodes[0])


def test_register__after_close__reverts(chain, cm, cm_nodes):
    """Registration closes ELECTION_LEAD seconds before the term."""
    at(chain, cm.genesis - LEAD)
    with ape.reverts("proposer_committee: registration closed"):
        cm.committee.register(0, sender=cm_nodes[0])


def test_register__during_previous_term__records_rpt(chain, cm, cm_nodes):
    """Term 1 opens with term 0; the candidate's RPT is recorded at registration, AB from its
    deposits at the previous second (the model's holdings: no wallet balance)."""
    at(chain, cm.genesis)
    cm.committee.register(1, sender=cm_nodes[0])
    ab = model.ab(model.holdings(0, model.MIN_RNODE_DEPOSIT), AB_CAP)
    assert cm.reputation.rpt(cm_nodes[0]) == model.rpt(ab, 0, 0, 0, 0)
    assert cm.committee.candidate(1, 0) == (cm_nodes[0].address, model.rpt(ab, 0, 0, 0, 0))

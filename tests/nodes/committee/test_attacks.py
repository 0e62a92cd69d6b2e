"""Attacks on the election: no candidate can choose or foresee the seed before the candidate list
is frozen, and the candidate list is bounded."""

import ape
import pytest

from fivefold.nodes import model_committee as model
from tests.nodes.committee.conftest import LEAD, RNODE_DEPOSIT, SIZE, at, elect_term


@pytest.fixture
def attacker(chain, project, deployer, cm):
    """A contract RNode with the minimum deposit."""
    contract = project.NodesMockCandidate.deploy(sender=deployer)
    cm.rnode.set_deposit(contract, RNODE_DEPOSIT, sender=deployer)
    chain.mine(deltatime=1)
    return contract


def test_attack__draw_and_elect_in_one_transaction__reverts(chain, cm, cm_nodes, attacker, deployer):
    """A candidate cannot draw and elect at once (it would see the seed before committing to it):
    the seed is the hash of a block after the draw."""
    attacker.enter(cm.committee, 0, sender=deployer)
    for n in cm_nodes[:3]:
        cm.committee.register(0, sender=n)
    at(chain, cm.genesis - LEAD)
    with ape.reverts("proposer_committee: seed block not mined"):
        attacker.draw_and_elect(cm.committee, 0, sender=deployer)


def test_attack__register_after_draw__reverts(chain, cm, cm_nodes, attacker, deployer, accounts):
    """Once the seed block is fixed the candidate list is closed: nobody can join after
    learning the seed."""
    for n in cm_nodes[:3]:
        cm.committee.register(0, sender=n)
    at(chain, cm.genesis - LEAD)
    cm.committee.draw(0, sender=accounts[9])
    chain.mine()
    with ape.reverts("proposer_committee: registration closed"):
        attacker.enter(cm.committee, 0, sender=deployer)


def test_attack__redraw_for_a_better_seed__reverts(chain, cm, cm_nodes, accounts):
    """The seed block is drawn once: an unhappy candidate cannot draw again."""
    for n in cm_nodes[:3]:
        cm.committee.register(0, sender=n)
    at(chain, cm.genesis - LEAD)
    cm.committee.draw(0, sender=accounts[9])
    with ape.reverts("proposer_committee: already drawn"):
        cm.committee.draw(0, sender=cm_nodes[0])


def test_attack__wait_out_blockhash__seed_fixed_at_draw(chain, cm, cm_nodes, accounts):
    """Letting the seed block fall out of blockhash's 256 blocks buys no new draw: the fallback
    keccak(D, term) was fixed by the draw, whoever elects and whenever."""
    for n in cm_nodes[:6]:
        cm.committee.register(0, sender=n)
    at(chain, cm.genesis - LEAD)
    receipt = cm.committee.draw(0, sender=accounts[9])
    chain.mine(300)
    cm.committee.elect(0, sender=cm_nodes[0])
    candidates = [(*cm.committee.candidate(0, i), True) for i in range(6)]
    expected = model.elect(model.fallback_seed(receipt.block_number + 1, 0), candidates, SIZE)
    assert [cm.committee.member(0, s) for s in range(SIZE)] == expected


def test_attack__elected_set_independent_of_caller(chain, cm, cm_nodes, accounts):
    """Who calls draw and elect does not enter the seed: the model, given only the drawn block's
    hash and the candidates, predicts the committee."""
    seed = elect_term(chain, cm, 0, cm_nodes[:6], cm_nodes[5])
    candidates = [(*cm.committee.candidate(0, i), True) for i in range(6)]
    assert [cm.committee.member(0, s) for s in range(SIZE)] == model.elect(seed, candidates, SIZE)


def _crowd(chain, project, cm, deployer, n):
    """`n` contract RNodes with the minimum deposit, a second old (registration reads deposits at
    the previous second)."""
    target = project.NodesMockCandidate.deploy(sender=deployer)
    crowd = project.NodesMockCrowd.deploy(target, sender=deployer)
    crowd.create_many(n, cm.rnode, RNODE_DEPOSIT, sender=deployer, gas=25_000_000)
    chain.mine(deltatime=1)
    return crowd


def test_register__65th_candidate__reverts(chain, project, cm, deployer):
    """The candidate list is bounded by MAX_CANDIDATES (64): `elect` stays within a block."""
    crowd = _crowd(chain, project, cm, deployer, 65)
    crowd.enter_many(cm.committee, 0, 0, 64, sender=deployer, gas=25_000_000)
    assert cm.committee.candidate_count(0) == 64
    with ape.reverts("proposer_committee: too many candidates"):
        crowd.enter_many(cm.committee, 0, 64, 1, sender=deployer)


def test_elect__64_candidates__sixteen_seats_filled(chain, project, cm, deployer, owner, accounts):
    """The largest election (64 candidates, MAX_SIZE seats) fits: every seat filled, seats by key."""
    crowd = _crowd(chain, project, cm, deployer, 64)
    crowd.enter_many(cm.committee, 0, 0, 64, sender=deployer, gas=25_000_000)
    cm.committee.set_size(16, sender=owner)
    at(chain, cm.genesis - LEAD)
    receipt = cm.committee.draw(0, sender=accounts[9])
    chain.mine()
    tx = cm.committee.elect(0, sender=accounts[9])
    seed = model.seed(bytes(chain.provider.get_block(receipt.block_number + 1).hash), 0)
    candidates = [(*cm.committee.candidate(0, i), True) for i in range(64)]
    assert [cm.committee.member(0, s) for s in range(16)] == model.elect(seed, candidates, 16)
    assert tx.gas_used < 3_000_000

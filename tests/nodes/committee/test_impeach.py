"""ProposerCommittee.impeach: f + 1 of 3f + 1 validators impeach a slot's proposer."""

import ape
import pytest

from tests.nodes.committee.conftest import SIZE, TERM_LENGTH, WINDOW, at, elect_term, term_start


@pytest.fixture
def elected(chain, cm, cm_nodes, accounts):
    """Term 0 elected from five candidates; the chain inside term 0, slot 3 complete."""
    elect_term(chain, cm, 0, cm_nodes[:5], accounts[9])
    at(chain, cm.genesis + 40)
    return cm


def test_impeach__f_votes__not_impeached(elected, cm_validators):
    """f = 1 vote of 4 validators is not enough."""
    elected.committee.impeach(0, 3, sender=cm_validators[0])
    assert not elected.committee.is_impeached(0, 3)
    assert elected.committee.impeachment_votes(0, 3) == 1


def test_impeach__f_plus_one_votes__impeached(elected, cm_validators):
    """The (f + 1)-th vote impeaches the slot's proposer, counted in year 1."""
    proposer = elected.committee.proposer_of(0, 3)
    elected.committee.impeach(0, 3, sender=cm_validators[0])
    receipt = elected.committee.impeach(0, 3, sender=cm_validators[2])
    assert elected.committee.is_impeached(0, 3)
    assert elected.committee.impeached_in(0, proposer, 1) == 1
    assert elected.committee.impeached_total(proposer) == 1
    assert [log.proposer for log in elected.committee.Impeached.from_receipt(receipt)] == [proposer]


def test_impeach__after_impeachment__reverts(elected, cm_validators):
    """A third vote on an impeached slot is refused."""
    elected.committee.impeach(0, 3, sender=cm_validators[0])
    elected.committee.impeach(0, 3, sender=cm_validators[1])
    with ape.reverts("proposer_committee: slot already impeached"):
        elected.committee.impeach(0, 3, sender=cm_validators[2])


def test_impeach__same_validator_twice__reverts(elected, cm_validators):
    """A validator votes once per slot."""
    elected.committee.impeach(0, 3, sender=cm_validators[0])
    with ape.reverts("proposer_committee: already voted"):
        elected.committee.impeach(0, 3, sender=cm_validators[0])


def test_impeach__non_validator__reverts(elected, cm_nodes):
    """Only the validators committee votes."""
    with ape.reverts("proposer_committee: caller is not a validator"):
        elected.committee.impeach(0, 3, sender=cm_nodes[0])


def test_impeach__slot_not_complete__reverts(elected, cm_validators):
    """A slot is judged once it is over (slot 4 ends at genesis + 50)."""
    with ape.reverts("proposer_committee: slot not complete"):
        elected.committee.impeach(0, 4, sender=cm_validators[0])


def test_impeach__slot_out_of_term__reverts(elected, cm_validators):
    """Slots run 0 to term_length - 1."""
    with ape.reverts("proposer_committee: slot out of term"):
        elected.committee.impeach(0, TERM_LENGTH, sender=cm_validators[0])


def test_impeach__after_window__reverts(chain, elected, cm_validators):
    """Impeachment closes IMPEACH_WINDOW after the term ends (then rewards settle)."""
    at(chain, term_start(elected, 1) + WINDOW)
    with ape.reverts("proposer_committee: impeachment closed"):
        elected.committee.impeach(0, 3, sender=cm_validators[0])


def test_impeach__no_committee__reverts(chain, cm, cm_validators):
    """A term without a committee has no proposer to impeach."""
    at(chain, cm.genesis + 40)
    with ape.reverts("proposer_committee: no committee"):
        cm.committee.impeach(0, 3, sender=cm_validators[0])


def test_impeach__new_validator_set__tally_restarts(elected, cm_validators, accounts, owner):
    """Votes of a replaced set stop counting: one old vote plus one new is not f + 1."""
    elected.committee.impeach(0, 3, sender=cm_validators[0])
    new_set = [cm_validators[1], cm_validators[2], cm_validators[3], accounts[9]]
    elected.committee.set_validators([v.address for v in new_set], sender=owner)
    assert elected.committee.impeachment_votes(0, 3) == 0
    elected.committee.impeach(0, 3, sender=cm_validators[1])
    assert not elected.committee.is_impeached(0, 3)
    elected.committee.impeach(0, 3, sender=accounts[9])
    assert elected.committee.is_impeached(0, 3)


def test_set_validators__not_3f_plus_1__reverts(cm, cm_validators, owner):
    """The validators committee has 3f + 1 members."""
    with ape.reverts("proposer_committee: validators not 3f + 1"):
        cm.committee.set_validators([v.address for v in cm_validators[:3]], sender=owner)


def test_set_validators__duplicate__reverts(cm, cm_validators, owner):
    """Each validator counts once."""
    v = cm_validators[0].address
    with ape.reverts("proposer_committee: duplicate validator"):
        cm.committee.set_validators([v, v, v, v], sender=owner)


def test_set_validators__non_owner__reverts(cm, non_owner):
    """Governance sets the validators committee."""
    with ape.reverts("ownable: caller is not the owner"):
        cm.committee.set_validators([non_owner.address], sender=non_owner)


def test_set_validators__seven__impeachment_needs_three(elected, cm_validators, accounts, owner):
    """With 7 validators (f = 2) two votes leave the slot standing, the third impeaches it."""
    seven = cm_validators + [accounts[0], accounts[1], accounts[9]]
    elected.committee.set_validators([v.address for v in seven], sender=owner)
    elected.committee.impeach(0, 3, sender=seven[0])
    elected.committee.impeach(0, 3, sender=seven[5])
    assert not elected.committee.is_impeached(0, 3)
    elected.committee.impeach(0, 3, sender=seven[6])
    assert elected.committee.is_impeached(0, 3)


def test_blocks_proposed__impeached_slot__taken_off(chain, elected, cm_validators):
    """BM's block count: complete slots of the node's seat, impeached ones taken off, feeding RPT."""
    proposer = elected.committee.proposer_of(0, 3)
    seat = elected.committee.seat_of(0, proposer) - 1
    elected.committee.impeach(0, 3, sender=cm_validators[0])
    elected.committee.impeach(0, 3, sender=cm_validators[1])
    at(chain, term_start(elected, 1))
    chain.mine()
    full = (TERM_LENGTH - seat + SIZE - 1) // SIZE
    assert elected.committee.blocks_proposed(proposer) == full - 1
    assert elected.reputation.dimensions(proposer)[4] == (full - 1) * 100 // 100 // 2

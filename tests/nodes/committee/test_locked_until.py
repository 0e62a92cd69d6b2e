"""ProposerCommittee.locked_until: the end of the last term a node was elected to."""

import pytest

from tests.nodes.committee.conftest import SIZE, elect_term, term_start


@pytest.fixture
def three(cm_nodes):
    return cm_nodes[:SIZE]


def test_locked_until__never_elected__zero(cm, cm_nodes):
    """A node never elected is not locked."""
    assert cm.committee.locked_until(cm_nodes[0]) == 0


def test_locked_until__elected_to_next_term__end_of_that_term(chain, cm, three, accounts):
    """Elected (before genesis) to term 0: locked until E(0), already before the term runs."""
    elect_term(chain, cm, 0, three, accounts[9])
    assert {cm.committee.locked_until(n) for n in three} == {term_start(cm, 1)}


def test_locked_until__reelected__end_of_the_later_term(chain, cm, three, accounts):
    """Elected to terms 0 and 1: the lock runs to E(1) from the second election on."""
    elect_term(chain, cm, 0, three, accounts[9])
    elect_term(chain, cm, 1, three, accounts[9])
    assert {cm.committee.locked_until(n) for n in three} == {term_start(cm, 2)}


def test_locked_until__elected_then_not__keeps_end_of_last_term(chain, cm, cm_nodes, accounts):
    """A member of term 0 not standing for term 1 stays locked until E(0) only."""
    elect_term(chain, cm, 0, cm_nodes[:SIZE], accounts[9])
    elect_term(chain, cm, 1, cm_nodes[SIZE : 2 * SIZE], accounts[9])
    assert {cm.committee.locked_until(n) for n in cm_nodes[:SIZE]} == {term_start(cm, 1)}
    assert {cm.committee.locked_until(n) for n in cm_nodes[SIZE : 2 * SIZE]} == {term_start(cm, 2)}

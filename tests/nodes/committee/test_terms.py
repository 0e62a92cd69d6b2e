"""ProposerCommittee's term schedule and parameters: terms as a pure function of time, term length
changes that move no registered term, bounds, and the blocks-proposed count over several terms."""

import ape

from tests.nodes.committee.conftest import SIZE, TERM_LENGTH, at, elect_term, term_start


def test_term_at__genesis_and_later__pure_function_of_time(cm):
    """Term t runs [genesis + 300 t, genesis + 300 (t + 1))."""
    assert cm.committee.term_at(cm.genesis) == 0
    assert cm.committee.term_at(cm.genesis + 299) == 0
    assert cm.committee.term_at(cm.genesis + 300) == 1
    assert cm.committee.term_start(7) == term_start(cm, 7)


def test_term_at__before_genesis__reverts(cm):
    """No term runs before genesis."""
    with ape.reverts("proposer_committee: before genesis"):
        cm.committee.term_at(cm.genesis - 1)


def test_set_term_length__during_term_0__from_term_2(chain, cm, owner):
    """A change during term 0 (term 1's registration open) applies from term 2: terms 0 and 1 keep
    their times, term 2 starts at E(1), term 3 a new length later; term_bounds reads both segments."""
    at(chain, cm.genesis + 10)
    cm.committee.set_term_length(60, sender=owner)
    assert cm.committee.term_start(1) == term_start(cm, 1)
    assert cm.committee.term_start(2) == term_start(cm, 2)
    assert cm.committee.term_start(3) == term_start(cm, 2) + 600
    assert cm.committee.term_bounds(1, 0) == (term_start(cm, 1), TERM_LENGTH)
    assert cm.committee.term_bounds(3, 1) == (term_start(cm, 2) + 600, 60)
    assert cm.committee.term_length() == 60


def test_set_term_length__twice_before_in_force__replaces_pending(chain, cm, owner):
    """A second change before the first is in force replaces it (no new segment)."""
    at(chain, cm.genesis + 10)
    cm.committee.set_term_length(60, sender=owner)
    cm.committee.set_term_length(90, sender=owner)
    assert cm.committee.segment_count() == 2
    assert cm.committee.term_start(3) == term_start(cm, 2) + 900


def test_term_bounds__wrong_segment__reverts(chain, cm, owner):
    """The segment hint is checked."""
    at(chain, cm.genesis + 10)
    cm.committee.set_term_length(60, sender=owner)
    with ape.reverts("proposer_committee: term after segment"):
        cm.committee.term_bounds(2, 0)
    with ape.reverts("proposer_committee: term before segment"):
        cm.committee.term_bounds(1, 1)


def test_set_term_length__out_of_bounds__reverts(cm, owner):
    """Terms last 30 to 8,640 slots."""
    with ape.reverts("proposer_committee: term length out of bounds"):
        cm.committee.set_term_length(29, sender=owner)
    with ape.reverts("proposer_committee: term length out of bounds"):
        cm.committee.set_term_length(8_641, sender=owner)


def test_set_size__out_of_bounds__reverts(cm, owner):
    """A committee has 1 to 16 seats."""
    with ape.reverts("proposer_committee: size out of bounds"):
        cm.committee.set_size(0, sender=owner)
    with ape.reverts("proposer_committee: size out of bounds"):
        cm.committee.set_size(17, sender=owner)


def test_set_size__non_owner__reverts(cm, non_owner):
    """Tunable numbers answer to the owner until the registry is named."""
    with ape.reverts("ownable: caller is not the owner"):
        cm.committee.set_size(2, sender=non_owner)


def test_constructor__term_length_out_of_bounds__reverts(project, cm, deployer, owner):
    """The first segment is bounded too."""
    with ape.reverts("proposer_committee: term length out of bounds"):
        project.ProposerCommittee.deploy(
            cm.rnode, cm.reputation, cm.maintenance, owner, cm.genesis, 10, SIZE, sender=deployer
        )


def test_blocks_proposed__three_terms__complete_slots_of_each(chain, cm, cm_nodes, accounts):
    """The same three nodes elected to terms 0, 1 and 2: once term 2 is over each has its seat's
    slots of all three terms (10 each), whichever seats it held."""
    for term in range(3):
        elect_term(chain, cm, term, cm_nodes[:SIZE], accounts[9])
    at(chain, term_start(cm, 3))
    chain.mine()
    assert [cm.committee.blocks_proposed(n) for n in cm_nodes[:SIZE]] == [30, 30, 30]
    assert cm.committee.blocks_proposed(cm_nodes[SIZE]) == 0

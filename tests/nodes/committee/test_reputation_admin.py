"""Reputation's deployment and governance setters at their bounds: every check refuses with its
reason, every bound is inclusive, and every setter stores what it was given."""

import ape
import pytest

from tests.nodes.committee.conftest import AB_CAP, BLOCK_CAP, sign_report

ZERO = "0x0000000000000000000000000000000000000000"
MIN_AB, MAX_AB = 20_000 * 10**18, 100_000_000 * 10**18
MIN_BLOCKS, MAX_BLOCKS = 1, 3_162_240


def _deploy(project, deployer, token, owner, ab_cap=AB_CAP, block_cap=BLOCK_CAP):
    name = "CPChain Reputation"
    return project.Reputation.deploy(token, owner, ab_cap, block_cap, name, "1", sender=deployer)


def test_deploy__every_bound_exactly__accepted_with_quorum_one(project, deployer, owner, cm):
    """Both caps at either end of their range; a new Reputation wants one signature."""
    token = cm.reputation.token()
    for ab_cap, block_cap in ((MIN_AB, MIN_BLOCKS), (MAX_AB, MAX_BLOCKS)):
        reputation = _deploy(project, deployer, token, owner, ab_cap, block_cap)
        assert (reputation.ab_cap(), reputation.bm_block_cap()) == (ab_cap, block_cap)
        assert (reputation.quorum(), reputation.reporter_count()) == (1, 0)
    assert (reputation.MAX_AB_CAP(), reputation.MIN_BLOCK_CAP(), reputation.MAX_BLOCK_CAP()) == (
        MAX_AB,
        MIN_BLOCKS,
        MAX_BLOCKS,
    )


@pytest.mark.parametrize(
    "change, reason",
    [
        (dict(token=ZERO), "reputation: zero token"),
        (dict(owner=ZERO), "reputation: zero owner"),
        (dict(ab_cap=MIN_AB - 1), "reputation: ab cap out of bounds"),
        (dict(ab_cap=MAX_AB + 1), "reputation: ab cap out of bounds"),
        (dict(block_cap=MIN_BLOCKS - 1), "reputation: block cap out of bounds"),
        (dict(block_cap=MAX_BLOCKS + 1), "reputation: block cap out of bounds"),
    ],
)
def test_deploy__bad_argument__reverts(project, deployer, owner, cm, change, reason):
    args = {"token": cm.reputation.token(), "owner": owner, **change}
    with ape.reverts(reason):
        _deploy(project, deployer, **args)


def test_set_caps__either_end__stored(cm, owner):
    reputation = cm.reputation
    for ab_cap, block_cap in ((MIN_AB, MIN_BLOCKS), (MAX_AB, MAX_BLOCKS)):
        reputation.set_ab_cap(ab_cap, sender=owner)
        reputation.set_bm_block_cap(block_cap, sender=owner)
        assert (reputation.ab_cap(), reputation.bm_block_cap()) == (ab_cap, block_cap)


@pytest.mark.parametrize(
    "setter, value, reason",
    [
        ("set_ab_cap", MAX_AB + 1, "reputation: ab cap out of bounds"),
        ("set_bm_block_cap", MIN_BLOCKS - 1, "reputation: block cap out of bounds"),
        ("set_bm_block_cap", MAX_BLOCKS + 1, "reputation: block cap out of bounds"),
    ],
)
def test_set_caps__out_of_bounds__reverts(cm, owner, setter, value, reason):
    with ape.reverts(reason):
        getattr(cm.reputation, setter)(value, sender=owner)


def test_set_reporter__zero_or_unchanged__reverts(cm, cm_reporters, owner):
    with ape.reverts("reputation: zero reporter"):
        cm.reputation.set_reporter(ZERO, True, sender=owner)
    with ape.reverts("reputation: reporter unchanged"):
        cm.reputation.set_reporter(cm_reporters[0].address, True, sender=owner)


def test_set_reporter__up_to_sixteen__then_refused(cm, owner, accounts):
    """The set holds at most MAX_REPORTERS (16) reporters: the 16th is accepted, a 17th refused."""
    reputation = cm.reputation
    start = int(reputation.reporter_count())
    fresh = [f"0x{0xFEED0000 + i:040x}" for i in range(16 - start)]
    for address in fresh:
        reputation.set_reporter(address, True, sender=owner)
    assert reputation.reporter_count() == 16 and reputation.is_reporter(fresh[-1])
    with ape.reverts("reputation: too many reporters"):
        reputation.set_reporter(f"0x{0xFEEDFFFF:040x}", True, sender=owner)


def test_set_quorum__the_reporter_count__accepted(cm, owner):
    count = int(cm.reputation.reporter_count())
    cm.reputation.set_quorum(count, sender=owner)
    assert cm.reputation.quorum() == count


def test_submit_report__odd_scores_at_the_deadline_second__each_reads_back(chain, cm, cm_nodes, cm_reporters):
    """Four 8-bit scores and the nonce share a word: odd scores (every field's lowest bit set) read
    back exactly, twice over; a report is accepted in its deadline's own second."""
    node = cm_nodes[0]
    for scores in ((99, 77, 55, 33), (1, 3, 5, 7)):
        deadline = chain.pending_timestamp + 10
        sigs = sign_report(cm, cm_reporters[:2], node, *scores, deadline)
        chain.pending_timestamp = deadline
        cm.reputation.submit_report(node, *scores, deadline, sigs, sender=node)
        assert tuple(cm.reputation.dimensions(node))[1:4] == scores[:3]
    assert cm.reputation.report_nonce(node) == 2


def test_submit_report__zero_node__reverts(cm, cm_reporters):
    sigs = sign_report(cm, cm_reporters[:1], ZERO, 1, 1, 1, 1, 2**40)
    with ape.reverts("reputation: zero node"):
        cm.reputation.submit_report(ZERO, 1, 1, 1, 1, 2**40, sigs, sender=cm_reporters[0].address)


def test_set_quorum__zero__reverts(cm, owner):
    with ape.reverts("reputation: quorum out of bounds"):
        cm.reputation.set_quorum(0, sender=owner)

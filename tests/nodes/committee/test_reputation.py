"""Reputation: RPT = 50 AB + 15 TX + 10 PR + 15 DC + 10 BM (hundredths), reports signed by a
quorum of reporters, replay-protected per node."""

import ape
import pytest
from eth_account import Account

from fivefold.nodes import model_committee as model
from tests.nodes.committee.conftest import AB_CAP, BLOCK_CAP, NODE_BALANCE, RNODE_DEPOSIT, sign_report

DEADLINE = 2**40
ZERO = "0x0000000000000000000000000000000000000000"


@pytest.fixture(scope="module")
def cm_node(cm_nodes):
    return cm_nodes[0]


def test_rpt__report_and_holdings__equals_model(chain, cm, cm_node, cm_reporters, deployer):
    """AB is linear in both pools' deposits (a second old) up to the cap; the four reported scores
    count with their weights; without blocks proposed BM is half the reported BM."""
    cm.eco.set_deposit(cm_node, 50_000 * 10**18, sender=deployer)
    chain.mine(deltatime=1)
    sigs = sign_report(cm, cm_reporters[:2], cm_node, 80, 60, 40, 90, DEADLINE)
    cm.reputation.submit_report(cm_node, 80, 60, 40, 90, DEADLINE, sigs, sender=cm_node)
    holdings = model.holdings(50_000 * 10**18, RNODE_DEPOSIT)
    ab = model.ab(holdings, AB_CAP)
    bm = model.bm(90, 0, BLOCK_CAP)
    assert ab == 25
    assert cm.reputation.holdings(cm_node) == holdings
    assert cm.reputation.dimensions(cm_node) == (ab, 80, 60, 40, bm)
    assert cm.reputation.rpt(cm_node) == model.rpt(ab, 80, 60, 40, bm)
    assert cm.reputation.report_nonce(cm_node) == 1


def test_rpt__holdings_above_cap__ab_is_100(chain, cm, cm_node, deployer):
    """AB stops at 100 once holdings reach `ab_cap`."""
    cm.rnode.set_deposit(cm_node, AB_CAP, sender=deployer)
    chain.mine(deltatime=1)
    assert cm.reputation.dimensions(cm_node)[0] == 100


def test_holdings__deposit_in_this_second__counts_from_the_next(chain, cm, cm_node, deployer):
    """A deposit counts from the second after it: read in its own block, holdings are those of
    the second before (what a flash loan's deposit can never leave behind)."""
    before = cm.reputation.holdings(cm_node)
    cm.eco.set_deposit(cm_node, 100_000 * 10**18, sender=deployer)
    assert cm.reputation.holdings(cm_node) == before == RNODE_DEPOSIT
    chain.mine(deltatime=1)
    assert cm.reputation.holdings(cm_node) == model.holdings(100_000 * 10**18, RNODE_DEPOSIT)


def test_holdings__free_cpc_balance__not_counted(chain, cm, cm_node, treasury):
    """CPC in the node's wallet scores nothing, however much: only deposits count for AB."""
    cm.cpc.transfer(cm_node, AB_CAP, sender=treasury)
    chain.mine(deltatime=1)
    assert cm.cpc.balanceOf(cm_node) == NODE_BALANCE + AB_CAP
    assert cm.reputation.holdings(cm_node) == RNODE_DEPOSIT
    assert cm.reputation.dimensions(cm_node)[0] == model.ab(RNODE_DEPOSIT, AB_CAP)


def test_holdings__pools_not_set__zero(cm, cm_node, owner):
    """With no pool named, nothing counts for AB."""
    cm.reputation.set_sources(ZERO, ZERO, cm.committee, sender=owner)
    assert cm.reputation.holdings(cm_node) == 0
    assert cm.reputation.dimensions(cm_node)[0] == 0


def test_set_sources__pool_of_another_token__reverts(project, cm, owner, deployer):
    """A pool of another token cannot be named: its deposits would buy AB without CPC."""
    other = project.NodesMockPool.deploy(cm.rnode, sender=deployer)
    with ape.reverts("reputation: pool of another token"):
        cm.reputation.set_sources(other, cm.rnode, cm.committee, sender=owner)
    with ape.reverts("reputation: pool of another token"):
        cm.reputation.set_sources(cm.eco, other, cm.committee, sender=owner)


def test_set_sources__non_owner__reverts(cm, non_owner):
    """Only governance names the sources."""
    with ape.reverts("ownable: caller is not the owner"):
        cm.reputation.set_sources(cm.eco, cm.rnode, cm.committee, sender=non_owner)


def test_rpt__no_committee__bm_is_reported(cm, cm_node, cm_reporters, owner):
    """Without a committee BM is the reported score alone."""
    cm.reputation.set_sources(cm.eco, cm.rnode, ZERO, sender=owner)
    sigs = sign_report(cm, cm_reporters[:2], cm_node, 0, 0, 0, 70, DEADLINE)
    cm.reputation.submit_report(cm_node, 0, 0, 0, 70, DEADLINE, sigs, sender=cm_node)
    assert cm.reputation.dimensions(cm_node)[4] == 70


def test_submit_report__replayed__reverts(cm, cm_node, cm_reporters):
    """A report is accepted once: its nonce moved, so the same signatures recover other signers."""
    sigs = sign_report(cm, cm_reporters[:2], cm_node, 10, 10, 10, 10, DEADLINE)
    cm.reputation.submit_report(cm_node, 10, 10, 10, 10, DEADLINE, sigs, sender=cm_node)
    with ape.reverts("reputation: signer is not a reporter"):
        cm.reputation.submit_report(cm_node, 10, 10, 10, 10, DEADLINE, sigs, sender=cm_node)


def test_submit_report__for_another_node__reverts(cm, cm_nodes, cm_reporters):
    """Signatures on node A's report do not carry over to node B."""
    sigs = sign_report(cm, cm_reporters[:2], cm_nodes[0], 10, 10, 10, 10, DEADLINE)
    with ape.reverts("reputation: signer is not a reporter"):
        cm.reputation.submit_report(cm_nodes[1], 10, 10, 10, 10, DEADLINE, sigs, sender=cm_nodes[1])


def test_submit_report__forged_signature__reverts(cm, cm_node, cm_reporters):
    """A signature by a key outside the reporter set does not count."""
    forger = Account.from_key(b"\x42" * 32)
    signers = sorted([cm_reporters[0], forger], key=lambda a: int(a.address, 16))
    sigs = sign_report(cm, signers, cm_node, 100, 100, 100, 100, DEADLINE)
    with ape.reverts("reputation: signer is not a reporter"):
        cm.reputation.submit_report(cm_node, 100, 100, 100, 100, DEADLINE, sigs, sender=cm_node)


def test_submit_report__altered_score__reverts(cm, cm_node, cm_reporters):
    """Changing a signed score changes the digest: the signatures no longer match."""
    sigs = sign_report(cm, cm_reporters[:2], cm_node, 10, 10, 10, 10, DEADLINE)
    with ape.reverts("reputation: signer is not a reporter"):
        cm.reputation.submit_report(cm_node, 99, 10, 10, 10, DEADLINE, sigs, sender=cm_node)


def test_submit_report__same_signer_twice__reverts(cm, cm_node, cm_reporters):
    """One reporter's signature twice does not make a quorum of two."""
    sigs = sign_report(cm, [cm_reporters[0], cm_reporters[0]], cm_node, 10, 10, 10, 10, DEADLINE)
    with ape.reverts("reputation: signers not ascending"):
        cm.reputation.submit_report(cm_node, 10, 10, 10, 10, DEADLINE, sigs, sender=cm_node)


def test_submit_report__below_quorum__reverts(cm, cm_node, cm_reporters):
    """One signature under a quorum of two."""
    sigs = sign_report(cm, cm_reporters[:1], cm_node, 10, 10, 10, 10, DEADLINE)
    with ape.reverts("reputation: too few signatures"):
        cm.reputation.submit_report(cm_node, 10, 10, 10, 10, DEADLINE, sigs, sender=cm_node)


def test_submit_report__expired__reverts(chain, cm, cm_node, cm_reporters):
    """A report past its deadline is refused."""
    deadline = chain.pending_timestamp - 1
    sigs = sign_report(cm, cm_reporters[:2], cm_node, 10, 10, 10, 10, deadline)
    with ape.reverts("reputation: report expired"):
        cm.reputation.submit_report(cm_node, 10, 10, 10, 10, deadline, sigs, sender=cm_node)


def test_submit_report__score_above_100__reverts(cm, cm_node, cm_reporters):
    """Every dimension is 0-100."""
    sigs = sign_report(cm, cm_reporters[:2], cm_node, 101, 10, 10, 10, DEADLINE)
    with ape.reverts("reputation: score above 100"):
        cm.reputation.submit_report(cm_node, 101, 10, 10, 10, DEADLINE, sigs, sender=cm_node)


def test_submit_report__removed_reporter__reverts(cm, cm_node, cm_reporters, owner):
    """A reporter taken out of the set no longer counts, even on a report it signed before."""
    sigs = sign_report(cm, cm_reporters[:2], cm_node, 10, 10, 10, 10, DEADLINE)
    cm.reputation.set_reporter(cm_reporters[0].address, False, sender=owner)
    with ape.reverts("reputation: signer is not a reporter"):
        cm.reputation.submit_report(cm_node, 10, 10, 10, 10, DEADLINE, sigs, sender=cm_node)


def test_set_reporter__removal_below_quorum__reverts(cm, cm_reporters, owner):
    """The set never shrinks below the quorum."""
    cm.reputation.set_quorum(3, sender=owner)
    with ape.reverts("reputation: quorum above reporters"):
        cm.reputation.set_reporter(cm_reporters[0].address, False, sender=owner)


def test_set_quorum__above_reporters__reverts(cm, owner):
    """Quorum is 1 to the number of reporters."""
    with ape.reverts("reputation: quorum out of bounds"):
        cm.reputation.set_quorum(4, sender=owner)


def test_set_ab_cap__below_bound__reverts(cm, owner):
    """The AB cap stays within [20,000, 100,000,000] CPC."""
    with ape.reverts("reputation: ab cap out of bounds"):
        cm.reputation.set_ab_cap(20_000 * 10**18 - 1, sender=owner)


def test_set_quorum__non_owner__reverts(cm, non_owner):
    """Tunable numbers answer to the owner until the registry is named."""
    with ape.reverts("ownable: caller is not the owner"):
        cm.reputation.set_quorum(1, sender=non_owner)


def test_set_reporter__non_owner__reverts(cm, non_owner):
    """Only governance changes the reporter set."""
    with ape.reverts("ownable: caller is not the owner"):
        cm.reputation.set_reporter(non_owner, True, sender=non_owner)

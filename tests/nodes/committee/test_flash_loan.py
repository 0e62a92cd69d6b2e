"""Attack: an RNode borrows CPC for one transaction (contracts/mocks/FlashLender.vy, fee zero) and
tries to turn it into reputation or a proposer seat (contracts/mocks/NodesFlashCandidate.vy).

AB (half of RPT) reads both pools' deposit checkpoints at the previous second and no wallet
balance; candidacy reads the RNode deposit the same way; `elect`'s live deposit check is backed by
the term lock. Each test performs one way of using the loan and shows it buys nothing.

The world here uses the real EconomyPool and RNodePool (their checkpoints are what the defence
rests on), season 0's raising open, a one-seat committee. Fixture names carry `flash_rpt_`.
"""

from dataclasses import dataclass

import ape
import pytest

from fivefold.nodes import model_committee as model
from fivefold.units import to_wei

SUPPLY = to_wei(1_000_000_000)
AB_CAP = to_wei(1_000_000)
LOAN = to_wei(5_000_000)
OWN = model.MIN_RNODE_DEPOSIT  # the attacker's own RNode deposit
TERM_LENGTH = 30
LEAD = 60
HOLD, ECONOMY, RNODE, ELECT = 1, 2, 3, 4


@dataclass
class FlashWorld:
    cpc: object
    eco: object
    rnode: object
    reputation: object
    committee: object
    lender: object
    attacker: object
    genesis: int


@pytest.fixture(scope="module")
def flash_rpt_honest(accounts):
    """An honest RNode holding AB_CAP in the RNode pool (AB = 100)."""
    return accounts[8]


@pytest.fixture(scope="module")
def flash_rpt_world(project, chain, deployer, owner, treasury, flash_rpt_honest):
    """CPC, both real pools (season 0 raising), Reputation over them, a one-seat committee, a
    funded flash lender and the attacking RNode with its own 200,000 CPC staked, a second old."""
    cpc = project.CappedToken.deploy(
        "CPChain", "CPC", SUPPLY, owner, "CPChain", "1", chain.chain_id, sender=owner
    )
    cpc.initialize_supply([treasury.address], [SUPPLY], sender=owner)
    eco = project.EconomyPool.deploy(cpc, chain.pending_timestamp, owner, sender=deployer)
    rnode = project.RNodePool.deploy(cpc, owner, sender=deployer)
    maintenance = project.MaintenanceRewards.deploy(cpc, owner, sender=deployer)
    reputation = project.Reputation.deploy(
        cpc, owner, AB_CAP, 100, "CPChain Reputation", "1", sender=deployer
    )
    genesis = chain.pending_timestamp + 1_000
    committee = project.ProposerCommittee.deploy(
        rnode, reputation, maintenance, owner, genesis, TERM_LENGTH, 1, sender=deployer
    )
    rnode.set_committee(committee, sender=owner)
    reputation.set_sources(eco, rnode, committee, sender=owner)
    lender = project.FlashLender.deploy(cpc, sender=deployer)
    cpc.transfer(lender, LOAN, sender=treasury)
    attacker = _attacker(project, deployer, treasury, cpc, eco, rnode, committee, reputation, lender)
    cpc.transfer(flash_rpt_honest, AB_CAP, sender=treasury)
    cpc.approve(rnode, AB_CAP, sender=flash_rpt_honest)
    rnode.deposit(AB_CAP, sender=flash_rpt_honest)
    chain.mine(deltatime=1)
    return FlashWorld(cpc, eco, rnode, reputation, committee, lender, attacker, genesis)


def _attacker(project, deployer, treasury, cpc, eco, rnode, committee, reputation, lender):
    """A NodesFlashCandidate with OWN CPC of its own staked in the RNode pool."""
    attacker = project.NodesFlashCandidate.deploy(
        lender, cpc, eco, rnode, committee, reputation, sender=deployer
    )
    cpc.transfer(attacker, OWN, sender=treasury)
    attacker.stake(OWN, sender=deployer)
    return attacker


def _unborrowed_rpt():
    """The attacker's RPT from its own deposit alone (no reports, no blocks)."""
    return model.rpt(model.ab(model.holdings(0, OWN), AB_CAP), 0, 0, 0, 0)


@pytest.mark.parametrize("action", [HOLD, ECONOMY], ids=["held", "deposited_in_economy_pool"])
def test_attack__flash_loan_at_registration__rpt_recorded_without_it(flash_rpt_world, deployer, action):
    """Registering inside a 5,000,000 CPC loan, held in the wallet or deposited in the Economy
    Pool (withdrawable in a raising) and withdrawn before repaying: Reputation's RPT inside the
    loan and the RPT the committee records are those of the attacker's own 200,000 CPC. (AB on
    the live balance would have scored the loan: 100 instead of 20.)"""
    w = flash_rpt_world
    before = w.reputation.rpt(w.attacker)
    assert before == _unborrowed_rpt() == 1_000
    assert model.ab(model.holdings(LOAN, OWN), AB_CAP) == 100  # what the loan was meant to buy

    w.attacker.attack(LOAN, action, 0, sender=deployer)

    assert w.attacker.rpt_in_loan() == before
    assert w.committee.candidate(0, 0) == (w.attacker.address, before)
    assert w.cpc.balanceOf(w.lender) == LOAN
    assert w.eco.deposit_of(w.attacker) == 0


def test_attack__flash_loan_for_the_seat__election_as_without_the_loan(
    chain, flash_rpt_world, flash_rpt_honest, deployer, stranger
):
    """The attacker registers inside a loan (deposited in the Economy Pool), an honest RNode with
    AB 100 registers normally; the one seat goes to the model's winner computed from RPTs without
    any loan: the loan changed nothing in the election."""
    w = flash_rpt_world
    w.attacker.attack(LOAN, ECONOMY, 0, sender=deployer)
    w.committee.register(0, sender=flash_rpt_honest)
    chain.pending_timestamp = w.genesis - LEAD
    receipt = w.committee.draw(0, sender=stranger)
    chain.mine()
    w.committee.elect(0, sender=stranger)

    honest_rpt = model.rpt(model.ab(model.holdings(0, AB_CAP), AB_CAP), 0, 0, 0, 0)
    candidates = [(w.attacker.address, _unborrowed_rpt(), True), (flash_rpt_honest.address, honest_rpt, True)]
    assert [w.committee.candidate(0, i) for i in range(2)] == [c[:2] for c in candidates]
    seed = model.seed(bytes(chain.provider.get_block(receipt.block_number + 1).hash), 0)
    assert [w.committee.member(0, 0)] == model.elect(seed, candidates, 1)


def test_attack__flash_deposit_to_become_a_candidate__reverts(
    project, flash_rpt_world, deployer, owner, treasury
):
    """With the RNode lock at 0 minutes (governance may set it), a contract with no CPC of its own
    borrows 5,000,000 CPC, deposits it in the RNode pool, registers and withdraws: registration
    reads the deposit at the previous second, so the loan does not make a candidate (nor could a
    crowd of such contracts fill the 64 places)."""
    w = flash_rpt_world
    w.rnode.set_lock_minutes(0, sender=owner)
    empty_node = project.NodesFlashCandidate.deploy(
        w.lender, w.cpc, w.eco, w.rnode, w.committee, w.reputation, sender=deployer
    )
    with ape.reverts("proposer_committee: deposit below minimum"):
        empty_node.attack(LOAN, RNODE, 0, sender=deployer)
    assert w.committee.candidate_count(0) == 0


def test_attack__flash_deposit_to_pass_elect__loan_cannot_be_repaid(
    chain, project, flash_rpt_world, deployer, owner, treasury, stranger
):
    """A candidate that withdrew its deposit after registering borrows 5,000,000 CPC, deposits it
    (lock 0) and elects itself: the seat it wins holds its deposit to the term's end, so the
    withdrawal that would repay the loan reverts and the whole election with it. The honest
    election afterwards skips it."""
    w = flash_rpt_world
    w.rnode.set_lock_minutes(0, sender=owner)
    leaver = _attacker(
        project, deployer, treasury, w.cpc, w.eco, w.rnode, w.committee, w.reputation, w.lender
    )
    chain.mine(deltatime=1)
    leaver.register(0, sender=deployer)
    leaver.unstake(OWN, sender=deployer)
    chain.pending_timestamp = w.genesis - LEAD
    w.committee.draw(0, sender=stranger)
    chain.mine()
    with ape.reverts("rnode_pool: elected to a committee term"):
        leaver.attack(LOAN, ELECT, 0, sender=deployer)
    assert w.committee.term_record(0)[3] is False

    w.committee.elect(0, sender=stranger)
    assert w.committee.term_record(0)[2] == 0
    assert w.committee.locked_until(leaver) == 0

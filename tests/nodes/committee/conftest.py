"""Committee fixtures: CPC, two mock deposit pools, Reputation, MaintenanceRewards started at the
committee's genesis with SlotRewards as its recipient, the ProposerCommittee (terms of 30 slots,
committee of 3) with a validators committee of 4 (f = 1), and three reporters (quorum 2).

Deployments are module-scoped: ape snapshots each fixture scope and reverts every test to it.
Fixture names carry the `cm_` prefix (other nodes packages have session fixtures of their own).
"""

from dataclasses import dataclass

import pytest
from eth_account import Account

from fivefold.nodes import model_committee as model
from fivefold.units import to_wei

SUPPLY = to_wei(1_000_000_000)
NODE_BALANCE = to_wei(100_000)
RNODE_DEPOSIT = to_wei(200_000)
AB_CAP = to_wei(1_000_000)
BLOCK_CAP = 100
TERM_LENGTH = 30  # slots: 5 minutes
SIZE = 3
LEAD = 60  # ELECTION_LEAD
WINDOW = 300  # IMPEACH_WINDOW
GENESIS_DELAY = 1_000
# Three reporters' keys (the signatures are made off chain).
REPORTER_KEYS = [bytes([i]) * 32 for i in (7, 8, 9)]


@dataclass
class Cm:
    """Everything deployed, by role."""

    cpc: object
    eco: object
    rnode: object
    maintenance: object
    reputation: object
    committee: object
    rewards: object
    genesis: int


@pytest.fixture(scope="module")
def cm_nodes(accounts):
    """Six RNodes (accounts 3-8), each with NODE_BALANCE CPC and RNODE_DEPOSIT in the RNode pool."""
    return [accounts[i] for i in range(3, 9)]


@pytest.fixture(scope="module")
def cm_validators(accounts, chain):
    """The validators committee: four generated accounts (3f + 1, f = 1), with gas money."""
    out = [accounts.generate_test_account() for _ in range(4)]
    for v in out:
        chain.set_balance(v.address, 10**20)
    return out


@pytest.fixture(scope="module")
def cm_reporters():
    """Three reporters, sorted by address (signatures must come in ascending signer order)."""
    return sorted((Account.from_key(k) for k in REPORTER_KEYS), key=lambda a: int(a.address, 16))


@pytest.fixture(scope="module")
def cm(project, chain, deployer, owner, treasury, cm_nodes, cm_validators, cm_reporters):
    """The committee's world, wired as in production."""
    cpc = project.CappedToken.deploy(
        "CPChain", "CPC", SUPPLY, owner, "CPChain", "1", chain.chain_id, sender=owner
    )
    holders = [treasury.address] + [n.address for n in cm_nodes]
    amounts = [SUPPLY - NODE_BALANCE * len(cm_nodes)] + [NODE_BALANCE] * len(cm_nodes)
    cpc.initialize_supply(holders, amounts, sender=owner)
    eco = project.NodesMockPool.deploy(cpc, sender=deployer)
    rnode = project.NodesMockPool.deploy(cpc, sender=deployer)
    for n in cm_nodes:
        rnode.set_deposit(n, RNODE_DEPOSIT, sender=deployer)
    maintenance = project.MaintenanceRewards.deploy(cpc, owner, sender=deployer)
    reputation = project.Reputation.deploy(
        cpc, owner, AB_CAP, BLOCK_CAP, "CPChain Reputation", "1", sender=deployer
    )
    genesis = chain.pending_timestamp + GENESIS_DELAY
    committee = project.ProposerCommittee.deploy(
        rnode, reputation, maintenance, owner, genesis, TERM_LENGTH, SIZE, sender=deployer
    )
    predicted = deployer.get_deployment_address(deployer.nonce)
    maintenance.start(genesis, predicted, sender=owner)
    cpc.transfer(maintenance, model.TOTAL_REWARDS, sender=treasury)
    rewards = project.SlotRewards.deploy(cpc, maintenance, committee, treasury, owner, sender=deployer)
    assert rewards.address == predicted
    reputation.set_sources(eco, rnode, committee, sender=owner)
    for r in cm_reporters:
        reputation.set_reporter(r.address, True, sender=owner)
    reputation.set_quorum(2, sender=owner)
    committee.set_validators([v.address for v in cm_validators], sender=owner)
    # Registration and AB read deposits at the previous second: let the deposits above age one.
    chain.mine(deltatime=1)
    return Cm(cpc, eco, rnode, maintenance, reputation, committee, rewards, genesis)


@pytest.fixture(scope="module", autouse=True)
def cm_deployed(cm, non_owner, stranger):
    """Deploys the module-scoped world first in each module."""
    return cm


def term_start(cm, term):
    """S(term) in the first segment."""
    return cm.genesis + term * TERM_LENGTH * 10


def at(chain, timestamp):
    """Makes the next transaction land at `timestamp`."""
    chain.pending_timestamp = timestamp


def elect_term(chain, cm, term, nodes, sender):
    """Registers `nodes` for `term` (while term - 1 runs, or before genesis), draws after the
    close, elects a block later; returns the seed the election used."""
    start = cm.committee.term_start(term)
    opens = cm.genesis if term == 0 else cm.committee.term_start(term - 1)
    if term and chain.pending_timestamp < opens:
        at(chain, opens)
    for n in nodes:
        cm.committee.register(term, sender=n)
    at(chain, max(chain.pending_timestamp, start - LEAD))
    receipt = cm.committee.draw(term, sender=sender)
    chain.mine()
    cm.committee.elect(term, sender=sender)
    block = chain.provider.get_block(receipt.block_number + 1)
    return model.seed(bytes(block.hash), term)


def sign_report(cm, reporters, node, tx, pr, dc, bm, deadline, nonce=None):
    """The reporters' signatures on a report, in the order given."""
    if nonce is None:
        nonce = cm.reputation.report_nonce(node)
    digest = cm.reputation.report_digest(node, nonce, tx, pr, dc, bm, deadline)
    return [bytes(Account.unsafe_sign_hash(digest, r.key).signature) for r in reporters]

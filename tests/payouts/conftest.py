"""Payouts fixtures: the suite's CMDT, a mock USDT, local price feeds, RedPacket, AirdropRounds,
and helpers that create, claim and publish the way the dApp and the CSV tool do."""

import ape
import pytest
from eth_utils import to_checksum_address

from fivefold.payouts import merkle
from fivefold.payouts import model as payouts

TOKEN = 10**18
USD = 10**8  # feed decimals: 8, as Chainlink's USD feeds
DAY = 86_400
NATIVE = payouts.ZERO_ADDRESS
NO_SIG = (b"\0" * 32, b"\0" * 32)
LONGEST_HEARTBEAT = 7 * DAY
NO_FEE_LIMIT = 2**256 - 1  # create's max_fee when a test is not about it
TEST_ROUNDS = 10  # password stretching rounds in tests (production: payouts.PASSWORD_ROUNDS)


@pytest.fixture(scope="session")
def creator(holder):
    """Creates red packets (holds CMDT and the native coin)."""
    return holder


@pytest.fixture(scope="session")
def claimer(beneficiary):
    return beneficiary


@pytest.fixture(scope="session")
def other_claimer(spender):
    return spender


@pytest.fixture(scope="session")
def front_runner(stranger):
    """Watches the mempool and copies other people's transactions."""
    return stranger


@pytest.fixture(scope="session")
def operator(accounts):
    """Publishes airdrop rounds."""
    return accounts[8]


# Deployments are session-scoped (deploying per test would blow the time budget); ape's isolation
# reverts every test's transactions, so each test still starts from the same state.


@pytest.fixture(scope="session")
def cmdt(project, owner, creator, operator):
    token = project.CappedToken.deploy(
        "CMDMAX Token", "CMDT", 10**9 * TOKEN, owner, "CMDMAX Token", "1", ape.chain.chain_id, sender=owner
    )
    token.initialize_supply([creator, operator], [10**6 * TOKEN, 10**7 * TOKEN], sender=owner)
    return token


@pytest.fixture(scope="session")
def usdt(project, deployer, creator):
    token = project.MockStablecoin.deploy(sender=deployer)
    token.faucet(creator, 10**6 * 10**6, sender=creator)
    return token


@pytest.fixture(scope="session")
def make_feed(project, owner, chain):
    def make(price, decimals=8, age=0):
        feed = project.LocalPriceFeed.deploy(decimals, "X / USD", owner, sender=owner)
        feed.set_answer(price, chain.pending_timestamp - age - 1, sender=owner)
        return feed

    return make


@pytest.fixture(scope="session")
def redpacket(project, deployer, owner, treasury, cmdt, usdt, make_feed):
    """RedPacket with the treasury set; CMDT at USD 1, USDT at USD 1, the native coin at USD 2,000.
    Each feed has the longest heartbeat (7 days), so tests can move time without refreshing them."""
    rp = project.RedPacket.deploy(owner, sender=deployer)
    rp.set_treasury(treasury, sender=owner)
    rp.set_price_feed(cmdt, make_feed(1 * USD), LONGEST_HEARTBEAT, sender=owner)
    rp.set_price_feed(usdt, make_feed(1 * USD), LONGEST_HEARTBEAT, sender=owner)
    rp.set_price_feed(NATIVE, make_feed(2_000 * USD), LONGEST_HEARTBEAT, sender=owner)
    return rp


class Packet:
    """What a dApp knows about a packet it created: its keys and its password key."""

    def __init__(self, rp, creator, token, salt, key, tx, chain_id):
        self.rp, self.creator, self.token, self.salt, self.key, self.tx = rp, creator, token, salt, key, tx
        self.chain_id = chain_id
        self.signer = key.address if key else NATIVE
        self.id = payouts.packet_id(creator.address, self.signer, token, salt)

    def signature(self, claimer):
        if not self.key:
            return NO_SIG
        return payouts.sign_claim(self.key.key, self.chain_id, self.rp.address, self.id, claimer.address)

    def claim(self, claimer, signature=None, **kw):
        r, vs = signature or self.signature(claimer)
        return self.rp.claim(self.creator, self.signer, self.token, self.salt, r, vs, sender=claimer, **kw)

    def claim_in_channel(self, claimer, proof, signature=None):
        r, vs = signature or self.signature(claimer)
        return self.rp.claim_in_channel(
            self.creator, self.signer, self.token, self.salt, r, vs, proof, sender=claimer
        )

    def refund(self, sender=None):
        return self.rp.refund(self.signer, self.token, self.salt, sender=sender or self.creator)

    @property
    def state(self):
        return self.rp.packet(self.id)


@pytest.fixture
def create_packet(redpacket, chain):
    """create_packet(creator, token_or_None, amount, shares=..., random=..., password=..., root=...)."""
    counter = iter(range(1, 10**6))

    def create(
        creator,
        token,
        amount,
        shares=5,
        random=False,
        duration=DAY,
        password="secret",
        root=0,
        salt=None,
        approve=True,
        value=None,
        max_fee=NO_FEE_LIMIT,
    ):
        salt = salt if salt is not None else next(counter)
        asset = token.address if token is not None else NATIVE
        key = (
            payouts.password_key(
                password, creator.address, salt, chain.chain_id, redpacket.address, rounds=TEST_ROUNDS
            )
            if password
            else None
        )
        signer = key.address if key else NATIVE
        if token is None:
            tx = redpacket.create(
                NATIVE,
                amount,
                max_fee,
                shares,
                random,
                duration,
                signer,
                salt,
                root,
                value=amount if value is None else value,
                sender=creator,
            )
        else:
            if approve:
                token.approve(redpacket, amount, sender=creator)
            tx = redpacket.create(
                asset, amount, max_fee, shares, random, duration, signer, salt, root, sender=creator
            )
        return Packet(redpacket, creator, asset, salt, key, tx, chain.chain_id)

    create.redpacket = redpacket
    return create


# --------------------------------------------------------------------------------------------
# Airdrops
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def airdrop(project, deployer, owner, treasury, operator):
    """The airdrop registry, per module: a session-scoped one could be reverted away by another
    package's snapshot on the same xdist worker (tests/client before test_airdrop_cli did)."""
    registry = project.AirdropRounds.deploy(owner, sender=deployer)
    blueprint = deployer.declare(project.AirdropRound).contract_address
    registry.set_round_blueprint(blueprint, sender=owner)
    registry.set_operator(operator, True, sender=owner)
    registry.set_treasury(treasury, sender=owner)
    return registry


def round_at(project, chain, address):
    """An AirdropRound the registry deployed, with its type cached so that ape never asks an
    explorer about it (reverts look the contract up)."""
    chain.contracts.cache_contract_type(address, project.AirdropRound.contract_type)
    return project.AirdropRound.at(address)


def round_key(chain, registry, number, salt=None):
    """The key a test builds round `number`'s tree for (a fixed salt per round number, so
    tests are reproducible; the CSV tool draws a random one)."""
    salt = salt if salt is not None else number.to_bytes(32, "big")
    return payouts.RoundKey(chain.chain_id, registry.address, number, salt)


class Round:
    """A published round as the CSV tool leaves it: the contract, its tree, its rows and key."""

    def __init__(self, contract, tree, accounts, amounts, tx, key):
        self.contract, self.tree, self.accounts, self.amounts, self.tx = contract, tree, accounts, amounts, tx
        self.key = key

    def proof(self, index):
        return merkle.ints(self.tree.proof(index))

    def claim(self, index, sender, account=None, amount=None, proof=None):
        return self.contract.claim(
            index,
            account or self.accounts[index],
            self.amounts[index] if amount is None else amount,
            self.proof(index) if proof is None else proof,
            sender=sender,
        )

    def draw(self, chain, sender):
        target = int(self.contract.draw_block())
        if chain.blocks.height <= target:  # one request for all blocks
            chain.mine(target + 1 - chain.blocks.height)
        return self.contract.draw(sender=sender)

    def wait_turn(self, chain, index):
        unlock = int(self.contract.unlock_time(index))
        if chain.pending_timestamp < unlock:
            chain.pending_timestamp = unlock


@pytest.fixture
def publish_round(project, airdrop, operator, chain):
    """publish_round(accounts, amounts, token=None (native), window=7 days, start=now)."""

    def publish(accounts, amounts, token=None, window=7 * DAY, start=None, number=None):
        accounts = [
            a.address if hasattr(a, "address") else a if isinstance(a, str) else to_checksum_address(a)
            for a in accounts
        ]
        number = number or int(airdrop.round_count()) + 1
        key = round_key(chain, airdrop, number)
        raw = [bytes.fromhex(a[2:]) for a in accounts]
        tree = merkle.MerkleTree(merkle.airdrop_leaves(key.prefix, raw, amounts))
        total = sum(amounts)
        start = chain.pending_timestamp if start is None else start
        if token is None:
            tx = airdrop.publish(
                number,
                NATIVE,
                tree.root_int,
                key.salt,
                total,
                len(accounts),
                start,
                start + window,
                value=total,
                sender=operator,
            )
        else:
            token.approve(airdrop, total, sender=operator)
            tx = airdrop.publish(
                number,
                token,
                tree.root_int,
                key.salt,
                total,
                len(accounts),
                start,
                start + window,
                sender=operator,
            )
        return Round(round_at(project, chain, airdrop.rounds(number)), tree, accounts, amounts, tx, key)

    return publish


@pytest.fixture(scope="module", autouse=True)
def session_fixtures_first(
    creator,
    claimer,
    other_claimer,
    front_runner,
    operator,
    cmdt,
    usdt,
    make_feed,
    redpacket,
    named_accounts,
):
    """Every session fixture of this folder taken before a module's first test, so a test that first
    asks for one later does not make ape rebase its snapshots (InvalidIsolationWarning)."""

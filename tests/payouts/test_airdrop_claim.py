"""AirdropRound.claim: proofs, the fee, one claim per leaf, windows, replay and node attacks."""

import ape
import pytest

from fivefold.payouts import merkle
from fivefold.payouts import model as payouts
from tests.tests_support import isolated

from .conftest import DAY, TOKEN, round_at, round_key

AMOUNTS = [100 * TOKEN, 3, 7 * TOKEN + 1, 50 * TOKEN]


@pytest.fixture
def round_(publish_round, accounts, cmdt, chain, stranger):
    rnd = publish_round(accounts[3:7], AMOUNTS, token=cmdt)
    rnd.draw(chain, stranger)
    return rnd


def test_claim__by_third_party__pays_account_minus_fee(round_, cmdt, stranger, chain):
    account = round_.accounts[0]
    round_.wait_turn(chain, 0)
    before = cmdt.balanceOf(account)
    tx = round_.claim(0, sender=stranger)
    net = payouts.airdrop_net(100 * TOKEN, 500)
    assert cmdt.balanceOf(account) == before + net == before + 95 * TOKEN
    assert round_.contract.is_claimed(0) and not round_.contract.is_claimed(1)
    [log] = tx.decode_logs(round_.contract.Claimed)
    assert (log.account, log.index, log.amount) == (account, 0, 100 * TOKEN)
    assert round_.contract.holdings() == sum(AMOUNTS) - net


def test_claim__fee_rounds_up(round_, cmdt, stranger, chain):
    round_.wait_turn(chain, 1)
    before = cmdt.balanceOf(round_.accounts[1])
    round_.claim(1, sender=stranger)
    assert cmdt.balanceOf(round_.accounts[1]) - before == 3 - 1 == payouts.airdrop_net(3, 500)


def test_claim__twice__reverts(round_, stranger, chain):
    round_.wait_turn(chain, 2)
    round_.claim(2, sender=stranger)
    with ape.reverts("airdrop_round: already claimed"):
        round_.claim(2, sender=stranger)


def test_claim__wrong_amount__invalid_proof(round_, stranger, chain):
    round_.wait_turn(chain, 0)
    with ape.reverts("airdrop_round: invalid proof"):
        round_.claim(0, sender=stranger, amount=101 * TOKEN)


def test_claim__other_account__invalid_proof(round_, stranger, chain):
    round_.wait_turn(chain, 0)
    with ape.reverts("airdrop_round: invalid proof"):
        round_.claim(0, sender=stranger, account=stranger.address)


def test_claim__front_runner_copy__pays_the_same_account(round_, cmdt, stranger, front_runner, chain):
    """A copied claim carries the account inside the proven leaf: copying it only pays the
    rightful account sooner; the copier gets nothing."""
    round_.wait_turn(chain, 3)
    before = cmdt.balanceOf(front_runner)
    round_.claim(3, sender=front_runner)
    assert cmdt.balanceOf(front_runner) == before
    with ape.reverts("airdrop_round: already claimed"):
        round_.claim(3, sender=stranger)


def test_claim__leaf_of_another_round__invalid_proof(publish_round, round_, accounts, cmdt, chain, stranger):
    """Round 2 has the same accounts and amounts; round 1's proof proves nothing there."""
    second = publish_round(accounts[3:7], AMOUNTS, token=cmdt)
    second.draw(chain, stranger)
    second.wait_turn(chain, 0)
    with ape.reverts("airdrop_round: invalid proof"):
        second.claim(0, sender=stranger, proof=round_.proof(0))


def test_claim__internal_node_as_leaf__invalid_proof(round_, stranger, chain):
    """The level-1 node over leaves 0 and 1, offered with the rest of leaf 0's proof: whatever
    index (below the count), account and amount the attacker picks, the contract hashes them
    twice into a leaf, and a 32-byte preimage never reproduces a 64-byte node."""
    node = int.from_bytes(round_.tree.levels[1][0], "big")
    rest = round_.proof(0)[1:]
    c = round_.contract
    chain.pending_timestamp = c.START() + (c.END() - c.START()) // 2  # schedule over: any index may try
    for index, account, amount in [(0, round_.accounts[0], node), (3, round_.accounts[1], node >> 96)]:
        with ape.reverts("airdrop_round: invalid proof"):
            round_.contract.claim(index, account, amount, rest, sender=stranger)
    assert merkle.verify(round_.tree.proof(0)[1:], round_.tree.root, round_.tree.levels[1][0])


def test_claim__after_window__reverts(round_, stranger, chain):
    chain.pending_timestamp = round_.contract.END()
    with ape.reverts("airdrop_round: round closed"):
        round_.claim(0, sender=stranger)


def test_claim__before_turn__reverts(publish_round, accounts, chain, stranger):
    rnd = publish_round(accounts[:9], [TOKEN] * 9, window=8 * DAY)
    rnd.draw(chain, stranger)
    last = 8  # 9 leaves, 4 per tier: tier 2, whose slot starts 2 days into the window
    assert rnd.contract.unlock_time(last) >= rnd.contract.START() + 2 * DAY
    with ape.reverts("airdrop_round: not yet this account's turn"):
        rnd.claim(last, sender=stranger)
    rnd.wait_turn(chain, last)
    rnd.claim(last, sender=stranger)


def test_claim__native_round__pays_native(publish_round, accounts, chain, stranger):
    rnd = publish_round(accounts[4:6], [TOKEN, 2 * TOKEN])
    rnd.draw(chain, stranger)
    rnd.wait_turn(chain, 1)
    account = accounts[5]
    before = account.balance
    rnd.claim(1, sender=stranger)
    assert account.balance == before + payouts.airdrop_net(2 * TOKEN, 500)


def test_claim__tree_promising_more_than_total__cannot_touch_other_rounds(
    project, airdrop, operator, accounts, chain, stranger, publish_round
):
    """An operator's wrong tree (leaves summing above the funded total) can only drain its own
    round: each round holds its own funds."""
    honest = publish_round(accounts[4:6], [TOKEN, TOKEN])
    key = round_key(chain, airdrop, 2)
    leaves = merkle.airdrop_leaves(
        key.prefix, [bytes.fromhex(a.address[2:]) for a in accounts[4:6]], [TOKEN, TOKEN]
    )
    tree = merkle.MerkleTree(leaves)
    start = chain.pending_timestamp
    airdrop.publish(
        2,
        "0x" + "00" * 20,
        tree.root_int,
        key.salt,
        TOKEN,
        2,
        start,
        start + DAY,
        value=TOKEN,
        sender=operator,
    )
    bad = round_at(project, chain, airdrop.rounds(2))
    target = bad.draw_block()
    if chain.blocks.height <= target:  # one request for all blocks
        chain.mine(target + 1 - chain.blocks.height)
    bad.draw(sender=stranger)
    chain.pending_timestamp = start + DAY // 2
    bad.claim(0, accounts[4], TOKEN, merkle.ints(tree.proof(0)), sender=stranger)
    with ape.reverts():
        bad.claim(1, accounts[5], TOKEN, merkle.ints(tree.proof(1)), sender=stranger)
    assert honest.contract.holdings() == 2 * TOKEN


# Claim bounds and leaf binding --------------------------------------------------------------


def test_claim__index_at_or_above_count__reverts(project, airdrop, operator, accounts, chain, stranger):
    """A tree with more leaves than the published count (an operator's mistake, or a leaf forged
    beyond the registrations): the extra leaf's proof is valid, but its index is not a
    registration, so the claim is refused before the proof is even read."""
    key = round_key(chain, airdrop, 1)
    raw = [bytes.fromhex(a.address[2:]) for a in accounts[4:8]]
    tree = merkle.MerkleTree(merkle.airdrop_leaves(key.prefix, raw, [TOKEN] * 4))
    start = chain.pending_timestamp
    airdrop.publish(
        1,
        "0x" + "00" * 20,
        tree.root_int,
        key.salt,
        4 * TOKEN,
        3,
        start,
        start + DAY,
        value=4 * TOKEN,
        sender=operator,
    )
    rnd = round_at(project, chain, airdrop.rounds(1))
    chain.mine(payouts.DRAW_DELAY + 1)
    rnd.draw(sender=stranger)
    chain.pending_timestamp = start + DAY // 2  # the schedule is over: every index may try
    for index in (3, 2**32):
        with ape.reverts("airdrop_round: index out of range"):
            rnd.claim(index, accounts[7], TOKEN, merkle.ints(tree.proof(3)), sender=stranger)
    rnd.claim(
        2, accounts[6], TOKEN, merkle.ints(tree.proof(2)), sender=stranger
    )  # the last registration pays


def _publish_built_for(project, airdrop, operator, accounts, chain, key, published_salt):
    """Publishes, as this registry's next round on this chain, a tree built for `key`."""
    raw = [bytes.fromhex(a.address[2:]) for a in accounts[4:6]]
    tree = merkle.MerkleTree(merkle.airdrop_leaves(key.prefix, raw, [TOKEN, TOKEN]))
    number = int(airdrop.round_count()) + 1
    start = chain.pending_timestamp
    airdrop.publish(
        number,
        "0x" + "00" * 20,
        tree.root_int,
        published_salt,
        2 * TOKEN,
        2,
        start,
        start + DAY,
        value=2 * TOKEN,
        sender=operator,
    )
    rnd = round_at(project, chain, airdrop.rounds(number))
    chain.mine(payouts.DRAW_DELAY + 1)
    rnd.draw(sender=operator)
    chain.pending_timestamp = start + DAY // 2
    return rnd, tree


@pytest.mark.parametrize("other", ["chain", "registry", "salt"])
def test_claim__tree_built_for_another_chain_registry_or_salt__invalid_proof(
    project, airdrop, operator, accounts, chain, stranger, other
):
    """Cross-chain replay: the operator publishes one tree on two chains (the registry has the
    same CREATE2 address on both). Each leaf commits to the chain id, so the chain it was not
    built for refuses every proof; likewise a tree built for another registry or salt."""
    honest = round_key(chain, airdrop, 1)
    built_for = {
        "chain": payouts.RoundKey(56, honest.registry, 1, honest.salt),  # built for BSC, published here
        "registry": payouts.RoundKey(honest.chain_id, "0x" + "11" * 20, 1, honest.salt),
        "salt": payouts.RoundKey(honest.chain_id, honest.registry, 1, b"\x99" * 32),
    }[other]
    with isolated(chain):  # control: built for this chain, registry and salt, it pays
        rnd, tree = _publish_built_for(project, airdrop, operator, accounts, chain, honest, honest.salt)
        rnd.claim(0, accounts[4], TOKEN, merkle.ints(tree.proof(0)), sender=stranger)
    rnd, tree = _publish_built_for(project, airdrop, operator, accounts, chain, built_for, honest.salt)
    with ape.reverts("airdrop_round: invalid proof"):
        rnd.claim(0, accounts[4], TOKEN, merkle.ints(tree.proof(0)), sender=stranger)


def test_claim__leaf_above_128__its_own_bit_in_the_first_word(publish_round, accounts, chain, stranger):
    """Leaves 0-255 share the first bitmap word, one bit each: leaf 129's claim sets bit 129 of word
    0, which is_claimed and claimed_bitmap read back (a round of 130 leaves)."""
    rows = [a.address for a in accounts[:10]] * 13
    rnd = publish_round(rows, [1] * 130)
    rnd.draw(chain, stranger)
    rnd.wait_turn(chain, 129)
    rnd.claim(129, sender=stranger)
    assert rnd.contract.is_claimed(129) and not rnd.contract.is_claimed(1)
    assert (rnd.contract.claimed_bitmap(0), rnd.contract.claimed_bitmap(1)) == (1 << 129, 0)

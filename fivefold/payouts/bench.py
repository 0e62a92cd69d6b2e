"""Payouts gas: red packets and airdrop rounds, each in the condition its key names."""

from __future__ import annotations

from fivefold.gas import Bench, operation
from fivefold.payouts import model as payouts
from fivefold.tokens.bench import capped_token

TOKEN = 10**18
PACKET = 50 * TOKEN  # USD 50 at the bench price: the 2% band
DAY = 86_400


def _cmdt(b: Bench):
    """The suite's own CMDT (a CappedToken), 1,000,000 to each of users 0..2."""
    token = capped_token(b, "CMDMAX Token", "CMDT", 10**27)
    token.initialize_supply([b.user(i) for i in range(3)], [1_000_000 * TOKEN] * 3, sender=b.owner)
    return token


def redpacket_setup(b: Bench):
    """RedPacket with a treasury, a USD 1.00 CMDT feed and a USD 2,000 native feed (1-hour heartbeats)."""
    rp = b.project.RedPacket.deploy(b.owner, sender=b.deployer)
    rp.set_treasury(b.treasury, sender=b.owner)
    token = _cmdt(b)
    now = b.chain.pending_timestamp
    for asset, price in ((token.address, 10**8), (payouts.ZERO_ADDRESS, 2_000 * 10**8)):
        feed = b.project.LocalPriceFeed.deploy(8, "X / USD", b.owner, sender=b.owner)
        feed.set_answer(price, now, sender=b.owner)
        rp.set_price_feed(asset, feed, 3_600, sender=b.owner)
    return rp, token


def create_password_packet(b: Bench, rp, token, creator, salt: int, amount: int = PACKET, shares: int = 10,
                           random: bool = True, native: bool = False):
    """A password packet (exact approval first); returns (receipt, packet id, password key)."""
    pk = payouts.password_key("bench", creator.address, salt, b.chain.chain_id, rp.address)
    if native:
        tx = rp.create(
            payouts.ZERO_ADDRESS,
            amount,
            rp.quote_fee(payouts.ZERO_ADDRESS, amount),
            shares,
            random,
            DAY,
            pk.address,
            salt,
            0,
            value=amount,
            sender=creator,
        )
    else:
        token.approve(rp, amount, sender=creator)
        tx = rp.create(token, amount, rp.quote_fee(token, amount), shares, random, DAY, pk.address, salt, 0,
                       sender=creator)
    asset = payouts.ZERO_ADDRESS if native else token.address
    return tx, payouts.packet_id(creator.address, pk.address, asset, salt), pk


def claim(b: Bench, rp, creator, asset, salt, pk, claimer):
    pid = payouts.packet_id(creator.address, pk.address, asset, salt)
    r, vs = payouts.sign_claim(pk.key, b.chain.chain_id, rp.address, pid, claimer.address)
    return rp.claim(creator, pk.address, asset, salt, r, vs, sender=claimer)


@operation(
    "redpacket.create.erc20",
    "creator's second CMDT packet: password, 10 random shares, USD 50, exact approval, "
    "price feed read; the contract already holds CMDT and fees in it",
    target=130_000,
)
def create_erc20(b: Bench):
    rp, token = redpacket_setup(b)
    create_password_packet(b, rp, token, b.user(0), 1)
    tx, _, _ = create_password_packet(b, rp, token, b.user(0), 2)
    return tx


@operation(
    "redpacket.claim.erc20.fresh",
    "second claim of a password CMDT packet (random split) by a claimer that held no CMDT",
    target=90_000,
)
def claim_erc20_fresh(b: Bench):
    rp, token = redpacket_setup(b)
    _, _, pk = create_password_packet(b, rp, token, b.user(0), 1)
    claim(b, rp, b.user(0), token.address, 1, pk, b.user(1))
    return claim(b, rp, b.user(0), token.address, 1, pk, b.user(5))


@operation(
    "redpacket.claim.native.fresh",
    "second claim of a password native-coin packet (random split) by a claimer that never claimed from it",
)
def claim_native_fresh(b: Bench):
    rp, token = redpacket_setup(b)
    _, _, pk = create_password_packet(b, rp, token, b.user(0), 1, amount=TOKEN // 100, native=True)
    claim(b, rp, b.user(0), payouts.ZERO_ADDRESS, 1, pk, b.user(1))
    return claim(b, rp, b.user(0), payouts.ZERO_ADDRESS, 1, pk, b.user(5))


@operation("redpacket.refund", "creator refunds an expired CMDT packet with 8 of 10 shares left")
def refund(b: Bench):
    rp, token = redpacket_setup(b)
    _, _, pk = create_password_packet(b, rp, token, b.user(0), 1)
    claim(b, rp, b.user(0), token.address, 1, pk, b.user(1))
    claim(b, rp, b.user(0), token.address, 1, pk, b.user(2))
    b.chain.pending_timestamp += DAY
    return rp.refund(pk.address, token, 1, sender=b.user(0))


# --------------------------------------------------------------------------------------------
# Airdrop rounds
# --------------------------------------------------------------------------------------------

BIG_TREE = 1_000_000
BENCH_INDEX = 123_456  # a leaf with a full 20-sibling proof, alone in its bitmap word
SALT = bytes.fromhex("5a" * 32)  # the operator's salt: random in production, fixed for a repeatable bench


def airdrop_setup(b: Bench):
    """AirdropRounds (blueprint set) with user 0 as operator, a treasury, and CMDT."""
    ad = b.project.AirdropRounds.deploy(b.owner, sender=b.deployer)
    blueprint = b.deployer.declare(b.project.AirdropRound).contract_address
    ad.set_round_blueprint(blueprint, sender=b.owner)
    ad.set_operator(b.user(0), True, sender=b.owner)
    ad.set_treasury(b.treasury, sender=b.owner)
    return ad, _cmdt(b)


def bench_accounts(n: int, seed: int = 7) -> list[bytes]:
    from fivefold.payouts.merkle import keccak

    return [keccak((seed * 10**9 + i).to_bytes(32, "big"))[:20] for i in range(n)]


def publish_tree(b: Bench, ad, token, accounts: list[bytes], amounts: list[int], window: int = 30 * DAY):
    """Builds the tree for the next CMDT round, opening now, and publishes it.

    Returns (round contract, tree, publish receipt)."""
    from fivefold.payouts import merkle

    number = int(ad.round_count()) + 1
    key = payouts.RoundKey(b.chain.chain_id, ad.address, number, SALT)
    tree = merkle.MerkleTree(merkle.airdrop_leaves(key.prefix, accounts, amounts))
    total = sum(amounts)
    token.approve(ad, total, sender=b.user(0))
    start = b.chain.pending_timestamp
    tx = ad.publish(
        number, token, tree.root_int, SALT, total, len(accounts), start, start + window, sender=b.user(0)
    )
    address = ad.rounds(number)
    b.chain.contracts.cache_contract_type(address, b.project.AirdropRound.contract_type)
    return b.project.AirdropRound.at(address), tree, tx


def draw(b: Bench, rnd):
    target = int(rnd.draw_block())
    if b.chain.blocks.height <= target:  # one request for all blocks
        b.chain.mine(target + 1 - b.chain.blocks.height)
    return rnd.draw(sender=b.user(1))


def claim_leaf(b: Bench, rnd, tree, accounts, amounts, index: int, sender=None):
    """Moves time to the leaf's turn and submits its claim (by a third party by default)."""
    from eth_utils import to_checksum_address

    from fivefold.payouts import merkle

    unlock = int(rnd.unlock_time(index))
    if b.chain.pending_timestamp < unlock:
        b.chain.pending_timestamp = unlock
    return rnd.claim(
        index,
        to_checksum_address(accounts[index]),
        amounts[index],
        merkle.ints(tree.proof(index)),
        sender=sender or b.user(2),
    )


@operation(
    "airdrop.publish",
    "operator publishes a second CMDT round: deploys its AirdropRound from the blueprint "
    "and funds it (exact approval)",
)
def publish(b: Bench):
    ad, token = airdrop_setup(b)
    accounts = bench_accounts(4)
    publish_tree(b, ad, token, accounts, [TOKEN] * 4)
    return publish_tree(b, ad, token, accounts, [TOKEN] * 4)[2]


def _big_tree_claim(key: payouts.RoundKey, index: int) -> tuple[int, list[int], bytes, int]:
    """(root, proof, account, amount) of leaf `index` in the 1,000,000-leaf bench tree of the round
    `key` names. The tree is deterministic, so it is built once and the four values are cached in
    .build/ (the build takes seconds; a second `ape run gas` or test run reads them back)."""
    import json
    from pathlib import Path

    from fivefold.payouts import merkle

    tag = merkle.keccak(key.prefix).hex()[:16]
    path = Path(".build") / f"payouts-bench-tree-{BIG_TREE}-{tag}-{index}.json"
    if path.exists():
        data = json.loads(path.read_text())
        return data["root"], data["proof"], bytes.fromhex(data["account"]), data["amount"]
    accounts = bench_accounts(BIG_TREE)
    tree = merkle.MerkleTree(merkle.airdrop_leaves(key.prefix, accounts, [TOKEN] * BIG_TREE))
    proof = merkle.ints(tree.proof(index))
    assert len(proof) == 20
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        json.dumps({"root": tree.root_int, "proof": proof, "account": accounts[index].hex(), "amount": TOKEN})
    )
    return tree.root_int, proof, accounts[index], TOKEN


@operation(
    "airdrop.claim.1m.fresh",
    "claim of leaf 123,456 of a 1,000,000-leaf CMDT round (20-hash proof) at its "
    "scheduled turn, submitted by a third party; the recipient never held CMDT and the leaf's bitmap word "
    "is fresh; includes the 5% fee and the round lookup",
    target=95_000,
)
def claim_1m_fresh(b: Bench):
    from eth_utils import to_checksum_address

    ad, token = airdrop_setup(b)
    root, proof, account, amount = _big_tree_claim(
        payouts.RoundKey(b.chain.chain_id, ad.address, 1, SALT), BENCH_INDEX
    )
    total = BIG_TREE * TOKEN
    token.approve(ad, total, sender=b.user(0))
    start = b.chain.pending_timestamp
    ad.publish(1, token, root, SALT, total, BIG_TREE, start, start + 30 * DAY, sender=b.user(0))
    address = ad.rounds(1)
    b.chain.contracts.cache_contract_type(address, b.project.AirdropRound.contract_type)
    rnd = b.project.AirdropRound.at(address)
    draw(b, rnd)
    unlock = int(rnd.unlock_time(BENCH_INDEX))
    if b.chain.pending_timestamp < unlock:
        b.chain.pending_timestamp = unlock
    return rnd.claim(BENCH_INDEX, to_checksum_address(account), amount, proof, sender=b.user(2))

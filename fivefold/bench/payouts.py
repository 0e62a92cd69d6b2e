"""Payouts gas: red packets and airdrop rounds, each in the condition its key names."""

from __future__ import annotations

from fivefold import payouts
from fivefold.gas import Bench, operation

TOKEN = 10**18
PACKET = 50 * TOKEN  # USD 50 at the bench price: the 2% band
DAY = 86_400


def _cmdt(b: Bench):
    """The suite's own CMDT (a CappedToken), 1,000,000 to each of users 0..2."""
    token = b.project.CappedToken.deploy("CMDMAX Token", "CMDT", 10**27, b.owner, "CMDMAX Token", "1", sender=b.owner)
    token.initialize_supply([b.user(i) for i in range(3)], [1_000_000 * TOKEN] * 3, sender=b.owner)
    return token


def redpacket_setup(b: Bench):
    """RedPacket with a treasury, a USD 1.00 CMDT feed and a USD 2,000 native feed."""
    rp = b.project.RedPacket.deploy(b.owner, sender=b.deployer)
    rp.set_treasury(b.treasury, sender=b.owner)
    token = _cmdt(b)
    now = b.chain.pending_timestamp
    for asset, price in ((token.address, 10**8), (payouts.ZERO_ADDRESS, 2_000 * 10**8)):
        feed = b.project.LocalPriceFeed.deploy(8, "X / USD", b.owner, sender=b.owner)
        feed.set_answer(price, now, sender=b.owner)
        rp.set_price_feed(asset, feed, sender=b.owner)
    return rp, token


def create_password_packet(b: Bench, rp, token, creator, salt: int, amount: int = PACKET, shares: int = 10,
                           random: bool = True, native: bool = False):
    """A password packet (exact approval first); returns (receipt, packet id, password key)."""
    pk = payouts.password_key("bench", creator.address, salt, b.chain.chain_id, rp.address)
    if native:
        tx = rp.create(payouts.ZERO_ADDRESS, amount, shares, random, DAY, pk.address, salt, b"\0" * 32,
                       value=amount, sender=creator)
    else:
        token.approve(rp, amount, sender=creator)
        tx = rp.create(token, amount, shares, random, DAY, pk.address, salt, b"\0" * 32, sender=creator)
    asset = payouts.ZERO_ADDRESS if native else token.address
    return tx, payouts.packet_id(creator.address, pk.address, asset, salt), pk


def claim(b: Bench, rp, creator, asset, salt, pk, claimer):
    pid = payouts.packet_id(creator.address, pk.address, asset, salt)
    r, vs = payouts.sign_claim(pk.key, b.chain.chain_id, rp.address, pid, claimer.address)
    return rp.claim(creator, pk.address, asset, salt, r, vs, sender=claimer)


@operation("redpacket.create.erc20", "creator's second CMDT packet: password, 10 random shares, USD 50, exact approval, "
           "price feed read; the contract already holds CMDT and fees in it", target=130_000)
def create_erc20(b: Bench):
    rp, token = redpacket_setup(b)
    create_password_packet(b, rp, token, b.user(0), 1)
    tx, _, _ = create_password_packet(b, rp, token, b.user(0), 2)
    return tx


@operation("redpacket.claim.erc20.fresh", "second claim of a password CMDT packet (random split) by a claimer that "
           "held no CMDT", target=90_000)
def claim_erc20_fresh(b: Bench):
    rp, token = redpacket_setup(b)
    _, _, pk = create_password_packet(b, rp, token, b.user(0), 1)
    claim(b, rp, b.user(0), token.address, 1, pk, b.user(1))
    return claim(b, rp, b.user(0), token.address, 1, pk, b.user(5))


@operation("redpacket.claim.native.fresh", "second claim of a password native-coin packet (random split) by a "
           "claimer that never claimed from it")
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

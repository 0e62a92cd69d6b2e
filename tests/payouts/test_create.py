"""RedPacket.create: deposits, fees taken at creation, packet state, and every refusal."""

import ape
import pytest

from fivefold.payouts import model as payouts

from .conftest import DAY, NATIVE, NO_FEE_LIMIT, TOKEN


def test_create__erc20_password_packet__stores_state_and_takes_fee(
    redpacket, create_packet, creator, cmdt, chain
):
    before = cmdt.balanceOf(creator)
    p = create_packet(creator, cmdt, 50 * TOKEN, shares=10, random=True)
    fee = payouts.fee(50 * TOKEN, 200)  # USD 50: the 2% band
    state = p.state
    assert state.remaining == 50 * TOKEN - fee
    assert (state.claims, state.shares, state.random, state.channel) == (0, 10, True, False)
    assert state.expiry == chain.blocks.head.timestamp + DAY
    assert redpacket.fees(cmdt) == fee
    assert cmdt.balanceOf(creator) == before - 50 * TOKEN
    [log] = p.tx.decode_logs(redpacket.PacketCreated)
    assert (log.id, log.creator, log.token, log.signer) == (p.id, creator.address, cmdt.address, p.signer)
    assert (log.amount, log.fee, log.shares, log.salt) == (50 * TOKEN - fee, fee, 10, p.salt)


def test_create__native_packet__credits_msg_value(redpacket, create_packet, creator):
    amount = TOKEN // 100  # USD 20
    p = create_packet(creator, None, amount, shares=3)
    assert p.state.remaining == amount - payouts.fee(amount, 200)
    assert redpacket.fees(NATIVE) == payouts.fee(amount, 200)
    assert redpacket.packet_id(creator, p.signer, NATIVE, p.salt) == p.id


def test_create__fee_on_transfer_token__credits_what_arrived(
    project, redpacket, create_packet, creator, deployer
):
    fot = project.MockQuirkyToken.deploy(1, sender=deployer)
    fot.mint(creator, 1_000 * TOKEN, sender=creator)
    p = create_packet(creator, fot, 100 * TOKEN, shares=4)
    received = 99 * TOKEN  # 1% burnt in transit
    fee = payouts.fee(received, 300)  # no feed: the highest rate (3%)
    assert fot.balanceOf(redpacket) == received
    assert p.state.remaining + redpacket.fees(fot) == received
    assert redpacket.fees(fot) == fee


def test_create__unsupported_rebasing_token__reverts(
    project, redpacket, create_packet, creator, owner, deployer
):
    rebasing = project.MockQuirkyToken.deploy(0, sender=deployer)
    rebasing.mint(creator, 1_000 * TOKEN, sender=creator)
    redpacket.set_asset_supported(rebasing, False, sender=owner)
    with ape.reverts("red_packet: asset not supported"):
        create_packet(creator, rebasing, 10 * TOKEN)


def test_create__token_moves_nothing__reverts(project, redpacket, create_packet, creator, deployer):
    """A token whose transfer of 1 wei moves nothing (a rebasing token at a huge index rounds the
    shares moved to 0) would create a packet backed by nothing: refused, nothing recorded."""
    rebasing = project.MockQuirkyToken.deploy(0, sender=deployer)
    rebasing.mint(creator, 1_000 * TOKEN, sender=creator)
    rebasing.rebase(10**30, sender=deployer)  # 1 wei is now 10**-12 of a share: it rounds to 0
    with ape.reverts("red_packet: nothing received"):
        create_packet(creator, rebasing, 1, shares=1)
    assert rebasing.balanceOf(redpacket) == 0


def test_create__same_keys_twice__reverts(create_packet, creator, cmdt):
    create_packet(creator, cmdt, TOKEN, salt=7)
    with ape.reverts("red_packet: packet exists"):
        create_packet(creator, cmdt, TOKEN, salt=7)


def test_create__same_salt_other_creator__is_another_packet(create_packet, creator, cmdt, operator):
    a = create_packet(creator, cmdt, TOKEN, salt=7)
    b = create_packet(operator, cmdt, TOKEN, salt=7)
    assert a.id != b.id


@pytest.mark.parametrize(
    "kwargs, reason",
    [
        (dict(amount=0), "red_packet: zero amount"),
        (dict(shares=0), "red_packet: bad share count"),
        (dict(shares=65_536), "red_packet: bad share count"),
        (dict(duration=59), "red_packet: bad duration"),
        (dict(duration=365 * DAY + 1), "red_packet: bad duration"),
        (dict(amount=10, shares=10), "red_packet: less than one wei per share"),
        (dict(root=2**160), "red_packet: bad channel root"),
    ],
)
def test_create__bad_input__reverts(create_packet, creator, cmdt, kwargs, reason):
    args = dict(amount=TOKEN) | kwargs
    amount = args.pop("amount")
    cmdt.approve(create_packet.redpacket, amount, sender=creator)
    with ape.reverts(reason):
        create_packet(creator, cmdt, amount, approve=False, **args)


def test_create__native_value_differs__reverts(create_packet, creator):
    with ape.reverts("red_packet: value differs from amount"):
        create_packet(creator, None, TOKEN, value=TOKEN - 1)


def test_create__value_with_token__reverts(redpacket, creator, cmdt):
    cmdt.approve(redpacket, TOKEN, sender=creator)
    with ape.reverts("red_packet: value sent with a token"):
        redpacket.create(cmdt, TOKEN, NO_FEE_LIMIT, 1, False, DAY, NATIVE, 1, 0, value=1, sender=creator)


def test_create__stale_price__reverts(redpacket, create_packet, creator, cmdt, owner, make_feed):
    redpacket.set_price_feed(cmdt, make_feed(10**8, age=7 * DAY * 11 // 10 + 1), 7 * DAY, sender=owner)
    with ape.reverts("feed_reader: stale price"):
        create_packet(creator, cmdt, TOKEN)


def test_create__non_positive_price__reverts(redpacket, create_packet, creator, cmdt, owner, make_feed):
    redpacket.set_price_feed(cmdt, make_feed(0), DAY, sender=owner)
    with ape.reverts("feed_reader: non-positive price"):
        create_packet(creator, cmdt, TOKEN)


def test_create__price_too_large__reverts(redpacket, create_packet, creator, cmdt, owner, make_feed):
    redpacket.set_price_feed(cmdt, make_feed(2**128), DAY, sender=owner)
    with ape.reverts("red_packet: price too large"):
        create_packet(creator, cmdt, TOKEN)


def test_create__amount_above_128_bits__reverts(project, redpacket, create_packet, creator, deployer):
    big = project.MockQuirkyToken.deploy(1, sender=deployer)
    big.mint(creator, 2**130, sender=creator)
    with ape.reverts("red_packet: amount too large"):
        create_packet(creator, big, 2**129)


# Creator protection: max_fee ------------------------------------------------------------------


def test_create__fee_raised_between_signing_and_mining__reverts(
    redpacket, create_packet, creator, cmdt, owner
):
    """The creator signs with the quoted fee as `max_fee`; governance raises the rates before the
    transaction is mined: the creation reverts instead of taking more than was agreed."""
    amount = 50 * TOKEN
    quoted = redpacket.quote_fee(cmdt, amount)
    redpacket.set_fee_rates(1_000, 1_000, 1_000, sender=owner)  # lands first
    with ape.reverts("red_packet: fee above max_fee"):
        create_packet(creator, cmdt, amount, max_fee=quoted)


def test_create__price_rise_between_signing_and_mining__reverts(
    redpacket, create_packet, creator, cmdt, owner, make_feed
):
    """A price rise moves value into the higher brackets: the same protection applies."""
    amount = 200 * TOKEN  # USD 200 at USD 1: USD 2 + 3 = 5
    quoted = redpacket.quote_fee(cmdt, amount)
    redpacket.set_fee_rates(200, 300, 1_000, sender=owner)
    redpacket.set_price_feed(cmdt, make_feed(10 * 10**8), 7 * DAY, sender=owner)  # CMDT at USD 10: USD 2,000
    with ape.reverts("red_packet: fee above max_fee"):
        create_packet(creator, cmdt, amount, max_fee=quoted)


def test_create__fee_equal_to_max_fee__accepted(redpacket, create_packet, creator, cmdt):
    amount = 50 * TOKEN
    quoted = redpacket.quote_fee(cmdt, amount)
    p = create_packet(creator, cmdt, amount, max_fee=quoted)
    assert p.tx.decode_logs(redpacket.PacketCreated)[0].fee == quoted == payouts.fee(amount, 200)
    with ape.reverts("red_packet: fee above max_fee"):
        create_packet(creator, cmdt, amount, max_fee=quoted - 1)

"""RedPacket.refund: after expiry, the creator alone takes back what is left."""

import ape

from .conftest import DAY, TOKEN


def test_refund__after_expiry__returns_rest_to_creator(
    redpacket, create_packet, creator, claimer, cmdt, chain
):
    p = create_packet(creator, cmdt, 10 * TOKEN, shares=4)
    paid = p.claim(claimer).return_value
    rest = p.state.remaining
    chain.pending_timestamp += DAY
    before = cmdt.balanceOf(creator)
    tx = p.refund()
    assert cmdt.balanceOf(creator) == before + rest
    assert p.state.remaining == 0 and p.state.claims == 1
    [log] = tx.decode_logs(redpacket.Refunded)
    assert (log.id, log.creator, log.amount) == (p.id, creator.address, rest)
    assert paid + rest + redpacket.fees(cmdt) == 10 * TOKEN


def test_refund__native__returns_native(create_packet, creator, chain):
    p = create_packet(creator, None, TOKEN // 100, shares=2)
    rest = p.state.remaining
    chain.pending_timestamp += DAY
    before = creator.balance
    tx = p.refund()
    assert creator.balance == before + rest - tx.total_fees_paid


def test_refund__before_expiry__reverts(create_packet, creator, cmdt):
    p = create_packet(creator, cmdt, TOKEN)
    with ape.reverts("red_packet: not expired"):
        p.refund()


def test_refund__by_non_creator__reverts(create_packet, creator, cmdt, front_runner, chain):
    p = create_packet(creator, cmdt, TOKEN)
    chain.pending_timestamp += DAY
    with ape.reverts("red_packet: no such packet of the caller"):
        p.refund(sender=front_runner)


def test_refund__twice__reverts(create_packet, creator, cmdt, chain):
    p = create_packet(creator, cmdt, TOKEN)
    chain.pending_timestamp += DAY
    p.refund()
    with ape.reverts("red_packet: nothing to refund"):
        p.refund()


def test_refund__fully_claimed__nothing_to_refund(create_packet, creator, cmdt, claimer, chain):
    p = create_packet(creator, cmdt, TOKEN, shares=1)
    p.claim(claimer)
    chain.pending_timestamp += DAY
    with ape.reverts("red_packet: nothing to refund"):
        p.refund()


def test_refund__then_claim__expired(create_packet, creator, cmdt, claimer, chain):
    p = create_packet(creator, cmdt, TOKEN)
    chain.pending_timestamp += DAY
    p.refund()
    with ape.reverts("red_packet: expired"):
        p.claim(claimer)

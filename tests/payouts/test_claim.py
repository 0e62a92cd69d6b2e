"""RedPacket.claim and claim_in_channel: passwords, splits, channels, one claim each, expiry."""

import ape

from fivefold.payouts import merkle
from fivefold.payouts import model as payouts
from tests.tests_support import isolated

from .conftest import DAY, NO_SIG, TOKEN


def test_claim__password_packet__pays_first_share(redpacket, create_packet, creator, claimer, cmdt):
    p = create_packet(creator, cmdt, 50 * TOKEN, shares=5)
    net = p.state.remaining
    tx = p.claim(claimer)
    assert cmdt.balanceOf(claimer) == net // 5
    assert redpacket.claimed_amount(p.id, claimer) == net // 5
    assert (p.state.claims, p.state.remaining) == (1, net - net // 5)
    [log] = tx.decode_logs(redpacket.Claimed)
    assert (log.id, log.claimer, log.amount) == (p.id, claimer.address, net // 5)


def test_claim__native_packet__pays_native_coin(create_packet, creator, claimer):
    p = create_packet(creator, None, TOKEN // 100, shares=2)
    net = p.state.remaining
    before = claimer.balance
    tx = p.claim(claimer)
    assert claimer.balance == before + net // 2 - tx.total_fees_paid


def test_claim__even_split__last_claimer_takes_remainder(create_packet, creator, cmdt, accounts):
    p = create_packet(creator, cmdt, 10 * TOKEN + 7, shares=3)
    net = p.state.remaining
    paid = [p.claim(a).return_value for a in accounts[3:6]]
    assert paid == payouts.shares(net, 3, 0, False)
    assert sum(paid) == net and p.state.remaining == 0


def test_claim__random_split__matches_mirror_and_sums_to_net(create_packet, creator, cmdt, accounts):
    p = create_packet(creator, cmdt, 50 * TOKEN, shares=5, random=True)
    state = p.state
    expected = payouts.shares(state.remaining, 5, state.seed, True)
    paid = [p.claim(a).return_value for a in accounts[3:8]]
    assert paid == expected
    assert sum(paid) == state.remaining and min(paid) >= 1


def test_claim__random_split_tiny_amount__every_share_at_least_one_wei(
    redpacket, create_packet, creator, cmdt, accounts, owner
):
    redpacket.set_fee_rates(0, 0, 0, sender=owner)
    p = create_packet(creator, cmdt, 5, shares=5, random=True)
    assert [p.claim(a).return_value for a in accounts[3:8]] == [1] * 5


def test_claim__retry_after_revert__same_amount_for_same_index(
    create_packet, creator, cmdt, claimer, other_claimer, chain
):
    """The k-th claim's amount depends on the packet alone: reverting and retrying (in the same
    block or later, by the same or another claimer) cannot change it."""
    p = create_packet(creator, cmdt, 50 * TOKEN, shares=4, random=True)
    with isolated(chain):
        first = p.claim(claimer).return_value
    with isolated(chain):
        chain.mine(7, deltatime=600)
        assert p.claim(claimer).return_value == first
    assert p.claim(other_claimer).return_value == first
    assert redpacket_next(p) == payouts.shares(p.state.remaining + first, 4, p.state.seed, True)[1]


def redpacket_next(p):
    return p.rp.next_share(p.id)


def test_claim__public_packet__no_signature_needed(create_packet, creator, cmdt, claimer):
    p = create_packet(creator, cmdt, TOKEN, shares=1, password=None)
    assert p.claim(claimer, signature=NO_SIG).return_value == p.rp.claimed_amount(p.id, claimer)


def test_claim__twice__reverts(create_packet, creator, cmdt, claimer):
    p = create_packet(creator, cmdt, TOKEN)
    p.claim(claimer)
    with ape.reverts("red_packet: already claimed"):
        p.claim(claimer)


def test_claim__copied_by_front_runner__reverts(create_packet, creator, cmdt, claimer, front_runner):
    """A pending claim's signature binds the claimer: replaying it from another address fails."""
    p = create_packet(creator, cmdt, TOKEN)
    with ape.reverts("red_packet: bad password signature"):
        p.claim(front_runner, signature=p.signature(claimer))
    p.claim(claimer)


def test_claim__wrong_password__reverts(redpacket, create_packet, creator, cmdt, claimer, chain):
    p = create_packet(creator, cmdt, TOKEN, password="right")
    wrong = payouts.password_key(
        "wrong", creator.address, p.salt, chain.chain_id, redpacket.address, rounds=10
    )
    r, vs = payouts.sign_claim(wrong.key, chain.chain_id, redpacket.address, p.id, claimer.address)
    with ape.reverts("red_packet: bad password signature"):
        p.claim(claimer, signature=(r, vs))


def test_claim__signature_for_other_chain__reverts(redpacket, create_packet, creator, cmdt, claimer):
    p = create_packet(creator, cmdt, TOKEN)
    r, vs = payouts.sign_claim(
        p.key.key, 56 if p.chain_id != 56 else 1, redpacket.address, p.id, claimer.address
    )
    with ape.reverts("red_packet: bad password signature"):
        p.claim(claimer, signature=(r, vs))


def test_claim__naming_wrong_signer__no_such_packet(redpacket, create_packet, creator, cmdt, claimer):
    p = create_packet(creator, cmdt, TOKEN)
    with ape.reverts("red_packet: no such packet"):
        redpacket.claim(creator, claimer, cmdt, p.salt, *p.signature(claimer), sender=claimer)


def test_claim__after_expiry__reverts(create_packet, creator, cmdt, claimer, chain):
    p = create_packet(creator, cmdt, TOKEN, duration=DAY)
    chain.pending_timestamp += DAY
    with ape.reverts("red_packet: expired"):
        p.claim(claimer)


def test_claim__all_shares_taken__reverts(create_packet, creator, cmdt, claimer, other_claimer):
    p = create_packet(creator, cmdt, TOKEN, shares=1)
    p.claim(claimer)
    with ape.reverts("red_packet: no shares left"):
        p.claim(other_claimer)


def test_claim__channel_packet_without_proof__reverts(create_packet, creator, cmdt, claimer):
    tree = merkle.channel_tree([claimer.address])
    p = create_packet(creator, cmdt, TOKEN, root=tree.root_int)
    with ape.reverts("red_packet: channel packet needs a proof"):
        p.claim(claimer)


def test_claim_in_channel__member__claims(
    redpacket, create_packet, creator, cmdt, claimer, other_claimer, operator
):
    members = [claimer.address, other_claimer.address, operator.address]
    tree = merkle.channel_tree(members)
    p = create_packet(creator, cmdt, TOKEN, shares=2, root=tree.root_int)
    assert p.state.channel and redpacket.channel_root(p.id) == tree.root_int
    assert p.claim_in_channel(other_claimer, merkle.ints(tree.proof(1))).return_value > 0


def test_claim_in_channel__non_member__reverts(create_packet, creator, cmdt, claimer, front_runner):
    tree = merkle.channel_tree([claimer.address, creator.address])
    p = create_packet(creator, cmdt, TOKEN, root=tree.root_int)
    with ape.reverts("red_packet: not a channel member"):
        p.claim_in_channel(front_runner, merkle.ints(tree.proof(0)))


def test_claim_in_channel__not_a_channel_packet__reverts(create_packet, creator, cmdt, claimer):
    p = create_packet(creator, cmdt, TOKEN)
    with ape.reverts("red_packet: not a channel packet"):
        p.claim_in_channel(claimer, [])


def test_claim_in_channel__public_channel_packet__proof_is_enough(
    create_packet, creator, cmdt, claimer, other_claimer
):
    tree = merkle.channel_tree([claimer.address, other_claimer.address])
    p = create_packet(creator, cmdt, TOKEN, password=None, root=tree.root_int)
    p.claim_in_channel(claimer, merkle.ints(tree.proof(0)), signature=NO_SIG)


def test_next_share__no_packet__zero(redpacket):
    assert redpacket.next_share(b"\1" * 32) == 0
    assert redpacket.packet(b"\1" * 32).shares == 0

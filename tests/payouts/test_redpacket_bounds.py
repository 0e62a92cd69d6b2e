"""RedPacket at exactly its bounds, and every packed field read back: each limit is inclusive, and
fields that share a storage word never bleed into each other (odd values set each field's lowest
bit, the one a neighbour one bit off would overwrite)."""

import ape

from tests.tests_support import write_slot_holding

from .conftest import DAY, LONGEST_HEARTBEAT, NATIVE


def test_create__largest_amount_most_shares_longest_and_shortest_duration__accepted(
    redpacket, create_packet, creator, usdt
):
    """2**128 - 1 units in 65,535 shares for 365 days, and a packet of one minute: all accepted,
    and the packet reads back every field."""
    usdt.faucet(creator, 2**128 - 1, sender=creator)
    big = create_packet(creator, usdt, 2**128 - 1, shares=65_535, duration=365 * DAY)
    packet = big.state
    assert (packet.claims, packet.shares) == (0, 65_535)
    assert packet.remaining == 2**128 - 1 - redpacket.fees(usdt)
    assert packet.expiry == big.tx.timestamp + 365 * DAY
    short = create_packet(creator, None, 10**15, shares=1, duration=60)
    assert short.state.expiry == short.tx.timestamp + 60


def test_create__largest_channel_root__accepted_and_no_channel_without_a_root(
    redpacket, create_packet, creator, cmdt
):
    """The channel root may be any 160-bit node, 2**160 - 1 included; a packet without one logs
    no channel."""
    channel = create_packet(creator, cmdt, 10**18, root=2**160 - 1)
    assert redpacket.channel_root(channel.id) == 2**160 - 1 and channel.state.channel
    open_ = create_packet(creator, cmdt, 10**18)
    assert open_.tx.decode_logs(redpacket.ChannelSet) == []
    assert redpacket.channel_root(open_.id) == 0 and not open_.state.channel


def test_create__fee_of_one_unit__kept_for_the_treasury(redpacket, create_packet, creator, usdt):
    """A fee that rounds up to one unit is still booked (0.02% of 10 USDT units rounds up to 1)."""
    before = redpacket.fees(usdt)
    assert redpacket.quote_fee(usdt, 10) == 1
    create_packet(creator, usdt, 10, shares=1)
    assert redpacket.fees(usdt) == before + 1


def test_set_fee_rates__odd_rates__each_reads_back(redpacket, owner):
    """Three 16-bit rates share a word: odd values read back exactly."""
    redpacket.set_fee_rates(201, 301, 303, sender=owner)
    assert tuple(redpacket.fee_rates()) == (201, 301, 303)


def test_set_price_feed__odd_heartbeat_and_feed_decimals__config_reads_back(
    redpacket, make_feed, owner, usdt
):
    """A feed of 7 decimals with a heartbeat of 3,601 s: the token's decimals, the feed's, the
    heartbeat and the supported flag all read back as set."""
    feed = make_feed(1 * 10**7, decimals=7)
    redpacket.set_price_feed(usdt, feed, 3_601, sender=owner)
    config = redpacket.asset_config(usdt)
    assert (config.feed, config.token_decimals, config.feed_decimals) == (feed.address, 6, 7)
    assert (config.supported, config.heartbeat) == (True, 3_601)


def test_set_price_feed__feed_removed__defaults_and_the_highest_rate(redpacket, owner, usdt):
    """Without a feed an asset keeps 18 and 0 as its cached decimals, and pays the highest rate."""
    redpacket.set_price_feed(usdt, NATIVE, 0, sender=owner)
    config = redpacket.asset_config(usdt)
    assert (config.feed, config.token_decimals, config.feed_decimals, config.heartbeat) == (NATIVE, 18, 0, 0)
    assert redpacket.quote_fee(usdt, 10_000) == 300


def test_set_price_feed__eighteen_feed_decimals_accepted_nineteen_refused(redpacket, make_feed, owner, usdt):
    redpacket.set_price_feed(usdt, make_feed(1 * 10**18, decimals=18), LONGEST_HEARTBEAT, sender=owner)
    assert redpacket.asset_config(usdt).feed_decimals == 18
    with ape.reverts("red_packet: too many feed decimals"):
        redpacket.set_price_feed(usdt, make_feed(1 * 10**19, decimals=19), LONGEST_HEARTBEAT, sender=owner)


def test_set_price_feed__thirty_six_token_decimals_accepted_thirty_seven_refused(
    project, redpacket, make_feed, owner, chain
):
    """A token may report up to 36 decimals (the fee's price arithmetic stays in range); one that
    reports 37 is refused. No mock reports more than 18: the test token's decimals are written in its
    storage, and read back through `decimals()` before each call."""
    token = project.MockQuirkyToken.deploy(0, sender=owner)
    feed = make_feed(1 * 10**8)
    write_slot_holding(chain, token, token.decimals, 36)
    assert token.decimals() == 36
    redpacket.set_price_feed(token, feed, LONGEST_HEARTBEAT, sender=owner)
    assert redpacket.asset_config(token).token_decimals == 36
    write_slot_holding(chain, token, token.decimals, 37)
    assert token.decimals() == 37
    with ape.reverts("red_packet: too many token decimals"):
        redpacket.set_price_feed(token, feed, LONGEST_HEARTBEAT, sender=owner)


def test_create__feed_answer_at_the_price_cap__accepted_one_more_refused(
    redpacket, make_feed, owner, create_packet, creator, usdt
):
    """An answer of 2**128 - 1 is the largest price a fee is computed from (one USDT is then worth
    far above USD 500: the top rate, 3%, on all of it); one more is refused."""
    redpacket.set_price_feed(usdt, make_feed(2**128 - 1), LONGEST_HEARTBEAT, sender=owner)
    assert redpacket.quote_fee(usdt, 10**6) == 30_000
    redpacket.set_price_feed(usdt, make_feed(2**128), LONGEST_HEARTBEAT, sender=owner)
    with ape.reverts("red_packet: price too large"):
        create_packet(creator, usdt, 10**6)


def test_next_share__every_share_claimed__zero(create_packet, creator, cmdt, accounts):
    """Once the last share is claimed nothing is next."""
    packet = create_packet(creator, cmdt, 10**18, shares=2)
    for account in accounts[3:5]:
        packet.claim(account)
    assert (packet.state.claims, packet.state.shares) == (2, 2)
    assert packet.rp.next_share(packet.id) == 0


def test_next_share__one_unit_left_for_the_last_share__one(create_packet, creator, cmdt, accounts):
    """Three units less a one-unit fee, in two even shares: the first claim takes 1, and the one
    unit left is what the last share pays."""
    packet = create_packet(creator, cmdt, 3, shares=2, password=None)
    assert packet.state.remaining == 2
    packet.claim(accounts[3])
    assert packet.state.remaining == 1
    assert packet.rp.next_share(packet.id) == 1

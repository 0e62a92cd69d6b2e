"""RedPacket fees: SPEC 6.4's USD brackets, valuation with per-asset feeds, caps and setters."""

import ape
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fivefold.payouts import model as payouts
from tests.tests_support import isolated

from .conftest import DAY, LONGEST_HEARTBEAT, NATIVE, NO_FEE_LIMIT, TOKEN, USD

CENT = 10**16  # USD 0.01 of CMDT at USD 1.00


@pytest.mark.parametrize(
    "usd, fee_cents",
    [
        (1, 2),  # 2% of USD 1
        (100, 200),  # 2% of the first USD 100
        (101, 203),  # + 3% of USD 1
        (500, 1_400),  # USD 2 + 3% of USD 400
        (501, 1_403),  # + the governance rate (default 3%) of USD 1
        (10_000, 29_900),  # USD 14 + 3% of USD 9,500
    ],
)
def test_quote_fee__cmdt_value__brackets(redpacket, cmdt, usd, fee_cents):
    """CMDT at USD 1.00: each rate applies to its bracket of the deposit only."""
    assert redpacket.quote_fee(cmdt, usd * TOKEN) == fee_cents * CENT


def test_quote_fee__just_above_100_usd__only_the_excess_at_mid_rate(redpacket, cmdt):
    assert redpacket.quote_fee(cmdt, 100 * TOKEN + 1) == 200 * CENT + 1  # 3% of one unit, rounded up


def test_create__deposit_just_above_100_usd__packet_not_smaller(create_packet, creator, cmdt):
    """The review's finding: with bands, USD 100.01 left a smaller packet (3% of everything) than
    USD 100 (2%). With brackets the extra cent pays 3% of itself and the packet grows."""
    at_100 = create_packet(creator, cmdt, 100 * TOKEN, shares=1).state.remaining
    above = create_packet(creator, cmdt, 100 * TOKEN + CENT, shares=1).state.remaining
    assert above > at_100
    assert above - at_100 == CENT - CENT * 3 // 100


def test_quote_fee__governance_rate_above_500_usd__applies_to_the_excess(redpacket, cmdt, owner):
    redpacket.set_fee_rates(200, 300, 150, sender=owner)
    assert redpacket.quote_fee(cmdt, 500 * TOKEN) == 1_400 * CENT
    assert redpacket.quote_fee(cmdt, 1_500 * TOKEN) == 1_400 * CENT + 1_000 * TOKEN * 150 // 10_000


def test_quote_fee__six_decimal_usdt__valued_with_its_decimals(redpacket, usdt):
    assert redpacket.quote_fee(usdt, 100 * 10**6) == 2 * 10**6
    assert redpacket.quote_fee(usdt, 100 * 10**6 + 1) == 2 * 10**6 + 1
    assert redpacket.quote_fee(usdt, 600 * 10**6) == (2 + 12 + 3) * 10**6
    assert redpacket.asset_config(usdt)[1:] == (6, 8, True, LONGEST_HEARTBEAT)


def test_quote_fee__native_coin_at_2000_usd__brackets_by_value(redpacket):
    assert redpacket.quote_fee(NATIVE, TOKEN // 20) == TOKEN // 20 * 2 // 100  # USD 100: 2%
    assert (
        redpacket.quote_fee(NATIVE, TOKEN)
        == TOKEN // 20 * 2 // 100 + TOKEN // 5 * 3 // 100 + (TOKEN - TOKEN // 4) * 3 // 100
    )  # USD 2,000: 2% of 100, 3% of 400, 3% of 1,500


def test_quote_fee__asset_without_feed__highest_rate_on_everything(project, redpacket, owner, deployer):
    other = project.MockQuirkyToken.deploy(1, sender=deployer)
    redpacket.set_fee_rates(200, 300, 450, sender=owner)
    assert redpacket.quote_fee(other, TOKEN) == payouts.fee(TOKEN, 450)


def test_quote_fee__one_wei__rounds_up(redpacket, cmdt):
    assert redpacket.quote_fee(cmdt, 1) == 1


def test_quote_fee__mirror__matches_contract(redpacket, cmdt):
    for amount in (1, 999, 10**17 + 3, 123 * TOKEN + 7, 777 * TOKEN):
        assert redpacket.quote_fee(cmdt, amount) == payouts.packet_fee((200, 300, 300), amount, USD, 18, 8)


@settings(max_examples=max(10, settings().max_examples // 2))
@given(
    rates=st.tuples(*[st.integers(0, 1_000)] * 3),
    price=st.integers(1, 10**14),
    amount=st.integers(1, 10**24),
    step=st.integers(1, 10**22),
)
def test_quote_fee__random_amounts_and_rates__packet_never_shrinks(
    redpacket, owner, cmdt, make_feed, rates, price, amount, step
):
    """Property: for any rates (each within the cap), price and deposit, depositing more never
    leaves a smaller packet, one unit more or many; the contract agrees with the mirror."""
    with isolated(ape.chain):
        redpacket.set_fee_rates(*rates, sender=owner)
        redpacket.set_price_feed(cmdt, make_feed(price), DAY, sender=owner)
        limits = [k * 10**26 // price for k in (100, 500)]  # the bracket edges, where a band jumped
        for a in [amount, *limits]:
            if a == 0:
                continue
            fees = [redpacket.quote_fee(cmdt, x) for x in (a, a + 1, a + step)]
            assert fees == [payouts.packet_fee(rates, x, price, 18, 8) for x in (a, a + 1, a + step)]
            assert a - fees[0] <= a + 1 - fees[1] <= a + step - fees[2]


@settings(max_examples=2_000)
@given(
    rates=st.tuples(*[st.integers(0, 1_000)] * 3),
    price=st.integers(1, 2**128 - 1),
    decimals=st.tuples(st.integers(0, 36), st.integers(0, 18)),
    amount=st.integers(1, 2**128 - 2),
    step=st.integers(1, 2**100),
)
def test_packet_fee__random_inputs__net_is_monotonic(rates, price, decimals, amount, step):
    """The same property on the mirror over the whole input range (no chain: thousands of cases)."""
    a2 = min(amount + step, 2**128 - 1)
    for x, y in ((amount, amount + 1), (amount, a2)):
        assert x - payouts.packet_fee(rates, x, price, *decimals) <= y - payouts.packet_fee(
            rates, y, price, *decimals
        )


def test_set_fee_rates__above_cap__reverts(redpacket, owner):
    with ape.reverts("red_packet: fee rate above cap"):
        redpacket.set_fee_rates(200, 300, 1_001, sender=owner)


def test_set_fee_rates__non_owner__reverts(redpacket, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        redpacket.set_fee_rates(200, 300, 400, sender=non_owner)


def test_set_fee_rates__owner__updates_and_logs(redpacket, owner):
    tx = redpacket.set_fee_rates(100, 250, 400, sender=owner)
    assert redpacket.fee_rates() == (100, 250, 400)
    assert tx.decode_logs(redpacket.FeeRatesSet)[0].high_bps == 400


def test_deploy__defaults__spec_rates(project, deployer, owner):
    rp = project.RedPacket.deploy(owner, sender=deployer)
    assert rp.fee_rates() == (200, 300, 300)
    assert rp.owner() == owner


def test_set_price_feed__not_a_contract__reverts(redpacket, owner, cmdt, stranger):
    with ape.reverts("feed_reader: feed has no code"):
        redpacket.set_price_feed(cmdt, stranger, DAY, sender=owner)


def test_set_price_feed__removed__unpriced_rate(redpacket, owner, cmdt):
    redpacket.set_price_feed(cmdt, NATIVE, 0, sender=owner)
    assert redpacket.asset_config(cmdt)[0] == NATIVE and redpacket.asset_config(cmdt)[4] == 0
    assert redpacket.quote_fee(cmdt, TOKEN) == payouts.fee(TOKEN, 300)  # the highest rate, on everything


def test_set_price_feed__non_owner__reverts(redpacket, non_owner, cmdt):
    with ape.reverts("ownable: caller is not the owner"):
        redpacket.set_price_feed(cmdt, NATIVE, 0, sender=non_owner)


def test_set_asset_supported__non_owner__reverts(redpacket, non_owner, cmdt):
    with ape.reverts("ownable: caller is not the owner"):
        redpacket.set_asset_supported(cmdt, False, sender=non_owner)


def test_set_asset_supported__back_on__keeps_feed(redpacket, owner, cmdt):
    feed = redpacket.asset_config(cmdt)[0]
    redpacket.set_asset_supported(cmdt, False, sender=owner)
    redpacket.set_asset_supported(cmdt, True, sender=owner)
    assert redpacket.asset_config(cmdt) == (feed, 18, 8, True, LONGEST_HEARTBEAT)


def test_set_treasury__zero__reverts(redpacket, owner):
    with ape.reverts("red_packet: zero treasury"):
        redpacket.set_treasury(NATIVE, sender=owner)


def test_set_treasury__non_owner__reverts(redpacket, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        redpacket.set_treasury(non_owner, sender=non_owner)


def test_deploy__zero_owner__reverts(project, deployer):
    with ape.reverts("red_packet: zero owner"):
        project.RedPacket.deploy(NATIVE, sender=deployer)


# Heartbeats: each asset's feed has its own ------------------------------------------------------


def _create_with_feed_aged(project, redpacket, owner, creator, chain, heartbeat, age, token=None, salt=0):
    """Sets a fresh feed with `heartbeat` for the asset, answers at T, creates at exactly T + age."""
    feed = project.LocalPriceFeed.deploy(8, "X / USD", owner, sender=owner)
    asset = token.address if token else NATIVE
    redpacket.set_price_feed(asset, feed, heartbeat, sender=owner)
    amount = TOKEN // 100 if token is None else 10 * 10**6
    if token is not None:
        token.approve(redpacket, amount, sender=creator)
    answered = chain.pending_timestamp
    chain.pending_timestamp = answered  # pinned: the answer's block and time are the same
    feed.set_answer(2_000 * USD if token is None else USD, answered, sender=owner)
    chain.pending_timestamp = answered + age
    return redpacket.create(
        asset,
        amount,
        NO_FEE_LIMIT,
        1,
        False,
        DAY,
        NATIVE,
        salt,
        0,
        value=0 if token else amount,
        sender=creator,
    )


def feed_time(redpacket):
    from ape import project

    return project.LocalPriceFeed.at(redpacket.asset_config(NATIVE)[0]).latestRoundData()[3]


@pytest.mark.parametrize("heartbeat", [3_600, DAY])
@pytest.mark.parametrize("late, accepted", [(0, True), (1, True), ("margin", True), ("margin+1", False)])
def test_create__feed_age_around_its_heartbeat__accepted_within_the_margin(
    project, redpacket, owner, creator, chain, heartbeat, late, accepted
):
    """An answer exactly `heartbeat` old, 1 s later and up to the 10% margin is accepted; one
    second beyond the margin is stale. Each asset is judged by its own heartbeat."""
    margin = heartbeat // 10
    age = heartbeat + {"margin": margin, "margin+1": margin + 1}.get(late, late)
    if accepted:
        tx = _create_with_feed_aged(project, redpacket, owner, creator, chain, heartbeat, age)
        assert tx.timestamp - chain.blocks[-2].timestamp == age == tx.timestamp - feed_time(redpacket)
    else:
        with ape.reverts("feed_reader: stale price"):
            _create_with_feed_aged(project, redpacket, owner, creator, chain, heartbeat, age)


def test_create__daily_stablecoin_feed_a_day_and_a_second_old__accepted(
    project, redpacket, owner, creator, chain, usdt
):
    """The review's finding: with one 3,600 s limit for every feed, a stablecoin feed that updates
    once a day refused packets most of the day. Its own heartbeat (86,400 s) admits it."""
    tx = _create_with_feed_aged(project, redpacket, owner, creator, chain, DAY, DAY + 1, token=usdt)
    assert tx.decode_logs(redpacket.PacketCreated)[0].amount == 10 * 10**6 - 2 * 10**5
    with ape.reverts("feed_reader: stale price"):
        _create_with_feed_aged(project, redpacket, owner, creator, chain, 3_600, DAY + 1, token=usdt, salt=1)


@pytest.mark.parametrize("heartbeat", [0, 59, 7 * DAY + 1])
def test_set_price_feed__heartbeat_out_of_bounds__reverts(project, redpacket, owner, cmdt, heartbeat):
    feed = project.LocalPriceFeed.deploy(8, "X / USD", owner, sender=owner)
    with ape.reverts("feed_reader: heartbeat out of bounds"):
        redpacket.set_price_feed(cmdt, feed, heartbeat, sender=owner)


def test_set_price_feed__heartbeat_without_feed__reverts(redpacket, owner, cmdt):
    with ape.reverts("red_packet: heartbeat without a feed"):
        redpacket.set_price_feed(cmdt, NATIVE, DAY, sender=owner)


def test_set_price_feed__owner__stores_and_logs_the_heartbeat(project, redpacket, owner, usdt):
    feed = project.LocalPriceFeed.deploy(8, "USDT / USD", owner, sender=owner)
    tx = redpacket.set_price_feed(usdt, feed, DAY, sender=owner)
    assert redpacket.asset_config(usdt) == (feed.address, 6, 8, True, DAY)
    [log] = tx.decode_logs(redpacket.PriceFeedSet)
    assert (log.asset, log.feed, log.token_decimals, log.feed_decimals, log.heartbeat) == (
        usdt.address,
        feed.address,
        6,
        8,
        DAY,
    )

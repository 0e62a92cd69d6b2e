"""RedPacket fees: SPEC 6.4's USD bands, valuation with per-asset feeds, caps and setters."""

import ape
import pytest

from fivefold.payouts import model as payouts

from .conftest import NATIVE, TOKEN, USD


@pytest.mark.parametrize(
    "usd, bps",
    [(1, 200), (100, 200), (101, 300), (500, 300), (501, 300), (10_000, 300)],
)
def test_quote_fee__cmdt_value_band__rate_of_band(redpacket, cmdt, usd, bps):
    # CMDT at USD 1.00; the default governance rate above USD 500 is 3%.
    assert redpacket.quote_fee(cmdt, usd * TOKEN) == payouts.fee(usd * TOKEN, bps)


def test_quote_fee__just_above_100_usd__mid_band(redpacket, cmdt):
    assert redpacket.quote_fee(cmdt, 100 * TOKEN + 1) == payouts.fee(100 * TOKEN + 1, 300)


def test_quote_fee__governance_rate_above_500_usd__applies(redpacket, cmdt, owner):
    redpacket.set_fee_rates(200, 300, 150, sender=owner)
    assert redpacket.quote_fee(cmdt, 500 * TOKEN) == payouts.fee(500 * TOKEN, 300)
    assert redpacket.quote_fee(cmdt, 500 * TOKEN + 1) == payouts.fee(500 * TOKEN + 1, 150)


def test_quote_fee__six_decimal_usdt__valued_with_its_decimals(redpacket, usdt):
    assert redpacket.quote_fee(usdt, 100 * 10**6) == payouts.fee(100 * 10**6, 200)
    assert redpacket.quote_fee(usdt, 100 * 10**6 + 1) == payouts.fee(100 * 10**6 + 1, 300)
    assert redpacket.asset_config(usdt) == (redpacket.asset_config(usdt)[0], 6, 8, True)


def test_quote_fee__native_coin_at_2000_usd__bands_by_value(redpacket):
    assert redpacket.quote_fee(NATIVE, TOKEN // 20) == payouts.fee(TOKEN // 20, 200)  # USD 100
    assert redpacket.quote_fee(NATIVE, TOKEN // 20 + 1) == payouts.fee(TOKEN // 20 + 1, 300)


def test_quote_fee__asset_without_feed__highest_rate(project, redpacket, owner, deployer):
    other = project.FeeOnTransferToken.deploy(sender=deployer)
    redpacket.set_fee_rates(200, 300, 450, sender=owner)
    assert redpacket.quote_fee(other, TOKEN) == payouts.fee(TOKEN, 450)


def test_quote_fee__one_wei__rounds_up(redpacket, cmdt):
    assert redpacket.quote_fee(cmdt, 1) == 1


def test_quote_fee__mirror__matches_contract(redpacket, cmdt):
    for amount in (1, 999, 10**17 + 3, 123 * TOKEN + 7, 777 * TOKEN):
        bps = payouts.fee_bps((200, 300, 300), amount, USD, 18, 8)
        assert redpacket.quote_fee(cmdt, amount) == payouts.fee(amount, bps)


def test_set_fee_rates__above_cap__reverts(redpacket, owner):
    with ape.reverts("redpacket: fee rate above cap"):
        redpacket.set_fee_rates(200, 300, 1_001, sender=owner)


def test_set_fee_rates__non_owner__reverts(redpacket, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        redpacket.set_fee_rates(200, 300, 400, sender=non_owner)


def test_set_fee_rates__owner__updates_and_logs(redpacket, owner):
    tx = redpacket.set_fee_rates(100, 250, 400, sender=owner)
    assert redpacket.fee_rates()[:3] == (100, 250, 400)
    assert tx.decode_logs(redpacket.FeeRatesSet)[0].high_bps == 400


@pytest.mark.parametrize("age", [59, 7 * 86_400 + 1])
def test_set_max_price_age__out_of_bounds__reverts(redpacket, owner, age):
    with ape.reverts("redpacket: bad price age"):
        redpacket.set_max_price_age(age, sender=owner)


def test_set_max_price_age__owner__keeps_rates(redpacket, owner):
    redpacket.set_max_price_age(600, sender=owner)
    assert redpacket.fee_rates() == (200, 300, 300, 600)


def test_deploy__defaults__spec_rates_and_one_hour_price_age(project, deployer, owner):
    rp = project.RedPacket.deploy(owner, sender=deployer)
    assert rp.fee_rates() == (200, 300, 300, 3_600)
    assert rp.owner() == owner


def test_set_price_feed__not_a_contract__reverts(redpacket, owner, cmdt, stranger):
    with ape.reverts("redpacket: feed is not a contract"):
        redpacket.set_price_feed(cmdt, stranger, sender=owner)


def test_set_price_feed__removed__unpriced_rate(redpacket, owner, cmdt):
    redpacket.set_price_feed(cmdt, NATIVE, sender=owner)
    assert redpacket.asset_config(cmdt)[0] == NATIVE
    assert redpacket.quote_fee(cmdt, TOKEN) == payouts.fee(TOKEN, 300)


def test_set_price_feed__non_owner__reverts(redpacket, non_owner, cmdt):
    with ape.reverts("ownable: caller is not the owner"):
        redpacket.set_price_feed(cmdt, NATIVE, sender=non_owner)


def test_set_asset_supported__non_owner__reverts(redpacket, non_owner, cmdt):
    with ape.reverts("ownable: caller is not the owner"):
        redpacket.set_asset_supported(cmdt, False, sender=non_owner)


def test_set_asset_supported__back_on__keeps_feed(redpacket, owner, cmdt):
    feed = redpacket.asset_config(cmdt)[0]
    redpacket.set_asset_supported(cmdt, False, sender=owner)
    redpacket.set_asset_supported(cmdt, True, sender=owner)
    assert redpacket.asset_config(cmdt) == (feed, 18, 8, True)


def test_set_treasury__zero__reverts(redpacket, owner):
    with ape.reverts("redpacket: zero treasury"):
        redpacket.set_treasury(NATIVE, sender=owner)


def test_set_treasury__non_owner__reverts(redpacket, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        redpacket.set_treasury(non_owner, sender=non_owner)


def test_deploy__zero_owner__reverts(project, deployer):
    with ape.reverts("redpacket: zero owner"):
        project.RedPacket.deploy(NATIVE, sender=deployer)

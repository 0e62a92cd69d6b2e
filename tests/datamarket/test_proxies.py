"""DataMarket's proxy registry: stake_proxy, leave_proxy, withdraw_stake, and the reputation views."""

import ape

from fivefold.datamarket import model

from .conftest import DELIVERY_WINDOW, MIN_STAKE, TOKEN


def test_stake_proxy__new_account__becomes_proxy(datamarket, datamarket_cpc, datamarket_seller):
    """Staking the minimum makes an account a proxy; the market holds the CPC."""
    before = datamarket_cpc.balanceOf(datamarket)
    assert not datamarket.is_proxy(datamarket_seller)
    datamarket.stake_proxy(MIN_STAKE - 1, sender=datamarket_seller)
    assert not datamarket.is_proxy(datamarket_seller)
    datamarket.stake_proxy(1, sender=datamarket_seller)
    assert datamarket.is_proxy(datamarket_seller)
    assert datamarket.proxy(datamarket_seller).stake == MIN_STAKE
    assert datamarket_cpc.balanceOf(datamarket) - before == MIN_STAKE


def test_stake_proxy__bad_amount__reverts(datamarket, datamarket_seller, datamarket_proxy):
    """Zero, a stake above 96 bits, or a leaving proxy's top-up are refused."""
    with ape.reverts("data_market: zero amount"):
        datamarket.stake_proxy(0, sender=datamarket_seller)
    with ape.reverts("data_market: amount too large"):
        datamarket.stake_proxy(2**96, sender=datamarket_seller)
    datamarket.leave_proxy(sender=datamarket_proxy)
    with ape.reverts("data_market: proxy is leaving"):
        datamarket.stake_proxy(1, sender=datamarket_proxy)
    with ape.reverts("data_market: proxy is leaving"):
        datamarket.leave_proxy(sender=datamarket_proxy)


def test_withdraw_stake__leaving_with_nothing_open__pays_stake(
    datamarket, datamarket_cpc, datamarket_list, datamarket_buyer, datamarket_proxy, non_owner, chain
):
    """A leaving proxy gets its CPC back once its last purchase ended; its record stays."""
    with ape.reverts("data_market: not a proxy"):
        datamarket.leave_proxy(sender=non_owner)
    with ape.reverts("data_market: proxy not leaving"):
        datamarket.withdraw_stake(sender=datamarket_proxy)
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    datamarket.leave_proxy(sender=datamarket_proxy)
    with ape.reverts("data_market: purchases still open"):
        datamarket.withdraw_stake(sender=datamarket_proxy)
    chain.pending_timestamp += DELIVERY_WINDOW
    datamarket.refund_undelivered(trade.id(datamarket_buyer), sender=non_owner)
    before = datamarket_cpc.balanceOf(datamarket_proxy)
    datamarket.withdraw_stake(sender=datamarket_proxy)
    assert datamarket_cpc.balanceOf(datamarket_proxy) - before == MIN_STAKE
    record = datamarket.proxy(datamarket_proxy)
    assert (record.stake, record.missed, record.leaving) == (0, 1, True)
    with ape.reverts("data_market: no stake"):
        datamarket.withdraw_stake(sender=datamarket_proxy)


def test_pr_score__deliveries_misses_and_lost__matches_model(
    datamarket, datamarket_list, datamarket_buyer, datamarket_seller, datamarket_proxy, non_owner, chain
):
    """Three handled purchases: two delivered (one key wrong, disputed), one missed: 100 * 1 / 3 = 33."""
    assert datamarket.pr_score(datamarket_proxy) == 0
    good, bad, late = datamarket_list(), datamarket_list(key=b"\x01" * 32), datamarket_list(price=TOKEN // 2)
    for trade in (good, bad, late):
        trade.buy(datamarket_buyer, datamarket_proxy)
    good.deliver(datamarket_buyer, datamarket_proxy)
    bad.deliver(datamarket_buyer, datamarket_proxy, key=b"\x02" * 32)
    bad.dispute(datamarket_buyer)
    chain.pending_timestamp += DELIVERY_WINDOW
    datamarket.refund_undelivered(late.id(datamarket_buyer), sender=non_owner)
    record = datamarket.proxy(datamarket_proxy)
    assert (record.deliveries, record.disputes_lost, record.missed) == (2, 1, 1)
    assert datamarket.pr_score(datamarket_proxy) == model.pr_score(2, 1, 1) == 33

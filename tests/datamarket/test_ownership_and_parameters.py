"""DataMarket's owner and parameter-registry functions: asset listing, the tunable numbers and their
bounds, two-step ownership, the pause, the constructor's checks."""

import ape
import pytest

from fivefold.datamarket import model
from tests import ownership_support as ownership

from .conftest import DAY, DEPOSIT_BPS, FEE_BPS, MIN_STAKE


def test_constructor__defaults__lists_native_and_cpc(datamarket, datamarket_cpc):
    """The native coin and CPC are listed at deployment; the numbers are the constructor's."""
    assert datamarket.is_listed(model.NATIVE) and datamarket.is_listed(datamarket_cpc)
    assert datamarket.cpc() == datamarket_cpc.address
    assert (datamarket.min_proxy_stake(), datamarket.proxy_fee_bps(), datamarket.min_deposit_bps()) == (
        MIN_STAKE,
        FEE_BPS,
        DEPOSIT_BPS,
    )
    assert (datamarket.delivery_window(), datamarket.dispute_window()) == (DAY, 3 * DAY)


def test_constructor__zero_addresses__revert(project, deployer, owner, datamarket_cpc):
    """A zero owner or CPC is refused."""
    with ape.reverts("data_market: zero owner"):
        project.DataMarket.deploy(model.NATIVE, datamarket_cpc, 0, 0, 0, DAY, DAY, sender=deployer)
    with ape.reverts("data_market: zero cpc"):
        project.DataMarket.deploy(owner, model.NATIVE, 0, 0, 0, DAY, DAY, sender=deployer)


def test_setters__owner__write_within_bounds(datamarket, owner):
    """The owner (before a registry is named) sets each number; out-of-bound values revert."""
    datamarket.set_min_proxy_stake(1, sender=owner)
    datamarket.set_proxy_fee_bps(model.MAX_FEE_BPS, sender=owner)
    datamarket.set_min_deposit_bps(model.MAX_DEPOSIT_BPS, sender=owner)
    datamarket.set_delivery_window(model.MIN_WINDOW, sender=owner)
    datamarket.set_dispute_window(model.MAX_WINDOW, sender=owner)
    assert (datamarket.min_proxy_stake(), datamarket.proxy_fee_bps(), datamarket.min_deposit_bps()) == (
        1,
        model.MAX_FEE_BPS,
        model.MAX_DEPOSIT_BPS,
    )
    assert (datamarket.delivery_window(), datamarket.dispute_window()) == (model.MIN_WINDOW, model.MAX_WINDOW)
    # each bound is inclusive at both ends, the largest proxy stake included
    for name, value in (
        ("min_proxy_stake", model.MAX_PROXY_STAKE),
        ("delivery_window", model.MAX_WINDOW),
        ("dispute_window", model.MIN_WINDOW),
    ):
        getattr(datamarket, f"set_{name}")(value, sender=owner)
        assert getattr(datamarket, name)() == value
    with ape.reverts("data_market: min proxy stake above cap"):
        datamarket.set_min_proxy_stake(model.MAX_PROXY_STAKE + 1, sender=owner)
    with ape.reverts("data_market: fee above cap"):
        datamarket.set_proxy_fee_bps(model.MAX_FEE_BPS + 1, sender=owner)
    with ape.reverts("data_market: deposit rate above cap"):
        datamarket.set_min_deposit_bps(model.MAX_DEPOSIT_BPS + 1, sender=owner)
    with ape.reverts("data_market: window out of bounds"):
        datamarket.set_delivery_window(model.MIN_WINDOW - 1, sender=owner)
    with ape.reverts("data_market: window out of bounds"):
        datamarket.set_dispute_window(model.MAX_WINDOW + 1, sender=owner)


@pytest.mark.parametrize(
    "setter,value",
    [
        ("set_min_proxy_stake", 1),
        ("set_proxy_fee_bps", 1),
        ("set_min_deposit_bps", 1),
        ("set_delivery_window", 7_200),
        ("set_dispute_window", 7_200),
    ],
)
def test_setters__non_owner_or_after_registry__revert(datamarket, owner, non_owner, project, setter, value):
    """Only the owner writes until a registry is named; from then on only the registry."""
    with ape.reverts("ownable: caller is not the owner"):
        getattr(datamarket, setter)(value, sender=non_owner)
    registry = project.ReentrantAttacker.deploy(sender=owner)  # any contract stands in for it
    datamarket.set_parameter_registry(registry, sender=owner)
    with ape.reverts("tunable: caller is not the parameter registry"):
        getattr(datamarket, setter)(value, sender=owner)


def test_set_asset_listed__owner_only__lists_and_delists(datamarket, owner, non_owner, datamarket_cpc):
    """The owner lists and delists; nobody else."""
    with ape.reverts("ownable: caller is not the owner"):
        datamarket.set_asset_listed(datamarket_cpc, False, sender=non_owner)
    datamarket.set_asset_listed(datamarket_cpc, False, sender=owner)
    assert not datamarket.is_listed(datamarket_cpc)


@pytest.fixture
def owned(datamarket):
    return datamarket


@pytest.fixture
def act(owned, datamarket_usdt):
    """An owner-only action: delisting USDT."""

    def delist(account):
        owned.set_asset_listed(datamarket_usdt, False, sender=account)
        assert not owned.is_listed(datamarket_usdt)

    return delist


class TestOwnership(ownership.TwoStepOwnership):
    """An ownerless DataMarket could never list or delist an asset again, so renouncing does not exist."""


def test_pause__guardian__stops_new_listings_only(
    datamarket, datamarket_list, owner, non_owner, datamarket_buyer, datamarket_proxy
):
    """The guardian pauses (a stranger cannot); a purchase paid before still delivers and settles."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    with ape.reverts("pausable: caller is not the owner or the guardian"):
        datamarket.pause(sender=non_owner)
    datamarket.set_guardian(non_owner, sender=owner)
    datamarket.pause(sender=non_owner)
    with ape.reverts("pausable: new deposits and creations are paused"):
        datamarket_list()
    trade.deliver(datamarket_buyer, datamarket_proxy)
    datamarket.confirm(trade.id(datamarket_buyer), sender=datamarket_buyer)
    assert trade.purchase(datamarket_buyer).state == model.STATE_SETTLED


def test_pause__stakes_stop_exits_stay_open(datamarket, owner, datamarket_proxy):
    """A pause refuses new proxy stakes; leaving stays open. Only the owner unpauses."""
    datamarket.pause(sender=owner)
    with ape.reverts("pausable: new deposits and creations are paused"):
        datamarket.stake_proxy(1, sender=datamarket_proxy)
    datamarket.leave_proxy(sender=datamarket_proxy)
    datamarket.withdraw_stake(sender=datamarket_proxy)
    datamarket.unpause(sender=owner)
    assert not datamarket.paused()

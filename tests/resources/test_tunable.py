"""ResourceMarket's tunable numbers: bounds, order of the curve, and only the writer (the owner until a
parameter registry is named, then the registry alone)."""

import ape
import pytest

from fivefold.resources import model
from tests.resources.conftest import HPC


def test_set_usage_tiers_and_rates__valid__stored_and_used(resources_market, owner):
    """A flatter curve is stored and `rate_at` follows it."""
    resources_market.set_usage_tiers(2_000, 8_000, sender=owner)
    resources_market.set_reward_rates(HPC, HPC // 2, HPC // 4, sender=owner)
    assert tuple(resources_market.reward_curve()) == (2_000, 8_000, HPC, HPC // 2, HPC // 4)
    assert [resources_market.rate_at(u) for u in (1_999, 2_000, 8_000, 8_001)] == [
        HPC,
        HPC // 2,
        HPC // 2,
        HPC // 4,
    ]


def test_reward_curve__defaults__reproduce_the_seed(resources_market):
    """The deployed curve is the model's: 0.2 HPC a unit under 30%, 0.1 up to 50%, 0.06 above."""
    assert tuple(resources_market.reward_curve()) == tuple(model.DEFAULT_CURVE.as_args())
    assert 10 * resources_market.rate_at(2_999) == 2 * HPC
    assert 50 * resources_market.rate_at(5_001) == 3 * HPC


@pytest.mark.parametrize(
    ("setter", "args", "reason"),
    [
        ("set_usage_tiers", (5_000, 5_000), "resource_market: usage tiers out of order"),
        ("set_usage_tiers", (3_000, 10_001), "resource_market: usage tiers out of order"),
        ("set_reward_rates", (10 * HPC + 1, 2, 1), "resource_market: rate above the limit"),
        ("set_reward_rates", (1, 2, 1), "resource_market: rates rise with usage"),
        ("set_reward_rates", (3, 2, 4), "resource_market: rates rise with usage"),
    ],
)
def test_reward_curve_setters__out_of_bounds__revert(resources_market, owner, setter, args, reason):
    """Tiers in order within 100%, rates bounded and never rising with usage."""
    with ape.reverts(reason):
        getattr(resources_market, setter)(*args, sender=owner)


@pytest.mark.parametrize(
    ("setter", "value", "reason"),
    [
        ("set_quorum", 0, "resource_market: quorum out of bounds"),
        ("set_quorum", 17, "resource_market: quorum out of bounds"),
        ("set_slash_bps", 5_001, "resource_market: slash above the limit"),
        ("set_report_window", 3_599, "resource_market: report window out of bounds"),
        ("set_report_window", 7 * 86_400 + 1, "resource_market: report window out of bounds"),
        ("set_stake_per_unit", 1_000 * HPC + 1, "resource_market: stake per unit above the limit"),
    ],
)
def test_setters__out_of_bounds__revert(resources_market, owner, setter, value, reason):
    """Each tunable number is bounded by the contract itself."""
    with ape.reverts(reason):
        getattr(resources_market, setter)(value, sender=owner)


def test_setters__within_bounds__stored(resources_market, owner):
    """Quorum, slash share, report window and stake per unit at their bounds."""
    resources_market.set_quorum(16, sender=owner)
    resources_market.set_slash_bps(5_000, sender=owner)
    resources_market.set_report_window(3_600, sender=owner)
    resources_market.set_stake_per_unit(0, sender=owner)
    assert (
        resources_market.quorum(),
        resources_market.slash_bps(),
        resources_market.report_window(),
        resources_market.stake_per_unit(),
    ) == (16, 5_000, 3_600, 0)


def test_set_quorum__non_owner__reverts(resources_market, resources_provider):
    """Before a registry is named only the owner writes."""
    with ape.reverts("ownable: caller is not the owner"):
        resources_market.set_quorum(1, sender=resources_provider)


def test_set_quorum__owner_after_registry_named__reverts(resources_market, resources_registry, owner):
    """Once the HPC DAO's registry is named, it alone writes (here any contract stands for it)."""
    resources_market.set_parameter_registry(resources_registry, sender=owner)
    with ape.reverts("tunable: caller is not the parameter registry"):
        resources_market.set_quorum(1, sender=owner)


def test_constructor__zero_addresses__revert(project, owner, resources_hpc, resources_registry):
    """Token, registry and owner are required."""
    zero = "0x" + "00" * 20
    for args, reason in (
        ((zero, resources_registry, owner), "resource_market: zero token"),
        ((resources_hpc, zero, owner), "resource_market: zero registry"),
        ((resources_hpc, resources_registry, zero), "resource_market: zero owner"),
    ):
        with ape.reverts(reason):
            project.ResourceMarket.deploy(*args, "HPC Resource Market", "1", sender=owner)


def test_setters__each_bound_at_its_value__accepted_and_read_back(resources_market, owner):
    """The bounds are inclusive and published: a curve up to 100% usage with every rate at 10 HPC
    (equal rates allowed), a slash of 50%, report windows of an hour and of seven days, a quorum of
    16 and a stake of 1,000 HPC per unit are all accepted."""
    m = resources_market
    assert (m.MAX_RATE(), m.MAX_STAKE_PER_UNIT(), m.MAX_SLASH_BPS()) == (10 * HPC, 1_000 * HPC, 5_000)
    assert (m.MIN_REPORT_WINDOW(), m.MAX_REPORT_WINDOW(), m.MAX_AHEAD()) == (3_600, 7 * 86_400, 30)
    m.set_usage_tiers(9_999, 10_000, sender=owner)
    m.set_reward_rates(10 * HPC, 10 * HPC, 10 * HPC, sender=owner)
    assert tuple(m.reward_curve()) == (9_999, 10_000, 10 * HPC, 10 * HPC, 10 * HPC)
    m.set_slash_bps(5_000, sender=owner)
    m.set_quorum(16, sender=owner)
    m.set_stake_per_unit(1_000 * HPC, sender=owner)
    assert (m.slash_bps(), m.quorum(), m.stake_per_unit()) == (5_000, 16, 1_000 * HPC)
    for seconds in (3_600, 7 * 86_400):
        m.set_report_window(seconds, sender=owner)
        assert m.report_window() == seconds

"""KinkRateModel: the suite's one rate model; with the kink at 100% it is SPEC's linear model."""

import ape
import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD, YEAR


@pytest.mark.parametrize("cash,borrows", [(0, 0), (100, 0), (0, 100), (600 * WAD, 400 * WAD), (1, 3)])
def test_borrow_rate__kink_at_100_percent__is_linear(system, cash, borrows):
    """The linear configuration (kink 100%) computes base + U x slope at every utilization, 100% included."""
    model = system.linear
    linear = lending.DEFAULT_BASE_RATE + lending.utilization(cash, borrows) * lending.DEFAULT_SLOPE // WAD
    assert model.utilization(cash, borrows) == lending.utilization(cash, borrows)
    assert model.borrow_rate_per_year(cash, borrows) == lending.linear_rate_per_year(cash, borrows) == linear
    assert model.borrow_rate(cash, borrows) == linear // YEAR
    assert (model.kink(), model.jump_slope()) == (WAD, 0)


@pytest.mark.parametrize("cash,borrows", [(100, 0), (500, 500), (200, 800), (100, 900), (0, 100)])
def test_borrow_rate__kink_at_80_percent__matches_mirror(system, cash, borrows):
    """Below the kink the first slope, above it the jump slope, each rounded down as in the mirror."""
    model = system.kink
    assert model.borrow_rate_per_year(cash, borrows) == lending.kink_rate_per_year(cash, borrows)
    assert model.borrow_rate(cash, borrows) == lending.kink_rate_per_year(cash, borrows) // YEAR
    assert (model.kink(), model.jump_slope()) == (lending.DEFAULT_KINK, lending.DEFAULT_JUMP_SLOPE)


def test_constructor__defaults__are_spec_figures(system):
    """SPEC (CloudChat 4.4): 2.5% base, 20% slope, for both configurations."""
    for model in (system.linear, system.kink):
        assert (model.base_rate(), model.slope()) == (25 * 10**15, 2 * 10**17)


def test_constructor__bounds__revert(project, deployer):
    """kink in (0, 100%], base at most 100%, each slope at most 1000%; the edges are accepted."""
    with ape.reverts("kink_rate_model: kink out of bounds"):
        project.KinkRateModel.deploy(0, 0, WAD + 1, 0, sender=deployer)
    with ape.reverts("kink_rate_model: kink out of bounds"):
        project.KinkRateModel.deploy(0, 0, 0, 0, sender=deployer)
    with ape.reverts("kink_rate_model: slope too high"):
        project.KinkRateModel.deploy(0, 0, WAD // 2, 10 * WAD + 1, sender=deployer)
    with ape.reverts("kink_rate_model: slope too high"):
        project.KinkRateModel.deploy(0, 10 * WAD + 1, WAD, 0, sender=deployer)
    with ape.reverts("kink_rate_model: base rate too high"):
        project.KinkRateModel.deploy(WAD + 1, 0, WAD // 2, 0, sender=deployer)
    edge = project.KinkRateModel.deploy(WAD, 10 * WAD, WAD, 10 * WAD, sender=deployer)
    assert edge.borrow_rate_per_year(0, 1) == 11 * WAD  # U = 100% = kink: the jump never applies

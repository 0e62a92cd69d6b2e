import ape
import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD, YEAR


@pytest.mark.parametrize("cash,borrows", [(0, 0), (100, 0), (0, 100), (600 * WAD, 400 * WAD), (1, 3)])
def test_linear__formula__matches_mirror(system, cash, borrows):
    model = system.linear
    assert model.utilization(cash, borrows) == lending.utilization(cash, borrows)
    assert model.borrow_rate_per_year(cash, borrows) == lending.linear_rate_per_year(cash, borrows)
    assert model.borrow_rate(cash, borrows) == lending.linear_rate_per_year(cash, borrows) // YEAR


@pytest.mark.parametrize("cash,borrows", [(100, 0), (500, 500), (200, 800), (100, 900), (0, 100)])
def test_kink__formula__matches_mirror(system, cash, borrows):
    model = system.kink
    assert model.borrow_rate_per_year(cash, borrows) == lending.kink_rate_per_year(cash, borrows)
    assert model.borrow_rate(cash, borrows) == lending.kink_rate_per_year(cash, borrows) // YEAR
    assert (model.kink(), model.jump_slope()) == (lending.DEFAULT_KINK, lending.DEFAULT_JUMP_SLOPE)


def test_linear__defaults__are_spec_figures(system):
    assert system.linear.base_rate() == 25 * 10**15
    assert system.linear.slope() == 2 * 10**17


def test_linear__bounds__revert(project, deployer):
    with ape.reverts("rates: base rate too high"):
        project.LinearRateModel.deploy(WAD + 1, 0, sender=deployer)
    with ape.reverts("rates: slope too high"):
        project.LinearRateModel.deploy(0, 10 * WAD + 1, sender=deployer)


def test_kink__bounds__revert(project, deployer):
    with ape.reverts("rates: kink out of bounds"):
        project.KinkRateModel.deploy(0, 0, WAD, 0, sender=deployer)
    with ape.reverts("rates: kink out of bounds"):
        project.KinkRateModel.deploy(0, 0, 0, 0, sender=deployer)
    with ape.reverts("rates: slope too high"):
        project.KinkRateModel.deploy(0, 0, WAD // 2, 10 * WAD + 1, sender=deployer)
    with ape.reverts("rates: base rate too high"):
        project.KinkRateModel.deploy(WAD + 1, 0, WAD // 2, 0, sender=deployer)

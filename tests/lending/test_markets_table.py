"""`ape run markets` helpers: finding the controller, and the rows of a live system."""

import json

import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD

ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3"


def test_controller_address__from_dict_or_manifest(tmp_path):
    assert lending.controller_address(1, {"LendingController": ADDRESS}) == ADDRESS
    assert lending.controller_address(1, {"LendingController": {"address": ADDRESS}}) == ADDRESS
    (tmp_path / "56.json").write_text(json.dumps({"contracts": {"LendingController": {"address": ADDRESS}}}))
    assert lending.controller_address(56, deployments_dir=str(tmp_path)) == ADDRESS
    with pytest.raises(FileNotFoundError):
        lending.controller_address(137, deployments_dir=str(tmp_path))


def test_market_rows__live_market__rates_match_mirror(
    project, controller, usd_market, supplier, borrower, supply, position
):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 10_000 * WAD}, ("USD6", 5_000 * 10**6))
    rows = {r.symbol: r for r in lending.market_rows(controller, project)}
    assert set(rows) == {"slipCC", "slipCMDT", "slipUSD6", "slipWNAT"}
    usd = rows["slipUSD6"]
    assert usd.utilization == lending.utilization(usd.cash, usd.borrows)
    assert (
        usd.borrow_apr
        == lending.per_second(lending.linear_rate_per_year(usd.cash, usd.borrows)) * lending.YEAR
    )
    assert usd.supply_apr == lending.supply_rate_per_year(
        usd.borrow_apr, usd.utilization, lending.RESERVE_FACTOR
    )
    assert usd.collateral_factor == 80 * 10**16 and usd.decimals == 6
    assert rows["slipCMDT"].utilization == 0

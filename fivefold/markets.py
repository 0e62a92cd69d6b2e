"""`ape run markets`: the lending markets of the connected chain as a table that fits 80 columns,
and with `--plot`, each market's borrow and supply APR over utilization with the current point."""

from __future__ import annotations

from fivefold import deployment, manifest, ui
from fivefold.lending import model as lending
from fivefold.units import WAD


def controller_address(chain) -> str:
    """The LendingController of the connected chain's manifest; DeploymentError naming the fix."""
    record = manifest.load(chain.chain_id)["contracts"].get("LendingController")
    if not record:
        raise deployment.DeploymentError(
            f"no lending markets on chain {chain.chain_id}: {manifest.describe(chain.chain_id)} has no "
            f"LendingController; {deployment.nothing_deployed_hint(chain)} (or pass --controller)"
        )
    return record["address"]


def _pct(x: int) -> str:
    return f"{100 * x / WAD:.2f}%"


def _amount(x: int, decimals: int) -> str:
    """Compact amounts (1.23M) so the table fits 80 columns."""
    return ui.compact(x / 10**decimals)


def table(rows: list[lending.MarketRow]):
    """Market, size, utilization, APR/APY pairs and collateral factor, in 80 columns."""
    from rich.table import Table

    t = Table(title="Lending markets", title_justify="left", header_style="bold", padding=(0, 1))
    for column in (
        "market",
        "supplied",
        "borrowed",
        "util.",
        "borrow\nAPR/APY",
        "supply\nAPR/APY",
        "coll.\nfactor",
    ):
        t.add_column(column, justify="left" if column == "market" else "right", no_wrap=True)
    for r in rows:
        t.add_row(
            r.symbol.removeprefix("slip"),
            _amount(r.cash + r.borrows - r.reserves, r.decimals),
            _amount(r.borrows, r.decimals),
            _pct(r.utilization),
            f"{_pct(r.borrow_apr)}\n{_pct(r.borrow_apy)}",
            f"{_pct(r.supply_apr)}\n{_pct(r.supply_apy)}",
            _pct(r.collateral_factor),
        )
    return t


def curves(project, rows: list[lending.MarketRow]) -> list[dict]:
    """Per market, its rate model's curve and the current point (for plots.markets)."""
    from fivefold import plots

    out = []
    for r in rows:
        market = project.Market.at(r.market)
        model = project.KinkRateModel.at(market.rate_model())
        u, b, s = plots.rate_curve(model, market.reserve_factor())
        out.append(
            {
                "symbol": r.symbol.removeprefix("slip"),
                "u": u,
                "borrow": b,
                "supply": s,
                "now": (100 * r.utilization / WAD, 100 * r.borrow_apr / WAD, 100 * r.supply_apr / WAD),
            }
        )
    return out


def run(provider, controller: str | None = None, plot=None) -> None:
    from ape import chain, project

    address = controller or controller_address(chain)
    rows = lending.market_rows(project.Controller.at(address), project)
    if not rows:
        ui.console.print(f"no market listed by the Controller at {address}")
        return
    ui.console.print(table(rows))
    if plot:
        from fivefold import plots

        ui.console.print(f"picture: {plots.markets(plot, curves(project, rows))}")

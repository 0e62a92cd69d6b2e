"""`ape run sale status`: the connected chain's TokenSale rounds as a table: each round's name, price
(USD per CC), CC sold of its cap, soft cap, what it raised per asset and its phase. Fits 80 columns."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fivefold import deployment, ui
from fivefold.sale import flow
from fivefold.sale import model as sale_model
from fivefold.units import WAD

# Short names where the model's keys are long (80 columns).
LABELS = {"public_whitelist": "public wl"}


@dataclass(frozen=True)
class RoundRow:
    """One round as the table shows it."""

    name: str
    price: int  # USD per CC, WAD
    sold: int
    cap: int
    soft_cap: int
    raised: str  # per asset, compact
    phase: str


def context(provider):
    """The connected chain's configuration and deployed contracts (no account needed: it only reads)."""
    return deployment.read_context(provider, "TokenSale", lives="it lives on CC's home chain")


def _amount(x: int, decimals: int = 18) -> str:
    return ui.compact(x / 10**decimals, small="{:,.4g}")


def rows(ctx) -> list[RoundRow]:
    sale = ctx["TokenSale"]
    names = {i: LABELS.get(n, n) for n, i in flow.round_ids(ctx).items()}
    assets = flow.accepted_assets(ctx)
    out = []
    for rid in range(sale.round_count()):
        r = sale.round(rid)
        raised = []
        for label, (asset, _) in assets.items():
            amount = sale.raised(rid, asset)
            if amount:
                decimals = 18 if label == "native" else ctx.project.MockStablecoin.at(asset).decimals()
                raised.append(f"{_amount(amount, decimals)} {label}")
        out.append(
            RoundRow(
                names.get(rid, f"round {rid}"),
                r.price,
                r.sold,
                r.cap,
                r.soft_cap,
                ", ".join(raised) or "-",
                sale_model.PHASES[sale.phase(rid)],
            )
        )
    return out


def table(rows_: list[RoundRow]):
    from rich.table import Table

    t = Table(title="CC sale rounds (TokenSale)", title_justify="left", header_style="bold")
    for column in ("round", "USD/CC", "sold/cap", "soft cap", "raised", "phase"):
        t.add_column(column, justify="right" if column in ("USD/CC", "sold/cap", "soft cap") else "left")
    for r in rows_:
        t.add_row(
            r.name,
            f"{Decimal(r.price) / WAD:f}",
            f"{_amount(r.sold)}/{_amount(r.cap)}",
            _amount(r.soft_cap),
            r.raised,
            r.phase,
        )
    return t


def run(provider) -> None:
    ctx = context(provider)
    found = rows(ctx)
    if not found:
        ui.console.print(f"no round added to the TokenSale at {ctx.address('TokenSale')} yet")
        return
    ui.console.print(table(found))

"""`ape run datamarket listings`: the connected chain's PDash listings as a table: each listing's
seller, asset, price, deposit, sales, open purchases and status, read from DataMarket's `listing(id)`
for ids 1 .. listing_count (a read-only loop off-chain: the contract never loops). Amounts in whole
units of the asset (its decimals). Fits 80 columns."""

from __future__ import annotations

from dataclasses import dataclass

from fivefold import deployment, ui
from fivefold.datamarket import model

NATIVE_SYMBOLS = {1: "ETH", 56: "BNB", 66: "OKT", 137: "MATIC"}


@dataclass(frozen=True)
class ListingRow:
    """One listing as the table shows it (amounts in the asset's smallest unit)."""

    id: int
    seller: str
    asset: str  # a symbol, or a shortened address
    decimals: int
    price: int
    deposit: int
    sales: int
    open: int
    status: str


def context(provider):
    """The connected chain's configuration and deployed contracts (no account needed: it only reads)."""
    return deployment.read_context(provider, "DataMarket", lives="it lives where CPC is at home")


def _short(address: str) -> str:
    return f"{address[:6]}…{address[-4:]}"


def _symbols(ctx) -> dict[str, str]:
    """Asset address -> symbol for the assets the suite knows on this chain."""
    from fivefold.payouts import flow as payouts_flow

    out = {address.lower(): symbol for symbol, address in payouts_flow.asset_addresses(ctx).items()}
    if "CPC" in ctx.contracts:
        out[ctx.address("CPC").lower()] = "CPC"
    out[model.NATIVE] = NATIVE_SYMBOLS.get(ctx.chain_id, "native")
    return out


def rows(ctx) -> list[ListingRow]:
    """Every listing of the chain's DataMarket, oldest first."""
    market = ctx["DataMarket"]
    symbols, decimals, out = _symbols(ctx), {model.NATIVE: 18}, []
    for lid in range(1, int(market.listing_count()) + 1):
        item = market.listing(lid)
        asset = item.asset.lower()
        if asset not in decimals:
            decimals[asset] = int(ctx.project.CappedToken.at(item.asset).decimals())
        out.append(
            ListingRow(
                lid,
                _short(item.seller),
                symbols.get(asset, _short(item.asset)),
                decimals[asset],
                item.price,
                item.deposit,
                item.sales,
                item.open_purchases,
                model.LISTING_STATUS[item.status],
            )
        )
    return out


def _amount(x: int, decimals: int) -> str:
    return ui.compact(x / 10**decimals, small="{:,.4g}")


def table(rows_: list[ListingRow], chain_id: int):
    from rich.table import Table

    t = Table(title=f"PDash listings on chain {chain_id}", title_justify="left", header_style="bold")
    for column in ("id", "seller", "asset", "price", "deposit", "sales", "open", "status"):
        t.add_column(
            column, justify="left" if column in ("seller", "asset", "status") else "right", no_wrap=True
        )
    for r in rows_:
        t.add_row(
            str(r.id),
            r.seller,
            r.asset,
            _amount(r.price, r.decimals),
            _amount(r.deposit, r.decimals),
            f"{r.sales:,}",
            f"{r.open:,}",
            r.status,
        )
    return t


def run(provider) -> None:
    ctx = context(provider)
    found = rows(ctx)
    if not found:
        ui.console.print(f"no item listed in the DataMarket at {ctx.address('DataMarket')} yet")
        return
    ui.console.print(table(found, ctx.chain_id))

"""`ape run ads campaigns`: the connected chain's ad campaigns as a table: each campaign's asset,
reward, budget, interactions, paid, left and phase (from its timestamps), read from AdCampaigns'
`campaign(id)` for ids 1 .. campaign_count (a read-only loop off-chain: the contract never loops).
Amounts in whole units of the asset (its decimals). Fits 80 columns."""

from __future__ import annotations

from dataclasses import dataclass

from fivefold import deployment, ui
from fivefold.ads import model

NATIVE_SYMBOLS = {1: "ETH", 56: "BNB", 66: "OKT", 137: "MATIC"}


@dataclass(frozen=True)
class CampaignRow:
    """One campaign as the table shows it (amounts in the asset's smallest unit)."""

    id: int
    asset: str  # a symbol, or a shortened address
    decimals: int
    reward: int
    budget: int
    interactions: int
    paid: int
    left: int
    phase: str


def context(provider):
    """The connected chain's configuration and deployed contracts (no account needed: it only reads)."""
    return deployment.read_context(provider, "AdCampaigns")


def _symbols(ctx) -> dict[str, str]:
    """Asset address -> symbol for the assets the suite knows on this chain."""
    from fivefold.payouts import flow as payouts_flow

    out = {address.lower(): symbol for symbol, address in payouts_flow.asset_addresses(ctx).items()}
    out[model.NATIVE] = NATIVE_SYMBOLS.get(ctx.chain_id, "native")
    return out


def rows(ctx) -> list[CampaignRow]:
    """Every campaign of the chain's AdCampaigns, oldest first."""
    ads = ctx["AdCampaigns"]
    symbols, decimals, out = _symbols(ctx), {model.NATIVE: 18}, []
    for cid in range(1, int(ads.campaign_count()) + 1):
        c = ads.campaign(cid)
        asset = c.asset.lower()
        if asset not in decimals:
            decimals[asset] = int(ctx.project.CappedToken.at(c.asset).decimals())
        symbol = symbols.get(asset, f"{c.asset[:6]}…{c.asset[-4:]}")
        paid = c.interactions * c.reward
        out.append(
            CampaignRow(
                cid,
                symbol,
                decimals[asset],
                c.reward,
                c.budget,
                c.interactions,
                paid,
                c.left,
                model.PHASES[c.phase],
            )
        )
    return out


def _amount(x: int, decimals: int) -> str:
    return ui.compact(x / 10**decimals, small="{:,.4g}")


def table(rows_: list[CampaignRow], chain_id: int):
    from rich.table import Table

    t = Table(title=f"Ad campaigns on chain {chain_id}", title_justify="left", header_style="bold")
    for column in ("id", "asset", "reward", "budget", "interactions", "paid", "left", "phase"):
        t.add_column(column, justify="left" if column in ("asset", "phase") else "right", no_wrap=True)
    for r in rows_:
        t.add_row(
            str(r.id),
            r.asset,
            _amount(r.reward, r.decimals),
            _amount(r.budget, r.decimals),
            f"{r.interactions:,}",
            _amount(r.paid, r.decimals),
            _amount(r.left, r.decimals),
            r.phase,
        )
    return t


def run(provider) -> None:
    ctx = context(provider)
    found = rows(ctx)
    if not found:
        ui.console.print(f"no campaign created in the AdCampaigns at {ctx.address('AdCampaigns')} yet")
        return
    ui.console.print(table(found, ctx.chain_id))

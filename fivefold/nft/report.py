"""`ape run nft`: the MToken vaults of the connected chain's VaultFactory as a table: each vault's
MToken, its lots (sold of deposited), and the MToken's price in CC on the chain's DEX, read from the
MToken/CC pool's reserves (fivefold/nft/dex.py). Fits 80 columns."""

from __future__ import annotations

from dataclasses import dataclass

from fivefold import deployment, manifest, ui
from fivefold.nft import dex
from fivefold.nft.model_vault import PHASE_SOLD
from fivefold.units import WAD


@dataclass(frozen=True)
class VaultRow:
    """One vault as the table shows it."""

    address: str
    symbol: str
    supply: int
    lots: int
    sold: int
    price: int  # CC per MToken, scaled by 1e18 (0: no pool)
    pooled: int  # MToken in the pool


def context(provider):
    """The connected chain's configuration and deployed contracts (no account needed: it only reads)."""
    return deployment.read_context(provider, "VaultFactory")


def vaults(ctx) -> list[str]:
    """Every vault the factory created, oldest first (its VaultCreated logs since its deployment)."""
    factory = ctx["VaultFactory"]
    record = manifest.load(ctx.chain_id)["contracts"]["VaultFactory"]
    start = record.get("block") or 0
    head = ctx.chain.blocks.head.number
    return [log.vault for log in factory.VaultCreated.range(start, head + 1)]


def rows(ctx, addresses: list[str]) -> list[VaultRow]:
    """Each vault's MToken, lots and price in CC on the chain's DEX."""
    d, cc = dex.Dex.of(ctx), ctx["CC"]
    out = []
    for address in addresses:
        vault = ctx.project.MTokenVault.at(address)
        lots = vault.lot_count()
        sold = sum(1 for slot in range(lots) if vault.phase(slot) == PHASE_SOLD)
        pooled, _ = dex.reserves(d, vault, cc)
        price = dex.price(d, vault, cc)
        out.append(VaultRow(address, vault.symbol(), vault.totalSupply(), lots, sold, price, pooled))
    return out


def _amount(x: int) -> str:
    return ui.compact(x / WAD, small="{:,.4g}")


def table(rows_: list[VaultRow], dex_name: str):
    from rich.table import Table

    t = Table(title=f"MToken vaults (prices on {dex_name})", title_justify="left", header_style="bold")
    for column in ("vault", "MToken", "supply", "lots sold", "CC per MToken", "MToken pooled"):
        t.add_column(column, justify="left" if column in ("vault", "MToken") else "right", no_wrap=True)
    for r in rows_:
        t.add_row(
            f"{r.address[:6]}…{r.address[-4:]}",
            r.symbol or "(not issued)",
            _amount(r.supply),
            f"{r.sold}/{r.lots}",
            _amount(r.price) if r.price else "no pool",
            _amount(r.pooled) if r.pooled else "-",
        )
    return t


def run(provider) -> None:
    ctx = context(provider)
    found = vaults(ctx)
    if not found:
        ui.console.print(f"no vault created by the VaultFactory at {ctx.address('VaultFactory')} yet")
        return
    ui.console.print(table(rows(ctx, found), dex.Dex.of(ctx).name))

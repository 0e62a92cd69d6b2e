"""`ape run resources status`: the HPC resource market on the connected chain (HPC's home), as three
tables that fit 80 columns: the market (period, budget, escrow, stakes, the reward curve), each kind's
registered capacity, usage in the current and next period and the reward rate that usage earns, and
the top providers by HPC earned. "Top" is read off-chain from the market's PeriodServed events (the
contract keeps no list of providers and loops over none)."""

from __future__ import annotations

from collections import defaultdict

from fivefold import deployment, manifest, ui
from fivefold.resources import model

TOP = 5


def context(provider):
    """The connected chain's configuration and deployed contracts (read only, no account)."""
    return deployment.read_context(
        provider, "ResourceMarket", "resource market",
        "it lives where HPC is at home: deploy/suite.yaml tokens.HPC.home",
    )


def _hpc(amount: int) -> str:
    return ui.compact(amount / model.HPC, small="{:,.4g}") + " HPC"


def _short(address: str) -> str:
    return f"{address[:6]}…{address[-4:]}"


def market_rows(market) -> list[tuple[str, str]]:
    curve = market.reward_curve()
    return [
        ("period", f"{market.current_period()} (1 day each)"),
        ("reward budget", _hpc(market.reward_budget())),
        ("escrowed by orders", _hpc(market.total_escrow())),
        ("provider stakes", _hpc(market.total_stakes())),
        ("owed, unclaimed", _hpc(market.total_owed())),
        (
            "reward per unit",
            f"<{curve.low_usage_bps / 100:g}%: {_hpc(curve.low_rate)}; "
            f"≤{curve.high_usage_bps / 100:g}%: {_hpc(curve.mid_rate)}; "
            f">{curve.high_usage_bps / 100:g}%: {_hpc(curve.high_rate)}",
        ),
        ("report quorum", f"{market.quorum()} authenticators"),
        ("faulty period slash", f"{market.slash_bps() / 100:g}% of the stake"),
    ]


def kind_rows(market) -> list[tuple[str, ...]]:
    """Per kind: capacity, usage now and next period, the rate the next period's usage earns."""
    now = market.current_period()
    out = []
    for kind, name in enumerate(model.KINDS):
        usage_now, usage_next = market.usage_bps(kind, now), market.usage_bps(kind, now + 1)
        out.append(
            (
                name,
                f"{market.capacity_of(kind):,}",
                f"{usage_now / 100:.2f}%",
                f"{usage_next / 100:.2f}%",
                _hpc(market.rate_at(usage_next)),
            )
        )
    return out


def top_providers(ctx, limit: int = TOP) -> list[tuple[str, int, int, int]]:
    """(provider, periods served, payments, rewards) of the providers that earned most, from the
    market's PeriodServed logs since its deployment."""
    market = ctx["ResourceMarket"]
    record = manifest.load(ctx.chain_id)["contracts"]["ResourceMarket"]
    start = record.get("block") or 0
    head = ctx.chain.blocks.head.number
    earned: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for log in market.PeriodServed.range(start, head + 1):
        # `log.provider` would be Ape's provider: the event field is read by name.
        row = earned[log.event_arguments["provider"]]
        row[0] += 1
        row[1] += log.payment
        row[2] += log.reward
    ranked = sorted(earned.items(), key=lambda item: item[1][1] + item[1][2], reverse=True)
    return [(provider, *values) for provider, values in ranked[:limit]]


def _print(title: str, columns: list[str] | None, rows) -> None:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_header=columns is not None)
    for i, column in enumerate(columns or ["", ""]):
        table.add_column(column, justify="left" if i == 0 else "right", no_wrap=True)
    for row in rows:
        table.add_row(*row)
    ui.console.print(table)


def run(provider) -> None:
    ctx = context(provider)
    market = ctx["ResourceMarket"]
    _print(f"HPC resource market on chain {ctx.chain_id}", None, market_rows(market))
    _print(
        "Usage per kind",
        ["kind", "capacity", "usage now", "next period", "reward/unit"],
        kind_rows(market),
    )
    top = top_providers(ctx)
    rows = [(_short(p), f"{n:,}", _hpc(paid), _hpc(reward)) for p, n, paid, reward in top]
    if not rows:
        rows = [("(no period served yet)", "", "", "")]
    _print(f"Top providers (by HPC earned, {TOP} at most)", ["provider", "periods", "paid", "reward"], rows)

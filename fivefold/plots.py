"""Pictures for people who would rather look than read (`--plot <file.png>`).

  timeline(...)  CC unlock per allocation; CPC team lock and maintenance rewards; HPC and CARTY
                 emission over their eras. From the Python mirrors (fivefold.vesting.model,
                 fivefold.emission.model), which tests hold equal to the contracts' views.
  markets(...)   each lending market's borrow and supply APR over utilization, from its rate model
                 contract, with the market's current point marked.

matplotlib is pinned in requirements.txt; the Agg backend needs no display.
"""

from __future__ import annotations

from pathlib import Path

from fivefold.units import DAY, MONTH, WAD, YEAR

# One colour per series, readable in grey too (matplotlib's "tab10" order).
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")


class PlotError(Exception):
    """A picture could not be drawn; the message says why."""


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise PlotError(
            "matplotlib is not installed: run `make setup` (it is pinned in requirements.txt)"
        ) from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig, path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise PlotError(f"--plot {path}: name a .png, .svg or .pdf file")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110, bbox_inches="tight")
    return path


def _millions(wei: int) -> float:
    return wei / WAD / 1e6


# --- the schedules


def timeline_series(cc_rows: dict[str, int], cpc_team: int, months: int = 60, step: int = DAY):
    """The curves `timeline` draws, in millions of tokens over months since TGE (start 0):
    {"x": [...], "cc": {allocation: [...]}, "cpc_team": [...], "cpc_maintenance": [...]}."""
    from fivefold.emission import model as emission
    from fivefold.vesting import model as vesting

    ts = list(range(0, months * MONTH + 1, step))
    out = {"x": [t / MONTH for t in ts], "cc": {}, "cpc_team": [], "cpc_maintenance": []}
    for plan, amount in cc_rows.items():
        out["cc"][plan] = [_millions(vesting.vested_amount(vesting.PLANS[plan], amount, 0, t)) for t in ts]
    # t = 0 is TGE; the contracts treat a zero start as "not started", so the mirrors start at 1 s
    out["cpc_team"] = [
        _millions(vesting.vested_amount(vesting.PLANS["cpc.team"], cpc_team, 1, t + 1)) for t in ts
    ]
    out["cpc_maintenance"] = [_millions(emission.maintenance_accrued(1, t + 1)) for t in ts]
    return out


def emission_series(years: int = 40, step: int = 30 * DAY):
    """Cumulative HPC and CARTY emission, % of cap, over `years` since each emitter's start."""
    from fivefold.emission import model as emission

    ts = list(range(0, years * YEAR + 1, step))
    return {
        "x": [t / YEAR for t in ts],
        **{
            s: [100 * emission.emitted_at(p, 1, t + 1) / p.cap for t in ts]
            for s, p in emission.HALVINGS.items()
        },
    }


def timeline(path: Path, cc_rows: dict[str, int], cpc_team: int, marks: list[tuple[str, int]] = ()) -> Path:
    """Three panels: CC unlocked per allocation (stacked), CPC team lock and maintenance rewards,
    HPC and CARTY emitted over their eras. `marks`: (label, seconds after TGE) drawn as guides."""
    from fivefold.emission import model as emission

    plt = _pyplot()
    series = timeline_series(cc_rows, cpc_team)
    em = emission_series()
    fig, (ax1, ax2, ax3) = plt.subplots(3, 1, figsize=(10, 13))

    labels = [p.removeprefix("cc.").replace("_", " ") for p in series["cc"]]
    ax1.stackplot(
        series["x"],
        *series["cc"].values(),
        labels=labels,
        colors=COLOURS[: len(labels)],
        alpha=0.85,
        step="post",
    )
    ax1.set_title("CC unlocked from CCVesting, per allocation (stacked)")
    ax1.set_xlabel("months after TGE")
    ax1.set_ylabel("million CC")
    ax1.set_xlim(0, series["x"][-1])
    ax1.legend(loc="upper left", fontsize=8, ncols=2)
    for label, offset in marks:
        if offset <= series["x"][-1] * MONTH:
            ax1.axvline(offset / MONTH, color="grey", lw=0.6, ls=":")
            ax1.annotate(
                label,
                (offset / MONTH, 0),
                rotation=90,
                fontsize=7,
                color="grey",
                xytext=(2, 4),
                textcoords="offset points",
            )

    ax2.step(
        series["x"],
        series["cpc_team"],
        where="post",
        color=COLOURS[3],
        label="CPC team lock (CPCVesting: 25% a year from year 1)",
    )
    ax2.plot(
        series["x"],
        series["cpc_maintenance"],
        color=COLOURS[4],
        label="CPC maintenance rewards (Table 1, five years)",
    )
    for year in range(1, 6):
        ax2.axvline(year * YEAR / MONTH, color="grey", lw=0.5, ls=":")
    ax2.set_title("CPC: team lock and maintenance rewards")
    ax2.set_xlabel("months after TGE")
    ax2.set_ylabel("million CPC")
    ax2.set_xlim(0, series["x"][-1])
    ax2.legend(loc="upper left", fontsize=8)

    for i, (symbol, params) in enumerate(emission.HALVINGS.items()):
        ax3.plot(
            em["x"],
            em[symbol],
            color=COLOURS[i],
            label=f"{symbol}: {params.cap // WAD:,} cap, "
            f"era {params.era_length / YEAR:.2f} years, halving {params.n_eras} times",
        )
        for era in range(1, 11):
            ax3.axvline(era * params.era_length / YEAR, color=COLOURS[i], lw=0.4, ls=":")
    ax3.set_title("HPC and CARTY emission over their eras (dotted: era boundaries)")
    ax3.set_xlabel("years after emission start")
    ax3.set_ylabel("% of cap emitted")
    ax3.set_xlim(0, em["x"][-1])
    ax3.set_ylim(0, 101)
    ax3.legend(loc="lower right", fontsize=8)

    fig.tight_layout()
    try:
        return _save(fig, path)
    finally:
        plt.close(fig)


# --- the markets


def rate_curve(
    rate_model, reserve_factor: int, points: int = 41
) -> tuple[list[float], list[float], list[float]]:
    """(utilization %, borrow APR %, supply APR %) from the rate model contract's own `borrow_rate`
    (per second, as the market stores it) at `points` utilizations from 0 to 100%."""
    us, borrow, supply = [], [], []
    for i in range(points):
        u = WAD * i // (points - 1)
        rate = rate_model.borrow_rate(WAD - u, u) * YEAR
        us.append(100 * u / WAD)
        borrow.append(100 * rate / WAD)
        supply.append(100 * (rate * u // WAD) * (WAD - reserve_factor) // WAD / WAD)
    return us, borrow, supply


def markets(path: Path, curves: list[dict]) -> Path:
    """One panel per market: borrow and supply APR over utilization, the current point marked.
    `curves`: [{"symbol", "u", "borrow", "supply", "now": (u %, borrow %, supply %)}]."""
    if not curves:
        raise PlotError("no lending market to draw")
    plt = _pyplot()
    cols = 2 if len(curves) > 1 else 1
    rows = -(-len(curves) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(6 * cols, 3.6 * rows), squeeze=False)
    for ax, c in zip([a for row in axes for a in row], curves, strict=False):
        ax.plot(c["u"], c["borrow"], color=COLOURS[3], label="borrow APR")
        ax.plot(c["u"], c["supply"], color=COLOURS[2], label="supply APR")
        u, b, s = c["now"]
        ax.plot([u], [b], "o", color=COLOURS[3])
        ax.plot([u], [s], "o", color=COLOURS[2])
        ax.axvline(u, color="grey", lw=0.6, ls=":")
        ax.annotate(
            f"now: U {u:.1f}%\nborrow {b:.2f}%, supply {s:.2f}%",
            (u, b),
            fontsize=8,
            xytext=(6, 6),
            textcoords="offset points",
        )
        ax.set_title(c["symbol"])
        ax.set_xlabel("utilization %")
        ax.set_ylabel("APR %")
        ax.set_xlim(0, 100)
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left", fontsize=8)
    for ax in [a for row in axes for a in row][len(curves) :]:
        ax.set_visible(False)
    fig.suptitle("Lending markets: rates over utilization (dots: now)")
    fig.tight_layout()
    try:
        return _save(fig, path)
    finally:
        plt.close(fig)

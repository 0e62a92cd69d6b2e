"""`ape run nodes status`: CPChain's node economy on the connected chain (CPC's home), as three tables
that fit 80 columns: the pools (the Economy Pool's season and phase, deposits, rewards; the RNode
Pool's deposits and lock), the proposer committee (the running term and its members, the next
term's election) and the board (the cycle's stage, candidates, directors, chair)."""

from __future__ import annotations

from fivefold import deployment, ui
from fivefold.nodes import model_board as board_model
from fivefold.nodes import model_pools as pools
from fivefold.units import WAD

STAGES = {
    board_model.STAGE_CANDIDACY: "candidacy",
    1: "directors' round",
    board_model.STAGE_IDLE: "no election",
}


def context(provider):
    """The connected chain's configuration and deployed contracts (read only, no account)."""
    return deployment.read_context(
        provider, "EconomyPool", "node economy",
        "it lives where CPC is at home: deploy/suite.yaml tokens.CPC.home",
    )


def _cpc(amount: int) -> str:
    return ui.compact(amount / WAD) + " CPC"


def _short(address: str) -> str:
    return f"{address[:6]}…{address[-4:]}"


def _left(seconds: int) -> str:
    """A duration, short: "2.5 d", "3.0 h", "40 min"."""
    if seconds >= 86_400:
        return f"{seconds / 86_400:.1f} d"
    if seconds >= 3_600:
        return f"{seconds / 3_600:.1f} h"
    return f"{seconds // 60} min"


def pool_rows(ctx, now: int) -> list[tuple[str, str]]:
    """The pools: season, phase and what it allows, deposits, the reward budget."""
    economy, rnode = ctx["EconomyPool"], ctx["RNodePool"]
    genesis = economy.genesis()
    if now < genesis:
        phase = f"before genesis ({_left(genesis - now)} to go)"
        season = "-"
    else:
        s = pools.season(genesis, now)
        start = pools.season_start(genesis, s)
        code = pools.phase(genesis, now)
        ends = {pools.RAISING: pools.LOCK_START, pools.LOCK: pools.SETTLEMENT_START}.get(code, pools.SEASON)
        phase = f"{pools.PHASE_NAMES[code]} ({_left(start + ends - now)} left)"
        season = str(s)
    return [
        ("Economy Pool season", season),
        ("phase", phase),
        ("economy-node deposits", _cpc(economy.total_deposits())),
        ("reward per season", _cpc(economy.reward_per_season())),
        ("funded, not yet allocated", _cpc(economy.unallocated())),
        ("RNode deposits", _cpc(rnode.total_deposits())),
        ("RNode lock", f"{rnode.lock_minutes()} min"),
    ]


def committee_rows(ctx, now: int) -> list[tuple[str, str, str]]:
    """The running term's members (seat, node, impeached slots), or what the next election waits for."""
    committee = ctx["ProposerCommittee"]
    genesis = committee.genesis()
    if now < genesis:
        term, running = 0, False
    else:
        term, running = committee.term_at(now), True
    rows = []
    if running:
        start, length, size, elected = committee.term_record(term)
        if not elected:
            rows.append((f"term {term} (running)", "no committee elected", "slots pay the treasury"))
        for seat in range(size):
            node = committee.member(term, seat)
            rows.append(
                (f"term {term} seat {seat}", _short(node), f"{committee.impeached_total(node)} impeached")
            )
        term += 1
    start = committee.term_start(term)
    drawn = "drawn" if committee.seed_block(term) else "not drawn"
    when = f"starts in {_left(start - now)}" if start > now else "started"
    rows.append((f"term {term} (next)", f"{committee.candidate_count(term)} candidates, {drawn}", when))
    rows.append(
        (
            "validators",
            str(committee.validator_count()),
            f"f + 1 = {(committee.validator_count() - 1) // 3 + 1} impeach",
        )
    )
    return rows


def board_rows(ctx, now: int) -> list[tuple[str, str]]:
    """The board's cycle: its stage (or, once the chair is elected, when its term starts), candidates,
    directors and chair."""
    board = ctx["Board"]
    cycle, stage = board.stage_at(now)
    directors = board.directors(cycle)
    chair = board.chair(cycle)
    name = STAGES.get(stage, f"chair round {stage - 1}")
    if stage not in STAGES and int(chair, 16):
        name = f"chair elected, term in {_left(board.term_window(cycle)[0] - now)}"
    return [
        ("cycle", f"{cycle} ({name})"),
        ("candidates", str(board.candidate_count(cycle))),
        ("directors", ", ".join(_short(d) for d in directors) or "-"),
        ("chair", _short(chair) if int(chair, 16) else "-"),
        ("yearly income", _cpc(board.yearly_income())),
    ]


def _print(title: str, rows) -> None:
    """A table of label-value rows: no header, the label dim."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_header=False)
    for _ in rows[0]:
        table.add_column(overflow="fold")
    for row in rows:
        table.add_row(f"[dim]{row[0]}[/]", *row[1:])
    ui.console.print(table)


def run(provider) -> None:
    ctx = context(provider)
    now = ctx.chain.blocks.head.timestamp
    _print(f"Node pools on chain {ctx.chain_id}", pool_rows(ctx, now))
    _print("Proposer committee", committee_rows(ctx, now))
    _print("Board", board_rows(ctx, now))

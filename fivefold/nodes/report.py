"""`ape run nodes status`: CPChain's node economy on the connected chain (CPC's home), as three tables
that fit 80 columns: the pools (the Economy Pool's season and phase, deposits, rewards; the RNode
Pool's deposits and lock), the proposer committee (the running term and its members, the next
term's election) and the board (the cycle's stage, candidates, directors, chair)."""

from __future__ import annotations

from fivefold import deployment, manifest, ui
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
    from ape import chain, project

    ctx = deployment.make_context(project, chain, None, deployment.default_profile(provider))
    deployment.attach(ctx, manifest.load(ctx.chain_id))
    if "EconomyPool" not in ctx.contracts:
        raise deployment.DeploymentError(
            f"no node economy on chain {ctx.chain_id}: it lives where CPC is at home "
            f"(deploy/suite.yaml tokens.CPC.home) and {manifest.describe(ctx.chain_id)} has none; "
            f"{deployment.nothing_deployed_hint(chain)}"
        )
    return ctx


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
    """The board's cycle: its stage, candidates, directors and chair."""
    board = ctx["Board"]
    cycle, stage = board.stage_at(now)
    name = STAGES.get(stage, f"chair round {stage - 1}")
    directors = board.directors(cycle)
    chair = board.chair(cycle)
    return [
        ("cycle", f"{cycle} ({name})"),
        ("candidates", str(board.candidate_count(cycle))),
        ("directors", ", ".join(_short(d) for d in directors) or "-"),
        ("chair", _short(chair) if int(chair, 16) else "-"),
        ("yearly income", _cpc(board.yearly_income())),
    ]


def run(provider) -> None:
    ctx = context(provider)
    now = ctx.chain.blocks.head.timestamp
    ui.table(f"Node pools on chain {ctx.chain_id}", ["", ""], pool_rows(ctx, now), justify_right=(1,))
    ui.table("Proposer committee", ["term", "node", ""], committee_rows(ctx, now))
    ui.table("Board", ["", ""], board_rows(ctx, now))

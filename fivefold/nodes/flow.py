"""CPChain's node economy (issue 15): what `ape run deploy` creates on CPC's home chain and what
`ape run exercise` does there (docs/nodes.md).

The contracts are created by `configure`, not planned for CREATE2: their times (the seasons'
genesis, the committee's first slot, which must sit on a 10-second block boundary after the
maintenance schedule's T0, itself set when emission starts) are only known then, and SlotRewards'
constructor reads the started schedule. They exist where CPC is at home (the money is there; CPC
reaches the other chains through the bridge). Created once, found again from the manifest's
`created` records on a re-run (`Context.create_once`):

    EconomyPool(CPC, genesis = T0)          seasons of 90 days from TGE
    RNodePool(CPC)                          RNode deposits, 100-minute lock
    NodeVotes(EconomyPool, RNodePool)       the deposits as ERC-5805 votes: the CPC DAO's votes
    Reputation(CPC, 1,000,000 CPC AB cap, 100 blocks BM cap)
    ProposerCommittee(RNodePool, Reputation, CPCMaintenance, genesis, 360 slots a term, 4 seats)
    SlotRewards(CPC, CPCMaintenance, ProposerCommittee, treasury)   CPCMaintenance pays it from now on
    Board(CPC, NodeVotes, genesis = T0)

The governance flow then creates the CPC DAO over NodeVotes (CPCTimelock, CPCParameterRegistry,
CPCGovernor); `owner_of` gives it every contract above that has an owner, and its registry writes
their numbers (`parameters`).

Wiring: RNodePool.set_committee, Reputation.set_sources, CPCMaintenance.set_recipient(SlotRewards)
(before the committee's genesis), and from deploy/<chain>.yaml `nodes:` (optional; later changes are
CPC DAO proposals): `validators` (3f + 1 addresses: ProposerCommittee.set_validators), `reporters`
(Reputation.set_reporter each) and `report_quorum` (signatures per report, default: all reporters).

`exercise` (local chain, CPC at home), on one timeline from now: an economy node deposits in a raising
phase; two candidates stand for the board; two RNodes deposit, the reporters' signed report raises one's
reputation, both register for the next term, anyone draws the seed and elects, two validators impeach
the term's first slot, after the term each member claims its slots' maintenance reward (the impeached
slot's goes back to the treasury) and the RNodes withdraw; the economy node elects the board's
directors and its chair; at the season's settlement it claims its share of the season's reward. The
economy node's deposit stays: it is the CPC DAO's voting power in the governance exercise.
"""

from __future__ import annotations

from eth_account import Account

from fivefold.context import Context, Parameter, Step
from fivefold.nodes import model_board as board_model
from fivefold.nodes import model_pools as pools
from fivefold.units import WAD, to_wei

CONTRACTS: list = []  # everything is created by `configure` (see above)

SLOT = 10  # seconds: one block of CPChain's schedule
TERM_LENGTH = 360  # slots: one hour
SEATS = 4
AB_CAP = to_wei(1_000_000)
BM_BLOCK_CAP = 100
COMMITTEE_LEAD = 3_600  # seconds from deployment to the committee's first slot (at least)
ECONOMY_DEPOSIT = to_wei(50_000)
RNODE_DEPOSIT = to_wei(200_000)
BOARD_DEPOSIT = to_wei(250_000)  # over the 200,000 CPC minimum
REPORT = (80, 70, 90, 60)  # the exercise's report: TX, PR, DC, BM scores
ORDER = ("EconomyPool", "RNodePool", "NodeVotes", "Reputation", "ProposerCommittee", "SlotRewards", "Board")
CPC_TIMELOCK = "CPCTimelock"  # the CPC DAO's (fivefold/governance/flow.py DAOS["CPC"])
CPC_REGISTRY = "CPCParameterRegistry"


def _home(ctx: Context) -> bool:
    return "CPC" in ctx.config["home"]


def _cfg(ctx: Context) -> dict:
    return ctx.config.get("nodes") or {}


def _belongs(ctx: Context, name: str, contract) -> bool:
    """Whether a recorded contract is this suite's (its CPC, its pools, its schedule): a record of
    another suite on the same chain (another salt namespace) is never adopted."""
    cpc, address = ctx.address("CPC"), ctx.address
    links = {
        "EconomyPool": lambda: contract.cpc() == cpc,
        "RNodePool": lambda: contract.cpc() == cpc,
        "NodeVotes": lambda: (
            (contract.economy_pool(), contract.rnode_pool()) == (address("EconomyPool"), address("RNodePool"))
        ),
        "Reputation": lambda: contract.token() == cpc,
        "ProposerCommittee": lambda: (
            (contract.rnode_pool(), contract.schedule()) == (address("RNodePool"), address("CPCMaintenance"))
        ),
        "SlotRewards": lambda: (
            (contract.token(), contract.committee()) == (cpc, address("ProposerCommittee"))
        ),
        "Board": lambda: (contract.token(), contract.votes_source()) == (cpc, address("NodeVotes")),
    }
    return links[name]()


def _committee_genesis(ctx: Context, t0: int) -> int:
    """The first slot: at least COMMITTEE_LEAD from now, on a 10-second boundary from T0."""
    earliest = ctx.chain.blocks.head.timestamp + COMMITTEE_LEAD
    return t0 + -(-(earliest - t0) // SLOT) * SLOT


def _args(ctx: Context, name: str, t0: int) -> list:
    """Constructor arguments of `name` (the ones created before it are in ctx)."""
    cpc, owner, maintenance = ctx.address("CPC"), ctx.deployer.address, ctx.address("CPCMaintenance")
    return {
        "EconomyPool": lambda: [cpc, t0, owner],
        "RNodePool": lambda: [cpc, owner],
        "NodeVotes": lambda: [ctx.address("EconomyPool"), ctx.address("RNodePool")],
        "Reputation": lambda: [cpc, owner, AB_CAP, BM_BLOCK_CAP, "CPChain Reputation", "1"],
        "ProposerCommittee": lambda: [
            ctx.address("RNodePool"),
            ctx.address("Reputation"),
            maintenance,
            owner,
            _committee_genesis(ctx, t0),
            TERM_LENGTH,
            SEATS,
        ],
        "SlotRewards": lambda: [cpc, maintenance, ctx.address("ProposerCommittee"), ctx.treasury, owner],
        "Board": lambda: [cpc, ctx.address("NodeVotes"), t0, owner],
    }[name]()


def configure(ctx: Context) -> None:
    """Creates the node contracts on CPC's home chain once (after emission started the maintenance
    schedule) and wires them; safe to run again."""
    if not _home(ctx):
        return
    maintenance = ctx["CPCMaintenance"]
    t0 = maintenance.start_time()
    if t0 == 0:
        return  # emission did not start the schedule (a partial suite)
    for name in ORDER:
        ctx.create_once(
            name,
            getattr(ctx.project, name),
            lambda name=name: _args(ctx, name, t0),
            lambda contract, name=name: _belongs(ctx, name, contract),
        )
    rnode, reputation, committee = ctx["RNodePool"], ctx["Reputation"], ctx["ProposerCommittee"]
    if _owned(ctx, rnode) and rnode.committee() != committee.address:
        ctx.send("RNodePool.set_committee", rnode.set_committee, committee)
    sources = (ctx.address("EconomyPool"), ctx.address("RNodePool"), committee.address)
    if _owned(ctx, reputation) and reputation.economy_pool() != sources[0]:
        ctx.send("Reputation.set_sources", reputation.set_sources, *sources)
    slots = ctx.address("SlotRewards")
    if _owned(ctx, maintenance) and maintenance.recipient() != slots:
        ctx.send("CPCMaintenance.set_recipient(SlotRewards)", maintenance.set_recipient, slots)
    _seat_validators(ctx, committee)
    _seat_reporters(ctx, reputation)


def _owned(ctx: Context, contract) -> bool:
    return contract.owner() == ctx.deployer.address


def _seat_validators(ctx: Context, committee) -> None:
    """deploy/<chain>.yaml `nodes.validators`, once (a later set is a CPC DAO proposal)."""
    validators = _cfg(ctx).get("validators") or []
    if validators and _owned(ctx, committee) and committee.validator_count() == 0:
        note = f"{len(validators)} validators (f = {(len(validators) - 1) // 3})"
        ctx.send(f"ProposerCommittee.set_validators ({note})", committee.set_validators, validators)


def _seat_reporters(ctx: Context, reputation) -> None:
    """deploy/<chain>.yaml `nodes.reporters`, each added once; the quorum is a registry parameter."""
    if not _owned(ctx, reputation):
        return
    for reporter in _cfg(ctx).get("reporters") or []:
        if not reputation.is_reporter(reporter):
            ctx.send("Reputation.set_reporter", reputation.set_reporter, reporter, True)


def owner_of(ctx: Context, name: str, contract) -> str | None:
    """The node economy belongs to the CPC DAO (its timelock), where it exists."""
    if name in ORDER and CPC_TIMELOCK in ctx.contracts:
        return ctx.address(CPC_TIMELOCK)
    return None


def _parameter(name: str, contract: str, setter: str, getter: str, value: int, low: int, high: int):
    return Parameter(name, contract, setter, getter, value, low, high, registry=CPC_REGISTRY)


def parameters(ctx: Context) -> list[Parameter]:
    """The node economy's tunable numbers, in the CPC DAO's registry (bounds: the contracts' own). The
    reports' quorum is registered only where reporters are configured (it must lie in 1..their count):
    a DAO seating its first reporters registers it in the same proposal."""
    if "EconomyPool" not in ctx.contracts or CPC_REGISTRY not in ctx.contracts:
        return []
    reputation, committee = ctx["Reputation"], ctx["ProposerCommittee"]
    out = [
        _parameter(
            "economy_pool.reward_per_season",
            "EconomyPool",
            "set_reward_per_season",
            "reward_per_season",
            pools.REWARD_PER_SEASON,
            0,
            pools.MAX_REWARD_PER_SEASON,
        ),
        _parameter(
            "rnode_pool.lock_minutes",
            "RNodePool",
            "set_lock_minutes",
            "lock_minutes",
            pools.DEFAULT_LOCK_MINUTES,
            0,
            pools.MAX_LOCK_MINUTES,
        ),
        _parameter(
            "reputation.ab_cap",
            "Reputation",
            "set_ab_cap",
            "ab_cap",
            AB_CAP,
            reputation.MIN_AB_CAP(),
            reputation.MAX_AB_CAP(),
        ),
        _parameter(
            "reputation.bm_block_cap",
            "Reputation",
            "set_bm_block_cap",
            "bm_block_cap",
            BM_BLOCK_CAP,
            reputation.MIN_BLOCK_CAP(),
            reputation.MAX_BLOCK_CAP(),
        ),
        _parameter(
            "proposer_committee.size", "ProposerCommittee", "set_size", "size", SEATS, 1, committee.MAX_SIZE()
        ),
        _parameter(
            "proposer_committee.term_length",
            "ProposerCommittee",
            "set_term_length",
            "term_length",
            TERM_LENGTH,
            committee.MIN_TERM_LENGTH(),
            committee.MAX_TERM_LENGTH(),
        ),
        _parameter(
            "board.board_size",
            "Board",
            "set_board_size",
            "board_size",
            board_model.BOARD_SIZE,
            board_model.MIN_BOARD,
            board_model.MAX_BOARD,
        ),
        _parameter(
            "board.yearly_income",
            "Board",
            "set_yearly_income",
            "yearly_income",
            board_model.YEARLY_INCOME,
            0,
            board_model.MAX_YEARLY_INCOME,
        ),
        _parameter(
            "board.min_deposit",
            "Board",
            "set_min_deposit",
            "min_deposit",
            board_model.MIN_DEPOSIT,
            board_model.MIN_MIN_DEPOSIT,
            board_model.MAX_MIN_DEPOSIT,
        ),
    ]
    reporters = _cfg(ctx).get("reporters") or []
    if reporters:
        quorum = int(_cfg(ctx).get("report_quorum", len(reporters)))
        out.append(
            _parameter("reputation.quorum", "Reputation", "set_quorum", "quorum", quorum, 1, len(reporters))
        )
    return out


def exercise(ctx: Context) -> None:
    """The node economy on one timeline (local chain, CPC at home; see the module's docstring)."""
    if not _home(ctx) or "EconomyPool" not in ctx.contracts:
        ctx.steps.append(Step("nodes: not here", 0, "", "CPC is not at home on this chain"))
        return
    treasury = ctx.signer(ctx.treasury)
    needed = pools.REWARD_PER_SEASON + ECONOMY_DEPOSIT + 2 * RNODE_DEPOSIT + 2 * BOARD_DEPOSIT
    if not ctx.config.get("local") or treasury is None or len(ctx.users) < 5:
        ctx.skip("nodes", "needs a local chain, the treasury's key and five exercise accounts")
        return
    if ctx["CPC"].balanceOf(treasury) < needed:
        ctx.skip("nodes", "the treasury holds too little CPC")
        return
    node, rnodes, candidates = ctx.users[0], ctx.users[1:3], ctx.users[3:5]
    season = _deposit(ctx, treasury, node)
    cycle = _stand(ctx, treasury, candidates)
    _committee(ctx, treasury, rnodes)
    _elect_board(ctx, node, cycle, candidates)
    _claim_season(ctx, node, season)


def _give(ctx: Context, treasury, account, amount: int, spender, what: str) -> None:
    """The treasury sends `account` CPC, which approves `spender` for it."""
    cpc = ctx["CPC"]
    ctx.step(f"CPC.transfer (treasury to {what})", cpc.transfer(account, amount, sender=treasury))
    ctx.step(f"CPC.approve ({spender.contract_type.name})", cpc.approve(spender, amount, sender=account))


def _now(ctx: Context) -> int:
    return ctx.chain.blocks.head.timestamp


def _advance_to(ctx: Context, when: int) -> None:
    if when > _now(ctx):
        ctx.advance(when - _now(ctx))


def _deposit(ctx: Context, treasury, node) -> int:
    """Funds a season's reward, moves to a raising phase if none runs, and the economy node deposits.
    Returns the season."""
    pool, cpc = ctx["EconomyPool"], ctx["CPC"]
    if pool.unallocated() < pools.REWARD_PER_SEASON:
        reward = pools.REWARD_PER_SEASON
        ctx.step("CPC.approve (EconomyPool)", cpc.approve(pool, reward, sender=treasury))
        ctx.step("EconomyPool.fund (a season's reward)", pool.fund(reward, sender=treasury))
    genesis, now = pool.genesis(), _now(ctx)
    if pool.phase() != pools.RAISING:  # to the next season's raising (or the first's)
        _advance_to(ctx, pools.season_start(genesis, pools.season(genesis, now) + (now >= genesis)))
    _give(ctx, treasury, node, ECONOMY_DEPOSIT, pool, "an economy node")
    ctx.step("EconomyPool.deposit (50,000 CPC, raising)", pool.deposit(ECONOMY_DEPOSIT, sender=node))
    return pools.season(genesis, _now(ctx))


def _stand(ctx: Context, treasury, candidates) -> int:
    """Two candidates stand for the board (moving to the next candidacy if none is open). Returns the
    cycle."""
    board = ctx["Board"]
    cycle, stage = board.stage_at(_now(ctx))
    if stage != board_model.STAGE_CANDIDACY:
        cycle += 1
        _advance_to(ctx, board.term_window(cycle)[0] - board_model.ELECTION)  # S_c, the candidacy's start
    for candidate in candidates:
        _give(ctx, treasury, candidate, BOARD_DEPOSIT, board, "a board candidate")
        ctx.step("Board.stand (250,000 CPC locked)", board.stand(BOARD_DEPOSIT, sender=candidate))
    ctx.check(board.candidate_count(cycle) >= len(candidates), "the candidates stand for the board")
    return cycle


def _next_term(ctx: Context, committee) -> int:
    """The first term whose registration is still open."""
    now = _now(ctx)
    term = 0 if now < committee.genesis() else committee.term_at(now) + 1
    while now >= committee.term_start(term) - committee.ELECTION_LEAD():
        term += 1
    return term


def _committee(ctx: Context, treasury, rnodes) -> None:
    """RNodes deposit; a signed report raises the first one's reputation; both register, the term is
    drawn and elected; two validators impeach its first slot; after it the members claim their slots'
    reward (the impeached slot's goes back to the treasury) and the RNodes withdraw."""
    pool, committee, reputation = ctx["RNodePool"], ctx["ProposerCommittee"], ctx["Reputation"]
    for rnode in rnodes:
        _give(ctx, treasury, rnode, RNODE_DEPOSIT, pool, "an RNode")
        ctx.step("RNodePool.deposit (200,000 CPC)", pool.deposit(RNODE_DEPOSIT, sender=rnode))
    _report(ctx, reputation, rnodes[0])
    term = _next_term(ctx, committee)
    for rnode in rnodes:
        note = f"RPT {reputation.rpt(rnode) / 100:.2f}" if rnode == rnodes[0] else ""
        ctx.step(f"ProposerCommittee.register (term {term})", committee.register(term, sender=rnode), note)
    start = committee.term_start(term)
    _advance_to(ctx, start - committee.ELECTION_LEAD())
    caller = ctx.users[-1]
    ctx.step("ProposerCommittee.draw (seed: the next block)", committee.draw(term, sender=caller))
    ctx.advance(1)
    ctx.step(
        "ProposerCommittee.elect",
        committee.elect(term, sender=caller),
        f"term {term}, {len(rnodes)} candidates",
    )
    ctx.check(all(committee.seat_of(term, r) != 0 for r in rnodes), "both RNodes sit on the committee")
    _impeach(ctx, committee, term, start)
    _advance_to(ctx, committee.claim_time(term))
    rewards, cpc = ctx["SlotRewards"], ctx["CPC"]
    impeached = committee.proposer_of(term, 0)
    for rnode in rnodes:
        before = cpc.balanceOf(rnode)
        receipt = rewards.claim(term, sender=rnode)
        note = f"{(cpc.balanceOf(rnode) - before) / WAD:,.2f} CPC"
        if rnode.address == impeached:
            note += "; slot 0's reward went to the treasury"
        ctx.step("SlotRewards.claim (its seat's slots of the term)", receipt, note)
    ctx.check(rewards.returned() > 0, "the impeached slot's reward went back to the treasury")
    _advance_to(ctx, max(committee.locked_until(r) for r in rnodes) + pool.lock_minutes() * 60)
    for rnode in rnodes:
        ctx.step("RNodePool.withdraw (after the term)", pool.withdraw(RNODE_DEPOSIT, sender=rnode))
    ctx.check(all(pool.deposit_of(r) == 0 for r in rnodes), "the RNodes' deposits came back")


def _report(ctx: Context, reputation, node) -> None:
    """The configured reporters (local test accounts) sign a report of `node`; anyone submits it."""
    reporters = sorted(
        (ctx.signer(a) for a in _cfg(ctx).get("reporters") or []), key=lambda a: int(a.address, 16)
    )
    if not reporters or None in reporters or reputation.quorum() == 0:
        ctx.skip(
            "Reputation.submit_report", "no reporter of deploy/<chain>.yaml nodes.reporters has a key here"
        )
        return
    deadline = _now(ctx) + 3_600
    digest = reputation.report_digest(node, reputation.report_nonce(node), *REPORT, deadline)
    signatures = [bytes(Account.unsafe_sign_hash(digest, r.private_key).signature) for r in reporters]
    receipt = reputation.submit_report(node, *REPORT, deadline, signatures, sender=node)
    ctx.step("Reputation.submit_report", receipt, f"{len(signatures)} reporters' signatures")


def _impeach(ctx: Context, committee, term: int, start: int) -> None:
    """f + 1 of the configured validators impeach the term's first slot once it is complete."""
    validators = [ctx.signer(a) for a in _cfg(ctx).get("validators") or []]
    needed = (len(validators) - 1) // 3 + 1
    if not validators or None in validators[:needed]:
        ctx.skip(
            "ProposerCommittee.impeach", "no validator of deploy/<chain>.yaml nodes.validators has a key here"
        )
        return
    _advance_to(ctx, start + SLOT)
    for validator in validators[:needed]:
        ctx.step("ProposerCommittee.impeach (slot 0)", committee.impeach(term, 0, sender=validator))
    ctx.check(
        committee.is_impeached(term, 0), f"slot 0 impeached by {needed} of {len(validators)} validators"
    )


def _elect_board(ctx: Context, node, cycle: int, candidates) -> None:
    """The economy node approves both candidates as directors, then the first as chair."""
    board = ctx["Board"]
    _advance_to(ctx, board.round_window(cycle, 0)[0])
    ctx.step("Board.vote (directors: both candidates)", board.vote([0, 1], sender=node))
    _advance_to(ctx, board.round_window(cycle, 1)[0])
    ctx.step("Board.vote (chair: the first)", board.vote([0], sender=node))
    _advance_to(ctx, board.round_window(cycle, 1)[1])
    ctx.step("Board.finalize_round", board.finalize_round(cycle, sender=node))
    ctx.check(board.directors(cycle) == [c.address for c in candidates], "both candidates are directors")
    ctx.check(board.chair(cycle) == candidates[0].address, "the first candidate chairs the board")


def _claim_season(ctx: Context, node, season: int) -> None:
    """At the season's settlement (or later) the economy node claims its share of the reward."""
    pool = ctx["EconomyPool"]
    _advance_to(ctx, pools.season_start(pool.genesis(), season) + pools.SETTLEMENT_START)
    owed = pool.claimable(node)
    ctx.step("EconomyPool.claim (settlement)", pool.claim(sender=node), f"{owed / WAD:,.0f} CPC")
    ctx.check(owed > 0 and pool.claimable(node) == 0, "the economy node was paid its share of the season")

"""CPChain's node economy (issue 15): what `ape run deploy` creates on CPC's home chain and what
`ape run exercise` does there (docs/nodes.md).

The contracts are created by `configure`, not planned for CREATE2: their times (the seasons'
genesis, the committee's first slot, which must sit on a 10-second block boundary after the
maintenance schedule's T0, itself set when emission starts) are only known then, and SlotRewards'
constructor reads the started schedule. They exist where CPC is at home (the money is there; CPC
reaches the other chains through the bridge). Created once, found again from the manifest's
`created` records on a re-run:

    EconomyPool(CPC, genesis = T0)          seasons of 90 days from TGE
    RNodePool(CPC)                          RNode deposits, 100-minute lock
    NodeVotes(EconomyPool, RNodePool)       the deposits as ERC-5805 votes (for a CPC DAO to come)
    Reputation(CPC, 1,000,000 CPC AB cap, 100 blocks BM cap)
    ProposerCommittee(RNodePool, Reputation, CPCMaintenance, genesis, 360 slots a term, 4 seats)
    SlotRewards(CPC, CPCMaintenance, ProposerCommittee, treasury)   CPCMaintenance pays it from now on
    Board(CPC, NodeVotes, genesis = T0)

Wiring: RNodePool.set_committee, Reputation.set_sources, CPCMaintenance.set_recipient(SlotRewards)
(before the committee's genesis). Parameters (registry): `economy_pool.reward_per_season`,
`rnode_pool.lock_minutes`.

`exercise` (local chain, CPC at home): the treasury funds a season's reward; an economy node
deposits in a raising phase, the clock moves to that season's settlement, the node claims its
share; an RNode deposits, waits out its lock and withdraws. The election, impeachment, slot rewards
and the board are deployed and wired, not exercised yet (docs/nodes.md).
"""

from __future__ import annotations

from fivefold import manifest as manifest_mod
from fivefold.context import Context, Parameter, Step
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
ORDER = (
    "EconomyPool", "RNodePool", "NodeVotes", "Reputation", "ProposerCommittee", "SlotRewards", "Board"
)


def _home(ctx: Context) -> bool:
    return "CPC" in ctx.config["home"]


def _created(ctx: Context) -> dict:
    """The node contracts an earlier deployment of this chain created (manifest `created`)."""
    created = manifest_mod.load(ctx.chain_id).get("created") or {}
    return {n: r["address"] for n, r in created.items() if n in ORDER}


def _belongs(ctx: Context, name: str, contract) -> bool:
    """Whether a recorded contract is this suite's (its CPC, its pools, its schedule): a record of
    another suite on the same chain (another salt namespace) is never adopted."""
    cpc, address = ctx.address("CPC"), ctx.address
    links = {
        "EconomyPool": lambda: contract.cpc() == cpc,
        "RNodePool": lambda: contract.cpc() == cpc,
        "NodeVotes": lambda: (contract.economy_pool(), contract.rnode_pool())
        == (address("EconomyPool"), address("RNodePool")),
        "Reputation": lambda: contract.token() == cpc,
        "ProposerCommittee": lambda: (contract.rnode_pool(), contract.schedule())
        == (address("RNodePool"), address("CPCMaintenance")),
        "SlotRewards": lambda: (contract.token(), contract.committee())
        == (cpc, address("ProposerCommittee")),
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
    existing = _created(ctx)
    for name in ORDER:
        container = getattr(ctx.project, name)
        if name in ctx.contracts:
            continue
        found = existing.get(name)
        if found and ctx.chain.provider.get_code(found) and _belongs(ctx, name, container.at(found)):
            ctx.contracts[name] = container.at(found)
        else:
            ctx.deploy(name, container, *_args(ctx, name, t0))
    rnode, reputation, committee = ctx["RNodePool"], ctx["Reputation"], ctx["ProposerCommittee"]
    if rnode.owner() == ctx.deployer.address and rnode.committee() != committee.address:
        ctx.send("RNodePool.set_committee", rnode.set_committee, committee)
    sources = (ctx.address("EconomyPool"), ctx.address("RNodePool"), committee.address)
    if reputation.owner() == ctx.deployer.address and reputation.economy_pool() != sources[0]:
        ctx.send("Reputation.set_sources", reputation.set_sources, *sources)
    slots = ctx.address("SlotRewards")
    if maintenance.owner() == ctx.deployer.address and maintenance.recipient() != slots:
        ctx.send("CPCMaintenance.set_recipient(SlotRewards)", maintenance.set_recipient, slots)


def parameters(ctx: Context) -> list[Parameter]:
    """The pools' tunable numbers (bounds: the contracts' own)."""
    if "EconomyPool" not in ctx.contracts:
        return []
    return [
        Parameter(
            "economy_pool.reward_per_season",
            "EconomyPool",
            "set_reward_per_season",
            "reward_per_season",
            pools.REWARD_PER_SEASON,
            0,
            pools.MAX_REWARD_PER_SEASON,
        ),
        Parameter(
            "rnode_pool.lock_minutes",
            "RNodePool",
            "set_lock_minutes",
            "lock_minutes",
            pools.DEFAULT_LOCK_MINUTES,
            0,
            pools.MAX_LOCK_MINUTES,
        ),
    ]


def exercise(ctx: Context) -> None:
    """A season of the Economy Pool and an RNode's deposit and withdrawal (local chain, CPC at home)."""
    if not _home(ctx) or "EconomyPool" not in ctx.contracts:
        ctx.steps.append(Step("nodes: not here", 0, "", "CPC is not at home on this chain"))
        return
    treasury = ctx.signer(ctx.treasury)
    cpc = ctx["CPC"]
    if not ctx.config.get("local") or treasury is None or len(ctx.users) < 2:
        ctx.skip("nodes", "needs a local chain, the treasury's key and two exercise accounts")
        return
    if cpc.balanceOf(treasury) < pools.REWARD_PER_SEASON + ECONOMY_DEPOSIT + RNODE_DEPOSIT:
        ctx.skip("nodes", "the treasury holds too little CPC")
        return
    node, rnode_node = ctx.users[0], ctx.users[1]
    _season(ctx, treasury, node)
    _rnode(ctx, treasury, rnode_node)


def _season(ctx: Context, treasury, node) -> None:
    """Fund, deposit in a raising phase, move to that season's settlement, claim."""
    pool, cpc = ctx["EconomyPool"], ctx["CPC"]
    if pool.unallocated() < pools.REWARD_PER_SEASON:
        reward = pools.REWARD_PER_SEASON
        ctx.step("CPC.approve (the Economy Pool)", cpc.approve(pool, reward, sender=treasury))
        ctx.step("EconomyPool.fund (a season's reward)", pool.fund(reward, sender=treasury))
    genesis, now = pool.genesis(), ctx.chain.blocks.head.timestamp
    if pool.phase() != pools.RAISING:  # to the next season's raising (or the first's)
        ctx.advance(pools.season_start(genesis, pools.season(genesis, now) + (now >= genesis)) - now)
    season = pools.season(genesis, ctx.chain.blocks.head.timestamp)
    gift = cpc.transfer(node, ECONOMY_DEPOSIT, sender=treasury)
    ctx.step("CPC.transfer (treasury to an economy node)", gift)
    ctx.step("CPC.approve (the Economy Pool)", cpc.approve(pool, ECONOMY_DEPOSIT, sender=node))
    ctx.step("EconomyPool.deposit (50,000 CPC, raising)", pool.deposit(ECONOMY_DEPOSIT, sender=node))
    settlement = pools.season_start(genesis, season) + pools.SETTLEMENT_START
    ctx.advance(settlement - ctx.chain.blocks.head.timestamp)
    owed = pool.claimable(node)
    note = f"{owed / WAD:,.0f} CPC, 87 days later"
    ctx.step("EconomyPool.claim (settlement)", pool.claim(sender=node), note)
    ctx.check(owed > 0 and pool.claimable(node) == 0, "the node was paid its share of the season")


def _rnode(ctx: Context, treasury, node) -> None:
    """An RNode deposits 200,000 CPC, waits out the lock and withdraws it."""
    pool, cpc = ctx["RNodePool"], ctx["CPC"]
    ctx.step("CPC.transfer (treasury to an RNode)", cpc.transfer(node, RNODE_DEPOSIT, sender=treasury))
    ctx.step("CPC.approve (the RNode Pool)", cpc.approve(pool, RNODE_DEPOSIT, sender=node))
    ctx.step("RNodePool.deposit (200,000 CPC)", pool.deposit(RNODE_DEPOSIT, sender=node))
    ctx.advance(pool.lock_minutes() * 60)
    ctx.step("RNodePool.withdraw (after the lock)", pool.withdraw(RNODE_DEPOSIT, sender=node))
    ctx.check(pool.deposit_of(node) == 0, "the RNode's deposit came back")

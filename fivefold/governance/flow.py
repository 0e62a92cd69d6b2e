"""Governance: three DAOs, each votes source -> Governor -> Timelock, each with its parameter registry.

Deploys on every chain (CREATE2, same addresses):
  ParameterRegistry           the one writer of the suite's tunable numbers (the CC DAO's timelock owns it)
  HPCParameterRegistry        the same for HPC's own numbers (the HPC DAO's timelock owns it)
  CCStaking, DaoIdentity      CC staked 1:1 as votes (plus NFTs and identities), CC income
  Timelock, Governor          the CC DAO: its timelock owns every other contract of the suite
  HPCStaking, HPCTimelock,    the HPC DAO (Smart 4.4): staked HPC votes on HPC's protocol parameters
  HPCGovernor, AuthenticatorRegistry   and owns the authenticator (signature node) registry

and, where CPC is at home, the CPC DAO (CPChain 5.1): its votes are the node pools' deposits
(NodeVotes, created by the nodes flow), so its Timelock, registry and Governor are created by
`configure` once NodeVotes exists (plain creations, found again from the manifest's `created` records):
  CPCTimelock, CPCParameterRegistry, CPCGovernor   owns the node economy and writes its numbers

The Governors take their timelock in their constructor, so each Timelock is built without its Governor
and with the deployer as a one-time bootstrap account and a zero delay. `configure` wires the identity
contract, then (after every other domain's) registers every domain's tunable numbers in the registry
(`parameters(ctx)` of each flow, collected by `fivefold.domains.parameters`), which writes them
through the contracts' setters and becomes their only writer. The deployment's handoff offers each
contract to its DAO's timelock (`owner_of`); `after_handoff` then runs each timelock's bootstrap
batch: accept every offered ownership, grant the Governor its roles, seat the configured committee,
set the final delay; and the deployer renounces its roles. From then on no account holds any role.

`exercise` (where the DAO's token is at home): stakers stake and delegate, a proposal changes a registry
parameter and issues a DAO identity (CC) or seats an authenticator (HPC), it is voted, queued and
executed after the delays (local time moves), and the changes are checked; everywhere every registry
parameter reads back equal in its contract.

Chain config keys read: `governance.timelock_delay_days` (default 2), `governance.committee` (addresses
seated at bootstrap; default none), `governance.authenticators` (HPC signature nodes seated at
bootstrap), `governance.reward_rate` (CC per second paid to CC stakers from funded Ecosystem CC;
default 0) and `governance.identity_weight` (votes per DAO identity; default 1,000 CC). The Governors'
rules are in deploy/suite.yaml `governance:` (constructor arguments: the same on every chain).
"""

from __future__ import annotations

from eth_utils import keccak

from fivefold import domains, manifest
from fivefold.context import Context, Deployable, FlowError, Parameter, Step
from fivefold.governance.registry import entry
from fivefold.units import DAY, to_wei

ZERO = "0x" + "00" * 20
ZERO32 = b"\0" * 32
ROLES = [keccak(text=role) for role in ("PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE")]
HOUR = 3_600
# Each DAO: its votes token, and the contracts its timelock owns besides the suite's default.
DAOS = {
    "CC": {
        "staking": "CCStaking",
        "timelock": "Timelock",
        "governor": "Governor",
        "registry": "ParameterRegistry",
    },
    "HPC": {
        "staking": "HPCStaking",
        "timelock": "HPCTimelock",
        "governor": "HPCGovernor",
        "registry": "HPCParameterRegistry",
    },
    # Created by `configure` where NodeVotes exists (CPC at home); the nodes flow hands it the node
    # economy's contracts (fivefold/nodes/flow.py owner_of).
    "CPC": {
        "staking": "NodeVotes",
        "timelock": "CPCTimelock",
        "governor": "CPCGovernor",
        "registry": "CPCParameterRegistry",
    },
}
# Besides the suite's default (the CC Timelock): what each other DAO's timelock owns.
OWNED_BY = {
    "HPCTimelock": ("HPCStaking", "AuthenticatorRegistry", "HPCParameterRegistry"),
    "CPCTimelock": ("CPCParameterRegistry",),
}
REGISTRIES = tuple(names["registry"] for names in DAOS.values())
# Test doubles on local chains stay with the configured owner (an unlocked test account), which keeps
# answering them (`Context.refresh_local_feeds`).
LOCAL_DOUBLES = ("LocalPriceFeed",)
DEFAULT_RULES = {
    "voting_delay_hours": 24,
    "voting_period_days": 5,
    "proposal_threshold": 1_000_000,
    "quorum_bps": 400,
    "grace_period_days": 14,
}
BATCH = 16  # parameters per register_many (the contract takes up to 32; 16 stays far below a block)


def _cfg(ctx: Context) -> dict:
    return ctx.config.get("governance") or {}


def rules(ctx: Context, dao: str) -> dict:
    """deploy/suite.yaml `governance.<dao>` over DEFAULT_RULES."""
    return DEFAULT_RULES | ((ctx.config.get("governance_rules") or {}).get(dao) or {})


def _governor_args(dao: str):
    def args(ctx: Context) -> list:
        r = rules(ctx, dao)
        names = DAOS[dao]
        return [
            ctx.address(names["staking"]),
            ctx.address(names["timelock"]),
            int(r["voting_delay_hours"]) * HOUR,
            int(r["voting_period_days"]) * DAY,
            to_wei(r["proposal_threshold"]),
            int(r["quorum_bps"]),
            int(r["grace_period_days"]) * DAY,
            # The DAO's parameter registry alone changes these rules (listed before the Governor).
            ctx.address(names["registry"]),
        ]

    return args


def _staking_args(dao: str):
    return lambda ctx: [ctx.address(dao), ctx.address(dao), ctx.deployer.address, f"{dao} Staking", "1"]


CONTRACTS = [
    # The deployer owns the registry while it registers the suite's parameters, then hands it over.
    Deployable("ParameterRegistry", "ParameterRegistry", lambda ctx: [ctx.deployer.address]),
    Deployable("CCStaking", "Staking", _staking_args("CC")),
    Deployable(
        "DaoIdentity",
        "DaoIdentity",
        lambda ctx: ["CloudChat DAO identity", "CCDAO", "", ctx.address("CCStaking"), ctx.deployer.address],
    ),
    # Zero delay and no Governor: the bootstrap batch grants the Governor and sets the final delay.
    Deployable("Timelock", "Timelock", lambda ctx: [0, ZERO, ctx.deployer.address]),
    Deployable("Governor", "Governor", _governor_args("CC")),
    Deployable("HPCStaking", "Staking", _staking_args("HPC")),
    Deployable("HPCTimelock", "Timelock", lambda ctx: [0, ZERO, ctx.deployer.address]),
    Deployable("HPCParameterRegistry", "ParameterRegistry", lambda ctx: [ctx.deployer.address]),
    Deployable("HPCGovernor", "Governor", _governor_args("HPC")),
    Deployable("AuthenticatorRegistry", "AuthenticatorRegistry", lambda ctx: [ctx.deployer.address]),
]


def configure(ctx: Context) -> None:
    """Wires the identity contract into CC staking, then registers every domain's parameters in their
    DAO's registry, `BATCH` to a transaction, and moves any whose value or bounds differ from the
    configuration (idempotent: a re-run sends nothing when nothing changed)."""
    staking = ctx["CCStaking"]
    if staking.identity_contract() != ctx.address("DaoIdentity") and staking.owner() == ctx.deployer.address:
        ctx.send("CCStaking.set_identity_contract", staking.set_identity_contract, ctx["DaoIdentity"])
    if "NodeVotes" in ctx.contracts:
        _create_cpc_dao(ctx)
    wanted = domains.parameters(ctx)
    for name in REGISTRIES:
        if name in ctx.contracts:
            _configure_registry(ctx, ctx[name], name, [p for p in wanted if p.registry == name])


def _create_cpc_dao(ctx: Context) -> None:
    """The CPC DAO where NodeVotes exists: like the others, a Timelock without its Governor and with the
    deployer as bootstrap account, a registry the deployer owns while it registers, and a Governor
    counting NodeVotes; each adopted from an earlier run only if linked to this chain's NodeVotes."""
    names, project = DAOS["CPC"], ctx.project
    recorded = (manifest.load(ctx.chain_id).get("created") or {}).get(names["governor"]) or {}

    def governed_by_recorded(contract) -> bool:
        """Whether `contract` is the timelock or registry of the recorded CPC Governor of NodeVotes."""
        if not recorded or not ctx.chain.provider.get_code(recorded["address"]):
            return False
        governor = project.Governor.at(recorded["address"])
        return governor.votes() == ctx.address("NodeVotes") and contract.address in (
            governor.timelock(),
            governor.parameter_registry(),
        )

    ctx.create_once(
        names["timelock"], project.Timelock, lambda: [0, ZERO, ctx.deployer.address], governed_by_recorded
    )
    ctx.create_once(
        names["registry"], project.ParameterRegistry, lambda: [ctx.deployer.address], governed_by_recorded
    )
    ctx.create_once(
        names["governor"],
        project.Governor,
        lambda: _governor_args("CPC")(ctx),
        lambda governor: (
            (governor.votes(), governor.timelock(), governor.parameter_registry())
            == (ctx.address("NodeVotes"), ctx.address(names["timelock"]), ctx.address(names["registry"]))
        ),
    )


def _configure_registry(ctx: Context, registry, label: str, wanted: list[Parameter]) -> None:
    """One registry: named in each contract it writes, its parameters registered or moved."""
    held = {p.name: p for p in registry.parameters()}
    for name in dict.fromkeys(p.contract for p in wanted):  # each contract once, in order
        target = ctx[name]
        # A lending market has no registry of its own: it reads its Controller's.
        if hasattr(target, "set_parameter_registry") and target.parameter_registry() != registry.address:
            ctx.send(f"{name}.set_parameter_registry", target.set_parameter_registry, registry)
    new = [p for p in wanted if p.name not in held]
    changed = [p for p in wanted if p.name in held and _differs(p, held[p.name])]
    if (new or changed) and registry.owner() != ctx.deployer.address:
        first = (new + changed)[0].name
        raise FlowError(
            f"{first} on chain {ctx.chain_id} differs from deploy/{ctx.config['chain']}.yaml, and the "
            f"{label} belongs to governance now: propose {label}.set_parameter"
        )
    for start in range(0, len(new), BATCH):
        batch = new[start : start + BATCH]
        ctx.send(
            f"{label}.register_many ({batch[0].name} .. {batch[-1].name})",
            registry.register_many,
            [_entry(p, ctx[p.contract]) for p in batch],
        )
    for parameter in changed:
        _move(ctx, registry, label, parameter, held[parameter.name])


# Each Governor's rules in its DAO's registry: (rule, setter and getter, configured value in the
# contract's unit, registry bounds). The bounds are the DAO's policy, inside the Governor's own.
RULE_BOUNDS = {
    "voting_delay": (HOUR, 7 * DAY),
    "voting_period": (DAY, 14 * DAY),
    "quorum_bps": (100, 2_000),
    "grace_period": (7 * DAY, 30 * DAY),
}
THRESHOLD_BOUNDS = {"CC": (10_000, 100_000_000), "HPC": (100, 1_000_000), "CPC": (20_000, 10_000_000)}
PREFIXES = {"CC": "governor", "HPC": "hpc_governor", "CPC": "cpc_governor"}  # the rules' parameter names


def _rule_parameters(ctx: Context, dao: str) -> list[Parameter]:
    """A Governor's voting delay and period, proposal threshold, quorum and grace period."""
    r, names = rules(ctx, dao), DAOS[dao]
    values = {
        "voting_delay": int(r["voting_delay_hours"]) * HOUR,
        "voting_period": int(r["voting_period_days"]) * DAY,
        "quorum_bps": int(r["quorum_bps"]),
        "grace_period": int(r["grace_period_days"]) * DAY,
        "proposal_threshold": to_wei(r["proposal_threshold"]),
    }
    bounds = RULE_BOUNDS | {"proposal_threshold": tuple(to_wei(b) for b in THRESHOLD_BOUNDS[dao])}
    prefix = PREFIXES[dao]
    return [
        Parameter(
            f"{prefix}.{rule}",
            names["governor"],
            f"set_{rule}",
            rule,
            value,
            *bounds[rule],
            registry=names["registry"],
        )
        for rule, value in values.items()
    ]


def parameters(ctx: Context) -> list[Parameter]:
    """Governance's own tunable numbers: each Governor's rules, each staking's income rate, CC's
    identity weight."""
    cfg = _cfg(ctx)
    rate = int(to_wei(cfg.get("reward_rate", 0)))
    cpc = _rule_parameters(ctx, "CPC") if DAOS["CPC"]["governor"] in ctx.contracts else []
    return (
        _rule_parameters(ctx, "CC")
        + _rule_parameters(ctx, "HPC")
        + cpc
        + [
            Parameter(
                "cc_staking.reward_rate",
                "CCStaking",
                "set_reward_rate",
                "reward_rate",
                rate,
                0,
                to_wei(1_000),
            ),
            Parameter(
                "hpc_staking.reward_rate",
                "HPCStaking",
                "set_reward_rate",
                "reward_rate",
                0,
                0,
                to_wei(100),
                registry="HPCParameterRegistry",
            ),
            Parameter(
                "cc_staking.identity_weight",
                "CCStaking",
                "set_identity_weight",
                "identity_weight",
                to_wei(cfg.get("identity_weight", 1_000)),
                0,
                to_wei(1_000_000),
            ),
        ]
    )


def _differs(parameter: Parameter, current) -> bool:
    return (current.value, current.minimum, current.maximum) != (
        parameter.value,
        parameter.minimum,
        parameter.maximum,
    )


def _move(ctx: Context, registry, label: str, parameter: Parameter, current) -> None:
    """Moves a registered parameter's value and bounds to the configured ones, keeping the value inside
    the bounds at every step (widened first when the new value lies outside the old ones)."""
    label = f"{label}.%s({parameter.name})"
    bounds = (parameter.minimum, parameter.maximum)
    lowest, highest = current.minimum, current.maximum
    if not lowest <= parameter.value <= highest:
        lowest, highest = min(lowest, parameter.minimum), max(highest, parameter.maximum)
        ctx.send(label % "set_bounds", registry.set_bounds, parameter.name, lowest, highest)
    if current.value != parameter.value:
        ctx.send(label % "set_parameter", registry.set_parameter, parameter.name, parameter.value)
    if (lowest, highest) != bounds:
        ctx.send(label % "set_bounds", registry.set_bounds, parameter.name, *bounds)


def _entry(parameter: Parameter, target) -> dict:
    """`ParameterRegistry.register`'s argument for a domain's parameter."""
    return entry(
        parameter.name,
        target,
        parameter.setter,
        key=parameter.key,
        arity=parameter.arity,
        position=parameter.position,
        is_address=parameter.is_address,
        minimum=parameter.minimum,
        maximum=parameter.maximum,
        value=parameter.value,
    )


# --- ownership: the timelocks own the suite


def owner_of(ctx: Context, name: str, contract) -> str | None:
    """The timelock that owns `name` after deployment (HPC's for its own DAO's contracts, CC's for the
    rest of the suite); None for local test doubles (they stay with the configured owner)."""
    if getattr(contract.contract_type, "name", None) in LOCAL_DOUBLES:
        return None
    timelock = next((t for t, names in OWNED_BY.items() if name in names), "Timelock")
    return ctx.address(timelock) if timelock in ctx.contracts else None


def after_handoff(ctx: Context) -> None:
    """Each timelock's one-time bootstrap, while the deployer still holds its roles: one batch (delay 0)
    accepts every ownership offered to it, makes its Governor the guardian of what it accepted that can
    be paused, grants its Governor the three roles, seats the configured committee (CC) or
    authenticators (HPC) and sets the final delay; then the deployer renounces."""
    for dao, names in DAOS.items():
        if names["timelock"] not in ctx.contracts:
            continue  # a partial suite (tests of the handoff alone)
        timelock, governor = ctx[names["timelock"]], ctx[names["governor"]]
        held = [role for role in ROLES if timelock.hasRole(role, ctx.deployer.address)]
        if not held:
            continue  # bootstrapped already: what is offered since awaits a proposal (check-roles)
        # Resumable at every transaction (`ape run faults`): the batch is executed once its Governor
        # holds the roles it grants (atomically with the rest); a batch scheduled by a run killed
        # before executing it is executed, not scheduled again (it reverted "operation already
        # scheduled"); the deployer renounces what it still holds.
        if not all(timelock.hasRole(role, governor) for role in ROLES):
            # by name: the same batch (the same operation id) whatever order a re-run found them in
            accepted = [
                contract
                for _, contract in sorted(_owned(ctx), key=lambda item: item[0])
                if contract.pending_owner() == timelock.address
            ]
            calls = [(contract, contract.accept_ownership.encode_input()) for contract in accepted]
            calls += _guardians(accepted, governor)
            calls += [(timelock, timelock.grantRole.encode_input(role, governor)) for role in ROLES]
            calls += _seats(ctx, dao, governor)
            delay = int(_cfg(ctx).get("timelock_delay_days", 2)) * DAY
            calls.append((timelock, timelock.update_delay.encode_input(delay)))
            targets, values = [c.address for c, _ in calls], [0] * len(calls)
            args = (targets, values, [bytes(d) for _, d in calls], ZERO32, ZERO32)
            if not timelock.is_operation(timelock.hash_operation_batch(*args)):
                ctx.send(
                    f"{names['timelock']}.schedule_batch ({len(calls)} calls, delay 0)",
                    timelock.schedule_batch,
                    *args,
                    0,
                )
            ctx.send(f"{names['timelock']}.execute_batch (bootstrap)", timelock.execute_batch, *args)
        for role in held:
            ctx.send(
                f"{names['timelock']}.renounceRole (deployer)", timelock.renounceRole, role, ctx.deployer
            )


def _guardians(accepted: list, governor) -> list:
    """The Governor becomes the guardian of each contract the timelock accepts that can be paused
    (contracts/shared/pausable.vy; the lending Controller's pause guardian): its committee members
    pause new deposits and creations through `emergency_pause`, and no account holds the role."""
    calls = []
    for contract in accepted:
        if hasattr(contract, "set_guardian") and contract.guardian() != governor.address:
            calls.append((contract, contract.set_guardian.encode_input(governor)))
        elif hasattr(contract, "set_pause_guardian") and contract.pause_guardian() != governor.address:
            calls.append((contract, contract.set_pause_guardian.encode_input(governor)))
    return calls


def _owned(ctx: Context):
    return [(n, c) for n, c in ctx.contracts.items() if hasattr(c, "pending_owner")]


def _seats(ctx: Context, dao: str, governor) -> list:
    """The bootstrap's committee seats (CC's Governor) or authenticator seats (HPC's registry); the CPC
    DAO seats nobody (its Governor has no committee: deposits alone propose)."""
    if dao == "CPC":
        return []
    if dao == "CC":
        members = [m for m in _cfg(ctx).get("committee") or [] if not governor.is_member(m)]
        return [(governor, governor.add_member.encode_input(m)) for m in members]
    registry = ctx["AuthenticatorRegistry"]
    members = [m for m in _cfg(ctx).get("authenticators") or [] if not registry.is_member(m)]
    return [(registry, registry.add_member.encode_input(m)) for m in members]


# --- exercise


def read_back(ctx: Context, parameter: Parameter) -> int:
    """The value the contract itself keeps (an address as an integer)."""
    getter = getattr(ctx[parameter.contract], parameter.getter)
    value = getter(parameter.key) if parameter.key is not None else getter()
    if parameter.field:
        value = getattr(value, parameter.field)
    return int(value, 16) if isinstance(value, str) else int(value)


def exercise(ctx: Context) -> None:
    """Every registry parameter reads back equal in its contract; where a DAO's token is at home (and
    local time can move), a whole proposal runs through that DAO."""
    registries = [name for name in REGISTRIES if name in ctx.contracts]
    held = {p.name: p.value for name in registries for p in ctx[name].parameters()}
    for parameter in domains.parameters(ctx):
        ctx.check(
            held.get(parameter.name) == read_back(ctx, parameter),
            f"{parameter.name}: the registry and {parameter.contract} agree",
        )
    note = f"{len(held)} read back equal in their contracts"
    ctx.steps.append(Step(f"ParameterRegistry.parameters ({len(registries)} DAOs)", 0, "", note))
    proposals = [_open(ctx, dao) for dao in DAOS if dao in ctx.config["home"]]
    proposals = [p for p in proposals if p is not None]
    if not proposals:
        ctx.steps.append(Step("governance: no proposal", 0, "", "no DAO token is at home on this chain"))
        return
    _carry(ctx, proposals)


class Proposal:
    """One exercised proposal: its Governor, calls, proposer and what to check once executed."""

    def __init__(self, dao, governor, calls, description, proposer, check):
        self.dao, self.governor, self.proposer, self.check = dao, governor, proposer, check
        self.targets = [c.address for c, _ in calls]
        self.values = [0] * len(calls)
        self.data = [bytes(d) for _, d in calls]
        self.description = description
        self.id = None

    def args(self):
        return (self.targets, self.values, self.data, keccak(text=self.description), self.proposer.address)


def _open(ctx: Context, dao: str):
    """Stakes enough of the DAO's token (from the treasury, on a local chain) for a proposer and a
    supporter who delegates to it, and proposes the DAO's exercise change."""
    names = DAOS[dao]
    if len(ctx.users) < 3 or not ctx.config.get("local") or names["governor"] not in ctx.contracts:
        return None
    token, staking, governor = ctx[dao], ctx[names["staking"]], ctx[names["governor"]]
    proposer, supporter, newcomer = ctx.users[:3]
    treasury = ctx.signer(ctx.treasury)
    threshold = governor.proposal_threshold()
    if dao == "CPC":
        return _open_cpc(ctx, governor, proposer, newcomer, threshold)
    if treasury is None:
        return None
    _emit_enough(ctx, dao, treasury, 2 * threshold)
    if token.balanceOf(treasury) < 2 * threshold:
        return None
    for staker in (proposer, supporter):
        ctx.step(f"{dao}.transfer (treasury to a staker)", token.transfer(staker, threshold, sender=treasury))
        ctx.step(f"{dao}.approve ({names['staking']})", token.approve(staking, threshold, sender=staker))
        ctx.step(f"{names['staking']}.stake", staking.stake(threshold, sender=staker))
    receipt = staking.invoke_transaction("delegate", proposer, sender=supporter)
    ctx.step(f"{names['staking']}.delegate (supporter to proposer)", receipt)
    ctx.advance(1)  # power counts from the next second on
    calls, description, check = _change(ctx, dao, newcomer)
    proposal = Proposal(dao, governor, calls, description, proposer, check)
    targets, values, data = proposal.targets, proposal.values, proposal.data
    receipt = governor.propose(targets, values, data, description, sender=proposer)
    proposal.id = receipt.return_value
    ctx.step(f"{names['governor']}.propose ({len(calls)} calls)", receipt, description)
    return proposal


def _open_cpc(ctx: Context, governor, proposer, newcomer, threshold: int):
    """The CPC DAO's proposal: its votes are deposits, and the nodes exercise (earlier in the run) left
    its economy node's deposit in the Economy Pool; that node proposes to seat `newcomer` as a
    reputation reporter (an owner's act on a contract the CPC timelock owns; a registry number would
    differ from the configuration afterwards, which a re-run of deploy refuses)."""
    votes = ctx["NodeVotes"].getVotes(proposer)
    ctx.check(votes >= threshold, "the nodes exercise's economy node holds the CPC proposal threshold")
    reputation = ctx["Reputation"]
    seat = not reputation.is_reporter(newcomer)  # a second run of the exercise unseats it again
    calls = [(reputation, reputation.set_reporter.encode_input(newcomer, seat))]
    description = f"{'seat' if seat else 'unseat'} {newcomer.address} as a reputation reporter"
    proposal = Proposal(
        "CPC", governor, calls, description, proposer, lambda: reputation.is_reporter(newcomer) == seat
    )
    receipt = governor.propose(proposal.targets, proposal.values, proposal.data, description, sender=proposer)
    proposal.id = receipt.return_value
    note = f"a reporter {'seated' if seat else 'unseated'}; {votes / 10**18:,.0f} CPC deposited votes"
    ctx.step("CPCGovernor.propose (1 call)", receipt, note)
    return proposal


def _emit_enough(ctx: Context, dao: str, treasury, needed: int) -> None:
    """An emitted token (HPC) reaches the treasury only as time passes: on a local chain, move time
    until the emitter has accrued what the exercise's stakers need, and mint it (anyone may)."""
    emitter = ctx.contracts.get(f"{dao}Emitter")
    if emitter is None or emitter.recipient() != treasury.address:
        return
    short = needed - ctx[dao].balanceOf(treasury) - emitter.mintable()
    if short > 0:
        rate = emitter.rate_at(ctx.chain.blocks.head.timestamp)
        if rate == 0:
            return
        seconds = -(-short // rate) + 60  # rounded up, plus a minute
        ctx.advance(seconds)
    if emitter.mintable() > 0:
        note = "local time moved until the stakers' HPC had accrued" if short > 0 else ""
        ctx.step(f"{dao}Emitter.mint", emitter.mint(sender=treasury), note)


def _change(ctx: Context, dao: str, newcomer):
    """The DAO's exercise proposal: CC moves the airdrop fee by 1 point and issues `newcomer` a DAO
    identity; HPC seats `newcomer` as an authenticator. Returns (calls, description, check)."""
    if dao == "CC":
        registry, identity = ctx["ParameterRegistry"], ctx["DaoIdentity"]
        fee = registry.value_of("airdrop_rounds.fee_bps")
        new_fee = fee - 100 if fee >= 100 else fee + 100
        calls = [
            (registry, registry.set_parameter.encode_input("airdrop_rounds.fee_bps", new_fee)),
            (identity, identity.issue.encode_input(newcomer)),
        ]

        def check() -> bool:
            return ctx["AirdropRounds"].fee_bps() == new_fee and identity.balanceOf(newcomer) == 1

        return calls, f"airdrop fee to {new_fee} bps; a DAO identity for {newcomer.address}", check
    authenticators = ctx["AuthenticatorRegistry"]
    calls = [(authenticators, authenticators.add_member.encode_input(newcomer))]
    return calls, f"seat {newcomer.address} as an authenticator", lambda: authenticators.is_member(newcomer)


def _carry(ctx: Context, proposals: list[Proposal]) -> None:
    """Votes, queues and executes every open proposal, moving local time past each delay once."""
    ctx.advance(max(p.governor.voting_delay() for p in proposals) + 1)
    for p in proposals:
        ctx.step(f"{p.dao} Governor.castVote (for)", p.governor.castVote(p.id, 1, sender=p.proposer))
    ctx.advance(max(p.governor.voting_period() for p in proposals))
    for p in proposals:
        ctx.step(f"{p.dao} Governor.queue", p.governor.queue(*p.args(), sender=p.proposer))
    ctx.advance(max(ctx[DAOS[p.dao]["timelock"]].get_minimum_delay() for p in proposals))
    for p in proposals:
        note = "after the voting delay, the vote and the timelock delay (local time moved)"
        ctx.step(f"{p.dao} Governor.execute", p.governor.execute(*p.args(), sender=p.proposer), note)
        ctx.check(p.check(), f"the {p.dao} proposal's changes are in place")

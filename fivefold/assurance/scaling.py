"""Scaling table (issue 18): a per-user operation costs the same with 10, 1,000 or 10,000 other
participants in the contract.

Each row is a `Crowd`: a system set up once as the gas bench sets it up (`fivefold/<domain>/bench*.py`,
whose helpers it reuses), a way to add participants, and the measured transaction. The crowd grows
in steps (10, then 990 more, then 9,000 more); at each size one chain snapshot is taken, the
operation measured and the snapshot restored, so every size measures the same transaction by the
same account, on the same contract addresses, at the same point of its schedule, only with more
participants around it.

Participants are real and distinct: each is an account of its own (a minimal proxy opened by a batch
helper under contracts/mocks, a beneficiary address written by the owner's own batch call, or, where
a participant takes the native coin or an NFT by a safe transfer, which a proxy refuses, an address
without code sending its own transactions through anvil's impersonation) that went through the
contract's ordinary external functions (a board voter's weight too: set by its votes source's owner
before the round; a mall buyer's coin: set by `anvil_setBalance`, an account's balance, not a
contract's storage); no storage of a contract under test is written by hand. A call that binds its
caller (an AdCampaigns commitment or verifier's attestation, a RedPacket password signature) is made
in Python for each participant's address: a keyless address's is known at once, a proxy's before the
proxy exists, since ScalingCrowd creates them with CREATE and their addresses follow from its nonce
(`create_address`). Batches are sent as plain `eth_sendTransaction`
calls with a fixed gas limit (no estimate, no receipt awaited until the last one): 10,000
participants took 3 to 186 seconds a crowd on this project's shared 2-core machine
(docs/assurance.md has the figures and times).

Tolerance: a row fails when its spread (largest minus smallest figure) is above 1% of its smallest
figure. What legitimately moves between sizes is small and bounded: the values written (a reward per
token or a share with more or fewer digits makes no gas difference, but a field going from zero to
non-zero would: 17,100 gas) and calldata (identical here: same accounts and addresses at every size).
Anything that grows with the crowd (a loop over participants, a binary search over a history that
the crowd lengthens: 2,100 gas per cold step, at least 1% of any figure here) shows as a spread above
the band.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fivefold.gas import Bench
from fivefold.tokens.bench import capped_token
from fivefold.units import DAY, MONTH, WAD

SIZES = (10, 1_000, 10_000)
TOLERANCE = 0.01  # a row fails if (max - min) > 1% of min: see the module docstring
RESULTS_FILE = Path("bench/scaling.json")


@dataclass(frozen=True)
class Crowd:
    """A system ready for its measured operations: `join(count)` adds `count` participants (at most
    `batch` per transaction); each of `measures` performs one operation and returns its receipt (rows
    on the same system share one crowd: lending's borrow and repay, a market's prove and claim)."""

    join: Callable[[int], None]
    measures: tuple[Callable[[], Any], ...]
    batch: int


@dataclass(frozen=True)
class Row:
    key: str
    condition: str
    build: Callable[[Bench, int], Crowd]  # (bench, most participants it will hold) -> Crowd
    position: int  # which of the crowd's `measures` is this row's


ROWS: dict[str, Row] = {}


def rows(*keyed: tuple[str, str]):
    """Registers `build(bench, capacity) -> Crowd` for the rows `(key, condition)`, in the order of
    the crowd's `measures` (each key the gas key it mirrors)."""

    def register(fn):
        for position, (key, condition) in enumerate(keyed):
            if key in ROWS:
                raise ValueError(f"scaling row {key!r} registered twice")
            ROWS[key] = Row(key, condition, fn, position)
        return fn

    return register


def row(key: str, condition: str):
    """`rows` for a crowd measured by one operation."""
    return rows((key, condition))


def load_rows() -> dict[str, Row]:
    """Every row, sorted by key."""
    return dict(sorted(ROWS.items()))


# --- sending batches


def send_many(
    b: Bench,
    sender,
    method,
    calls: list[tuple],
    gas: int,
    seconds_apart: int = 0,
    value: int = 0,
    packed: bool = False,
    senders: list[str] | None = None,
    paying: int = 0,
) -> None:
    """Sends `method(*args)` for each args of `calls` from `sender` as plain transactions with a fixed
    gas limit (local chains: base fee and gas price 0), awaiting only at the end; fails on any revert.
    With `seconds_apart`, the clock moves that far before each (participants arrive over time); with
    `value`, each call pays its first argument (a count) times `value` in coin; with `paying`, each
    pays that much (a purchase). With `packed`, automine is off while they are sent and blocks are then
    mined full, so thousands of small transactions take dozens of blocks, not one each (anvil keeps
    every block's state: 10,000 one-transaction blocks took it past 10 GB of memory and stalled it
    here). With `senders`, call i is sent from `senders[i]` instead (`sender` unused): addresses whose
    key nobody holds, sent as by anvil's `anvil_autoImpersonateAccount`, on while they are sent and
    mined (at gas price 0 a sender needs no coin but what it pays)."""
    provider = b.chain.provider
    web3 = provider.web3
    to = method.contract.address
    hashes = []
    if senders is not None and len(senders) != len(calls):
        raise ValueError(f"send_many: {len(senders)} senders for {len(calls)} calls")
    if value and paying:
        raise ValueError("send_many: `value` (per count) or `paying` (per call), not both")
    undo = []  # the node settings switched, switched back in `finally` whatever fails
    try:
        if packed:
            provider.make_request("evm_setAutomine", [False])
            undo.append(("evm_setAutomine", [True]))
        if senders is not None:
            provider.make_request("anvil_autoImpersonateAccount", [True])
            undo.append(("anvil_autoImpersonateAccount", [False]))
        for i, args in enumerate(calls):
            if seconds_apart:
                provider.make_request("evm_increaseTime", [seconds_apart])
            tx = {
                "from": senders[i] if senders is not None else sender.address,
                "to": to,
                "data": method.encode_input(*args),
                "value": args[0] * value if value else paying,
                "gas": gas,
                "gasPrice": 0,
            }
            hashes.append(web3.eth.send_transaction(tx))
        while packed and int(provider.make_request("txpool_status", [])["pending"], 16):
            provider.make_request("evm_mine", [])
    finally:
        for request, params in reversed(undo):
            provider.make_request(request, params)
    for tx_hash in hashes:
        receipt = web3.eth.wait_for_transaction_receipt(tx_hash, timeout=600, poll_latency=0.05)
        if receipt["status"] != 1:
            raise RuntimeError(f"a crowd batch to {to} reverted (transaction {tx_hash.hex()})")


def in_batches(count: int, batch: int) -> list[int]:
    """`count` split into batches of at most `batch`: in_batches(250, 100) == [100, 100, 50]."""
    return [min(batch, count - start) for start in range(0, count, batch)]


# --- measuring


def measure_crowd(
    b: Bench, selected: list[Row], sizes: tuple[int, ...], on_joined: Callable[[int], None] = lambda n: None
) -> dict[str, dict[int, int]]:
    """Gas of each selected row (all of one builder) at each size, ascending, the crowd grown between
    sizes and every measurement in its own snapshot; the chain is restored to where it was."""
    outer = b.chain.snapshot()
    try:
        crowd = selected[0].build(b, max(sizes))
        present, gas = 0, {r.key: {} for r in selected}
        for size in sorted(sizes):
            crowd.join(size - present)
            on_joined(size - present)
            present = size
            for r in selected:
                snapshot = b.chain.snapshot()
                try:
                    gas[r.key][size] = int(crowd.measures[r.position]().gas_used)
                finally:
                    b.chain.restore(snapshot)
        return gas
    finally:
        b.chain.restore(outer)


def by_crowd(selected: dict[str, Row]) -> list[list[Row]]:
    """The selected rows grouped by the crowd they share, in key order of each group's first row."""
    groups: dict[Callable, list[Row]] = {}
    for r in selected.values():
        groups.setdefault(r.build, []).append(r)
    return list(groups.values())


def spread(gas: dict[int, int]) -> int:
    return max(gas.values()) - min(gas.values())


def within(gas: dict[int, int], tolerance: float = TOLERANCE) -> bool:
    return spread(gas) <= min(gas.values()) * tolerance


def parse_sizes(text: str) -> tuple[int, ...]:
    """Parses `--sizes`: "10,1000,10000" -> (10, 1000, 10000); at least two distinct sizes, each >= 1."""
    try:
        sizes = tuple(sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise ValueError(
            f"--sizes {text!r}: give comma-separated whole numbers, e.g. 10,1000,10000"
        ) from None
    if len(sizes) < 2 or sizes[0] < 1:
        raise ValueError(f"--sizes {text!r}: give at least two distinct sizes, each at least 1")
    return sizes


# --- `ape run scaling` (scripts/scaling.py parses the options and calls `run`)


def run(only: str = "", sizes: tuple[int, ...] = SIZES, path: Path = RESULTS_FILE) -> dict:
    """Measures every row (or those whose key starts with one of `only`'s comma-separated prefixes)
    at every size on the connected local chain, prints the table, writes `path`; exits 1 if a row's
    spread is above the band."""
    from ape import accounts, chain, project

    from fivefold import session, ui

    session.prepare(chain.provider)
    prefixes = tuple(p.strip() for p in only.split(",")) if only else ("",)
    selected = {k: r for k, r in load_rows().items() if k.startswith(prefixes)}
    if not selected:
        ui.fail(f"no scaling row starts with {only!r} (rows: {', '.join(load_rows())})")
    bench = Bench(project=project, accounts=accounts.test_accounts, chain=chain)
    results, started = {}, time.monotonic()
    with ui.progress() as bar:
        for group in by_crowd(selected):
            task = bar.add_task(" + ".join(r.key for r in group), total=max(sizes))
            group_started = time.monotonic()
            gas = measure_crowd(bench, group, sizes, on_joined=lambda n, t=task: bar.advance(t, n))
            for r in group:
                results[r.key] = {
                    "condition": r.condition,
                    "gas": {str(size): figure for size, figure in gas[r.key].items()},
                    "spread": spread(gas[r.key]),
                    "within_tolerance": within(gas[r.key]),
                    "crowd_seconds": round(time.monotonic() - group_started, 1),
                }
                figures = ", ".join(f"{figure:,}" for figure in gas[r.key].values())
                bar.console.print(f"{r.key}: {figures} (crowd {results[r.key]['crowd_seconds']:,.0f} s)")
    if only and path.exists():
        # a partial run keeps the other rows of a file measured at the same sizes (as `ape run gas`)
        previous = json.loads(path.read_text())
        if previous.get("sizes") == list(sizes):
            results = {**{k: v for k, v in previous["rows"].items() if k in ROWS}, **results}
    results = dict(sorted(results.items()))
    document = {
        "sizes": list(sizes),
        "tolerance": f"spread (max - min) at most {TOLERANCE:.0%} of the smallest figure",
        "seconds": round(time.monotonic() - started, 1),  # this run's, the start-up excluded
        # every crowd's build, growth and measurements, once a crowd (a partial run merged: all rows')
        "crowd_seconds": round(
            sum({ROWS[k].build: v["crowd_seconds"] for k, v in results.items()}.values()), 1
        ),
        "rows": results,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
    _print(results, sizes, document["seconds"], path)
    over = [k for k, v in results.items() if not v["within_tolerance"]]
    if over:
        ui.fail(
            f"spread above {TOLERANCE:.0%}: " + "; ".join(f"{k} ({results[k]['spread']:,} gas)" for k in over)
        )
    return document


def _print(results: dict, sizes: tuple[int, ...], seconds: float, path: Path) -> None:
    from fivefold import ui

    ui.table(
        f"Scaling: gas of a per-user operation with N other participants ({seconds:,.0f} s; {path})",
        ["operation", *[f"gas@{size:,}" for size in sizes], "spread", "verdict"],
        [
            (
                key,
                *[f"{v['gas'][str(size)]:,}" for size in sizes],
                f"{v['spread']:,} ({100 * v['spread'] / min(v['gas'].values()):.2f}%)",
                "flat" if v["within_tolerance"] else f"[red]above {TOLERANCE:.0%}[/]",
            )
            for key, v in results.items()
        ],
        justify_right=tuple(range(1, len(sizes) + 2)),
    )


# --- the crowds: one builder a row, each reusing its domain's gas-bench setup

BATCH_GAS = 29_000_000  # under anvil's 30M block limit: one batch a block
GWEI = 10**9


def _stakers(b: Bench, token, target, amount: int, capacity: int, seconds_apart: int = 0):
    """A StakingBatchStaker holding `capacity` x `amount` of `token` and `join(count)` opening `count`
    accounts that each stake `amount` in `target` through its ordinary `stake(amount)`. The caller
    funds the batcher (its address is the returned `batcher`)."""
    account = b.project.StakerAccount.deploy(sender=b.deployer)
    batcher = b.project.StakingBatchStaker.deploy(account, sender=b.deployer)

    def join(count: int):
        calls = [(n, token, target, amount) for n in in_batches(count, STAKER_BATCH)]
        send_many(b, b.deployer, batcher.stake_many, calls, BATCH_GAS, seconds_apart)

    return batcher, join


STAKER_BATCH = 50  # a stake through a fresh proxy costs up to ~350,000 gas: 50 a batch stays under 30M


@row(
    "dao.vote",
    "castVote(for): the first vote on a fresh one-call proposal, the voter's first vote ever, with N "
    "other stakers (1 CC each, a second apart) in the Staking that is the Governor's votes source",
)
def dao_vote(b: Bench, capacity: int) -> Crowd:
    from fivefold.governance import bench as governance

    token = capped_token(b, "CloudChat", "CC", 10**28)
    votes = b.project.Staking.deploy(token, token, b.owner, "CloudChat Staking", "1", sender=b.deployer)
    batcher, join = _stakers(b, token, votes, WAD, capacity, seconds_apart=1)
    amounts = [2_000 * WAD, 10_000 * WAD, capacity * WAD]
    token.initialize_supply([b.user(0), b.user(1), batcher], amounts, sender=b.owner)
    for i in (0, 1):
        token.approve(votes, amounts[i], sender=b.user(i))
        votes.stake(amounts[i], sender=b.user(i))
    predicted = b.deployer.get_deployment_address(b.deployer.nonce + 1)
    timelock = b.project.Timelock.deploy(
        governance.TIMELOCK_DELAY, predicted, governance.ZERO, sender=b.deployer
    )
    governor = b.project.Governor.deploy(
        votes, timelock, governance.VOTING_DELAY, governance.VOTING_PERIOD, 1_000 * WAD, 400, 7 * DAY,
        governance.ZERO, sender=b.deployer,
    )  # fmt: skip

    def measure():
        b.chain.pending_timestamp += 3_600  # the stakes an hour old, as in dao.vote
        return governance._vote(b, governor)

    return Crowd(join, (measure,), STAKER_BATCH)


@row(
    "staking.claim",
    "first claim of income streamed for a day by a staker whose CC balance is zero, with N other "
    "stakers (1 CC each) sharing the stream",
)
def staking_claim(b: Bench, capacity: int) -> Crowd:
    from fivefold.governance import bench as governance

    token = capped_token(b, "CloudChat", "CC", 10**28)
    staking = b.project.Staking.deploy(token, token, b.owner, "CloudChat Staking", "1", sender=b.deployer)
    batcher, join = _stakers(b, token, staking, WAD, capacity)
    holders = [b.treasury, b.user(0), b.user(1), batcher]
    amounts = [governance.BUDGET, governance.STAKE, governance.STAKE, capacity * WAD]
    token.initialize_supply(holders, amounts, sender=b.owner)
    for account in holders[:3]:
        token.approve(staking, 2**256 - 1, sender=account)
    staking.fund(governance.BUDGET, sender=b.treasury)
    staking.set_reward_rate(governance.RATE, sender=b.owner)
    staking.stake(governance.STAKE, sender=b.user(1))

    def measure():
        # a minute of income first, so the staker's settled reward per token is not zero (as in the bench)
        b.chain.pending_timestamp += 60
        staking.stake(governance.STAKE, sender=b.user(0))
        b.chain.pending_timestamp += DAY
        return staking.claim(sender=b.user(0))

    return Crowd(join, (measure,), STAKER_BATCH)


@row(
    "farm.claim",
    "a farmer who staked a minute ago claims its CC from a Uniswap v2 LP farm, with N other farmers "
    "(distinct accounts staking 1 gwei of LP each) in the farm",
)
def farm_claim(b: Bench, capacity: int) -> Crowd:
    from fivefold.nft import bench_farm

    farm, pair, _ = bench_farm._farm(b)
    batcher, join = _stakers(b, pair, farm, GWEI, capacity)
    pair.transfer(batcher, capacity * GWEI, sender=b.user(0))

    def measure():
        amount = pair.balanceOf(b.user(0))
        pair.approve(farm, amount, sender=b.user(0))
        farm.stake(amount, sender=b.user(0))
        b.chain.pending_timestamp += 60
        return farm.claim(sender=b.user(0))

    return Crowd(join, (measure,), STAKER_BATCH)


NODE_BATCH = 100  # as fivefold/nodes/bench_pools.py: ~150,000 gas a deposit


@row(
    "pool.economy.claim",
    "first claim of season 0 by a node that deposited 20,000 CPC in its raising, with N other nodes "
    "(20,000 CPC each, NodesBatchDepositor) in the pool",
)
def economy_claim(b: Bench, capacity: int) -> Crowd:
    from fivefold.nodes import bench_pools, model_pools

    cpc, pool, genesis = bench_pools._economy(b)
    account = b.project.NodesDepositorAccount.deploy(sender=b.deployer)
    batcher = b.project.NodesBatchDepositor.deploy(account, sender=b.deployer)
    cpc.transfer(batcher, capacity * bench_pools.ECONOMY_DEPOSIT, sender=b.treasury)

    def join(count: int):
        calls = [(n, cpc, pool, bench_pools.ECONOMY_DEPOSIT) for n in in_batches(count, NODE_BATCH)]
        send_many(b, b.deployer, batcher.deposit_many, calls, BATCH_GAS)

    def measure():
        pool.deposit(bench_pools.ECONOMY_DEPOSIT, sender=b.user(0))
        b.chain.pending_timestamp = genesis + model_pools.SETTLEMENT_START + 1
        return pool.claim(sender=b.user(0))

    return Crowd(join, (measure,), NODE_BATCH)


VOTER_WEIGHT = WAD  # each crowd voter's weight: 1 CPC (the bench's two voters hold 50,000 each)
SET_VOTES_GAS = 150_000  # MockVotes.set_votes, a first weight: ~110,000 gas; 200 a block


@rows(
    (
        "board.vote",
        "a node operator approves one candidate (no approval yet) in the directors' round after another "
        "operator approved the other, with N other voters (distinct accounts, 1 CPC of weight each "
        "checkpointed before the round's snapshot, ScalingCrowd) who approved the other too",
    ),
    (
        "board.claim",
        "a director of a board of two claims its share of the first half-year after the other director "
        "reserved it (the rounds finalized by that claim), with N other voters in the directors' round",
    ),
)
def board_vote_claim(b: Bench, capacity: int) -> Crowd:
    from fivefold.context import create_address
    from fivefold.nodes import bench_board

    board, _ = bench_board._board(b)  # genesis reached, user 1 standing (candidate 0)
    board.stand(bench_board.DEPOSIT, sender=b.user(0))  # candidate 1, as in both benches
    votes = b.project.MockVotes.at(board.votes_source())
    crowd, join = _same_call_crowd(b, board, board.vote.encode_input([0]))
    # A weight counts only if checkpointed before the round's snapshot, which every crowd vote follows:
    # all `capacity` weights are set now, during candidacy, on the addresses ScalingCrowd will open its
    # accounts at (plain creations, its nonces 1, 2, ...); `join(n)` then opens the next n, each
    # approving candidate 0 itself. A wrong address would have no weight and revert its batch.
    voters = [create_address(crowd.address, nonce) for nonce in range(1, capacity + 1)]
    # the votes source is the bench's MockVotes, whose owner alone sets a weight: a transaction each,
    # packed into full blocks
    weights = [(voter, VOTER_WEIGHT) for voter in voters]
    send_many(b, b.deployer, votes.set_votes, weights, SET_VOTES_GAS, packed=True)
    b.chain.pending_timestamp = board.round_window(0, 0)[0]

    def vote():
        return bench_board._ballots(b, board)

    def claim():
        return bench_board._claims(b, board)

    return Crowd(join, (vote, claim), CROWD_BATCH)


BORROWER_BATCH = 100  # as fivefold/lending/bench.py: ~280,000 gas a position


def _borrowers(b: Bench, system, funder, capacity: int):
    """`join(count)` opening `count` borrowers in `system`'s USD6 market (10 USD6 supplied, 1 USD6
    borrowed each, LendingBatchBorrower), the USD6 paid by `funder`."""
    from fivefold.lending import bench as lending

    usd6, market = system.tokens["USD6"], system.markets["USD6"]
    account = b.project.LendingBorrowerAccount.deploy(sender=b.deployer)
    batcher = b.project.LendingBatchBorrower.deploy(account, sender=b.deployer)
    usd6.transfer(batcher, capacity * 10 * lending.USD, sender=funder)

    def join(count: int):
        position = (usd6, market, market, 10 * lending.USD, lending.USD)
        calls = [(n, *position) for n in in_batches(count, BORROWER_BATCH)]
        send_many(b, b.deployer, batcher.open_positions, calls, BATCH_GAS)

    return join


@rows(
    (
        "lending.borrow",
        "first borrow (500 USD6) of an account with two collateral markets enabled, a day after the "
        "last accrual, with N other borrowers (10 USD6 supplied, 1 borrowed each) in the market",
    ),
    (
        "lending.repay",
        "partial repay (50 USD6) of a borrower's own debt, a day after the last accrual, with N other "
        "borrowers in the market",
    ),
)
def lending_borrow_repay(b: Bench, capacity: int) -> Crowd:
    from fivefold.lending import bench as lending

    system = lending._borrow_ready(b)  # the lending bench's system, user 1's collateral enabled
    join = _borrowers(b, system, b.user(2), capacity)
    usd6 = system.markets["USD6"]

    def borrow():
        lending._wait(b, system)
        return usd6.borrow(500 * lending.USD, b.user(1), sender=b.user(1))

    def repay():
        lending._wait(b, system)
        return usd6.repay(50 * lending.USD, b.user(3), sender=b.user(3))

    return Crowd(join, (borrow, repay), BORROWER_BATCH)


@row(
    "mining.claim",
    "a supplier of a mined USD6 market claims CC a minute after N other accounts joined it (each "
    "supplying 10 USD6 and borrowing 1 USD6: in both streams)",
)
def mining_claim(b: Bench, capacity: int) -> Crowd:
    from fivefold.nft import bench_farm

    system, suppliers = bench_farm.mined_market(b)
    join = _borrowers(b, system, b.treasury, capacity)

    def measure():
        b.chain.pending_timestamp += 60
        return suppliers.claim(sender=b.user(0))

    return Crowd(join, (measure,), BORROWER_BATCH)


SCHEDULE_BATCH = 32  # VestingVault.MAX_BATCH
CROWD_SCHEDULE = 1_000 * WAD  # each other beneficiary's total


@row(
    "vesting.release",
    "second release (month 2 of cc.public) to a beneficiary that already holds the token, with N other "
    "schedules (distinct beneficiaries, same plan and start) in the vault",
)
def vesting_release(b: Bench, capacity: int) -> Crowd:
    from fivefold.vesting import bench as vesting
    from fivefold.vesting.model import PLANS

    total = 200_000_000 * WAD
    _, vault = vesting._vault_with_token(b, total + capacity * CROWD_SCHEDULE)
    vault.add_plan(*PLANS["cc.public"].encode_args(), sender=b.owner)
    start = b.chain.pending_timestamp
    vault.create_schedules([(1, b.user(0).address, 0, total, start, False)], sender=b.owner)
    created = [1]  # schedule ids used so far

    def join(count: int):
        ids = range(created[0] + 1, created[0] + 1 + count)
        created[0] += count
        requests = [(i, _beneficiary(i), 0, CROWD_SCHEDULE, start, False) for i in ids]
        batches = [(requests[at : at + SCHEDULE_BATCH],) for at in range(0, count, SCHEDULE_BATCH)]
        send_many(b, b.owner, vault.create_schedules, batches, BATCH_GAS)

    def measure():
        b.chain.pending_timestamp = start + MONTH
        vault.release(1, sender=b.user(1))
        b.chain.pending_timestamp = start + 2 * MONTH
        return vault.release(1, sender=b.user(1))

    return Crowd(join, (measure,), SCHEDULE_BATCH)


def _beneficiary(i: int) -> str:
    """A distinct address per crowd schedule (no key needed: nobody releases these)."""
    return _keyless(b"beneficiary", i)


def _keyless(label: bytes, i: int) -> str:
    """Participant `i`'s address in the crowd `label`: keccak256("scaling." + label + i)[:20], distinct
    per label and participant, an account without code whose key nobody holds (it receives, or sends
    through `send_many(..., senders=...)`)."""
    from eth_utils import keccak, to_checksum_address

    return to_checksum_address(keccak(b"scaling." + label + i.to_bytes(32, "big"))[:20])


AIRDROP_LEAVES = 2**14  # every proof 14 hashes long, room for 10,000 claims outside the measured word
AIRDROP_INDEX = AIRDROP_LEAVES - 1  # alone in the last bitmap word: no crowd claim writes it
CLAIM_BATCH = 100


@row(
    "airdrop.claim",
    f"claim of leaf {AIRDROP_INDEX:,} of a {AIRDROP_LEAVES:,}-leaf CMDT round (14-hash proof), submitted "
    "by a third party, the recipient never held CMDT and its bitmap word fresh, after N other leaves "
    "claimed (PayoutsBatchClaimer, each paid to its own account)",
)
def airdrop_claim(b: Bench, capacity: int) -> Crowd:
    from eth_utils import to_checksum_address

    from fivefold.payouts import bench as payouts
    from fivefold.payouts import merkle

    if capacity > AIRDROP_INDEX - 255:
        raise ValueError(f"airdrop.claim: at most {AIRDROP_INDEX - 255:,} other claims (the tree's size)")
    ad, token = payouts.airdrop_setup(b)
    accounts = [to_checksum_address(a) for a in payouts.bench_accounts(AIRDROP_LEAVES)]
    rnd, tree, _ = payouts.publish_tree(b, ad, token, [bytes.fromhex(a[2:]) for a in accounts],
                                        [payouts.TOKEN] * AIRDROP_LEAVES)  # fmt: skip
    payouts.draw(b, rnd)
    b.chain.pending_timestamp += 15 * DAY  # every turn has come: the schedule ends before mid-window
    batcher = b.project.PayoutsBatchClaimer.deploy(sender=b.deployer)
    claimed = [0]

    def leaf(i: int) -> tuple:
        return (i, accounts[i], payouts.TOKEN, merkle.ints(tree.proof(i)))

    def join(count: int):
        first = claimed[0]
        claimed[0] += count
        claims = [leaf(i) for i in range(first, first + count)]
        batches = [(rnd, claims[at : at + CLAIM_BATCH]) for at in range(0, count, CLAIM_BATCH)]
        send_many(b, b.deployer, batcher.claim_many, batches, BATCH_GAS)

    def measure():
        return rnd.claim(*leaf(AIRDROP_INDEX), sender=b.user(2))

    return Crowd(join, (measure,), CLAIM_BATCH)


def _same_call_crowd(b: Bench, target, data: bytes, token=None, amount: int = 0, value: int = 0):
    """A ScalingCrowd whose `join(count)` opens `count` accounts that each receive `amount` of
    `token` (the caller funds the returned batcher) and `value` of the coin, and call `target` with
    `data` themselves. Returns (batcher, join)."""
    account = b.project.ScalingCrowdAccount.deploy(sender=b.deployer)
    batcher = b.project.ScalingCrowd.deploy(account, sender=b.deployer)
    token_address = token.address if token is not None else ZERO_ADDRESS

    def join(count: int):
        calls = [(n, token_address, amount, target, data) for n in in_batches(count, CROWD_BATCH)]
        send_many(b, b.deployer, batcher.join_many, calls, BATCH_GAS, value=value)

    return batcher, join


ZERO_ADDRESS = "0x0000000000000000000000000000000000000000"
CROWD_BATCH = 50  # ScalingCrowd: a proxy, a transfer, an approval and the call, up to ~400,000 gas each


def _tippers(b: Bench, capacity: int):
    """The payments bench's AnchorTips (CC stream funded and streaming), viewers 2 and 0 tipped 100 CC
    each, and `join(count)` opening `count` more viewers tipping 1 CC each to the same anchor."""
    from fivefold.payments import bench as payments

    tips, cc = payments._tips(b, payments._usdt(b))
    for viewer in (b.user(2), b.user(0)):
        tips.tip(b.user(1), cc, 100 * WAD, payments.MESSAGE, sender=viewer)
    data = tips.tip.encode_input(b.user(1), cc, WAD, payments.MESSAGE)
    batcher, join = _same_call_crowd(b, tips, data, token=cc, amount=WAD)
    cc.transfer(batcher, capacity * WAD, sender=b.treasury)
    return tips, cc, join


@rows(
    (
        "payments.tip.cc",
        "a viewer's second 100 CC tip with a 17-character message to an anchor with a CC balance (3% "
        "platform share, reward stream settled and raised), a minute after the last tip, with N other "
        "viewers (1 CC tips each, ScalingCrowd) sharing the stream",
    ),
    (
        "payments.claim",
        "a viewer who tipped 100 CC claims its reward from the tips' CC stream a minute later, with N "
        "other viewers (1 CC tips each) sharing the stream",
    ),
)
def tips_crowd(b: Bench, capacity: int) -> Crowd:
    from fivefold.payments import bench as payments

    tips, cc, join = _tippers(b, capacity)

    def tip():
        # a minute after the crowd's last tip: the stream has run since, at every size (in the same
        # second as the viewer's first tip, nothing would accrue and the holder word stay as it was)
        b.chain.pending_timestamp += 60
        return tips.tip(b.user(1), cc, 100 * WAD, payments.MESSAGE, sender=b.user(0))

    def claim():
        b.chain.pending_timestamp += 60
        return tips.claim(sender=b.user(0))

    return Crowd(join, (tip, claim), CROWD_BATCH)


@row(
    "datamarket.buy",
    "a buyer's first purchase of a native-coin listing naming a staked proxy, with N other buyers "
    "(distinct accounts, 1 coin each, ScalingCrowd) of the same listing through the same proxy",
)
def datamarket_buy(b: Bench, capacity: int) -> Crowd:
    from fivefold.datamarket import bench as datamarket
    from fivefold.datamarket import model

    market = datamarket.datamarket_setup(b)
    data = market.buy.encode_input(
        1, b.user(1), datamarket.PRICE, model.key_address(datamarket.BUYER_SECRET + 2)
    )
    _, join = _same_call_crowd(b, market, data, value=datamarket.PRICE)
    # the crowd pays capacity x 1 coin: more than a test account's 10,000 (the deployer's own balance)
    b.chain.provider.set_balance(b.deployer.address, (capacity + 1_000) * datamarket.PRICE)

    def measure():
        return datamarket._buy(b, market, b.user(4), datamarket.BUYER_SECRET)

    return Crowd(join, (measure,), CROWD_BATCH)


PROVIDER_BATCH = 100  # as fivefold/resources/bench.py: ~200,000 gas a registration


def _providers(b: Bench, capacity: int):
    """The resources bench's market (providers 0 and 1 registered, provider 1 ordered), and
    `join(count)` registering `count` more storage providers (ResourcesBatchProvider)."""
    from fivefold.resources import bench as resources

    market, period = resources._market(b)
    hpc = b.project.CappedToken.at(market.token())
    account = b.project.ResourcesProviderAccount.deploy(sender=b.deployer)
    batcher = b.project.ResourcesBatchProvider.deploy(account, sender=b.deployer)
    stake = resources.CAPACITY * resources.HPC
    hpc.transfer(batcher, capacity * stake, sender=b.treasury)

    def join(count: int):
        offer = (hpc, market, 0, resources.CAPACITY, resources.HPC, stake)
        calls = [(n, *offer) for n in in_batches(count, PROVIDER_BATCH)]
        send_many(b, b.deployer, batcher.register_many, calls, BATCH_GAS)

    def prove():
        """Provider 0's period served and proved by two authenticators (resources.prove)."""
        from fivefold.resources import model

        market.place_order(b.user(0), period, 10, sender=b.user(2))
        b.chain.pending_timestamp = market.period_end(period) + 60
        keys = [b.user(i).private_key for i in (4, 5)]
        signatures = model.sign_report(market, b.user(0).address, period, True, keys)
        return market.prove(b.user(0), period, True, signatures, sender=b.user(2))

    return market, join, prove


@rows(
    (
        "resources.prove",
        "a served provider-period (10 storage units) reported by two of three authenticators, the "
        "kind-period's first report, with N other storage providers registered (ResourcesBatchProvider)",
    ),
    (
        "resources.claim",
        "the provider claims its served period's payment and reward to a nonzero HPC balance, with N "
        "other storage providers registered",
    ),
)
def resources_prove_claim(b: Bench, capacity: int) -> Crowd:
    market, join, prove = _providers(b, capacity)

    def claim():
        prove()
        return market.claim(sender=b.user(0))

    return Crowd(join, (prove, claim), PROVIDER_BATCH)


SALE_COIN = 10**14  # each other buyer's purchase: 0.0001 native coin (800 CC at the public price)


@row(
    "sale.buy",
    "a buyer's first purchase in an open public round, 100 USDT (a new schedule in the sale's vault), "
    "with N other buyers (distinct accounts, 0.0001 native coin each, ScalingCrowd) in the round",
)
def sale_buy(b: Bench, capacity: int) -> Crowd:
    from fivefold.sale import bench as sale_bench

    sale, usdt, _ = sale_bench._sale(b)
    data = sale.buy.encode_input(0, sale_bench.NATIVE, SALE_COIN, 0, [])
    _, join = _same_call_crowd(b, sale, data, value=SALE_COIN)

    def measure():
        return sale.buy(0, usdt, 100 * 10**6, 0, [], sender=b.user(2))

    return Crowd(join, (measure,), CROWD_BATCH)


# --- crowds whose calls bind the caller: a commitment to its address, a signature over it


def _binding_crowd(b: Bench):
    """A ScalingCrowd for calls that name their caller, and `address(n)`: participant n's address
    (0, 1, ...) before it is created, so each call can be made for it (`join_each`)."""
    account = b.project.ScalingCrowdAccount.deploy(sender=b.deployer)
    batcher = b.project.ScalingCrowd.deploy(account, sender=b.deployer)

    from fivefold.context import create_address

    def address(n: int) -> str:
        return create_address(batcher.address, n + 1)  # a contract's first CREATE has nonce 1 (EIP-161)

    return batcher, address


def _chunks(items: list, size: int) -> list[list]:
    return [items[at : at + size] for at in range(0, len(items), size)]


def _without_zero_bytes(b: Bench, sign: Callable[[int], bytes]) -> tuple[int, bytes]:
    """(second, sign(second)) for the first second from a day out at which neither the second (4 bytes)
    nor its signature has a zero byte: one deadline for a row's measured transaction and its crowd, so
    the measured calldata is the same bytes at every size and every run (4 gas a zero byte, 16 any
    other); no zero byte is the usual case, and gas-snapshot.json's."""
    second = b.chain.pending_timestamp + DAY
    while 0 in second.to_bytes(4, "big") + (signature := sign(second)):
        second += 1
    return second, signature


def _commit_each(b: Bench, batcher, campaigns, consumers: list[str], digest: bytes) -> None:
    """Each of `consumers` (ScalingCrowd's next proxies) opened by `join_each`, committing to campaign
    1's keyword with a commitment bound to its own address."""
    from fivefold.ads import bench as ads
    from fivefold.ads import model

    commits = [
        campaigns.commit.encode_input(1, model.commitment(1, consumer, digest, ads.SALT))
        for consumer in consumers
    ]
    batches = [(campaigns.address, part) for part in _chunks(commits, BINDING_BATCH)]
    send_many(b, b.deployer, batcher.join_each, batches, BATCH_GAS)


def _paying_campaign(b: Bench, capacity: int):
    """The bench's campaign with room for user 1, the crowd and the measured consumer, and rewards
    left after (the book's `left` stays non-zero at every size, as in the bench's 10-reward campaign),
    and a binding crowd (`_binding_crowd`) to claim from it."""
    from fivefold.ads import bench as ads

    campaigns, _ = ads.ads_setup(b, budget=(capacity + 10) * ads.REWARD)
    return (campaigns, *_binding_crowd(b))


BINDING_BATCH = 100  # join_each: a proxy and a commitment or a signed claim, up to ~150,000 gas each


@row(
    "ads.claim",
    "the reveal in the block after the commitment: a consumer who never held CMDT is paid 1 CMDT from a "
    "campaign (budget: the largest crowd plus 10 rewards) that already paid another consumer and N others "
    "(ScalingCrowd, each committing to its own address, then revealing in a later block)",
)
def ads_claim(b: Bench, capacity: int) -> Crowd:
    from fivefold.ads import bench as ads
    from fivefold.ads import model

    campaigns, batcher, address = _paying_campaign(b, capacity)
    digest = model.keyword_digest(ads.KEYWORD)
    reveal = campaigns.claim.encode_input(1, digest, ads.SALT)
    opened = [0]

    def join(count: int):
        consumers = [address(n) for n in range(opened[0], opened[0] + count)]
        opened[0] += count
        _commit_each(b, batcher, campaigns, consumers, digest)
        # one transaction a block: every reveal is mined after the block of its commitment
        batches = [(part, campaigns.address, reveal) for part in _chunks(consumers, BINDING_BATCH)]
        send_many(b, b.deployer, batcher.act_many, batches, BATCH_GAS)

    def measure():
        ads._commit(b, campaigns, b.user(5))
        return campaigns.claim(1, digest, ads.SALT, sender=b.user(5))

    return Crowd(join, (measure,), BINDING_BATCH)


@row(
    "ads.claim.attested",
    "an EOA verifier's EIP-712 attestation submitted by the consumer, who never held CMDT and never "
    "committed, paid 1 CMDT from a campaign (budget: the largest crowd plus 10 rewards) that already paid "
    "another consumer and N others (ScalingCrowd, each submitting the verifier's attestation of its own "
    "address)",
)
def ads_claim_attested(b: Bench, capacity: int) -> Crowd:
    from fivefold.ads import bench as ads
    from fivefold.ads import model

    campaigns, batcher, address = _paying_campaign(b, capacity)
    chain_id, consumer, opened = b.chain.chain_id, b.user(5), [0]

    def attest(who: str, deadline: int) -> bytes:
        return model.sign_attestation(ads.VERIFIER_KEY, chain_id, campaigns.address, 1, who, deadline)

    # one deadline for the measured attestation and the crowd's
    deadline, signature = _without_zero_bytes(b, lambda second: attest(consumer.address, second))

    def join(count: int):
        calls = []
        for n in range(opened[0], opened[0] + count):
            claimer = address(n)
            calls.append(
                campaigns.claim_attested.encode_input(1, claimer, deadline, attest(claimer, deadline))
            )
        opened[0] += count
        batches = [(campaigns.address, part) for part in _chunks(calls, BINDING_BATCH)]
        send_many(b, b.deployer, batcher.join_each, batches, BATCH_GAS)

    def measure():
        return campaigns.claim_attested(1, consumer, deadline, signature, sender=consumer)

    return Crowd(join, (measure,), BINDING_BATCH)


@row(
    "ads.commit",
    "a consumer's first commitment to a live CMDT campaign's keyword (a new entry word and its event), "
    "with N other consumers' commitments pending in the same campaign (ScalingCrowd, each committing "
    "to its own address)",
)
def ads_commit(b: Bench, capacity: int) -> Crowd:
    from fivefold.ads import bench as ads
    from fivefold.ads import model

    campaigns, _ = ads.ads_setup(b)  # the bench's 10-reward campaign: a commitment pays nothing
    batcher, address = _binding_crowd(b)
    digest = model.keyword_digest(ads.KEYWORD)
    opened = [0]

    def join(count: int):
        consumers = [address(n) for n in range(opened[0], opened[0] + count)]
        opened[0] += count
        _commit_each(b, batcher, campaigns, consumers, digest)

    def measure():
        return ads._commit(b, campaigns, b.user(5))

    return Crowd(join, (measure,), BINDING_BATCH)


REDPACKET_MAX_SHARES = 65_535  # RedPacket.MAX_SHARES


@row(
    "redpacket.claim.erc20.fresh",
    "a claim of a password CMDT packet (random split, USD 50, shares for the largest crowd plus 10) by a "
    "claimer that held no CMDT, after user 1's claim and N other claimers' in the same packet "
    "(ScalingCrowd, each signed for by the password key)",
)
def redpacket_claim(b: Bench, capacity: int) -> Crowd:
    from fivefold.payouts import bench as payouts
    from fivefold.payouts import model

    shares = capacity + 10  # user 1, the crowd and the measured claimer, 8 shares left after it
    if shares > REDPACKET_MAX_SHARES:
        raise ValueError(f"redpacket.claim: at most {REDPACKET_MAX_SHARES - 10:,} other claimers (shares)")
    rp, token = payouts.redpacket_setup(b)
    creator = b.user(0)
    _, pid, pk = payouts.create_password_packet(b, rp, token, creator, 1, shares=shares)
    payouts.claim(b, rp, creator, token.address, 1, pk, b.user(1))
    batcher, address = _binding_crowd(b)
    chain_id, opened = b.chain.chain_id, [0]

    def join(count: int):
        calls = []
        for n in range(opened[0], opened[0] + count):
            r, vs = model.sign_claim(pk.key, chain_id, rp.address, pid, address(n))
            calls.append(rp.claim.encode_input(creator.address, pk.address, token.address, 1, r, vs))
        opened[0] += count
        batches = [(rp.address, part) for part in _chunks(calls, BINDING_BATCH)]
        send_many(b, b.deployer, batcher.join_each, batches, BATCH_GAS)

    def measure():
        return payouts.claim(b, rp, creator, token.address, 1, pk, b.user(5))

    return Crowd(join, (measure,), BINDING_BATCH)


MTOKEN_CROWD_SHARE = 10**16  # each other holder's MToken: 0.01 (10,000 of them: 100 of user 1's 300)


@row(
    "mtoken.vote",
    "a holder's first vote on a lot with a bid (its 70% of the MToken locked, the 50% threshold reached, "
    "the countdown started), with N other holders in the same vault (0.01 MToken each from user 1, "
    "ScalingCrowd) that each voted on the other lot, also bid on, and took the vote back",
)
def mtoken_vote(b: Bench, capacity: int) -> Crowd:
    from fivefold.nft import bench_vault

    if capacity * MTOKEN_CROWD_SHARE > bench_vault.SHARE:  # the crowd's MToken is user 1's
        raise ValueError(f"mtoken.vote: at most {bench_vault.SHARE // MTOKEN_CROWD_SHARE:,} other holders")
    vault, _ = bench_vault._vault(b)  # 1,000 MToken: 700 to user 0 (the creator), 300 to user 1
    vault.bid(1, bench_vault.BID, value=bench_vault.BID, sender=b.user(3))  # the lot the crowd votes on
    batcher, address = _binding_crowd(b)
    vault.transfer(batcher, capacity * MTOKEN_CROWD_SHARE, sender=b.user(1))
    vote = vault.vote.encode_input(1, MTOKEN_CROWD_SHARE)
    unvote = vault.unvote.encode_input(1, MTOKEN_CROWD_SHARE)
    opened = [0]

    def join(count: int):
        # each holder receives its MToken and votes itself (join_many), then takes the vote back
        # (act_many): a live vote anywhere in the vault would make the vault's own MToken balance
        # non-zero, and the measured first lock 17,100 gas cheaper than mtoken.vote's
        holder = (vault.address, MTOKEN_CROWD_SHARE, vault.address, vote)
        calls = [(n, *holder) for n in in_batches(count, CROWD_BATCH)]
        send_many(b, b.deployer, batcher.join_many, calls, BATCH_GAS)
        holders = [address(n) for n in range(opened[0], opened[0] + count)]
        opened[0] += count
        batches = [(part, vault.address, unvote) for part in _chunks(holders, BINDING_BATCH)]
        send_many(b, b.deployer, batcher.act_many, batches, BATCH_GAS)

    def measure():
        vault.bid(0, bench_vault.BID, value=bench_vault.BID, sender=b.user(2))
        return vault.vote(0, bench_vault.SUPPLY - bench_vault.SHARE, sender=b.user(0))

    return Crowd(join, (measure,), CROWD_BATCH)


# --- crowds that cannot be ScalingCrowd proxies: they receive the native coin or an NFT by a safe
# transfer, which a proxy (no fallback, no receiver hook) refuses


IMPERSONATED_CLAIM_GAS = 150_000  # a crowd claim of the native packet: ~64,000 gas; 200 a block
NATIVE_PACKET = 10**16  # 0.01 coin, as redpacket.claim.native.fresh


@row(
    "redpacket.claim.native.fresh",
    "a claim of a password native-coin packet (random split, 0.01 coin, shares for the largest crowd "
    "plus 10) by a claimer that never claimed from it, after user 1's claim and N other claimers' in the "
    "same packet (distinct accounts without code, each signed for by the password key, sent impersonated)",
)
def redpacket_claim_native(b: Bench, capacity: int) -> Crowd:
    from fivefold.payouts import bench as payouts
    from fivefold.payouts import model

    shares = capacity + 10  # as redpacket.claim.erc20.fresh: the measured claim never the last
    if shares > REDPACKET_MAX_SHARES:
        raise ValueError(f"redpacket.claim: at most {REDPACKET_MAX_SHARES - 10:,} other claimers (shares)")
    rp, token = payouts.redpacket_setup(b)
    creator, native = b.user(0), model.ZERO_ADDRESS
    _, pid, pk = payouts.create_password_packet(
        b, rp, token, creator, 1, amount=NATIVE_PACKET, shares=shares, native=True
    )
    payouts.claim(b, rp, creator, native, 1, pk, b.user(1))
    chain_id, opened = b.chain.chain_id, [0]

    def join(count: int):
        claimers = [_keyless(b"redpacket.claimer", n) for n in range(opened[0], opened[0] + count)]
        opened[0] += count
        calls = [
            (creator.address, pk.address, native, 1, *model.sign_claim(pk.key, chain_id, rp.address, pid, c))
            for c in claimers
        ]
        send_many(b, None, rp.claim, calls, IMPERSONATED_CLAIM_GAS, packed=True, senders=claimers)

    def measure():
        return payouts.claim(b, rp, creator, native, 1, pk, b.user(5))

    return Crowd(join, (measure,), 1)  # one transaction a participant


MALL_CROWD_PRICE = 10**15  # each other buyer's order: 0.001 coin (royalty and seller paid, as any sale)
MALL_CROWD_TOKENS = 1_000_000  # the crowd's token ids start here, clear of the bench's 1 to 4
MINT_GAS = 100_000  # MallRoyalty721.mint of a new token: ~70,000 gas; 300 a block
BUY_GAS = 200_000  # a crowd buyer's first NFT of the collection: ~127,000 gas (mall.buy.first_nft)


def _order_signer(seller, mall, chain_id: int) -> Callable[[dict], bytes]:
    """`sign(order)`: `orders.sign_order`'s 65-byte signature (r, s, v), the mall's EIP-712 domain read
    once and the seller's key used directly (thousands of crowd orders, no round trip each)."""
    from eth_account import Account
    from eth_account.messages import encode_typed_data

    from fivefold import eip712
    from fivefold.nft import orders

    _, name, version, *_ = mall.eip712Domain()

    def sign(order: dict) -> bytes:
        typed = eip712.typed_data(name, version, chain_id, mall.address, "Order", orders.ORDER, order)
        signed = Account.sign_message(encode_typed_data(full_message=typed), seller.private_key)
        return signed.r.to_bytes(32, "big") + signed.s.to_bytes(32, "big") + bytes([signed.v])

    return sign


@row(
    "mall.buy",
    "buy of a signed ERC-721 order (65-byte ECDSA signature, signed once before the crowd) in the native "
    "coin by a collector already holding an NFT of the collection (5% royalty, fee 0%), with N other "
    "buyers (distinct accounts without code, sent impersonated) that each bought a token of its own of "
    "the same seller and collection through its own signed order (0.001 coin each)",
)
def mall_buy(b: Bench, capacity: int) -> Crowd:
    from fivefold.nft import bench_mall, orders

    mall, nft = bench_mall._mall(b)  # tokens 1-3 to user 0, approved to the mall, royalty to user 3
    nft.mint(b.user(1), 4, sender=b.deployer)  # the measured buyer already holds one, as in mall.buy
    seller, chain_id, provider = b.user(0), b.chain.chain_id, b.chain.provider
    sign, opened = _order_signer(seller, mall, chain_id), [0]
    # One expiry for the measured order and the crowd's. The bench's is its run's clock plus a day, so
    # whether a byte of it or of the signature is zero is chance: mall.buy's 109,652 or 109,640 from
    # run to run (docs/assurance.md); the row's figure does not depend on the run's clock.

    def measured_order(expiry: int) -> dict:
        return orders.order(mall, seller.address, nft.address, 1, bench_mall.PRICE, expiry, nonce=0)

    expiry, signature = _without_zero_bytes(b, lambda second: sign(measured_order(second)))
    measured = measured_order(expiry)

    def join(count: int):
        first = opened[0]
        opened[0] += count
        token_ids = range(MALL_CROWD_TOKENS + first, MALL_CROWD_TOKENS + first + count)
        buyers = [_keyless(b"mall.buyer", n) for n in range(first, first + count)]
        # the seller's new tokens (MallRoyalty721's open mint, packed), and each buyer the coin it pays
        send_many(b, b.deployer, nft.mint, [(seller.address, i) for i in token_ids], MINT_GAS, packed=True)
        for buyer in buyers:
            provider.make_request("anvil_setBalance", [buyer, hex(MALL_CROWD_PRICE)])
        calls = []
        for token_id in token_ids:
            order = orders.order(
                mall, seller.address, nft.address, token_id, MALL_CROWD_PRICE, expiry, nonce=0
            )
            calls.append((orders.as_tuple(order), sign(order)))
        send_many(b, None, mall.buy, calls, BUY_GAS, packed=True, senders=buyers, paying=MALL_CROWD_PRICE)

    def measure():
        return mall.buy(orders.as_tuple(measured), signature, value=bench_mall.PRICE, sender=b.user(1))

    return Crowd(join, (measure,), 1)  # one transaction a participant

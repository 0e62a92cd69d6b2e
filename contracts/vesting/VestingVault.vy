# pragma version ~=0.4.3
"""
@title Vesting vault: tranche schedules as data, amounts as a pure function of time
@custom:contract-name VestingVault
@license GNU Affero General Public License v3.0 only
@notice One vault per token (`token` is an immutable): one for CC, one for
        CPC. The vault is funded by holding tokens: the token's initial
        distribution mints straight into it, or anyone transfers in.
        Tokens held but not promised to any schedule are "unallocated";
        `create_schedules` only promises unallocated tokens, so the vault
        can never owe more than it holds.

        A plan is a vesting curve, registered once by the owner with
        `add_plan` and immutable afterwards:
          period    the length of one tranche period, in seconds
          tge       basis points unlocked at `start` (the TGE)
          c         cliff, in periods
          n1, b1    phase 1: n1 tranches of b1 basis points each
          n2, b2    phase 2: n2 tranches of b2 basis points each
        Tranche k (k = 1 .. n, n = n1 + n2) unlocks at
        `start + (c + k) * period`; tranches 1 .. n1 carry b1 each and
        n1 + 1 .. n carry b2 each. With k tranches unlocked at time t:
          vested(t) = 0                                   if t < start
                    = total                               if k == n
                    = total * (tge + min(k, n1) * b1
                               + max(k - n1, 0) * b2) // 10_000
        so the final tranche also releases whatever the basis points
        leave over (Seed's 1%, rounding dust). The division rounds down:
        the vault never pays ahead of the schedule.

        Readings of SPEC.md (CloudChat 5.2 table, CPChain token table):
        - "Month" = 30 days; start = TGE; the TGE share unlocks at start.
        - Seed, Institutional: cliff 12, 12 x 3.75% then 12 x 4.5% (99%);
          the remaining 1% is released with the final tranche (month 36).
        - Strategic: cliff 2, 10 x 10%. Public whitelist: 100% at TGE.
          Public sale: 20% at TGE + 4 x 20%. Developer team: cliff 23,
          35 x 2.8% then 1 x 2% (months 24 .. 59). Marketing: 4% at TGE
          + 24 x 4%.
        - CPC team: period 365 days, cliff 0, 4 x 25%: nothing in year 1,
          then 25% at each anniversary 1 .. 4.

        A schedule is created by the owner under a caller-chosen id that
        must be unused, so a re-run deployment cannot create it twice.
        `release` is callable by anyone and pays the current beneficiary;
        the beneficiary may hand the schedule to another address; the
        owner may revoke a revocable schedule, which freezes it at its
        vested amount (still releasable) and sends the unvested rest to
        the treasury.

        Funding and `committed`. The vault never promises more than it
        holds: `create_schedules` requires balance >= committed + the
        batch's totals, where `committed` is the sum over schedules of
        total - reconciled, and `reconciled` is the part of `released`
        already deducted from `committed`. `release` does not touch
        `committed` (a global slot read and write would cost 5,000 gas
        on every release, above the 48,000 target); `reconcile(ids)`,
        callable by anyone, deducts what the listed schedules released
        since their last reconciliation, and `revoke` reconciles its
        schedule. So `committed` is an upper bound of what the vault
        owes, exact once every released schedule is reconciled; a
        lagging `committed` can only refuse a batch, never over-commit.
        Before creating schedules after releases, reconcile the released
        schedules (from the `Released` events) to free their room.

        Storage is packed by hand so that `release` reads two cold slots
        and writes one:
          word A = beneficiary (160 bits) | released (96)
          word B = total (96) | start (40) | plan (94) | plan id (16)
                   | revocable (1) | revoked (1)
          plan   = period (28) | tge (14) | c (8) | n1 (8) | b1 (14)
                   | n2 (8) | b2 (14)
        The plan's word is copied into each schedule (plans are
        immutable, so the copy cannot go stale) to save a cold read.
        Totals are bounded by 2**96 - 1 wei (79.2 billion tokens of 18
        decimals; CC's 10 billion supply is the largest in the suite).
@custom:security The token is trusted: fixed at deployment and one of the
        suite's own ERC-20s, so its `transfer` cannot re-enter with
        anything to gain. `release` and `revoke` still follow
        checks-effects-interactions (state is written before the
        transfer), which is why they carry no reentrancy lock: the lock
        would cost a storage write on the hot path for no protection.
        No function loops over schedules or users; `create_schedules`
        and `reconcile` loop over their own batch, bounded by `MAX_BATCH`.
        A token whose `transfer` returns False makes the call revert.
@custom:kill Releases of vested amounts are never stopped, by design:
        they are the beneficiaries' tokens. In an emergency the owner
        revokes the revocable schedules (`revoke`: the unvested rest goes
        to the treasury, what has vested stays releasable) and stops
        creating new ones. Ownership moves in two steps and cannot be
        renounced.
"""


from ethereum.ercs import IERC20


from snekmate.auth import ownable
from snekmate.auth import ownable_2step

initializes: ownable
initializes: ownable_2step[ownable := ownable]


exports: (
    ownable.owner,
    ownable_2step.pending_owner,
    ownable_2step.transfer_ownership,
    ownable_2step.accept_ownership,
    # Deliberately not exported: `ownable_2step.renounce_ownership`
    # (a renounced vault could never revoke a schedule, add a plan or
    # move its treasury again).
)


# @dev Basis points in one whole (100%).
BPS: constant(uint256) = 10_000
# @dev Largest number of schedules one `create_schedules` call accepts.
MAX_BATCH: constant(uint256) = 32
# @dev Shortest tranche period a plan may use, in seconds.
MIN_PERIOD: constant(uint256) = 86_400
# @dev Longest tranche period a plan may use, in seconds (4 x 365 days).
MAX_PERIOD: constant(uint256) = 126_144_000
# @dev Largest cliff and largest tranche count of one phase, in periods
#      (each is stored in 8 bits).
MAX_PERIODS: constant(uint256) = 255
# @dev Number of plans the 16-bit plan id can address.
MAX_PLANS: constant(uint256) = 65_536
# @dev Largest schedule total, in wei (stored in 96 bits).
MAX_TOTAL: constant(uint256) = 2**96 - 1
# @dev Largest schedule start, a Unix time (stored in 40 bits).
MAX_START: constant(uint256) = 2**40 - 1

# Bit layout of the packed words (see the module docstring).
MASK_8: constant(uint256) = 2**8 - 1
MASK_14: constant(uint256) = 2**14 - 1
MASK_16: constant(uint256) = 2**16 - 1
MASK_28: constant(uint256) = 2**28 - 1
MASK_40: constant(uint256) = 2**40 - 1
MASK_94: constant(uint256) = 2**94 - 1
MASK_96: constant(uint256) = 2**96 - 1
MASK_160: constant(uint256) = 2**160 - 1
# word A
A_RELEASED: constant(uint256) = 160
# word B
B_START: constant(uint256) = 96
B_PLAN: constant(uint256) = 136
B_PLAN_ID: constant(uint256) = 230
B_REVOCABLE: constant(uint256) = 246
B_REVOKED: constant(uint256) = 247
# plan word
P_TGE: constant(uint256) = 28
P_CLIFF: constant(uint256) = 42
P_N1: constant(uint256) = 50
P_B1: constant(uint256) = 58
P_N2: constant(uint256) = 72
P_B2: constant(uint256) = 80


# @dev A vesting curve, as returned by `plan` (unpacked).
struct Plan:
    period: uint256
    tge_bps: uint256
    cliff_periods: uint256
    phase1_count: uint256
    phase1_bps: uint256
    phase2_count: uint256
    phase2_bps: uint256


# @dev One schedule to create, as passed to `create_schedules`.
struct ScheduleRequest:
    schedule_id: uint256
    beneficiary: address
    plan_id: uint256
    total: uint256
    start: uint256
    revocable: bool


# @dev A schedule, as returned by `schedule` (unpacked).
struct Schedule:
    beneficiary: address
    plan_id: uint256
    total: uint256
    released: uint256
    reconciled: uint256
    start: uint256
    revocable: bool
    revoked: bool


# @dev The vested token, fixed at deployment.
token: public(immutable(IERC20))


# @dev Where `revoke` sends unvested tokens (set after deployment,
#      read through `_treasury`).
treasury: public(address)


# @dev Number of plans registered; plan ids are 0 .. plan_count - 1.
plan_count: public(uint256)


# @dev Tokens promised to schedules and not yet deducted, in wei: the
#      sum over schedules of total - reconciled (>= what the vault owes).
committed: public(uint256)


# @dev Packed plan words by plan id (zero: no such plan).
_plans: HashMap[uint256, uint256]


# @dev Word A by schedule id: beneficiary | released (zero: no such schedule).
_schedule_a: HashMap[uint256, uint256]


# @dev Word B by schedule id: total | start | plan | plan id | flags.
_schedule_b: HashMap[uint256, uint256]


# @dev Part of each schedule's `released` already deducted from
#      `committed` (by `reconcile` or `revoke`); never read by `release`.
_reconciled: HashMap[uint256, uint256]


event PlanAdded:
    plan_id: indexed(uint256)
    period: uint256
    tge_bps: uint256
    cliff_periods: uint256
    phase1_count: uint256
    phase1_bps: uint256
    phase2_count: uint256
    phase2_bps: uint256


event ScheduleCreated:
    schedule_id: indexed(uint256)
    beneficiary: indexed(address)
    plan_id: indexed(uint256)
    total: uint256
    start: uint256
    revocable: bool


event Released:
    schedule_id: indexed(uint256)
    amount: uint256


event BeneficiaryTransferred:
    schedule_id: indexed(uint256)
    previous_beneficiary: indexed(address)
    new_beneficiary: indexed(address)


event Revoked:
    schedule_id: indexed(uint256)
    vested: uint256
    returned: uint256


event Reconciled:
    freed: uint256


event TreasuryChanged:
    previous_treasury: indexed(address)
    new_treasury: indexed(address)


@deploy
def __init__(token_: address, owner_: address):
    """
    @dev Deploys an empty vault for `token_`. The treasury is set
         afterwards with `set_treasury` (it differs between chains).
    @param token_ The vested ERC-20 (one vault per token).
    @param owner_ The account that adds plans, creates and revokes
           schedules and sets the treasury (governance, eventually).
    """
    assert token_ != empty(address), "vesting: zero token"
    assert owner_ != empty(address), "vesting: zero owner"
    token = IERC20(token_)
    ownable.__init__()
    ownable_2step.__init__()
    ownable_2step._transfer_ownership(owner_)


@external
def add_plan(
    period: uint256,
    tge_bps: uint256,
    cliff_periods: uint256,
    phase1_count: uint256,
    phase1_bps: uint256,
    phase2_count: uint256,
    phase2_bps: uint256,
) -> uint256:
    """
    @dev Registers an immutable vesting curve and returns its id.
    @notice Only the owner. Tranche k (1 .. phase1_count + phase2_count)
            unlocks at start + (cliff_periods + k) * period; the final
            tranche releases everything left. A plan without tranches
            unlocks everything at start and may not have a cliff.
    @param period The tranche period, in seconds (1 day .. 4 x 365 days).
    @param tge_bps Basis points unlocked at start.
    @param cliff_periods Periods after start before tranche 1 (<= 255).
    @param phase1_count Number of phase-1 tranches (<= 255).
    @param phase1_bps Basis points of each phase-1 tranche.
    @param phase2_count Number of phase-2 tranches (<= 255).
    @param phase2_bps Basis points of each phase-2 tranche.
    @return uint256 The new plan's id.
    """
    ownable._check_owner()
    assert period >= MIN_PERIOD and period <= MAX_PERIOD, "vesting: period out of range"
    assert cliff_periods <= MAX_PERIODS, "vesting: cliff too long"
    assert phase1_count <= MAX_PERIODS and phase2_count <= MAX_PERIODS, "vesting: too many tranches"
    assert (phase1_count == 0) == (phase1_bps == 0), "vesting: phase 1 count and bps disagree"
    assert (phase2_count == 0) == (phase2_bps == 0), "vesting: phase 2 count and bps disagree"
    assert phase1_count != 0 or phase2_count == 0, "vesting: phase 2 without phase 1"
    assert phase1_count != 0 or cliff_periods == 0, "vesting: cliff without tranches"
    # Bounding each bps first keeps the sum below from overflowing.
    assert tge_bps <= BPS and phase1_bps <= BPS and phase2_bps <= BPS, "vesting: plan exceeds 100%"
    assert tge_bps + phase1_count * phase1_bps + phase2_count * phase2_bps <= BPS, "vesting: plan exceeds 100%"
    assert tge_bps + phase1_bps + phase2_bps != 0, "vesting: plan unlocks nothing"
    plan_id: uint256 = self.plan_count
    assert plan_id < MAX_PLANS, "vesting: too many plans"
    self.plan_count = plan_id + 1
    # All fields fit their widths: period <= MAX_PERIOD < 2**28, every
    # bps <= BPS < 2**14, cliff and counts <= 255.
    self._plans[plan_id] = (
        period
        | (tge_bps << P_TGE)
        | (cliff_periods << P_CLIFF)
        | (phase1_count << P_N1)
        | (phase1_bps << P_B1)
        | (phase2_count << P_N2)
        | (phase2_bps << P_B2)
    )
    log PlanAdded(
        plan_id=plan_id,
        period=period,
        tge_bps=tge_bps,
        cliff_periods=cliff_periods,
        phase1_count=phase1_count,
        phase1_bps=phase1_bps,
        phase2_count=phase2_count,
        phase2_bps=phase2_bps,
    )
    return plan_id


@external
def create_schedules(batch: DynArray[ScheduleRequest, MAX_BATCH]):
    """
    @dev Creates a batch of schedules funded from the unallocated balance.
    @notice Only the owner. Each schedule id must be unused, so running a
            deployment script twice cannot create a schedule twice. The
            batch reverts as a whole if the vault's balance minus what it
            already owes does not cover the batch's totals.
    @param batch The schedules: id, beneficiary, plan id, total (wei),
           start (Unix time of the TGE) and whether the owner may revoke.
    """
    ownable._check_owner()
    assert len(batch) != 0, "vesting: empty batch"
    added: uint256 = 0
    for request: ScheduleRequest in batch:
        assert request.beneficiary != empty(address), "vesting: zero beneficiary"
        assert request.beneficiary != self, "vesting: vault as beneficiary"
        assert request.total != 0, "vesting: zero amount"
        assert request.total <= MAX_TOTAL, "vesting: amount too large"
        assert request.start != 0, "vesting: zero start"
        assert request.start <= MAX_START, "vesting: start out of range"
        plan_word: uint256 = self._plans[request.plan_id]
        assert plan_word != 0, "vesting: unknown plan"
        assert self._schedule_a[request.schedule_id] == 0, "vesting: duplicate schedule"
        # Word A starts with released = 0.
        self._schedule_a[request.schedule_id] = convert(request.beneficiary, uint256)
        # plan_id < MAX_PLANS (a registered plan), so it fits 16 bits.
        self._schedule_b[request.schedule_id] = (
            request.total
            | (request.start << B_START)
            | (plan_word << B_PLAN)
            | (request.plan_id << B_PLAN_ID)
            | (convert(request.revocable, uint256) << B_REVOCABLE)
        )
        added += request.total
        log ScheduleCreated(
            schedule_id=request.schedule_id,
            beneficiary=request.beneficiary,
            plan_id=request.plan_id,
            total=request.total,
            start=request.start,
            revocable=request.revocable,
        )
    committed: uint256 = self.committed + added
    assert staticcall token.balanceOf(self) >= committed, "vesting: insufficient unallocated balance"
    self.committed = committed


@external
def release(schedule_id: uint256) -> uint256:
    """
    @dev Pays the schedule's vested but unreleased amount to its
         current beneficiary.
    @notice Anyone may call; the tokens always go to the beneficiary.
    @param schedule_id The schedule.
    @return uint256 The amount paid, in wei.
    """
    word_a: uint256 = self._schedule_a[schedule_id]
    assert word_a != 0, "vesting: unknown schedule"
    released: uint256 = word_a >> A_RELEASED
    # vested >= released: vested is monotonic in time and `revoke`
    # freezes it at the amount vested then, which is >= released.
    amount: uint256 = self._vested(self._schedule_b[schedule_id], block.timestamp) - released
    assert amount != 0, "vesting: nothing to release"
    # Effects before the interaction (see @custom:security). released +
    # amount = vested <= total <= MAX_TOTAL, so word A's high bits stay
    # within 96 bits and adding the shifted amount cannot carry out.
    # `committed` is left for `reconcile` (see the module docstring).
    self._schedule_a[schedule_id] = unsafe_add(word_a, amount << A_RELEASED)
    assert extcall token.transfer(convert(convert(word_a & MASK_160, uint160), address), amount, default_return_value=True), "vesting: transfer failed"
    log Released(schedule_id=schedule_id, amount=amount)
    return amount


@external
def transfer_beneficiary(schedule_id: uint256, new_beneficiary: address):
    """
    @dev Hands a schedule, with everything not yet released, to
         `new_beneficiary`.
    @notice Only the schedule's current beneficiary.
    @param schedule_id The schedule.
    @param new_beneficiary The new beneficiary.
    """
    word_a: uint256 = self._schedule_a[schedule_id]
    assert word_a != 0, "vesting: unknown schedule"
    previous: address = convert(convert(word_a & MASK_160, uint160), address)
    assert msg.sender == previous, "vesting: caller is not the beneficiary"
    assert new_beneficiary != empty(address), "vesting: zero beneficiary"
    assert new_beneficiary != self, "vesting: vault as beneficiary"
    assert new_beneficiary != previous, "vesting: same beneficiary"
    self._schedule_a[schedule_id] = (word_a & ~MASK_160) | convert(new_beneficiary, uint256)
    log BeneficiaryTransferred(
        schedule_id=schedule_id, previous_beneficiary=previous, new_beneficiary=new_beneficiary
    )


@external
def revoke(schedule_id: uint256) -> uint256:
    """
    @dev Ends a revocable schedule: what has vested stays releasable by
         the beneficiary, the unvested rest goes to the treasury.
    @notice Only the owner, only for schedules created revocable, once.
            Afterwards the schedule's total is the amount vested at
            revocation and `vested_amount` returns that total.
    @param schedule_id The schedule.
    @return uint256 The amount returned to the treasury, in wei.
    """
    ownable._check_owner()
    word_b: uint256 = self._schedule_b[schedule_id]
    assert word_b != 0, "vesting: unknown schedule"
    assert (word_b >> B_REVOCABLE) & 1 == 1, "vesting: schedule not revocable"
    assert (word_b >> B_REVOKED) & 1 == 0, "vesting: already revoked"
    receiver: address = self._treasury()
    assert receiver != empty(address), "vesting: treasury not set"
    total: uint256 = word_b & MASK_96
    vested: uint256 = self._vested(word_b, block.timestamp)
    # vested <= total by construction of `_vested`.
    returned: uint256 = unsafe_sub(total, vested)
    assert returned != 0, "vesting: nothing to revoke"
    # Replace the total with the vested amount and set the revoked bit.
    self._schedule_b[schedule_id] = (word_b & ~MASK_96) | vested | (1 << B_REVOKED)
    # The schedule's share of `committed` drops from total - reconciled to
    # vested - released: by returned + (released - reconciled), which is
    # <= total - reconciled <= committed.
    released: uint256 = self._schedule_a[schedule_id] >> A_RELEASED
    self.committed -= returned + released - self._reconciled[schedule_id]
    self._reconciled[schedule_id] = released
    assert extcall token.transfer(receiver, returned, default_return_value=True), "vesting: transfer failed"
    log Revoked(schedule_id=schedule_id, vested=vested, returned=returned)
    return returned


@external
def reconcile(schedule_ids: DynArray[uint256, MAX_BATCH]) -> uint256:
    """
    @dev Deducts from `committed` what the listed schedules released
         since their last reconciliation.
    @notice Anyone may call; it only makes `committed` exact for these
            schedules (freeing room for new ones), it moves no tokens.
    @param schedule_ids The schedules (each at most once is useful; a
           repeated id adds nothing).
    @return uint256 The amount deducted from `committed`, in wei.
    """
    assert len(schedule_ids) != 0, "vesting: empty batch"
    freed: uint256 = 0
    for schedule_id: uint256 in schedule_ids:
        word_a: uint256 = self._schedule_a[schedule_id]
        assert word_a != 0, "vesting: unknown schedule"
        released: uint256 = word_a >> A_RELEASED
        # reconciled <= released: both only grow, reconciled is set to released.
        freed += unsafe_sub(released, self._reconciled[schedule_id])
        self._reconciled[schedule_id] = released
    assert freed != 0, "vesting: nothing to reconcile"
    # freed <= sum of (total - reconciled) over these schedules <= committed.
    self.committed -= freed
    log Reconciled(freed=freed)
    return freed


@external
def set_treasury(new_treasury: address):
    """
    @dev Sets where revoked, unvested tokens go.
    @notice Only the owner.
    @param new_treasury The new treasury.
    """
    ownable._check_owner()
    assert new_treasury != empty(address), "vesting: zero treasury"
    log TreasuryChanged(previous_treasury=self.treasury, new_treasury=new_treasury)
    self.treasury = new_treasury


@external
@view
def vested_amount(schedule_id: uint256, timestamp: uint256) -> uint256:
    """
    @dev The amount of the schedule vested at `timestamp`, released or not.
    @notice For a revoked schedule: the amount vested at revocation, for
            any timestamp from its start.
    @param schedule_id The schedule.
    @param timestamp The Unix time.
    @return uint256 The vested amount, in wei.
    """
    word_b: uint256 = self._schedule_b[schedule_id]
    assert word_b != 0, "vesting: unknown schedule"
    return self._vested(word_b, timestamp)


@external
@view
def releasable(schedule_id: uint256) -> uint256:
    """
    @dev What `release` would pay now.
    @param schedule_id The schedule.
    @return uint256 The vested, unreleased amount, in wei.
    """
    word_b: uint256 = self._schedule_b[schedule_id]
    assert word_b != 0, "vesting: unknown schedule"
    return self._vested(word_b, block.timestamp) - (self._schedule_a[schedule_id] >> A_RELEASED)


@external
@view
def schedule(schedule_id: uint256) -> Schedule:
    """
    @dev All fields of a schedule.
    @notice A revoked schedule's total is the amount vested at revocation.
    @param schedule_id The schedule.
    @return Schedule Beneficiary, plan id, total, released, reconciled
            (the part of released deducted from `committed`), start,
            revocable, revoked.
    """
    word_a: uint256 = self._schedule_a[schedule_id]
    assert word_a != 0, "vesting: unknown schedule"
    word_b: uint256 = self._schedule_b[schedule_id]
    return Schedule(
        beneficiary=convert(convert(word_a & MASK_160, uint160), address),
        plan_id=(word_b >> B_PLAN_ID) & MASK_16,
        total=word_b & MASK_96,
        released=word_a >> A_RELEASED,
        reconciled=self._reconciled[schedule_id],
        start=(word_b >> B_START) & MASK_40,
        revocable=(word_b >> B_REVOCABLE) & 1 == 1,
        revoked=(word_b >> B_REVOKED) & 1 == 1,
    )


@external
@view
def plan(plan_id: uint256) -> Plan:
    """
    @dev A registered plan's parameters.
    @param plan_id The plan.
    @return Plan Period, TGE bps, cliff, phase-1 count and bps,
            phase-2 count and bps.
    """
    word: uint256 = self._plans[plan_id]
    assert word != 0, "vesting: unknown plan"
    return self._unpack_plan(word)


@external
@view
def unallocated() -> uint256:
    """
    @dev What the next `create_schedules` may promise: the vault's
         balance minus `committed`, or zero if unreconciled releases make
         `committed` exceed the balance.
    @notice Exact (tokens held and owed to no schedule) once every
            released schedule is reconciled.
    @return uint256 The unallocated balance, in wei.
    """
    balance: uint256 = staticcall token.balanceOf(self)
    committed: uint256 = self.committed
    if balance <= committed:
        return 0
    # balance > committed: no underflow.
    return unsafe_sub(balance, committed)


@internal
@view
def _treasury() -> address:
    """
    @dev The one read of the treasury, so a parameter registry can take
         it over without touching call sites.
    """
    return self.treasury


@internal
@pure
def _unpack_plan(word: uint256) -> Plan:
    """
    @dev Splits a packed plan word into its fields.
    """
    return Plan(
        period=word & MASK_28,
        tge_bps=(word >> P_TGE) & MASK_14,
        cliff_periods=(word >> P_CLIFF) & MASK_8,
        phase1_count=(word >> P_N1) & MASK_8,
        phase1_bps=(word >> P_B1) & MASK_14,
        phase2_count=(word >> P_N2) & MASK_8,
        phase2_bps=(word >> P_B2) & MASK_14,
    )


@internal
@pure
def _vested(word_b: uint256, timestamp: uint256) -> uint256:
    """
    @dev The vested amount of a schedule (its word B) at `timestamp`.
         Pure in (word B, timestamp) and non-decreasing in timestamp.
    """
    total: uint256 = word_b & MASK_96
    start: uint256 = (word_b >> B_START) & MASK_40
    if timestamp < start:
        return 0
    if (word_b >> B_REVOKED) & 1 == 1:
        # Frozen at revocation: total was replaced by the vested amount.
        return total
    word: uint256 = (word_b >> B_PLAN) & MASK_94
    n1: uint256 = (word >> P_N1) & MASK_8
    n2: uint256 = (word >> P_N2) & MASK_8
    # n1 + n2 <= 510: no overflow.
    n: uint256 = unsafe_add(n1, n2)
    if n == 0:
        return total
    cliff: uint256 = (word >> P_CLIFF) & MASK_8
    # Whole periods since start, rounded down: tranche k unlocks only once
    # (cliff + k) full periods have passed. period >= MIN_PERIOD != 0.
    elapsed: uint256 = unsafe_div(unsafe_sub(timestamp, start), word & MASK_28)
    if elapsed <= cliff:
        elapsed = 0
    else:
        elapsed = min(unsafe_sub(elapsed, cliff), n)
    if elapsed == n:
        # The final tranche releases everything left, dust included.
        return total
    # elapsed < n here. bps <= 10_000 (checked in `add_plan`).
    bps: uint256 = (word >> P_TGE) & MASK_14
    if elapsed <= n1:
        bps = unsafe_add(bps, unsafe_mul(elapsed, (word >> P_B1) & MASK_14))
    else:
        bps = unsafe_add(
            bps,
            unsafe_add(
                unsafe_mul(n1, (word >> P_B1) & MASK_14),
                unsafe_mul(unsafe_sub(elapsed, n1), (word >> P_B2) & MASK_14),
            ),
        )
    # total < 2**96 and bps <= 10_000: the product fits. Rounds down, so
    # the vault never pays ahead of the schedule; the dust goes out with
    # the final tranche.
    return unsafe_div(unsafe_mul(total, bps), BPS)

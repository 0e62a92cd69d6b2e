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
        Each word has one `_pack_*`/`_unpack_*` pair and a struct:
        `Holding` (A), `Terms` (B) and the interface's `Plan`, and every
        field a named `_*_SHIFT`/`_*_MASK`. Three places read or write
        fields with those constants without the pair, because a pack or
        unpack call costs about 30 gas per field: `release` (word A),
        `_vested` (word B and its plan) and `create_schedules` (A and B,
        once per schedule). Everything else goes through the pairs.
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
        Transfers go through `asset_transfer._pay` (contracts/shared): a
        token whose `transfer` returns False makes the call revert.
@custom:kill Releases of vested amounts are never stopped, by design:
        they are the beneficiaries' tokens. In an emergency the owner
        revokes the revocable schedules (`revoke`: the unvested rest goes
        to the treasury, what has vested stays releasable) and stops
        creating new ones. Ownership moves in two steps and cannot be
        renounced.
"""


from ethereum.ercs import IERC20

from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import owner_2step
from interfaces import IVestingVault

implements: IVestingVault

initializes: owner_2step


exports: (
    owner_2step.__interface__,
    # Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
    # not exported: a renounced vault could never revoke a schedule, add a plan or move its
    # treasury again.
)


# @dev Largest number of schedules one `create_schedules` call accepts.
MAX_BATCH: constant(uint256) = 32
# @dev Shortest tranche period a plan may use, in seconds.
MIN_PERIOD: constant(uint256) = constants.DAY
# @dev Longest tranche period a plan may use, in seconds (4 x 365 days).
MAX_PERIOD: constant(uint256) = 4 * constants.YEAR
# @dev Largest cliff and largest tranche count of one phase, in periods
#      (each is stored in 8 bits).
MAX_PERIODS: constant(uint256) = 255
# @dev Number of plans the 16-bit plan id can address.
MAX_PLANS: constant(uint256) = 65_536
# @dev Largest schedule total, in wei (stored in 96 bits).
MAX_TOTAL: constant(uint256) = _TOTAL_MASK
# @dev Largest schedule start, a Unix time (stored in 40 bits).
MAX_START: constant(uint256) = _START_MASK


# Word A (`Holding`): beneficiary | released.
_BENEFICIARY_MASK: constant(uint256) = constants.MASK_160
_RELEASED_SHIFT: constant(uint256) = 160
_RELEASED_MASK: constant(uint256) = 2**96 - 1
# Word B (`Terms`): total | start | plan word | plan id | revocable | revoked.
_TOTAL_MASK: constant(uint256) = 2**96 - 1
_START_SHIFT: constant(uint256) = 96
_START_MASK: constant(uint256) = constants.MASK_40
_PLAN_SHIFT: constant(uint256) = 136
_PLAN_MASK: constant(uint256) = 2**94 - 1
_PLAN_ID_SHIFT: constant(uint256) = 230
_PLAN_ID_MASK: constant(uint256) = constants.MASK_16
_REVOCABLE_SHIFT: constant(uint256) = 246
_REVOKED_SHIFT: constant(uint256) = 247
# Plan word (`IVestingVault.Plan`): period | tge | cliff | n1 | b1 | n2 | b2.
_PERIOD_MASK: constant(uint256) = 2**28 - 1
_TGE_SHIFT: constant(uint256) = 28
_BPS_MASK: constant(uint256) = 2**14 - 1
_CLIFF_SHIFT: constant(uint256) = 42
_COUNT_MASK: constant(uint256) = constants.MASK_8
_PHASE1_COUNT_SHIFT: constant(uint256) = 50
_PHASE1_BPS_SHIFT: constant(uint256) = 58
_PHASE2_COUNT_SHIFT: constant(uint256) = 72
_PHASE2_BPS_SHIFT: constant(uint256) = 80


# @dev Word A of a schedule, unpacked: written by `release` and
#      `transfer_beneficiary`.
struct Holding:
    beneficiary: address
    released: uint256


# @dev Word B of a schedule, unpacked: read by `release`, written at
#      creation and by `revoke`. `start` is never 0 for a schedule that
#      exists (refused at creation), so it tells whether one does.
struct Terms:
    total: uint256
    start: uint256
    # the plan's packed word, copied from `_plans`
    plan: uint256
    plan_id: uint256
    revocable: bool
    revoked: bool


# @dev The vested token, fixed at deployment.
token: public(immutable(address))


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


# @dev Word A by schedule id (zero: no such schedule).
_schedule_a: HashMap[uint256, uint256]


# @dev Word B by schedule id.
_schedule_b: HashMap[uint256, uint256]


# @dev Part of each schedule's `released` already deducted from
#      `committed` (by `reconcile` or `revoke`); never read by `release`.
_reconciled: HashMap[uint256, uint256]


@deploy
def __init__(token_: address, owner_: address):
    """
    @dev Deploys an empty vault for `token_`. The treasury is set
         afterwards with `set_treasury` (it differs between chains).
    @param token_ The vested ERC-20 (one vault per token).
    @param owner_ The account that adds plans, creates and revokes
           schedules and sets the treasury (governance, eventually).
    """
    assert token_ != empty(address), "vesting_vault: zero token"
    assert owner_ != empty(address), "vesting_vault: zero owner"
    token = token_
    owner_2step.__init__(owner_)


# The hot path first: the selector dispatcher tries functions in
# declaration order within a bucket (a few dozen gas per call).
@external
def release(schedule_id: uint256) -> uint256:
    """
    @dev Pays the schedule's vested but unreleased amount to its
         current beneficiary.
    @notice Anyone may call; the tokens always go to the beneficiary.
    @param schedule_id The schedule.
    @return uint256 The amount paid, in wei.
    """
    # The hot path reads and writes word A with its named fields directly:
    # each `_unpack_*`/`_pack_*` call costs about 30 gas per field.
    word_a: uint256 = self._schedule_a[schedule_id]
    assert word_a != 0, "vesting_vault: unknown schedule"
    released: uint256 = word_a >> _RELEASED_SHIFT
    # vested >= released: vested is monotonic in time and `revoke`
    # freezes it at the amount vested then, which is >= released.
    amount: uint256 = unsafe_sub(self._vested(self._schedule_b[schedule_id], block.timestamp), released)
    assert amount != 0, "vesting_vault: nothing to release"
    # Effects before the interaction (see @custom:security). released +
    # amount = vested <= total <= MAX_TOTAL, so the released field stays
    # within its 96 bits and adding the shifted amount cannot carry out.
    # `committed` is left for `reconcile` (see the module docstring).
    self._schedule_a[schedule_id] = unsafe_add(word_a, amount << _RELEASED_SHIFT)
    asset_transfer._pay(token, convert(word_a & _BENEFICIARY_MASK, address), amount)
    log IVestingVault.Released(schedule_id=schedule_id, amount=amount)
    return amount


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
    owner_2step.ownable._check_owner()
    assert period >= MIN_PERIOD and period <= MAX_PERIOD, "vesting_vault: period out of range"
    assert cliff_periods <= MAX_PERIODS, "vesting_vault: cliff too long"
    assert phase1_count <= MAX_PERIODS and phase2_count <= MAX_PERIODS, "vesting_vault: too many tranches"
    assert (phase1_count == 0) == (phase1_bps == 0), "vesting_vault: phase 1 count and bps disagree"
    assert (phase2_count == 0) == (phase2_bps == 0), "vesting_vault: phase 2 count and bps disagree"
    assert phase1_count != 0 or phase2_count == 0, "vesting_vault: phase 2 without phase 1"
    assert phase1_count != 0 or cliff_periods == 0, "vesting_vault: cliff without tranches"
    # Bounding each bps first keeps the sum below from overflowing.
    assert tge_bps <= constants.BPS and phase1_bps <= constants.BPS and phase2_bps <= constants.BPS, "vesting_vault: plan exceeds 100%"
    assert tge_bps + phase1_count * phase1_bps + phase2_count * phase2_bps <= constants.BPS, "vesting_vault: plan exceeds 100%"
    assert tge_bps + phase1_bps + phase2_bps != 0, "vesting_vault: plan unlocks nothing"
    plan_id: uint256 = self.plan_count
    assert plan_id < MAX_PLANS, "vesting_vault: too many plans"
    self.plan_count = plan_id + 1
    # All fields fit their widths: period <= MAX_PERIOD < 2**28, every
    # bps <= BPS < 2**14, cliff and counts <= 255.
    self._plans[plan_id] = self._pack_plan(
        IVestingVault.Plan(
            period=period,
            tge_bps=tge_bps,
            cliff_periods=cliff_periods,
            phase1_count=phase1_count,
            phase1_bps=phase1_bps,
            phase2_count=phase2_count,
            phase2_bps=phase2_bps,
        )
    )
    log IVestingVault.PlanAdded(
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
def create_schedules(batch: DynArray[IVestingVault.ScheduleRequest, MAX_BATCH]):
    """
    @dev Creates a batch of schedules funded from the unallocated balance.
    @notice Only the owner. Each schedule id must be unused, so running a
            deployment script twice cannot create a schedule twice. The
            batch reverts as a whole if the vault's balance minus what it
            already owes does not cover the batch's totals.
    @param batch The schedules: id, beneficiary, plan id, total (wei),
           start (Unix time of the TGE) and whether the owner may revoke.
    """
    owner_2step.ownable._check_owner()
    assert len(batch) != 0, "vesting_vault: empty batch"
    added: uint256 = 0
    for request: IVestingVault.ScheduleRequest in batch:
        assert request.beneficiary != empty(address), "vesting_vault: zero beneficiary"
        assert request.beneficiary != self, "vesting_vault: vault as beneficiary"
        assert request.total != 0, "vesting_vault: zero amount"
        assert request.total <= MAX_TOTAL, "vesting_vault: amount too large"
        assert request.start != 0, "vesting_vault: zero start"
        assert request.start <= MAX_START, "vesting_vault: start out of range"
        plan_word: uint256 = self._plans[request.plan_id]
        assert plan_word != 0, "vesting_vault: unknown plan"
        assert self._schedule_a[request.schedule_id] == 0, "vesting_vault: duplicate schedule"
        # Word A starts with released = 0. Both words are written with
        # their named fields directly: a `_pack_*` call per schedule would
        # cost about 200 gas.
        self._schedule_a[request.schedule_id] = convert(request.beneficiary, uint256)
        # plan_id < MAX_PLANS (a registered plan), so it fits 16 bits.
        self._schedule_b[request.schedule_id] = (
            request.total
            | (request.start << _START_SHIFT)
            | (plan_word << _PLAN_SHIFT)
            | (request.plan_id << _PLAN_ID_SHIFT)
            | (convert(request.revocable, uint256) << _REVOCABLE_SHIFT)
        )
        added += request.total
        log IVestingVault.ScheduleCreated(
            schedule_id=request.schedule_id,
            beneficiary=request.beneficiary,
            plan_id=request.plan_id,
            total=request.total,
            start=request.start,
            revocable=request.revocable,
        )
    committed: uint256 = self.committed + added
    assert staticcall IERC20(token).balanceOf(self) >= committed, "vesting_vault: insufficient unallocated balance"
    self.committed = committed


@external
def transfer_beneficiary(schedule_id: uint256, new_beneficiary: address):
    """
    @dev Hands a schedule, with everything not yet released, to
         `new_beneficiary`.
    @notice Only the schedule's current beneficiary.
    @param schedule_id The schedule.
    @param new_beneficiary The new beneficiary.
    """
    holding: Holding = self._unpack_holding(self._schedule_a[schedule_id])
    assert holding.beneficiary != empty(address), "vesting_vault: unknown schedule"
    assert msg.sender == holding.beneficiary, "vesting_vault: caller is not the beneficiary"
    assert new_beneficiary != empty(address), "vesting_vault: zero beneficiary"
    assert new_beneficiary != self, "vesting_vault: vault as beneficiary"
    assert new_beneficiary != holding.beneficiary, "vesting_vault: same beneficiary"
    self._schedule_a[schedule_id] = self._pack_holding(Holding(beneficiary=new_beneficiary, released=holding.released))
    log IVestingVault.BeneficiaryTransferred(
        schedule_id=schedule_id, previous_beneficiary=holding.beneficiary, new_beneficiary=new_beneficiary
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
    owner_2step.ownable._check_owner()
    word_b: uint256 = self._schedule_b[schedule_id]
    terms: Terms = self._unpack_terms(word_b)
    assert terms.start != 0, "vesting_vault: unknown schedule"
    assert terms.revocable, "vesting_vault: schedule not revocable"
    assert not terms.revoked, "vesting_vault: already revoked"
    receiver: address = self._treasury()
    assert receiver != empty(address), "vesting_vault: treasury not set"
    vested: uint256 = self._vested(word_b, block.timestamp)
    # vested <= total by construction of `_vested`.
    returned: uint256 = unsafe_sub(terms.total, vested)
    assert returned != 0, "vesting_vault: nothing to revoke"
    # The total becomes the vested amount, frozen by the revoked flag.
    terms.total = vested
    terms.revoked = True
    self._schedule_b[schedule_id] = self._pack_terms(terms)
    # The schedule's share of `committed` drops from total - reconciled to
    # vested - released: by returned + (released - reconciled), which is
    # <= total - reconciled <= committed.
    released: uint256 = self._unpack_holding(self._schedule_a[schedule_id]).released
    self.committed -= returned + released - self._reconciled[schedule_id]
    self._reconciled[schedule_id] = released
    asset_transfer._pay(token, receiver, returned)
    log IVestingVault.Revoked(schedule_id=schedule_id, vested=vested, returned=returned)
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
    assert len(schedule_ids) != 0, "vesting_vault: empty batch"
    freed: uint256 = 0
    for schedule_id: uint256 in schedule_ids:
        holding: Holding = self._unpack_holding(self._schedule_a[schedule_id])
        assert holding.beneficiary != empty(address), "vesting_vault: unknown schedule"
        # reconciled <= released: both only grow, reconciled is set to released.
        freed += unsafe_sub(holding.released, self._reconciled[schedule_id])
        self._reconciled[schedule_id] = holding.released
    assert freed != 0, "vesting_vault: nothing to reconcile"
    # freed <= sum of (total - reconciled) over these schedules <= committed.
    self.committed -= freed
    log IVestingVault.Reconciled(freed=freed)
    return freed


@external
def set_treasury(new_treasury: address):
    """
    @dev Sets where revoked, unvested tokens go.
    @notice Only the owner.
    @param new_treasury The new treasury.
    """
    owner_2step.ownable._check_owner()
    assert new_treasury != empty(address), "vesting_vault: zero treasury"
    log IVestingVault.TreasuryChanged(previous_treasury=self.treasury, new_treasury=new_treasury)
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
    assert word_b != 0, "vesting_vault: unknown schedule"
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
    assert word_b != 0, "vesting_vault: unknown schedule"
    return self._vested(word_b, block.timestamp) - self._unpack_holding(self._schedule_a[schedule_id]).released


@external
@view
def schedule(schedule_id: uint256) -> IVestingVault.Schedule:
    """
    @dev All fields of a schedule.
    @notice A revoked schedule's total is the amount vested at revocation.
    @param schedule_id The schedule.
    @return Schedule Beneficiary, plan id, total, released, reconciled
            (the part of released deducted from `committed`), start,
            revocable, revoked.
    """
    holding: Holding = self._unpack_holding(self._schedule_a[schedule_id])
    assert holding.beneficiary != empty(address), "vesting_vault: unknown schedule"
    terms: Terms = self._unpack_terms(self._schedule_b[schedule_id])
    return IVestingVault.Schedule(
        beneficiary=holding.beneficiary,
        plan_id=terms.plan_id,
        total=terms.total,
        released=holding.released,
        reconciled=self._reconciled[schedule_id],
        start=terms.start,
        revocable=terms.revocable,
        revoked=terms.revoked,
    )


@external
@view
def plan(plan_id: uint256) -> IVestingVault.Plan:
    """
    @dev A registered plan's parameters.
    @param plan_id The plan.
    @return Plan Period, TGE bps, cliff, phase-1 count and bps,
            phase-2 count and bps.
    """
    word: uint256 = self._plans[plan_id]
    assert word != 0, "vesting_vault: unknown plan"
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
    balance: uint256 = staticcall IERC20(token).balanceOf(self)
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
def _vested(word_b: uint256, timestamp: uint256) -> uint256:
    """
    @dev The vested amount of a schedule (its word B) at `timestamp`, the
         formula of the module docstring. Pure in (word B, timestamp) and
         non-decreasing in timestamp. On the hot path, so it reads the
         fields with their named shifts and masks instead of calling
         `_unpack_terms` and `_unpack_plan` (about 460 gas more a release).
    """
    total: uint256 = word_b & _TOTAL_MASK
    start: uint256 = (word_b >> _START_SHIFT) & _START_MASK
    if timestamp < start:
        return 0
    if (word_b >> _REVOKED_SHIFT) & 1 == 1:
        # Frozen at revocation: total was replaced by the vested amount.
        return total
    plan: uint256 = (word_b >> _PLAN_SHIFT) & _PLAN_MASK
    n1: uint256 = (plan >> _PHASE1_COUNT_SHIFT) & _COUNT_MASK
    # n1 + n2 <= 510: no overflow.
    n: uint256 = unsafe_add(n1, (plan >> _PHASE2_COUNT_SHIFT) & _COUNT_MASK)
    if n == 0:
        return total
    cliff: uint256 = (plan >> _CLIFF_SHIFT) & _COUNT_MASK
    # Whole periods since start, rounded down: tranche k unlocks only once
    # (cliff + k) full periods have passed. period >= MIN_PERIOD != 0.
    elapsed: uint256 = unsafe_div(unsafe_sub(timestamp, start), plan & _PERIOD_MASK)
    if elapsed <= cliff:
        elapsed = 0
    else:
        elapsed = min(unsafe_sub(elapsed, cliff), n)
    if elapsed == n:
        # The final tranche releases everything left, dust included.
        return total
    # elapsed < n here. bps <= 10_000 (checked in `add_plan`).
    bps: uint256 = (plan >> _TGE_SHIFT) & _BPS_MASK
    if elapsed <= n1:
        bps = unsafe_add(bps, unsafe_mul(elapsed, (plan >> _PHASE1_BPS_SHIFT) & _BPS_MASK))
    else:
        bps = unsafe_add(
            bps,
            unsafe_add(
                unsafe_mul(n1, (plan >> _PHASE1_BPS_SHIFT) & _BPS_MASK),
                unsafe_mul(unsafe_sub(elapsed, n1), (plan >> _PHASE2_BPS_SHIFT) & _BPS_MASK),
            ),
        )
    # vested = total * bps // BPS
    # total < 2**96 and bps <= 10_000: the product fits. Rounds down, so
    # the vault never pays ahead of the schedule (it favours the vault);
    # the dust goes out with the final tranche.
    return unsafe_div(unsafe_mul(total, bps), constants.BPS)


@internal
@pure
def _pack_holding(holding: Holding) -> uint256:
    """
    @dev Packs word A (released <= MAX_TOTAL fits 96 bits).
    """
    return convert(holding.beneficiary, uint256) | (holding.released << _RELEASED_SHIFT)


@internal
@pure
def _unpack_holding(word: uint256) -> Holding:
    """
    @dev Splits word A (zero: no such schedule, beneficiary empty).
    """
    return Holding(
        beneficiary=convert(word & _BENEFICIARY_MASK, address),
        released=(word >> _RELEASED_SHIFT) & _RELEASED_MASK,
    )


@internal
@pure
def _pack_terms(terms: Terms) -> uint256:
    """
    @dev Packs word B (every field within its width: see `create_schedules`).
    """
    return (
        terms.total
        | (terms.start << _START_SHIFT)
        | (terms.plan << _PLAN_SHIFT)
        | (terms.plan_id << _PLAN_ID_SHIFT)
        | (convert(terms.revocable, uint256) << _REVOCABLE_SHIFT)
        | (convert(terms.revoked, uint256) << _REVOKED_SHIFT)
    )


@internal
@pure
def _unpack_terms(word: uint256) -> Terms:
    """
    @dev Splits word B (zero: no such schedule, total 0).
    """
    return Terms(
        total=word & _TOTAL_MASK,
        start=(word >> _START_SHIFT) & _START_MASK,
        plan=(word >> _PLAN_SHIFT) & _PLAN_MASK,
        plan_id=(word >> _PLAN_ID_SHIFT) & _PLAN_ID_MASK,
        revocable=(word >> _REVOCABLE_SHIFT) & 1 == 1,
        revoked=(word >> _REVOKED_SHIFT) & 1 == 1,
    )


@internal
@pure
def _pack_plan(plan: IVestingVault.Plan) -> uint256:
    """
    @dev Packs a plan word (fields checked against their widths in `add_plan`).
    """
    return (
        plan.period
        | (plan.tge_bps << _TGE_SHIFT)
        | (plan.cliff_periods << _CLIFF_SHIFT)
        | (plan.phase1_count << _PHASE1_COUNT_SHIFT)
        | (plan.phase1_bps << _PHASE1_BPS_SHIFT)
        | (plan.phase2_count << _PHASE2_COUNT_SHIFT)
        | (plan.phase2_bps << _PHASE2_BPS_SHIFT)
    )


@internal
@pure
def _unpack_plan(word: uint256) -> IVestingVault.Plan:
    """
    @dev Splits a plan word into its fields.
    """
    return IVestingVault.Plan(
        period=word & _PERIOD_MASK,
        tge_bps=(word >> _TGE_SHIFT) & _BPS_MASK,
        cliff_periods=(word >> _CLIFF_SHIFT) & _COUNT_MASK,
        phase1_count=(word >> _PHASE1_COUNT_SHIFT) & _COUNT_MASK,
        phase1_bps=(word >> _PHASE1_BPS_SHIFT) & _BPS_MASK,
        phase2_count=(word >> _PHASE2_COUNT_SHIFT) & _COUNT_MASK,
        phase2_bps=(word >> _PHASE2_BPS_SHIFT) & _BPS_MASK,
    )

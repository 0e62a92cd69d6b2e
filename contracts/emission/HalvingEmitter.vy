# pragma version ~=0.4.3
"""
@title Halving emitter: a capped supply minted as a pure function of time
@custom:contract-name HalvingEmitter
@license GNU Affero General Public License v3.0 only
@notice One bytecode, deployed twice: for HPC (Smart) and for CARTY
        (CartyCoin). The emitter is a minter of a `CappedToken` and the
        only source of that token's supply; `mint`, callable by anyone,
        mints to the recipient whatever the schedule has released
        since the previous mint.

        Glossary (all amounts in wei, all times in seconds):
          C    `cap`, the total the schedule ever emits
          L    `era_length`
          N    `n_eras`
          T0   `start_time`
          R_e  what remains to be emitted when era e begins:
               R_0 = C, R_(e+1) = R_e >> 1 (= C >> (e + 1))
          E_e  what era e emits: R_e - R_(e+1) for e < N - 1 (half
               of what remains, rounded up), and R_(N-1) for the last
               era (all that remains)

        emitted(t) = 0                              for t <= T0
                   = C - R_e + E_e * r // L         for e < N
                   = C                              for e >= N
        where e = (t - T0) // L and r = (t - T0) % L. The complete eras
        telescope to C - R_e, so the value is found in a constant
        number of steps however long since the previous mint, the
        series sums to C exactly (the last era takes the dust) and it
        is reached at T0 + N * L, never exceeded. Within an era emission
        is linear and rounds down: never ahead of the schedule.

        Readings of SPEC.md (see docs/emission.md):
        - HPC: C = 210,000,000 HPC, L = 4 years of 1461 days
          (126,230,400 s), N = 32. C is divisible by 2^25, so eras
          0..24 emit exactly C >> (e + 1) (era 0: 105,000,000 HPC).
        - CARTY: C = 88,000,000 CARTY, N = 32, L = 117,857,143 s: era 0
          emits 44,000,000 CARTY at 32,256 CARTY/day, so era 3 emits
          5,500,000 CARTY at 4,032 CARTY/day. The exact L would be
          825,000,000 / 7 s; rounding it up to whole seconds makes every
          rate 1.2 ppb lower (32,255.99996/day; 4,031.999995/day).
        - Start time and recipient are chain-specific: the owner sets
          them once with `start`, after deployment. The recipient (a
          treasury until the reward contracts exist) can be changed by
          the owner; what accrued before the change is minted to the
          outgoing recipient first. Recipient, start time and last mint
          time are the shared `schedule_clock` (contracts/shared), the
          same clock as the CPC maintenance rewards'.
        The schedule (C, L, N) is immutable by design: it is the
        token's monetary policy, not a tunable parameter.
@custom:security The token is trusted (the suite's `CappedToken`, no
        hooks), and state is written before the external call, so
        `mint` carries no reentrancy lock. `mint` reverts with the
        token's reason if the emitter is not (or no longer) a minter,
        or if another minter used up the token's cap: the owner of the
        token must keep this emitter the token's only minter.
        Recipient, start time and last mint time share one storage
        slot (`schedule_clock`), so a mint reads and writes one slot.
@custom:kill The token's owner revokes this emitter's minter role
        (`CappedToken.set_minter(emitter, False)`): `mint` reverts from
        then on and nothing is lost, since emission is a function of
        time (restoring the role mints what accrued meanwhile). This
        contract's owner can move future emission with `set_recipient`.
        Ownership moves in two steps and cannot be renounced.
"""


from contracts.shared import constants
from contracts.shared import owner_2step
from contracts.shared import schedule_clock
from interfaces import ICappedToken
from interfaces import IHalvingEmitter

implements: IHalvingEmitter

initializes: owner_2step
initializes: schedule_clock[owner_2step := owner_2step]


exports: (
    owner_2step.__interface__,
    # Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
    # not exported: a renounced emitter could never be started or have its recipient moved
    # again.
    # The schedule clock: `start`, `recipient`, `start_time`, `MAX_START_DELAY`
    # (contracts/shared/schedule_clock.vy).
    schedule_clock.__interface__,
)


# @dev Most eras a schedule may have (bounds the shift `C >> e`).
MAX_ERAS: public(constant(uint256)) = 64


# @dev Longest era accepted: 100 years of 366 days.
MAX_ERA_LENGTH: public(constant(uint256)) = 100 * 366 * constants.DAY


# @dev Largest cap accepted (E_e * r cannot overflow below it).
MAX_CAP: public(constant(uint256)) = 2**128


# @dev The token minted (a `CappedToken` this emitter is a minter of).
token: public(immutable(address))


# @dev C: the total emitted over the whole schedule, in wei.
cap: public(immutable(uint256))


# @dev L: the length of one era, in seconds.
era_length: public(immutable(uint256))


# @dev N: the number of eras; after N eras `cap` has been emitted.
n_eras: public(immutable(uint256))


@deploy
def __init__(token_: address, cap_: uint256, era_length_: uint256, n_eras_: uint256, owner_: address):
    """
    @dev Fixes the schedule. The arguments are the same on every chain;
         the chain-specific start time and recipient come with `start`.
    @param token_ The `CappedToken` to mint; its cap must be at least `cap_`.
    @param cap_ C, the total the schedule emits, in wei.
    @param era_length_ L, the length of one era, in seconds.
    @param n_eras_ N, the number of eras (at most `MAX_ERAS`).
    @param owner_ The account that starts the schedule and sets the
           recipient (governance after deployment).
    """
    assert token_ != empty(address), "halving_emitter: zero token"
    assert owner_ != empty(address), "halving_emitter: zero owner"
    assert cap_ != 0, "halving_emitter: zero cap"
    assert cap_ <= MAX_CAP, "halving_emitter: cap too large"
    assert era_length_ != 0, "halving_emitter: zero era length"
    assert era_length_ <= MAX_ERA_LENGTH, "halving_emitter: era too long"
    assert n_eras_ != 0, "halving_emitter: zero eras"
    assert n_eras_ <= MAX_ERAS, "halving_emitter: too many eras"
    assert token_.is_contract, "halving_emitter: token is not a contract"
    assert cap_ <= staticcall ICappedToken(token_).cap(), "halving_emitter: cap above token cap"
    token = token_
    cap = cap_
    era_length = era_length_
    n_eras = n_eras_
    owner_2step.__init__(owner_)


# The hot path first: the selector dispatcher tries functions in
# declaration order within a bucket (a few dozen gas per call).
@external
def mint() -> uint256:
    """
    @dev Mints `emitted(now) - minted` to the recipient.
    @notice Anyone may call; the amount depends only on time, never on
            who calls or how often. Reverts if there is nothing to mint.
    @return uint256 The amount minted, in wei.
    """
    clock: schedule_clock.Clock = schedule_clock._advance()
    total: uint256 = self._emitted(clock.start_time, block.timestamp)
    # emitted is non-decreasing in time and now >= last.
    amount: uint256 = unsafe_sub(total, self._emitted(clock.start_time, clock.last))
    assert amount != 0, "halving_emitter: nothing to mint"
    extcall ICappedToken(token).mint(clock.recipient, amount)
    log IHalvingEmitter.Minted(recipient=clock.recipient, amount=amount, minted=total)
    return amount


@external
def set_recipient(new_recipient: address):
    """
    @dev Changes the recipient of future emission.
    @notice Only the owner, after `start`. What accrued up to now is
            first minted to the outgoing recipient, so each recipient
            receives exactly the emission of its own period.
    @param new_recipient The new recipient.
    """
    previous: schedule_clock.Clock = empty(schedule_clock.Clock)
    until: uint256 = 0
    previous, until = schedule_clock._switch(new_recipient)
    # The same payout as `mint` (written out there: an internal call
    # would cost the hot path ~190 gas), for previous.last .. until.
    total: uint256 = self._emitted(previous.start_time, until)
    amount: uint256 = unsafe_sub(total, self._emitted(previous.start_time, previous.last))
    if amount != 0:
        extcall ICappedToken(token).mint(previous.recipient, amount)
        log IHalvingEmitter.Minted(recipient=previous.recipient, amount=amount, minted=total)
    log schedule_clock.RecipientChanged(previous_recipient=previous.recipient, new_recipient=new_recipient)


@external
@view
def emitted_at(timestamp: uint256) -> uint256:
    """
    @dev The schedule: cumulative emission due at `timestamp`.
    @notice 0 before `start` is called or before the start time; `cap`
            from the end of the last era on.
    @param timestamp A Unix time.
    @return uint256 The cumulative amount, in wei.
    """
    return self._emitted(schedule_clock._read().start_time, timestamp)


@external
@view
def minted() -> uint256:
    """
    @dev The cumulative amount minted so far, in wei. Equal to
         `emitted_at(last_mint_time())` by construction.
    @return uint256 The cumulative amount, in wei.
    """
    clock: schedule_clock.Clock = schedule_clock._read()
    return self._emitted(clock.start_time, clock.last)


@external
@view
def mintable() -> uint256:
    """
    @dev What `mint` would mint in a transaction at the current block's
         timestamp.
    @return uint256 The amount, in wei (0 if there is nothing to mint).
    """
    clock: schedule_clock.Clock = schedule_clock._read()
    if block.timestamp <= clock.last:
        return 0
    return self._emitted(clock.start_time, block.timestamp) - self._emitted(clock.start_time, clock.last)


@external
@view
def era_at(timestamp: uint256) -> uint256:
    """
    @dev The era running at `timestamp`, counted from 0.
    @notice 0 before the start time (and before `start`); `n_eras` from
            the end of the last era on (emission is over).
    @param timestamp A Unix time.
    @return uint256 The era.
    """
    elapsed: schedule_clock.Elapsed = schedule_clock._elapsed(timestamp)
    if not elapsed.running:
        return 0
    # Rounds down: an era begins when its full predecessors have passed.
    return min(elapsed.seconds // era_length, n_eras)


@external
@view
def rate_at(timestamp: uint256) -> uint256:
    """
    @dev The emission rate at `timestamp`: E_e // L for the era running.
    @notice Nominal and rounded down; the exact amounts come from
            `emitted_at`. 0 before the start time and after the last era.
    @param timestamp A Unix time.
    @return uint256 The rate, in wei per second.
    """
    elapsed: schedule_clock.Elapsed = schedule_clock._elapsed(timestamp)
    if not elapsed.running:
        return 0
    era: uint256 = elapsed.seconds // era_length
    if era >= n_eras:
        return 0
    return self._era_emission(era) // era_length


@external
@view
def end_time() -> uint256:
    """
    @dev The end of the last era, T0 + N * L, when `emitted` reaches `cap`.
    @return uint256 The Unix time (0 before `start`).
    """
    return schedule_clock._end_time(n_eras * era_length)


@external
@view
def last_mint_time() -> uint256:
    """
    @dev The timestamp up to which emission has been minted.
    @return uint256 The Unix time (the start time until the first mint).
    """
    return schedule_clock._read().last


@internal
@view
def _emitted(start_time_: uint256, timestamp: uint256) -> uint256:
    """
    @dev emitted(t) = C - R_e + E_e * r // L (see the glossary).
    @param start_time_ T0 (0: not started, nothing emitted).
    @param timestamp t.
    @return uint256 The cumulative emission due at t, in wei.
    """
    if start_time_ == 0 or timestamp <= start_time_:
        return 0
    # timestamp > T0 here; L != 0 (constructor), so the divisions are safe.
    elapsed: uint256 = unsafe_sub(timestamp, start_time_)
    era: uint256 = unsafe_div(elapsed, era_length)
    if era >= n_eras:
        return cap
    # The complete eras before e emitted C - R_e, with R_e = C >> e
    # (era < N <= 64), so C - R_e cannot underflow. The partial era rounds
    # down: the minted total never runs ahead of the schedule.
    # E_e * r < 2^128 * 2^32, and the sum stays below C.
    return unsafe_add(
        unsafe_sub(cap, cap >> era),
        unsafe_div(unsafe_mul(self._era_emission(era), unsafe_sub(elapsed, unsafe_mul(era, era_length))), era_length),
    )


@internal
@view
def _era_emission(era: uint256) -> uint256:
    """
    @dev E_e: R_e - (R_e >> 1) for e < N - 1, R_(N-1) for the last era.
    @param era e, below N.
    @return uint256 The era's total emission, in wei.
    """
    remaining: uint256 = cap >> era
    if era + 1 < n_eras:
        # Half of what remains, rounded up (the halves' dust goes early).
        return unsafe_sub(remaining, remaining >> 1)
    # The last era takes all that remains, so the series sums to C.
    return remaining

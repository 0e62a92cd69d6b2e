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
          outgoing recipient first.
        The schedule (C, L, N) is immutable by design: it is the
        token's monetary policy, not a tunable parameter.
@custom:security The token is trusted (the suite's `CappedToken`, no
        hooks), and state is written before the external call, so
        `mint` carries no reentrancy lock. `mint` reverts with the
        token's reason if the emitter is not (or no longer) a minter,
        or if another minter used up the token's cap: the owner of the
        token must keep this emitter the token's only minter.
        Recipient, start time and last mint time share one storage
        slot, so a mint reads and writes a single slot.
@custom:kill The token's owner revokes this emitter's minter role
        (`CappedToken.set_minter(emitter, False)`): `mint` reverts from
        then on and nothing is lost, since emission is a function of
        time (restoring the role mints what accrued meanwhile). This
        contract's owner can move future emission with `set_recipient`.
        Ownership moves in two steps and cannot be renounced.
"""


from interfaces import IHalvingEmitter

implements: IHalvingEmitter


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
    # (a renounced emitter could never be started or have its
    # recipient moved again).
)


# The suite's `CappedToken`, reduced to what the emitter calls.
interface IMintableToken:
    def mint(owner: address, amount: uint256): nonpayable
    def cap() -> uint256: view


# @dev Most eras a schedule may have (bounds the shift `C >> e`).
MAX_ERAS: public(constant(uint256)) = 64


# @dev Longest era accepted: 100 years of 366 days.
MAX_ERA_LENGTH: public(constant(uint256)) = 100 * 366 * 86_400


# @dev Largest cap accepted (E_e * r cannot overflow below it).
MAX_CAP: public(constant(uint256)) = 2**128


# @dev Latest start accepted by `start`, relative to its call.
MAX_START_DELAY: public(constant(uint256)) = 366 * 86_400


# Layout of `_state`: recipient in bits 0..159, start time in bits
# 160..207, last mint time in bits 208..255. 48-bit timestamps last
# until the year 8.9 million.
_ADDRESS_MASK: constant(uint256) = 2**160 - 1
_TIME_MASK: constant(uint256) = 2**48 - 1
_START_SHIFT: constant(uint256) = 160
_LAST_SHIFT: constant(uint256) = 208


# @dev The token minted (a `CappedToken` this emitter is a minter of).
token: public(immutable(address))


# @dev C: the total emitted over the whole schedule, in wei.
cap: public(immutable(uint256))


# @dev L: the length of one era, in seconds.
era_length: public(immutable(uint256))


# @dev N: the number of eras; after N eras `cap` has been emitted.
n_eras: public(immutable(uint256))


# @dev Recipient, start time and last mint time, packed (layout above);
#      zero until `start`.
_state: uint256


# @dev Emitted once, when the owner starts the schedule.
event Started:
    start_time: uint256
    recipient: indexed(address)


# @dev Emitted when the owner changes the recipient.
event RecipientChanged:
    previous_recipient: indexed(address)
    new_recipient: indexed(address)


# @dev Emitted on every mint; `minted` is the cumulative total.
event Minted:
    recipient: indexed(address)
    amount: uint256
    minted: uint256


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
    assert token_ != empty(address), "emitter: zero token"
    assert owner_ != empty(address), "emitter: zero owner"
    assert cap_ != 0, "emitter: zero cap"
    assert cap_ <= MAX_CAP, "emitter: cap too large"
    assert era_length_ != 0, "emitter: zero era length"
    assert era_length_ <= MAX_ERA_LENGTH, "emitter: era too long"
    assert n_eras_ != 0, "emitter: zero eras"
    assert n_eras_ <= MAX_ERAS, "emitter: too many eras"
    assert token_.is_contract, "emitter: token is not a contract"
    assert cap_ <= staticcall IMintableToken(token_).cap(), "emitter: cap above token cap"
    token = token_
    cap = cap_
    era_length = era_length_
    n_eras = n_eras_
    ownable.__init__()
    ownable_2step.__init__()
    ownable_2step._transfer_ownership(owner_)


@external
def start(start_time: uint256, recipient: address):
    """
    @dev Sets the start of era 0 and the first recipient, once.
    @notice Only the owner, only once. `start_time` may be now or up to
            `MAX_START_DELAY` ahead, never in the past (a past start
            would release back-dated emission at once).
    @param start_time T0, the Unix time era 0 begins.
    @param recipient The account or contract that receives emission.
    """
    ownable._check_owner()
    assert self._state == 0, "emitter: already started"
    assert recipient != empty(address), "emitter: zero recipient"
    assert start_time >= block.timestamp, "emitter: start in the past"
    assert start_time <= block.timestamp + MAX_START_DELAY, "emitter: start too far"
    # Nothing is minted up to T0: the last mint time starts at T0.
    self._state = self._pack(recipient, start_time, start_time)
    log Started(start_time=start_time, recipient=recipient)


@external
def set_recipient(new_recipient: address):
    """
    @dev Changes the recipient of future emission.
    @notice Only the owner, after `start`. What accrued up to now is
            first minted to the outgoing recipient, so each recipient
            receives exactly the emission of its own period.
    @param new_recipient The new recipient.
    """
    ownable._check_owner()
    assert new_recipient != empty(address), "emitter: zero recipient"
    state: uint256 = self._state
    assert state != 0, "emitter: not started"
    previous: address = convert(state & _ADDRESS_MASK, address)
    start_time_: uint256 = (state >> _START_SHIFT) & _TIME_MASK
    last: uint256 = state >> _LAST_SHIFT
    # Before the start time nothing accrues and `last` stays T0.
    until: uint256 = max(block.timestamp, last)
    total: uint256 = self._emitted(start_time_, until)
    amount: uint256 = total - self._emitted(start_time_, last)
    self._state = self._pack(new_recipient, start_time_, until)
    if amount != 0:
        extcall IMintableToken(token).mint(previous, amount)
        log Minted(recipient=previous, amount=amount, minted=total)
    log RecipientChanged(previous_recipient=previous, new_recipient=new_recipient)


@external
def mint() -> uint256:
    """
    @dev Mints `emitted(now) - minted` to the recipient.
    @notice Anyone may call; the amount depends only on time, never on
            who calls or how often. Reverts if there is nothing to mint.
    @return uint256 The amount minted, in wei.
    """
    state: uint256 = self._state
    assert state != 0, "emitter: not started"
    start_time_: uint256 = (state >> _START_SHIFT) & _TIME_MASK
    assert block.timestamp >= start_time_, "emitter: before start time"
    total: uint256 = self._emitted(start_time_, block.timestamp)
    amount: uint256 = total - self._emitted(start_time_, state >> _LAST_SHIFT)
    assert amount != 0, "emitter: nothing to mint"
    # Keep recipient and start, replace the last mint time.
    self._state = (state & ((1 << _LAST_SHIFT) - 1)) | (block.timestamp << _LAST_SHIFT)
    recipient_: address = convert(state & _ADDRESS_MASK, address)
    extcall IMintableToken(token).mint(recipient_, amount)
    log Minted(recipient=recipient_, amount=amount, minted=total)
    return amount


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
    return self._emitted((self._state >> _START_SHIFT) & _TIME_MASK, timestamp)


@external
@view
def minted() -> uint256:
    """
    @dev The cumulative amount minted so far, in wei. Equal to
         `emitted_at(last_mint_time())` by construction.
    @return uint256 The cumulative amount, in wei.
    """
    state: uint256 = self._state
    return self._emitted((state >> _START_SHIFT) & _TIME_MASK, state >> _LAST_SHIFT)


@external
@view
def mintable() -> uint256:
    """
    @dev What `mint` would mint in a transaction at the current block's
         timestamp.
    @return uint256 The amount, in wei (0 if there is nothing to mint).
    """
    state: uint256 = self._state
    start_time_: uint256 = (state >> _START_SHIFT) & _TIME_MASK
    last: uint256 = state >> _LAST_SHIFT
    if block.timestamp <= last:
        return 0
    return self._emitted(start_time_, block.timestamp) - self._emitted(start_time_, last)


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
    start_time_: uint256 = (self._state >> _START_SHIFT) & _TIME_MASK
    if start_time_ == 0 or timestamp < start_time_:
        return 0
    # Rounds down: an era begins when its full predecessors have passed.
    return min((timestamp - start_time_) // era_length, n_eras)


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
    start_time_: uint256 = (self._state >> _START_SHIFT) & _TIME_MASK
    if start_time_ == 0 or timestamp < start_time_:
        return 0
    era: uint256 = (timestamp - start_time_) // era_length
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
    start_time_: uint256 = (self._state >> _START_SHIFT) & _TIME_MASK
    if start_time_ == 0:
        return 0
    return start_time_ + n_eras * era_length


@external
@view
def recipient() -> address:
    """
    @dev The account or contract that receives emission.
    @return address The recipient (zero before `start`).
    """
    return convert(self._state & _ADDRESS_MASK, address)


@external
@view
def start_time() -> uint256:
    """
    @dev T0, the Unix time era 0 begins.
    @return uint256 The start time (0 before `start`).
    """
    return (self._state >> _START_SHIFT) & _TIME_MASK


@external
@view
def last_mint_time() -> uint256:
    """
    @dev The timestamp up to which emission has been minted.
    @return uint256 The Unix time (the start time until the first mint).
    """
    return self._state >> _LAST_SHIFT


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
    elapsed: uint256 = timestamp - start_time_
    era: uint256 = elapsed // era_length
    if era >= n_eras:
        return cap
    # The complete eras before e emitted C - R_e, with R_e = C >> e
    # (era < N <= 64). The partial era rounds down: the minted total
    # never runs ahead of the schedule. E_e * r < 2^128 * 2^32.
    return cap - (cap >> era) + self._era_emission(era) * (elapsed % era_length) // era_length


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
        return remaining - (remaining >> 1)
    # The last era takes all that remains, so the series sums to C.
    return remaining


@internal
@pure
def _pack(recipient_: address, start_time_: uint256, last: uint256) -> uint256:
    """
    @dev Packs the three fields of `_state` (timestamps fit 48 bits: see
         `MAX_START_DELAY` and the layout above).
    @param recipient_ The recipient.
    @param start_time_ T0.
    @param last The last mint time.
    @return uint256 The packed word.
    """
    return convert(recipient_, uint256) | (start_time_ << _START_SHIFT) | (last << _LAST_SHIFT)

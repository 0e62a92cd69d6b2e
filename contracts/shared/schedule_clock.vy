# pragma version ~=0.4.3
"""
@title Schedule clock: recipient, start time and paid-up time of a time-driven schedule
@custom:contract-name schedule_clock
@license GNU Affero General Public License v3.0 only
@notice The clock of a schedule that pays a recipient as a pure function
        of time, shared by the halving emitters and the CPC maintenance
        rewards: who receives (`recipient`), when the schedule begins (T0,
        `start_time`) and up to when it has been paid (`last`). The three
        share one storage word, so a payout reads and writes one slot.

        The contract's owner starts the schedule once (`start`): T0 from now up to
        `MAX_START_DELAY` ahead, never in the past (a past start would pay
        back-dated accruals at once), and `last` = T0, so nothing is owed
        before T0. A payout moves `last` to now (`_advance`); a change of
        recipient (`_switch`) moves it to now too (never back: before T0
        `last` stays T0), and the contract settles what accrued up to then
        with the outgoing recipient, so each recipient receives exactly the
        accruals of its own period.

        Only the owner starts or switches: the module `uses:` the
        contract's `owner_2step`. What accrues between two times and how
        it is paid (minted or transferred) belong to the contract that
        holds the clock: `initializes: schedule_clock[owner_2step :=
        owner_2step]`, then export `start`, `recipient`, `start_time` and
        `MAX_START_DELAY`, and pay the outgoing recipient around
        `_switch` in its `set_recipient`.
        Reverts carry this module's name: "schedule_clock: ...".
@custom:security `_advance` and `_switch` write the clock before the
        contract pays, so a payout is checks-effects-interactions by
        construction. Timestamps take 48 bits: they last until the year
        8.9 million, and `start` bounds T0 by `MAX_START_DELAY`.
"""


from contracts.shared import constants
from contracts.shared import owner_2step

uses: owner_2step


# @dev Latest start accepted by `start`, relative to its call.
MAX_START_DELAY: public(constant(uint256)) = 366 * constants.DAY


# Layout of the clock word: recipient in bits 0..159, start time in
# bits 160..207, paid-up time in bits 208..255.
_RECIPIENT_MASK: constant(uint256) = constants.MASK_160
_START_SHIFT: constant(uint256) = 160
_START_MASK: constant(uint256) = constants.MASK_48
_LAST_SHIFT: constant(uint256) = 208
_LAST_MASK: constant(uint256) = constants.MASK_48


# @dev The clock, unpacked.
struct Clock:
    # the account or contract paid
    recipient: address
    # T0: the schedule begins (0: not started)
    start_time: uint256
    # what accrued up to this time has been paid (T0 until the first payout)
    last: uint256


# @dev Where a time stands in the schedule (see `_elapsed`).
struct Elapsed:
    # started, and the time is T0 or later
    running: bool
    # the time - T0 (0 when not running)
    seconds: uint256


# @dev The packed clock (layout above); zero until `start`.
_clock: uint256


# @dev Emitted once, when the owner starts the schedule.
event Started:
    start_time: uint256
    recipient: indexed(address)


# @dev Emitted when the owner changes the recipient.
event RecipientChanged:
    previous_recipient: indexed(address)
    new_recipient: indexed(address)


@external
def start(start_time: uint256, recipient: address):
    """
    @dev Sets T0 and the first recipient, once.
    @notice Only the owner, only once. `start_time` may be now or up to
            `MAX_START_DELAY` ahead, never in the past (a past start
            would pay back-dated accruals at once). Funding, where the
            schedule transfers rather than mints, may come before or
            after.
    @param start_time T0, the Unix time the schedule begins.
    @param recipient The account or contract paid.
    """
    owner_2step.ownable._check_owner()
    assert self._clock == 0, "schedule_clock: already started"
    assert recipient != empty(address), "schedule_clock: zero recipient"
    assert start_time >= block.timestamp, "schedule_clock: start in the past"
    assert start_time <= block.timestamp + MAX_START_DELAY, "schedule_clock: start too far"
    # Nothing is owed up to T0: the paid-up time starts at T0.
    self._clock = self._pack(Clock(recipient=recipient, start_time=start_time, last=start_time))
    log Started(start_time=start_time, recipient=recipient)


@external
@view
def recipient() -> address:
    """
    @dev The account or contract paid.
    @return address The recipient (zero before `start`).
    """
    return self._unpack(self._clock).recipient


@external
@view
def start_time() -> uint256:
    """
    @dev T0, the Unix time the schedule begins.
    @return uint256 The start time (0 before `start`).
    """
    return self._unpack(self._clock).start_time


@internal
@view
def _read() -> Clock:
    """
    @dev The clock as stored (all zero before `start`).
    @return Clock Recipient, T0, paid-up time.
    """
    return self._unpack(self._clock)


@internal
@view
def _elapsed(timestamp: uint256) -> Elapsed:
    """
    @dev Seconds from T0 to `timestamp`, for the views that name the era
         or year running at a time (each returns 0 when not `running`).
    @param timestamp A Unix time.
    @return Elapsed Whether the schedule runs at `timestamp` (started,
            and `timestamp` >= T0) and `timestamp` - T0 if it does, else 0.
    """
    start_time_: uint256 = self._unpack(self._clock).start_time
    if start_time_ == 0 or timestamp < start_time_:
        return empty(Elapsed)
    # safe: timestamp >= start_time_ checked just above
    return Elapsed(running=True, seconds=unsafe_sub(timestamp, start_time_))


@internal
@view
def _end_time(duration: uint256) -> uint256:
    """
    @dev When a schedule of `duration` seconds ends: T0 + `duration`.
    @param duration The schedule's length, in seconds.
    @return uint256 The Unix time (0 before `start`).
    """
    start_time_: uint256 = self._unpack(self._clock).start_time
    if start_time_ == 0:
        return 0
    return start_time_ + duration


@internal
def _advance() -> Clock:
    """
    @dev Marks the schedule paid up to now, for a payout of what accrued
         since `last`.
    @notice Reverts before `start` and before T0.
    @return Clock The clock as it was (the payout covers `last` .. now).
    """
    clock: Clock = self._unpack(self._clock)
    assert clock.start_time != 0, "schedule_clock: not started"
    assert block.timestamp >= clock.start_time, "schedule_clock: before start time"
    self._clock = self._pack(Clock(recipient=clock.recipient, start_time=clock.start_time, last=block.timestamp))
    return clock


@internal
def _switch(new_recipient: address) -> (Clock, uint256):
    """
    @dev Hands the schedule to `new_recipient` from now on.
    @notice Only the owner, after `start`. The caller pays the outgoing recipient
            what accrued from `last` to the returned time, then logs
            `RecipientChanged` (so the log follows the payout's).
    @param new_recipient The new recipient.
    @return Clock The clock as it was (its recipient is the outgoing one).
    @return uint256 The time the outgoing recipient is owed up to:
            max(now, last) (before T0 nothing accrues and `last` stays T0).
    """
    owner_2step.ownable._check_owner()
    assert new_recipient != empty(address), "schedule_clock: zero recipient"
    clock: Clock = self._unpack(self._clock)
    assert clock.start_time != 0, "schedule_clock: not started"
    until: uint256 = max(block.timestamp, clock.last)
    self._clock = self._pack(Clock(recipient=new_recipient, start_time=clock.start_time, last=until))
    return clock, until


@internal
@pure
def _pack(clock: Clock) -> uint256:
    """
    @dev Packs the clock into one word (layout above; timestamps fit 48
         bits, see @custom:security).
    @param clock The clock.
    @return uint256 The packed word.
    """
    return (
        convert(clock.recipient, uint256)
        | (clock.start_time << _START_SHIFT)
        | (clock.last << _LAST_SHIFT)
    )


@internal
@pure
def _unpack(word: uint256) -> Clock:
    """
    @dev Splits the packed word into the clock's fields.
    @param word The packed word.
    @return Clock Recipient, T0, paid-up time.
    """
    return Clock(
        recipient=convert(word & _RECIPIENT_MASK, address),
        start_time=(word >> _START_SHIFT) & _START_MASK,
        last=(word >> _LAST_SHIFT) & _LAST_MASK,
    )

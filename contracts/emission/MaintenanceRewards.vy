# pragma version ~=0.4.3
"""
@title CPC maintenance rewards: CPChain's five-year block-reward schedule
@custom:contract-name MaintenanceRewards
@license GNU Affero General Public License v3.0 only
@notice Releases CPChain's proposer-committee block rewards (whitepaper
        5.1.3, Table 1) to a recipient as a pure function of time. CPC is
        minted once, at deployment, so this contract never mints: the
        treasury funds it with exactly 122,219,971.2 CPC out of the 40%
        community-governance allocation, and `release`, callable by
        anyone, transfers what the schedule has accrued since the
        previous release.

        One block every 10 seconds from the start time T0; block k
        (counted from 1) completes at T0 + 10 k and earns the reward of
        its year:
          year  CPC per block  blocks (days)        year total
          1     12.65          3,162,240 (366)      40,002,336
          2      9.51          3,153,600 (365)      29,990,736
          3      7.13          3,153,600 (365)      22,485,168
          4      5.39          3,153,600 (365)      16,997,904
          5      4.03          3,162,240 (366)      12,743,827.2
        accrued(t) = (totals of the complete years)
                     + reward(y) * (whole blocks completed in year y)
        and nothing after year 5 (CPChain's market phase): the five-year
        total is the table's sum to the wei, 122,219,971.2 CPC.

        Readings of SPEC.md (see docs/emission.md):
        - "A proposer that was impeached for a block gets no reward for
          it" is decided per block by the chain's committees, which this
          contract cannot see. It releases the schedule to a recipient,
          the committee reward distributor of the nodes domain, which
          applies impeachment; until that exists, the treasury. It does
          not pretend to know which blocks were impeached.
        - Start time and recipient are chain-specific: the owner sets
          them once with `start`. The owner may change the recipient;
          what accrued before the change goes to the outgoing recipient.
          Recipient, start time and last release time are the shared
          `schedule_clock` (contracts/shared), the halving emitters'
          clock too.
        The table is constant: it is CPChain's published policy.
@custom:security The token is trusted (the suite's `CappedToken`), and
        state is written before the external call, so `release` carries
        no reentrancy lock. An underfunded contract reverts with
        "maintenance_rewards: insufficient balance" instead of paying part;
        `shortfall` says how much is missing. Over-funding (or CPC sent
        by mistake) can be recovered by the owner with `recover_excess`,
        which can never touch what the schedule still owes. Recipient,
        start time and last release time share one storage slot
        (`schedule_clock`).
@custom:kill The schedule cannot be paused: the owner redirects what
        accrues from then on with `set_recipient` (to the treasury, say),
        and can take back only what the schedule no longer owes
        (`recover_excess`). Ownership moves in two steps and cannot be
        renounced.
"""


from ethereum.ercs import IERC20

from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import owner_2step
from contracts.shared import schedule_clock
from interfaces import IMaintenanceRewards

implements: IMaintenanceRewards

initializes: owner_2step
initializes: schedule_clock[owner_2step := owner_2step]


exports: (
    owner_2step.__interface__,
    # Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
    # not exported: a renounced pool could never be started, have its recipient moved or its
    # excess recovered again.
    # The schedule clock: `start`, `recipient`, `start_time`, `MAX_START_DELAY`
    # (contracts/shared/schedule_clock.vy).
    schedule_clock.__interface__,
)


# @dev One block every 10 seconds.
BLOCK_TIME: public(constant(uint256)) = 10


# @dev Years with a reward; nothing after the last.
YEARS: public(constant(uint256)) = 5


# Table 1 as data. Immutable rather than constant on purpose: indexing a
# constant array with a variable copies the whole literal to memory on
# every read, an immutable array reads one word from the code.


# @dev Reward per block for each year, in wei (Table 1).
_REWARD_PER_BLOCK: immutable(uint256[YEARS])


# @dev Blocks in each year: 366, 365, 365, 365 and 366 days of 8,640.
_YEAR_BLOCKS: immutable(uint256[YEARS])


# @dev The five-year total in wei: 122,219,971.2 CPC, the sum of the
#      year totals of Table 1.
TOTAL_REWARDS: public(constant(uint256)) = 122_219_971_200_000_000_000_000_000


# @dev The schedule's length: 15,785,280 blocks of 10 s (1,827 days).
DURATION: public(constant(uint256)) = 1_827 * constants.DAY


# @dev The CPC token paid out.
token: public(immutable(address))


@deploy
def __init__(token_: address, owner_: address):
    """
    @dev The arguments are the same on every chain; the chain-specific
         start time and recipient come with `start`.
    @param token_ The CPC token.
    @param owner_ The account that starts the schedule and sets the
           recipient (governance after deployment).
    """
    assert token_ != empty(address), "maintenance_rewards: zero token"
    assert owner_ != empty(address), "maintenance_rewards: zero owner"
    assert token_.is_contract, "maintenance_rewards: token is not a contract"
    token = token_
    _REWARD_PER_BLOCK = [
        12_650_000_000_000_000_000,
        9_510_000_000_000_000_000,
        7_130_000_000_000_000_000,
        5_390_000_000_000_000_000,
        4_030_000_000_000_000_000,
    ]
    _YEAR_BLOCKS = [3_162_240, 3_153_600, 3_153_600, 3_153_600, 3_162_240]
    owner_2step.__init__(owner_)


# The hot path first: the selector dispatcher tries functions in
# declaration order within a bucket (a few dozen gas per call).
@external
def release() -> uint256:
    """
    @dev Transfers `accrued(now) - released` to the recipient.
    @notice Anyone may call; the amount depends only on time, never on
            who calls or how often.
    @return uint256 The amount released, in wei.
    """
    clock: schedule_clock.Clock = schedule_clock._advance()
    total: uint256 = self._accrued(clock.start_time, block.timestamp)
    # accrued is non-decreasing in time and now >= last.
    amount: uint256 = unsafe_sub(total, self._accrued(clock.start_time, clock.last))
    assert amount != 0, "maintenance_rewards: nothing to release"
    assert staticcall IERC20(token).balanceOf(self) >= amount, "maintenance_rewards: insufficient balance"
    asset_transfer._pay(token, clock.recipient, amount)
    log IMaintenanceRewards.Released(recipient=clock.recipient, amount=amount, released=total)
    return amount


@external
def set_recipient(new_recipient: address):
    """
    @dev Changes the recipient of future rewards.
    @notice Only the owner, after `start`. What accrued up to now is
            first released to the outgoing recipient (so the contract
            must hold it: fund before switching).
    @param new_recipient The new recipient.
    """
    previous: schedule_clock.Clock = empty(schedule_clock.Clock)
    until: uint256 = 0
    previous, until = schedule_clock._switch(new_recipient)
    # The same payout as `release` (written out there: an internal call
    # would cost the hot path ~190 gas), for previous.last .. until.
    total: uint256 = self._accrued(previous.start_time, until)
    amount: uint256 = unsafe_sub(total, self._accrued(previous.start_time, previous.last))
    if amount != 0:
        assert staticcall IERC20(token).balanceOf(self) >= amount, "maintenance_rewards: insufficient balance"
        asset_transfer._pay(token, previous.recipient, amount)
        log IMaintenanceRewards.Released(recipient=previous.recipient, amount=amount, released=total)
    log schedule_clock.RecipientChanged(previous_recipient=previous.recipient, new_recipient=new_recipient)


@external
def recover_excess(receiver: address) -> uint256:
    """
    @dev Transfers the balance beyond what the schedule still owes
         (`excess`) to `receiver`.
    @notice Only the owner. What is owed (`TOTAL_REWARDS - released`)
            always stays.
    @param receiver Where the excess goes (the treasury).
    @return uint256 The amount recovered, in wei.
    """
    owner_2step.ownable._check_owner()
    assert receiver != empty(address), "maintenance_rewards: zero receiver"
    amount: uint256 = self._excess()
    assert amount != 0, "maintenance_rewards: no excess"
    asset_transfer._pay(token, receiver, amount)
    log IMaintenanceRewards.ExcessRecovered(receiver=receiver, amount=amount)
    return amount


@external
@view
def accrued_at(timestamp: uint256) -> uint256:
    """
    @dev The schedule: cumulative rewards due at `timestamp`.
    @notice 0 before `start` or the start time; `TOTAL_REWARDS` after year 5.
    @param timestamp A Unix time.
    @return uint256 The cumulative amount, in wei.
    """
    return self._accrued(schedule_clock._read().start_time, timestamp)


@external
@view
def released() -> uint256:
    """
    @dev The cumulative amount released so far, in wei. Equal to
         `accrued_at(last_release_time())` by construction.
    @return uint256 The cumulative amount, in wei.
    """
    clock: schedule_clock.Clock = schedule_clock._read()
    return self._accrued(clock.start_time, clock.last)


@external
@view
def releasable() -> uint256:
    """
    @dev What `release` would transfer in a transaction at the current
         block's timestamp (whether or not the balance covers it).
    @return uint256 The amount, in wei.
    """
    clock: schedule_clock.Clock = schedule_clock._read()
    if block.timestamp <= clock.last:
        return 0
    return self._accrued(clock.start_time, block.timestamp) - self._accrued(clock.start_time, clock.last)


@external
@view
def shortfall() -> uint256:
    """
    @dev How much CPC the contract lacks to pay the rest of the schedule:
         `TOTAL_REWARDS - released - balance`, or 0.
    @return uint256 The amount, in wei.
    """
    owed: uint256 = self._owed()
    balance: uint256 = staticcall IERC20(token).balanceOf(self)
    if balance >= owed:
        return 0
    return owed - balance


@external
@view
def excess() -> uint256:
    """
    @dev How much CPC the contract holds beyond what the schedule still
         owes: `balance - (TOTAL_REWARDS - released)`, or 0.
    @return uint256 The amount, in wei.
    """
    return self._excess()


@external
@view
def year_at(timestamp: uint256) -> uint256:
    """
    @dev The reward year running at `timestamp`, counted from 1.
    @notice 0 before the start time (and before `start`); 6 after year 5.
    @param timestamp A Unix time.
    @return uint256 The year.
    """
    elapsed: schedule_clock.Elapsed = schedule_clock._elapsed(timestamp)
    if not elapsed.running:
        return 0
    blocks: uint256 = elapsed.seconds // BLOCK_TIME
    for year: uint256 in range(YEARS):
        if blocks < _YEAR_BLOCKS[year]:
            return year + 1
        blocks -= _YEAR_BLOCKS[year]
    return YEARS + 1


@external
@view
def reward_per_block(year: uint256) -> uint256:
    """
    @dev The reward of one block in `year` (Table 1).
    @param year The year, counted from 1; 0 for any other.
    @return uint256 The reward, in wei.
    """
    if year == 0 or year > YEARS:
        return 0
    return _REWARD_PER_BLOCK[year - 1]


@external
@view
def end_time() -> uint256:
    """
    @dev The end of year 5, T0 + `DURATION`, when `accrued` reaches
         `TOTAL_REWARDS`.
    @return uint256 The Unix time (0 before `start`).
    """
    return schedule_clock._end_time(DURATION)


@external
@view
def last_release_time() -> uint256:
    """
    @dev The timestamp up to which rewards have been released.
    @return uint256 The Unix time (the start time until the first release).
    """
    return schedule_clock._read().last


@internal
@view
def _accrued(start_time_: uint256, timestamp: uint256) -> uint256:
    """
    @dev accrued(t): complete years plus whole blocks of the current one.
    @param start_time_ T0 (0: not started, nothing accrued).
    @param timestamp t.
    @return uint256 The cumulative rewards due at t, in wei.
    """
    if start_time_ == 0 or timestamp <= start_time_:
        return 0
    # Rounds down to whole blocks: a block earns once it is complete,
    # so releases never run ahead of the chain. timestamp > T0 here.
    blocks: uint256 = unsafe_div(unsafe_sub(timestamp, start_time_), BLOCK_TIME)
    total: uint256 = 0
    for year: uint256 in range(YEARS):
        year_blocks: uint256 = _YEAR_BLOCKS[year]
        if blocks < year_blocks:
            # Below TOTAL_REWARDS < 2**87: no overflow.
            return unsafe_add(total, unsafe_mul(_REWARD_PER_BLOCK[year], blocks))
        total = unsafe_add(total, unsafe_mul(_REWARD_PER_BLOCK[year], year_blocks))
        blocks = unsafe_sub(blocks, year_blocks)
    return TOTAL_REWARDS


@internal
@view
def _owed() -> uint256:
    """
    @dev What the schedule has yet to release: TOTAL_REWARDS - released.
    @return uint256 The amount, in wei.
    """
    clock: schedule_clock.Clock = schedule_clock._read()
    return TOTAL_REWARDS - self._accrued(clock.start_time, clock.last)


@internal
@view
def _excess() -> uint256:
    """
    @dev The balance beyond what is still owed, or 0.
    @return uint256 The amount, in wei.
    """
    owed: uint256 = self._owed()
    balance: uint256 = staticcall IERC20(token).balanceOf(self)
    if balance <= owed:
        return 0
    return balance - owed

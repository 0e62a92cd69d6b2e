# pragma version ~=0.4.3
"""
@title Timelock: the suite's owner, driven only by the Governor
@custom:contract-name Timelock
@license GNU Affero General Public License v3.0 only
@notice snekmate's `timelock_controller`, initialized and exported. The
        Governor is its only proposer, executor and canceller, so every
        call the timelock makes went through a proposal, waited
        `get_minimum_delay` seconds, and ran before the Governor's expiry
        (the Governor refuses to execute after it, and nobody else may).
        The timelock administers itself (`DEFAULT_ADMIN_ROLE` is held by
        the timelock alone; snekmate revokes it from the deployer): adding
        or removing a role is a proposal too.

        Bootstrap. The deploy has to make the timelock accept two-step
        ownership of every suite contract before any proposal can exist.
        The constructor therefore takes an optional `bootstrap_` account
        that also gets the proposer, executor and canceller roles, and
        the deploy may start with a minimum delay of zero. The bootstrap
        account then, in order:
          1. `schedule_batch` the `accept_ownership` calls of every suite
             contract, the Governor's three roles (`grantRole`, when the
             constructor had no Governor) and `update_delay(final
             delay)` (delay 0),
          2. `execute_batch` the same batch,
          3. `renounceRole` its three roles (PROPOSER, EXECUTOR,
             CANCELLER).
        `check-roles` proves afterwards that no EOA holds any role and
        that the delay is within bounds. Without a bootstrap account the
        delay must be within [MIN_DELAY, MAX_DELAY] from the start.
@custom:security `update_delay` is this contract's own (snekmate's is not
        exported): the new delay must lie within [MIN_DELAY, MAX_DELAY],
        so no proposal can turn the timelock into a pass-through. The
        Governor schedules with exactly `get_minimum_delay`.
@custom:kill The timelock is the suite's last word: it is stopped only
        by a proposal that revokes the Governor's roles (after its delay).
        The Governor's committee may cancel a queued operation through the
        Governor (never directly: the Governor is the only canceller).
"""


from snekmate.auth import access_control
from snekmate.governance import timelock_controller

from interfaces import ITimelock

implements: ITimelock

initializes: access_control
initializes: timelock_controller[access_control := access_control]


exports: (
    # Role administration (snekmate's access_control, as the timelock
    # exports it): only the timelock itself holds DEFAULT_ADMIN_ROLE.
    timelock_controller.DEFAULT_ADMIN_ROLE,
    timelock_controller.hasRole,
    timelock_controller.getRoleAdmin,
    timelock_controller.grantRole,
    timelock_controller.revokeRole,
    timelock_controller.renounceRole,
    timelock_controller.set_role_admin,
    # Roles, operation state and hashing.
    timelock_controller.PROPOSER_ROLE,
    timelock_controller.EXECUTOR_ROLE,
    timelock_controller.CANCELLER_ROLE,
    timelock_controller.IERC721_TOKENRECEIVER_SELECTOR,
    timelock_controller.IERC1155_TOKENRECEIVER_SINGLE_SELECTOR,
    timelock_controller.IERC1155_TOKENRECEIVER_BATCH_SELECTOR,
    timelock_controller.get_timestamp,
    timelock_controller.get_minimum_delay,
    timelock_controller.supportsInterface,
    timelock_controller.is_operation,
    timelock_controller.is_operation_pending,
    timelock_controller.is_operation_ready,
    timelock_controller.is_operation_done,
    timelock_controller.hash_operation,
    timelock_controller.hash_operation_batch,
    # Scheduling, execution and cancellation (role-checked by snekmate).
    timelock_controller.schedule,
    timelock_controller.schedule_batch,
    timelock_controller.cancel,
    timelock_controller.execute,
    timelock_controller.execute_batch,
    # Receiving native coin and NFTs.
    timelock_controller.__default__,
    timelock_controller.onERC721Received,
    timelock_controller.onERC1155Received,
    timelock_controller.onERC1155BatchReceived,
    # Deliberately not exported: snekmate's `update_delay`, replaced below
    # by one that keeps the delay within bounds; `get_operation_state`,
    # whose snekmate flag type an interface cannot name (the four
    # `is_operation*` views and `get_timestamp` say the same).
)


# @dev Shortest minimum delay a proposal may set, in seconds.
MIN_DELAY: public(constant(uint256)) = 3_600
# @dev Longest minimum delay, in seconds (30 days).
MAX_DELAY: public(constant(uint256)) = 30 * 86_400


@deploy
@payable
def __init__(minimum_delay_: uint256, governor_: address, bootstrap_: address):
    """
    @dev Grants the Governor (and the optional bootstrap account) the
         proposer, executor and canceller roles; the admin role stays
         with the timelock alone.
    @param minimum_delay_ The first minimum delay in seconds: within
           [MIN_DELAY, MAX_DELAY], or zero with a bootstrap account (the
           bootstrap batch then sets the final delay).
    @param governor_ The Governor, or the zero address with a bootstrap
           account: the Governor's address depends on this contract's
           (its constructor takes the timelock), so a CREATE2 deployment
           grants the Governor its three roles in the bootstrap batch
           (`grantRole` by the timelock itself, its own admin).
    @param bootstrap_ The deploy's one-time account, or the zero address.
    """
    assert governor_ != empty(address) or bootstrap_ != empty(address), "timelock: zero governor"
    assert minimum_delay_ <= MAX_DELAY, "timelock: delay out of bounds"
    assert minimum_delay_ >= MIN_DELAY or (
        minimum_delay_ == 0 and bootstrap_ != empty(address)
    ), "timelock: delay out of bounds"
    accounts: DynArray[address, 2] = []
    if governor_ != empty(address):
        accounts.append(governor_)
    if bootstrap_ != empty(address):
        assert bootstrap_ != governor_, "timelock: bootstrap is the governor"
        accounts.append(bootstrap_)
    access_control.__init__()
    timelock_controller.__init__(minimum_delay_, accounts, accounts, empty(address))


@external
def update_delay(new_delay: uint256):
    """
    @dev Changes the minimum delay of future operations.
    @notice Only the timelock itself (so only through a scheduled and
            executed operation), within [MIN_DELAY, MAX_DELAY].
    @param new_delay The new minimum delay in seconds.
    """
    assert msg.sender == self, "timelock: caller is not the timelock"
    assert new_delay >= MIN_DELAY and new_delay <= MAX_DELAY, "timelock: delay out of bounds"
    log timelock_controller.MinimumDelayChange(
        old_duration=timelock_controller.get_minimum_delay, new_duration=new_delay
    )
    timelock_controller.get_minimum_delay = new_delay

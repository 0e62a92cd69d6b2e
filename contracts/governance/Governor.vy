# pragma version ~=0.4.3
"""
@title Governor: proposals voted with checkpointed power, run through the timelock
@custom:contract-name Governor
@license GNU Affero General Public License v3.0 only
@notice Anyone whose voting power one second ago reaches the proposal
        threshold, or any committee member, proposes a list of at most
        MAX_CALLS calls. Votes are for or against (SPEC: consent or
        disagree), weighted by `votes.getPastVotes(voter, snapshot)`; each
        account votes once. A proposal succeeds when, after its voting
        period, for > against and for + against >= quorum, where
          quorum = ceil(getPastTotalSupply(snapshot) * quorum_bps / 10_000)
        (rounded up: the quorum is never below the stated fraction) with
        the quorum bps in force at the snapshot (a history, so a later
        change never revives or kills a finished vote). A successful
        proposal is queued in the timelock (eta = now + the timelock's
        delay; each call one timelock operation, salt = keccak256(id,
        index)) and executed through it, all calls in order in one
        transaction, between eta and eta + grace period,
        never outside that window: the Governor is the timelock's only
        proposer, executor and canceller.

        Timeline of a proposal created at time c:
          snapshot = c + voting_delay     power is read at this second
          pending   while now <= snapshot
          active    while snapshot < now <= snapshot + voting_period
          then defeated or succeeded; queued (eta, expiry) once queued;
          expired after expiry unless executed. Canceled and executed are
          stored flags. `state` derives all of it in one view.
        Power gained at a second after the snapshot never counts: a flash
        loan staked in the block of a proposal is gone by the snapshot.

        Proposal id. id = keccak256(abi_encode(targets, values, calldatas,
        keccak256(description), proposer)): OpenZeppelin's hash with the
        proposer appended. Keeping the proposer in the id rather than in
        storage lets one word hold everything a vote reads and writes
        (see below); `queue`, `execute` and `cancel` take the calls, the
        description hash and the proposer (all in `ProposalCreated`).

        Storage, packed by hand so that `propose` writes one new slot and
        `castVote` reads and writes that same slot plus the receipt:
          proposal word = for (96) | against (96) | snapshot (40)
                          | voting period (22) | canceled (1)
          queue word    = eta (40) | expiry (40) | executed (1)
          params word   = voting delay (40) | voting period (22)
                          | grace period (40) | proposal threshold (96)
          receipt       = weight << 2 | support << 1 | 1
        Tallies are bounded by 2**96 - 1 (79.2 billion tokens of 18
        decimals); a vote that would pass it reverts.

        Committee (guardian): at most MAX_COMMITTEE members, added and
        removed only by the timelock (so by proposals). A member may
        propose without the threshold and may cancel a pending, active,
        succeeded or queued proposal, except one that removes a committee
        member (so a rogue committee cannot protect itself), and may
        pause new deposits and creations of a suite contract whose
        guardian is this Governor (`emergency_pause`: the one change that
        bypasses a proposal; resuming takes one). It can never queue,
        execute, move funds or change a parameter.
        Parameters (voting delay and period, threshold, grace period,
        quorum) are written by the suite's parameter registry once named
        (a proposal that calls the registry, within the registry's
        bounds and the Governor's own).
@custom:security The votes source is trusted (a suite contract fixed at
        deployment). `execute` marks the proposal executed before calling
        the timelock; the calls run from the timelock, which re-checks its
        own delay. Loops run over a proposal's calls (MAX_CALLS), the
        quorum history's binary search (_SEARCH_STEPS), never over voters
        or members.
@custom:kill The committee cancels queued proposals; the DAO itself stops
        by a proposal that revokes this Governor's timelock roles. The
        Governor has no owner: the timelock is its only authority.
"""


from contracts.shared import constants
from interfaces import IController
from interfaces import IGovernor
from interfaces import IPausable
from interfaces import ITimelock
from interfaces import IVotes

implements: IGovernor


# @dev Largest number of calls in one proposal.
MAX_CALLS: public(constant(uint256)) = 10
# @dev Largest calldata of one call (the timelock's payload bound).
MAX_CALLDATA: constant(uint256) = 1_024
# @dev Largest description, in bytes (long texts go off-chain, by hash or URL).
MAX_DESCRIPTION: constant(uint256) = 2_048
# @dev Largest number of committee seats.
MAX_COMMITTEE: public(constant(uint256)) = 20

# @dev Bounds of the governance parameters (each setter reverts outside).
MIN_VOTING_DELAY: public(constant(uint256)) = 1
MAX_VOTING_DELAY: public(constant(uint256)) = 14 * constants.DAY
MIN_VOTING_PERIOD: public(constant(uint256)) = 3_600
MAX_VOTING_PERIOD: public(constant(uint256)) = 30 * constants.DAY
MIN_PROPOSAL_THRESHOLD: public(constant(uint256)) = 1
MAX_PROPOSAL_THRESHOLD: public(constant(uint256)) = _TALLY_MASK
MIN_QUORUM_BPS: public(constant(uint256)) = 100
MAX_QUORUM_BPS: public(constant(uint256)) = 5_000
MIN_GRACE_PERIOD: public(constant(uint256)) = constants.DAY
MAX_GRACE_PERIOD: public(constant(uint256)) = 30 * constants.DAY

# @dev Phases, in OpenZeppelin's ProposalState order.
PENDING: constant(uint8) = 0
ACTIVE: constant(uint8) = 1
CANCELED: constant(uint8) = 2
DEFEATED: constant(uint8) = 3
SUCCEEDED: constant(uint8) = 4
QUEUED: constant(uint8) = 5
EXPIRED: constant(uint8) = 6
EXECUTED: constant(uint8) = 7

# @dev Vote choices (OpenZeppelin's: 0 against, 1 for; no abstain).
SUPPORT_AGAINST: constant(uint8) = 0
SUPPORT_FOR: constant(uint8) = 1

# Proposal word (`Core`): for | against | snapshot | voting period | canceled.
_TALLY_MASK: constant(uint256) = 2**96 - 1
_AGAINST_SHIFT: constant(uint256) = 96
_SNAPSHOT_SHIFT: constant(uint256) = 192
_TIME_MASK: constant(uint256) = constants.MASK_40
_PERIOD_SHIFT: constant(uint256) = 232
_PERIOD_MASK: constant(uint256) = 2**22 - 1
_CANCELED_SHIFT: constant(uint256) = 254
# Queue word (`Queued`): eta | expiry | executed.
_EXPIRY_SHIFT: constant(uint256) = 40
_EXECUTED_SHIFT: constant(uint256) = 80
# Params word (`Params`): voting delay | voting period | grace period | threshold.
_VOTING_PERIOD_SHIFT: constant(uint256) = 40
_GRACE_SHIFT: constant(uint256) = 62
_THRESHOLD_SHIFT: constant(uint256) = 102
# Quorum checkpoint: since (40) | bps (16).
_BPS_SHIFT: constant(uint256) = 40
# Binary search bound: 2**32 quorum checkpoints (the constructor's and 2**32 - 1 changes).
_SEARCH_STEPS: constant(uint256) = 32
# Selector of `remove_member(address)`, which the committee may not cancel.
_REMOVE_MEMBER: constant(bytes4) = method_id("remove_member(address)", output_type=bytes4)


# @dev A proposal word, unpacked.
struct Core:
    for_votes: uint256
    against_votes: uint256
    snapshot: uint256
    voting_period: uint256
    canceled: bool


# @dev A queue word, unpacked.
struct Queued:
    eta: uint256
    expiry: uint256
    executed: bool


# @dev The params word, unpacked.
struct Params:
    voting_delay: uint256
    voting_period: uint256
    grace_period: uint256
    proposal_threshold: uint256


# @dev The votes source (ERC-5805): the only power the Governor reads.
votes: public(immutable(address))
# @dev The timelock that runs proposals and owns the suite.
timelock: public(immutable(address))

# @dev Proposal id -> proposal word.
_proposals: HashMap[uint256, uint256]
# @dev Proposal id -> queue word (zero until queued).
_queues: HashMap[uint256, uint256]
# @dev Proposal id -> voter -> receipt (zero: has not voted).
_receipts: HashMap[uint256, HashMap[address, uint256]]
# @dev The governance parameters but the quorum.
_params: uint256
# @dev Quorum history: index -> checkpoint word.
_quorum_checkpoints: HashMap[uint256, uint256]
# @dev Number of quorum checkpoints.
_quorum_count: uint256
# @dev Committee seat -> member (seats 0 .. member_count - 1).
_members: HashMap[uint256, address]
# @dev Member -> seat + 1 (zero: not a member).
_seat_of: HashMap[address, uint256]
# @dev Number of committee members.
member_count: public(uint256)
# @dev The parameter registry that alone sets the governance parameters
#      (zero: the timelock does).
parameter_registry: public(address)


@deploy
def __init__(
    votes_: address,
    timelock_: address,
    voting_delay_: uint256,
    voting_period_: uint256,
    proposal_threshold_: uint256,
    quorum_bps_: uint256,
    grace_period_: uint256,
    parameter_registry_: address,
):
    """
    @dev Sets the votes source, the timelock, the first parameters (each
         within its bounds) and who changes them. The committee starts
         empty; the deploy's bootstrap batch may add members through the
         timelock.
    @param votes_ The ERC-5805 votes source.
    @param timelock_ The timelock (its proposer, executor, canceller).
    @param voting_delay_ Seconds from creation to the snapshot.
    @param voting_period_ Seconds of voting after the snapshot.
    @param proposal_threshold_ Power needed to propose.
    @param quorum_bps_ Quorum, in basis points of the snapshot's supply.
    @param grace_period_ Seconds after eta during which execution is allowed.
    @param parameter_registry_ The suite's parameter registry, the only
           writer of the parameters above (zero: the timelock writes them,
           until it names a registry).
    """
    assert votes_ != empty(address), "governor: zero votes source"
    assert timelock_ != empty(address), "governor: zero timelock"
    votes = votes_
    timelock = timelock_
    self._check_bounds(voting_delay_, voting_period_, proposal_threshold_, grace_period_)
    self._params = self._pack_params(
        Params(
            voting_delay=voting_delay_,
            voting_period=voting_period_,
            grace_period=grace_period_,
            proposal_threshold=proposal_threshold_,
        )
    )
    self._push_quorum(quorum_bps_)
    self.parameter_registry = parameter_registry_


@external
def propose(
    targets: DynArray[address, MAX_CALLS],
    values: DynArray[uint256, MAX_CALLS],
    calldatas: DynArray[Bytes[MAX_CALLDATA], MAX_CALLS],
    description: String[MAX_DESCRIPTION],
) -> uint256:
    """
    @dev Creates a proposal; its snapshot is now + voting delay.
    @notice The caller's power one second ago must reach the proposal
            threshold, or the caller is a committee member.
    @param targets The called contracts.
    @param values The native amounts sent with each call.
    @param calldatas The calls' calldata.
    @param description The proposal's text (its hash is part of the id).
    @return uint256 The proposal id.
    """
    count: uint256 = len(targets)
    assert count != 0, "governor: empty proposal"
    assert count == len(values) and count == len(calldatas), "governor: length mismatch"
    params: uint256 = self._params
    # The read of one second ago (getPastVotes rejects now): power staked
    # in this block cannot propose.
    power: uint256 = staticcall IVotes(votes).getPastVotes(msg.sender, block.timestamp - 1)
    if power < params >> _THRESHOLD_SHIFT:
        assert self._seat_of[msg.sender] != 0, "governor: proposer below threshold"
    # `_hash` written out: an internal call copies the calls into its own
    # memory frame, and the event's buffer then lands past it (memory
    # expansion).
    proposal_id: uint256 = convert(
        keccak256(abi_encode(targets, values, calldatas, keccak256(description), msg.sender)), uint256
    )
    assert self._proposals[proposal_id] == 0, "governor: proposal exists"
    # delay <= MAX_VOTING_DELAY: the snapshot fits 40 bits for any
    # timestamp below 2**40 - 14 days (year 36812).
    snapshot: uint256 = block.timestamp + (params & _TIME_MASK)
    period: uint256 = (params >> _VOTING_PERIOD_SHIFT) & _PERIOD_MASK
    # Tallies start at zero; snapshot > 0 makes the word non-zero, so the
    # first vote writes a non-zero slot.
    self._proposals[proposal_id] = (snapshot << _SNAPSHOT_SHIFT) | (period << _PERIOD_SHIFT)
    log IGovernor.ProposalCreated(
        proposal_id=proposal_id,
        proposer=msg.sender,
        targets=targets,
        values=values,
        calldatas=calldatas,
        description=description,
        snapshot=snapshot,
        deadline=snapshot + period,
    )
    return proposal_id


@external
def castVote(proposal_id: uint256, support: uint8) -> uint256:
    """
    @dev Counts the caller's power at the proposal's snapshot for
         (support 1) or against (support 0).
    @notice Once per account and proposal, while the proposal is active.
    @param proposal_id The proposal.
    @param support 1 for (consent), 0 against (disagree).
    @return uint256 The weight counted.
    """
    word: uint256 = self._proposals[proposal_id]
    assert word != 0, "governor: unknown proposal"
    snapshot: uint256 = (word >> _SNAPSHOT_SHIFT) & _TIME_MASK
    assert block.timestamp > snapshot, "governor: voting not open"
    # snapshot < 2**40 and period < 2**22: no overflow.
    deadline: uint256 = unsafe_add(snapshot, (word >> _PERIOD_SHIFT) & _PERIOD_MASK)
    assert block.timestamp <= deadline, "governor: voting closed"
    assert (word >> _CANCELED_SHIFT) & 1 == 0, "governor: proposal canceled"
    assert support <= SUPPORT_FOR, "governor: invalid support"
    assert self._receipts[proposal_id][msg.sender] == 0, "governor: already voted"
    weight: uint256 = staticcall IVotes(votes).getPastVotes(msg.sender, snapshot)
    assert weight != 0, "governor: no voting power"
    if support == SUPPORT_FOR:
        assert (word & _TALLY_MASK) + weight <= _TALLY_MASK, "governor: tally overflow"
        # for + weight fits its 96 bits (checked): adding to the word
        # touches no other field.
        word = unsafe_add(word, weight)
    else:
        assert ((word >> _AGAINST_SHIFT) & _TALLY_MASK) + weight <= _TALLY_MASK, "governor: tally overflow"
        word = unsafe_add(word, weight << _AGAINST_SHIFT)
    # weight < 2**96 (checked above): the receipt fits.
    self._receipts[proposal_id][msg.sender] = (weight << 2) | (convert(support, uint256) << 1) | 1
    self._proposals[proposal_id] = word
    log IGovernor.VoteCast(voter=msg.sender, proposal_id=proposal_id, support=support, weight=weight)
    return weight


@external
def queue(
    targets: DynArray[address, MAX_CALLS],
    values: DynArray[uint256, MAX_CALLS],
    calldatas: DynArray[Bytes[MAX_CALLDATA], MAX_CALLS],
    description_hash: bytes32,
    proposer: address,
) -> uint256:
    """
    @dev Schedules each of a succeeded proposal's calls in the timelock
         (salt `_salt(id, index)`, no predecessor) with the timelock's
         minimum delay;
         execution is allowed from eta to eta + grace period.
    @notice Anyone, once the proposal has succeeded.
    @param targets The proposal's calls' targets.
    @param values Their native amounts.
    @param calldatas Their calldata.
    @param description_hash keccak256 of the description.
    @param proposer The proposer.
    @return uint256 The proposal id.
    """
    # `_hash` written out, as in `propose`.
    proposal_id: uint256 = convert(
        keccak256(abi_encode(targets, values, calldatas, description_hash, proposer)), uint256
    )
    assert self._state(proposal_id) == SUCCEEDED, "governor: proposal not successful"
    delay: uint256 = staticcall ITimelock(timelock).get_minimum_delay()
    eta: uint256 = block.timestamp + delay
    expiry: uint256 = eta + ((self._params >> _GRACE_SHIFT) & _TIME_MASK)
    self._queues[proposal_id] = self._pack_queued(Queued(eta=eta, expiry=expiry, executed=False))
    for i: uint256 in range(len(targets), bound=MAX_CALLS):
        extcall ITimelock(timelock).schedule(
            targets[i], values[i], calldatas[i], empty(bytes32), self._salt(proposal_id, i), delay
        )
    log IGovernor.ProposalQueued(proposal_id=proposal_id, eta=eta, expiry=expiry)
    return proposal_id


@external
@payable
def execute(
    targets: DynArray[address, MAX_CALLS],
    values: DynArray[uint256, MAX_CALLS],
    calldatas: DynArray[Bytes[MAX_CALLDATA], MAX_CALLS],
    description_hash: bytes32,
    proposer: address,
) -> uint256:
    """
    @dev Runs a queued proposal's calls through the timelock, in order,
         from eta to expiry; the native coin sent with the call goes to the
         timelock, which pays the calls' values from its balance.
    @notice Anyone. Never before eta, never after expiry.
    @param targets The proposal's calls' targets.
    @param values Their native amounts.
    @param calldatas Their calldata.
    @param description_hash keccak256 of the description.
    @param proposer The proposer.
    @return uint256 The proposal id.
    """
    # `_hash` written out, as in `propose`.
    proposal_id: uint256 = convert(
        keccak256(abi_encode(targets, values, calldatas, description_hash, proposer)), uint256
    )
    state: uint8 = self._state(proposal_id)
    assert state != EXPIRED, "governor: proposal expired"
    assert state == QUEUED, "governor: proposal not queued"
    word: uint256 = self._queues[proposal_id]
    assert block.timestamp >= word & _TIME_MASK, "governor: timelock delay not passed"
    self._queues[proposal_id] = word | (1 << _EXECUTED_SHIFT)
    # In order, in one transaction: any failing call reverts them all (the
    # timelock bubbles up its revert reason). The native coin sent with
    # this call goes to the timelock with the first call; the timelock
    # pays every call's value from its balance.
    forwarded: uint256 = msg.value
    for i: uint256 in range(len(targets), bound=MAX_CALLS):
        extcall ITimelock(timelock).execute(
            targets[i], values[i], calldatas[i], empty(bytes32), self._salt(proposal_id, i), value=forwarded
        )
        forwarded = 0
    log IGovernor.ProposalExecuted(proposal_id=proposal_id)
    return proposal_id


@external
def cancel(
    targets: DynArray[address, MAX_CALLS],
    values: DynArray[uint256, MAX_CALLS],
    calldatas: DynArray[Bytes[MAX_CALLDATA], MAX_CALLS],
    description_hash: bytes32,
    proposer: address,
) -> uint256:
    """
    @dev Cancels a proposal (and its timelock operation if queued).
    @notice The proposer, while pending or active; a committee member,
            while pending, active, succeeded or queued, unless one of its
            calls removes a committee member.
    @param targets The proposal's calls' targets.
    @param values Their native amounts.
    @param calldatas Their calldata.
    @param description_hash keccak256 of the description.
    @param proposer The proposer.
    @return uint256 The proposal id.
    """
    proposal_id: uint256 = self._hash(targets, values, calldatas, description_hash, proposer)
    state: uint8 = self._state(proposal_id)
    if msg.sender == proposer and (state == PENDING or state == ACTIVE):
        pass
    elif self._seat_of[msg.sender] != 0:
        assert state <= ACTIVE or state == SUCCEEDED or state == QUEUED, "governor: too late to cancel"
        for i: uint256 in range(len(targets), bound=MAX_CALLS):
            if targets[i] == self and len(calldatas[i]) >= 4:
                selector: bytes4 = convert(slice(calldatas[i], 0, 4), bytes4)
                assert selector != _REMOVE_MEMBER, "governor: committee cannot cancel its removal"
    else:
        assert msg.sender == proposer, "governor: caller cannot cancel"
        raise "governor: too late to cancel"
    self._proposals[proposal_id] |= 1 << _CANCELED_SHIFT
    if state == QUEUED:
        for i: uint256 in range(len(targets), bound=MAX_CALLS):
            # The timelock's operation id (its `hash_operation`), computed here.
            extcall ITimelock(timelock).cancel(
                keccak256(
                    abi_encode(
                        targets[i], values[i], calldatas[i], empty(bytes32), self._salt(proposal_id, i)
                    )
                )
            )
    log IGovernor.ProposalCanceled(proposal_id=proposal_id, canceler=msg.sender)
    return proposal_id


@external
def add_member(account: address):
    """
    @dev Gives `account` a committee seat.
    @notice Only the timelock (a proposal); at most MAX_COMMITTEE seats.
    @param account The new member.
    """
    self._check_timelock()
    assert account != empty(address), "governor: zero member"
    assert self._seat_of[account] == 0, "governor: already a member"
    count: uint256 = self.member_count
    assert count < MAX_COMMITTEE, "governor: committee full"
    self._members[count] = account
    self._seat_of[account] = count + 1
    self.member_count = count + 1
    log IGovernor.MemberAdded(account=account)


@external
def remove_member(account: address):
    """
    @dev Frees `account`'s seat: the last member moves into it (O(1)).
    @notice Only the timelock (a proposal).
    @param account The member to remove.
    """
    self._check_timelock()
    seat: uint256 = self._seat_of[account]
    assert seat != 0, "governor: not a member"
    # seat >= 1 and count >= seat: no underflow.
    last: uint256 = unsafe_sub(self.member_count, 1)
    moved: address = self._members[last]
    self._members[unsafe_sub(seat, 1)] = moved
    self._seat_of[moved] = seat
    self._members[last] = empty(address)
    self._seat_of[account] = 0
    self.member_count = last
    log IGovernor.MemberRemoved(account=account)


@external
def set_voting_delay(new_value: uint256):
    """
    @dev Seconds from creation to snapshot, for proposals created later.
    @notice Only the parameter registry (the timelock while none is
            named), within [MIN_VOTING_DELAY, MAX_VOTING_DELAY].
    @param new_value The new voting delay.
    """
    self._check_writer()
    params: Params = self._unpack_params(self._params)
    self._check_bounds(new_value, params.voting_period, params.proposal_threshold, params.grace_period)
    log IGovernor.ParameterChanged(
        name="voting_delay", previous_value=params.voting_delay, new_value=new_value
    )
    params.voting_delay = new_value
    self._params = self._pack_params(params)


@external
def set_voting_period(new_value: uint256):
    """
    @dev Seconds of voting, for proposals created later.
    @notice Only the parameter registry (the timelock while none is
            named), within [MIN_VOTING_PERIOD, MAX_VOTING_PERIOD].
    @param new_value The new voting period.
    """
    self._check_writer()
    params: Params = self._unpack_params(self._params)
    self._check_bounds(params.voting_delay, new_value, params.proposal_threshold, params.grace_period)
    log IGovernor.ParameterChanged(
        name="voting_period", previous_value=params.voting_period, new_value=new_value
    )
    params.voting_period = new_value
    self._params = self._pack_params(params)


@external
def set_proposal_threshold(new_value: uint256):
    """
    @dev Power needed to propose.
    @notice Only the parameter registry (the timelock while none is
            named), within [MIN_PROPOSAL_THRESHOLD, MAX_PROPOSAL_THRESHOLD].
    @param new_value The new threshold.
    """
    self._check_writer()
    params: Params = self._unpack_params(self._params)
    self._check_bounds(params.voting_delay, params.voting_period, new_value, params.grace_period)
    log IGovernor.ParameterChanged(
        name="proposal_threshold", previous_value=params.proposal_threshold, new_value=new_value
    )
    params.proposal_threshold = new_value
    self._params = self._pack_params(params)


@external
def set_grace_period(new_value: uint256):
    """
    @dev Seconds after eta during which a queued proposal may execute,
         for proposals queued later.
    @notice Only the parameter registry (the timelock while none is
            named), within [MIN_GRACE_PERIOD, MAX_GRACE_PERIOD].
    @param new_value The new grace period.
    """
    self._check_writer()
    params: Params = self._unpack_params(self._params)
    self._check_bounds(params.voting_delay, params.voting_period, params.proposal_threshold, new_value)
    log IGovernor.ParameterChanged(
        name="grace_period", previous_value=params.grace_period, new_value=new_value
    )
    params.grace_period = new_value
    self._params = self._pack_params(params)


@external
def set_quorum_bps(new_value: uint256):
    """
    @dev The quorum for proposals whose snapshot is at or after now.
    @notice Only the parameter registry (the timelock while none is
            named), within [MIN_QUORUM_BPS, MAX_QUORUM_BPS].
    @param new_value The new quorum, in basis points.
    """
    self._check_writer()
    previous: uint256 = self._quorum_bps_at(block.timestamp)
    self._push_quorum(new_value)
    log IGovernor.ParameterChanged(name="quorum_bps", previous_value=previous, new_value=new_value)


@external
def set_parameter_registry(registry: address):
    """
    @dev Names the parameter registry, which alone sets the governance
         parameters from now on.
    @notice Only the timelock (a proposal). The registry must be a
            contract; there is no way back to timelock writes.
    @param registry The suite's `ParameterRegistry`.
    """
    self._check_timelock()
    assert registry.is_contract, "governor: registry is not a contract"
    self.parameter_registry = registry
    log IGovernor.ParameterRegistrySet(registry=registry)


@external
def emergency_pause(target: address, market: address):
    """
    @dev The guardian's one power, used by a committee member: stops new
         deposits and creations of a suite contract that named this
         Governor its guardian (`pause()`, contracts/shared/pausable.vy),
         or new deposits and borrows of one lending market (`set_paused`
         on the Controller, with `market`). It moves no funds and blocks
         no way out; only a proposal resumes.
    @notice Only a committee member.
    @param target The contract to pause (the Controller for a market).
    @param market A market of the Controller `target`, or empty(address)
           to pause `target` itself.
    """
    assert self._seat_of[msg.sender] != 0, "governor: caller is not a committee member"
    if market == empty(address):
        extcall IPausable(target).pause()
    else:
        extcall IController(target).set_paused(market, True, True)
    log IGovernor.EmergencyPause(target=target, market=market, member=msg.sender)


@external
@view
def state(proposal_id: uint256) -> uint8:
    """
    @dev The proposal's phase (PENDING 0, ACTIVE 1, CANCELED 2,
         DEFEATED 3, SUCCEEDED 4, QUEUED 5, EXPIRED 6, EXECUTED 7).
    @param proposal_id The proposal.
    @return uint8 The phase.
    """
    return self._state(proposal_id)


@external
@view
def proposal(proposal_id: uint256) -> IGovernor.Proposal:
    """
    @dev Everything stored about a proposal.
    @param proposal_id The proposal.
    @return Proposal Snapshot, deadline, tallies, eta, expiry, flags.
    """
    word: uint256 = self._proposals[proposal_id]
    assert word != 0, "governor: unknown proposal"
    core: Core = self._unpack_core(word)
    queued: Queued = self._unpack_queued(self._queues[proposal_id])
    return IGovernor.Proposal(
        snapshot=core.snapshot,
        deadline=core.snapshot + core.voting_period,
        for_votes=core.for_votes,
        against_votes=core.against_votes,
        eta=queued.eta,
        expiry=queued.expiry,
        canceled=core.canceled,
        executed=queued.executed,
    )


@external
@view
def receipt(proposal_id: uint256, voter: address) -> IGovernor.Receipt:
    """
    @dev How `voter` voted on a proposal.
    @param proposal_id The proposal.
    @param voter The account.
    @return Receipt Whether it voted, its support and weight.
    """
    word: uint256 = self._receipts[proposal_id][voter]
    return IGovernor.Receipt(
        has_voted=word & 1 == 1, support=convert((word >> 1) & 1, uint8), weight=word >> 2
    )


@external
@view
def hasVoted(proposal_id: uint256, account: address) -> bool:
    """
    @dev Whether `account` voted on the proposal (OpenZeppelin's name).
    @param proposal_id The proposal.
    @param account The account.
    @return bool True once it voted.
    """
    return self._receipts[proposal_id][account] != 0


@external
@view
def quorum(timepoint: uint256) -> uint256:
    """
    @dev The quorum of a proposal whose snapshot is `timepoint` (< now):
         ceil(total power at timepoint * quorum bps at timepoint / 10_000).
    @param timepoint The snapshot.
    @return uint256 The votes needed (for + against).
    """
    return self._quorum(timepoint)


@external
@pure
def hash_proposal(
    targets: DynArray[address, MAX_CALLS],
    values: DynArray[uint256, MAX_CALLS],
    calldatas: DynArray[Bytes[MAX_CALLDATA], MAX_CALLS],
    description_hash: bytes32,
    proposer: address,
) -> uint256:
    """
    @dev The proposal id of these calls, description hash and proposer.
    @return uint256 The id.
    """
    return self._hash(targets, values, calldatas, description_hash, proposer)


@external
@view
def is_member(account: address) -> bool:
    """
    @dev Whether `account` holds a committee seat (O(1)).
    @param account The account.
    @return bool True for a member.
    """
    return self._seat_of[account] != 0


@external
@view
def members() -> DynArray[address, MAX_COMMITTEE]:
    """
    @dev The committee, in seat order.
    @return DynArray The members.
    """
    out: DynArray[address, MAX_COMMITTEE] = []
    for i: uint256 in range(self.member_count, bound=MAX_COMMITTEE):
        out.append(self._members[i])
    return out


@external
@view
def voting_delay() -> uint256:
    """
    @dev Seconds from creation to snapshot.
    """
    return self._params & _TIME_MASK


@external
@view
def voting_period() -> uint256:
    """
    @dev Seconds of voting after the snapshot.
    """
    return (self._params >> _VOTING_PERIOD_SHIFT) & _PERIOD_MASK


@external
@view
def grace_period() -> uint256:
    """
    @dev Seconds after eta during which execution is allowed.
    """
    return (self._params >> _GRACE_SHIFT) & _TIME_MASK


@external
@view
def proposal_threshold() -> uint256:
    """
    @dev Power needed to propose (members need none).
    """
    return self._params >> _THRESHOLD_SHIFT


@external
@view
def quorum_bps() -> uint256:
    """
    @dev The quorum in force now, in basis points.
    """
    return self._quorum_bps_at(block.timestamp)


@internal
@view
def _state(proposal_id: uint256) -> uint8:
    """
    @dev The one phase function: stored flags first, then timestamps,
         then the tally against the quorum.
    """
    word: uint256 = self._proposals[proposal_id]
    assert word != 0, "governor: unknown proposal"
    if (word >> _CANCELED_SHIFT) & 1 == 1:
        return CANCELED
    queued: uint256 = self._queues[proposal_id]
    if (queued >> _EXECUTED_SHIFT) & 1 == 1:
        return EXECUTED
    snapshot: uint256 = (word >> _SNAPSHOT_SHIFT) & _TIME_MASK
    if block.timestamp <= snapshot:
        return PENDING
    if block.timestamp <= snapshot + ((word >> _PERIOD_SHIFT) & _PERIOD_MASK):
        return ACTIVE
    if queued != 0:
        if block.timestamp > (queued >> _EXPIRY_SHIFT) & _TIME_MASK:
            return EXPIRED
        return QUEUED
    for_votes: uint256 = word & _TALLY_MASK
    against_votes: uint256 = (word >> _AGAINST_SHIFT) & _TALLY_MASK
    if for_votes > against_votes and for_votes + against_votes >= self._quorum(snapshot):
        return SUCCEEDED
    return DEFEATED


@internal
@view
def _quorum(timepoint: uint256) -> uint256:
    """
    @dev ceil(total * bps / 10_000): rounds up, so a proposal never
         passes with less than the stated fraction of the supply.
    """
    total: uint256 = staticcall IVotes(votes).getPastTotalSupply(timepoint)
    return (total * self._quorum_bps_at(timepoint) + constants.BPS - 1) // constants.BPS


@internal
@view
def _quorum_bps_at(timepoint: uint256) -> uint256:
    """
    @dev The quorum bps of the last checkpoint with since <= timepoint
         (binary search; the constructor's checkpoint covers every
         timepoint from deployment).
    """
    low: uint256 = 0
    high: uint256 = self._quorum_count
    for _: uint256 in range(_SEARCH_STEPS):
        if low >= high:
            break
        mid: uint256 = unsafe_div(unsafe_add(low, high), 2)
        if self._quorum_checkpoints[mid] & _TIME_MASK > timepoint:
            high = mid
        else:
            low = unsafe_add(mid, 1)
    if low == 0:
        return self._quorum_checkpoints[0] >> _BPS_SHIFT
    return self._quorum_checkpoints[unsafe_sub(low, 1)] >> _BPS_SHIFT


@internal
def _push_quorum(bps: uint256):
    """
    @dev Appends a quorum checkpoint at now (or overwrites one written at
         the same second).
    """
    assert bps >= MIN_QUORUM_BPS and bps <= MAX_QUORUM_BPS, "governor: quorum out of bounds"
    count: uint256 = self._quorum_count
    word: uint256 = block.timestamp | (bps << _BPS_SHIFT)
    if count != 0 and self._quorum_checkpoints[count - 1] & _TIME_MASK == block.timestamp:
        self._quorum_checkpoints[count - 1] = word
        return
    self._quorum_checkpoints[count] = word
    self._quorum_count = count + 1


@internal
@view
def _check_timelock():
    """
    @dev Only the timelock, that is only an executed proposal.
    """
    assert msg.sender == timelock, "governor: caller is not the timelock"


@internal
@view
def _check_writer():
    """
    @dev Lets the parameter registry through, or the timelock while no
         registry is named.
    """
    registry: address = self.parameter_registry
    if registry == empty(address):
        self._check_timelock()
    else:
        assert msg.sender == registry, "governor: caller is not the parameter registry"


@internal
@pure
def _check_bounds(voting_delay: uint256, voting_period: uint256, threshold: uint256, grace_period: uint256):
    """
    @dev Reverts when a parameter is outside its bounds (every bound fits
         its field in the params word).
    """
    assert voting_delay >= MIN_VOTING_DELAY and voting_delay <= MAX_VOTING_DELAY, "governor: voting delay out of bounds"
    assert voting_period >= MIN_VOTING_PERIOD and voting_period <= MAX_VOTING_PERIOD, "governor: voting period out of bounds"
    assert threshold >= MIN_PROPOSAL_THRESHOLD and threshold <= MAX_PROPOSAL_THRESHOLD, "governor: threshold out of bounds"
    assert grace_period >= MIN_GRACE_PERIOD and grace_period <= MAX_GRACE_PERIOD, "governor: grace period out of bounds"


@internal
@pure
def _hash(
    targets: DynArray[address, MAX_CALLS],
    values: DynArray[uint256, MAX_CALLS],
    calldatas: DynArray[Bytes[MAX_CALLDATA], MAX_CALLS],
    description_hash: bytes32,
    proposer: address,
) -> uint256:
    """
    @dev OpenZeppelin's proposal hash with the proposer appended.
    """
    return convert(keccak256(abi_encode(targets, values, calldatas, description_hash, proposer)), uint256)


@internal
@pure
def _salt(proposal_id: uint256, index: uint256) -> bytes32:
    """
    @dev The timelock salt of a proposal's call `index`: each call is its
         own timelock operation (snekmate's batch functions copy 255 x
         1,024-byte bounds through memory, about 1.5 million gas a batch;
         one-call operations cost a slot each). Distinct per proposal and
         index, so two identical calls in one proposal are two operations.
    """
    return keccak256(abi_encode(proposal_id, index))


@internal
@pure
def _unpack_core(word: uint256) -> Core:
    """
    @dev Splits a proposal word. (Written by `propose`, `castVote` and
         `cancel` with the named fields directly: the hot paths.)
    """
    return Core(
        for_votes=word & _TALLY_MASK,
        against_votes=(word >> _AGAINST_SHIFT) & _TALLY_MASK,
        snapshot=(word >> _SNAPSHOT_SHIFT) & _TIME_MASK,
        voting_period=(word >> _PERIOD_SHIFT) & _PERIOD_MASK,
        canceled=(word >> _CANCELED_SHIFT) & 1 == 1,
    )


@internal
@pure
def _pack_queued(queued: Queued) -> uint256:
    """
    @dev Packs a queue word (eta and expiry below 2**40).
    """
    return (
        queued.eta
        | (queued.expiry << _EXPIRY_SHIFT)
        | (convert(queued.executed, uint256) << _EXECUTED_SHIFT)
    )


@internal
@pure
def _unpack_queued(word: uint256) -> Queued:
    """
    @dev Splits a queue word (zero: not queued).
    """
    return Queued(
        eta=word & _TIME_MASK,
        expiry=(word >> _EXPIRY_SHIFT) & _TIME_MASK,
        executed=(word >> _EXECUTED_SHIFT) & 1 == 1,
    )


@internal
@pure
def _pack_params(params: Params) -> uint256:
    """
    @dev Packs the params word (fields within bounds: `_check_bounds`).
    """
    return (
        params.voting_delay
        | (params.voting_period << _VOTING_PERIOD_SHIFT)
        | (params.grace_period << _GRACE_SHIFT)
        | (params.proposal_threshold << _THRESHOLD_SHIFT)
    )


@internal
@pure
def _unpack_params(word: uint256) -> Params:
    """
    @dev Splits the params word.
    """
    return Params(
        voting_delay=word & _TIME_MASK,
        voting_period=(word >> _VOTING_PERIOD_SHIFT) & _PERIOD_MASK,
        grace_period=(word >> _GRACE_SHIFT) & _TIME_MASK,
        proposal_threshold=word >> _THRESHOLD_SHIFT,
    )

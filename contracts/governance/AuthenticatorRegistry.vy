# pragma version ~=0.4.3
"""
@title Authenticator registry: HPC signature nodes and their removal by vote
@custom:contract-name AuthenticatorRegistry
@license GNU Affero General Public License v3.0 only
@notice The HPC DAO (its timelock, the owner) adds authenticator
        (signature) nodes; any member may open a vote to remove another
        member (SPEC, Smart 4.4), and the removal passes when more than
        51% of the members counted when the vote opened voted yes:
          passed  <=>  yes * 100 > members_at_open * 51
        (integers, no rounding: with 2 members both must vote yes, with 3
        two, with 100 fifty-two). Opening counts as the opener's yes.
        Only members who joined before the vote opened may vote, once
        each; a member removed meanwhile can no longer vote, and the
        denominator stays the count at opening. Only yes votes exist: not
        voting is voting no.

        Phases, derived from timestamps and stored counts in `state`:
          ACTIVE    opened_at <= now <= opened_at + VOTING_WINDOW, not passed
          PASSED    the rule above holds (as soon as it does: a yes is
                    never withdrawn, so the outcome is final)
          REJECTED  the window is over and the rule does not hold
          EXECUTED  anyone executed the passed removal
        One vote per target at a time (a new one once the last is
        rejected or executed). No loop over members: membership is a
        seat map (O(1) add and swap-remove), eligibility a join serial.

        Storage: vote word = target (160) | opened_at (40) | members at
        open (8) | yes (8) | executed (1) | serial at open (32).
@custom:security Members cannot add members; only the owner (the HPC
        DAO's timelock) does. A removal cannot be blocked by the target
        (it needs no quorum of its own beyond the yes rule).
@custom:kill Nothing to stop: the registry holds no funds. The owner stops
        adding members; removals stay open to the members. Ownership moves
        in two steps and cannot be renounced.
"""


from contracts.shared import constants
from contracts.shared import owner_2step
from interfaces import IAuthenticatorRegistry

implements: IAuthenticatorRegistry

initializes: owner_2step


exports: (
    owner_2step.__interface__,
    # Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
    # not exported: a renounced registry could never add an authenticator again.
)


# @dev Largest number of members.
MAX_MEMBERS: public(constant(uint256)) = 100
# @dev Seconds a removal vote stays open (7 days).
VOTING_WINDOW: public(constant(uint256)) = 7 * constants.DAY
# @dev The rule: yes * PASS_DENOMINATOR > members_at_open * PASS_NUMERATOR.
PASS_NUMERATOR: public(constant(uint256)) = 51
PASS_DENOMINATOR: public(constant(uint256)) = 100

# @dev Phases (`state`).
ACTIVE: constant(uint8) = 0
PASSED: constant(uint8) = 1
REJECTED: constant(uint8) = 2
EXECUTED: constant(uint8) = 3

# Vote word (`Vote`): target | opened_at | members | yes | executed | serial.
_TARGET_MASK: constant(uint256) = constants.MASK_160
_OPENED_SHIFT: constant(uint256) = 160
_OPENED_MASK: constant(uint256) = constants.MASK_40
_MEMBERS_SHIFT: constant(uint256) = 200
_COUNT_MASK: constant(uint256) = constants.MASK_8
_YES_SHIFT: constant(uint256) = 208
_EXECUTED_SHIFT: constant(uint256) = 216
_SERIAL_SHIFT: constant(uint256) = 217
_SERIAL_MASK: constant(uint256) = constants.MASK_32


# @dev A removal vote, unpacked.
struct Vote:
    target: address
    opened_at: uint256
    members_at_open: uint256
    yes: uint256
    executed: bool
    serial_at_open: uint256


# @dev Seat -> member (seats 0 .. member_count - 1).
_members: HashMap[uint256, address]
# @dev Member -> seat + 1 (zero: not a member).
_seat_of: HashMap[address, uint256]
# @dev Number of members.
member_count: public(uint256)
# @dev Member -> join serial (the value of `_next_serial` when added).
_serial_of: HashMap[address, uint256]
# @dev Serial the next added member gets.
_next_serial: uint256
# @dev Vote id -> vote word (ids from 1).
_votes: HashMap[uint256, uint256]
# @dev Vote id -> member -> voted yes.
_ballots: HashMap[uint256, HashMap[address, bool]]
# @dev Number of votes opened (the last id).
vote_count: public(uint256)
# @dev Target -> its latest vote id (zero: none).
latest_vote_of: public(HashMap[address, uint256])


@deploy
def __init__(owner_: address):
    """
    @dev The owner adds members (the HPC DAO's timelock).
    @param owner_ The owner.
    """
    assert owner_ != empty(address), "authenticator_registry: zero owner"
    owner_2step.__init__(owner_)


@external
def add_member(account: address):
    """
    @dev Adds an authenticator node.
    @notice Only the owner; at most MAX_MEMBERS members.
    @param account The node's account.
    """
    owner_2step.ownable._check_owner()
    assert account != empty(address), "authenticator_registry: zero member"
    assert self._seat_of[account] == 0, "authenticator_registry: already a member"
    count: uint256 = self.member_count
    assert count < MAX_MEMBERS, "authenticator_registry: registry full"
    self._members[count] = account
    self._seat_of[account] = count + 1
    self.member_count = count + 1
    serial: uint256 = self._next_serial
    self._serial_of[account] = serial
    self._next_serial = serial + 1
    log IAuthenticatorRegistry.MemberAdded(account=account)


@external
def open_removal(target: address) -> uint256:
    """
    @dev Opens a vote to remove `target`; the opener's yes is counted.
    @notice Any member, against another member with no live vote.
    @param target The member to remove.
    @return uint256 The vote id.
    """
    assert self._seat_of[msg.sender] != 0, "authenticator_registry: caller is not a member"
    assert self._seat_of[target] != 0, "authenticator_registry: target is not a member"
    assert target != msg.sender, "authenticator_registry: cannot target self"
    latest: uint256 = self.latest_vote_of[target]
    if latest != 0:
        phase: uint8 = self._state(latest)
        assert phase != ACTIVE and phase != PASSED, "authenticator_registry: removal already open"
    vote_id: uint256 = self.vote_count + 1
    self.vote_count = vote_id
    self.latest_vote_of[target] = vote_id
    members: uint256 = self.member_count
    self._votes[vote_id] = self._pack(
        Vote(
            target=target,
            opened_at=block.timestamp,
            members_at_open=members,
            yes=1,
            executed=False,
            serial_at_open=self._next_serial,
        )
    )
    self._ballots[vote_id][msg.sender] = True
    log IAuthenticatorRegistry.RemovalOpened(
        vote_id=vote_id,
        target=target,
        opener=msg.sender,
        members_at_open=members,
        deadline=block.timestamp + VOTING_WINDOW,
    )
    return vote_id


@external
def vote(vote_id: uint256):
    """
    @dev Votes yes on a removal.
    @notice Members who joined before the vote opened, once, while active.
    @param vote_id The vote.
    """
    assert self._state(vote_id) == ACTIVE, "authenticator_registry: vote not active"
    vote: Vote = self._unpack(self._votes[vote_id])
    assert self._seat_of[msg.sender] != 0, "authenticator_registry: caller is not a member"
    assert self._serial_of[msg.sender] < vote.serial_at_open, "authenticator_registry: joined after opening"
    assert not self._ballots[vote_id][msg.sender], "authenticator_registry: already voted"
    self._ballots[vote_id][msg.sender] = True
    # yes < members_at_open <= MAX_MEMBERS before this ballot: fits 8 bits.
    vote.yes += 1
    self._votes[vote_id] = self._pack(vote)
    log IAuthenticatorRegistry.RemovalVoted(vote_id=vote_id, voter=msg.sender, yes=vote.yes)


@external
def execute(vote_id: uint256):
    """
    @dev Removes the target of a passed vote (the last member moves into
         its seat).
    @notice Anyone.
    @param vote_id The vote.
    """
    assert self._state(vote_id) == PASSED, "authenticator_registry: removal not passed"
    vote: Vote = self._unpack(self._votes[vote_id])
    vote.executed = True
    self._votes[vote_id] = self._pack(vote)
    # One live vote per target and no other way out: the target is a member.
    seat: uint256 = self._seat_of[vote.target]
    last: uint256 = self.member_count - 1
    moved: address = self._members[last]
    self._members[seat - 1] = moved
    self._seat_of[moved] = seat
    self._members[last] = empty(address)
    self._seat_of[vote.target] = 0
    self.member_count = last
    log IAuthenticatorRegistry.MemberRemoved(account=vote.target, vote_id=vote_id)


@external
@view
def state(vote_id: uint256) -> uint8:
    """
    @dev The vote's phase: ACTIVE 0, PASSED 1, REJECTED 2, EXECUTED 3.
    @param vote_id The vote.
    @return uint8 The phase.
    """
    return self._state(vote_id)


@external
@view
def removal_vote(vote_id: uint256) -> IAuthenticatorRegistry.RemovalVote:
    """
    @dev Everything stored about a vote, with its deadline.
    @param vote_id The vote.
    @return RemovalVote Target, opened_at, deadline, members at open, yes, executed.
    """
    word: uint256 = self._votes[vote_id]
    assert word != 0, "authenticator_registry: unknown vote"
    vote: Vote = self._unpack(word)
    return IAuthenticatorRegistry.RemovalVote(
        target=vote.target,
        opened_at=vote.opened_at,
        deadline=vote.opened_at + VOTING_WINDOW,
        members_at_open=vote.members_at_open,
        yes=vote.yes,
        executed=vote.executed,
    )


@external
@view
def has_voted(vote_id: uint256, account: address) -> bool:
    """
    @dev Whether `account` voted yes on the vote.
    """
    return self._ballots[vote_id][account]


@external
@view
def is_member(account: address) -> bool:
    """
    @dev Whether `account` is an authenticator node (O(1)).
    """
    return self._seat_of[account] != 0


@external
@view
def members() -> DynArray[address, MAX_MEMBERS]:
    """
    @dev Every member, in seat order (a view for dApps; bounded).
    """
    out: DynArray[address, MAX_MEMBERS] = []
    for i: uint256 in range(self.member_count, bound=MAX_MEMBERS):
        out.append(self._members[i])
    return out


@internal
@view
def _state(vote_id: uint256) -> uint8:
    """
    @dev The one phase function (see the contract's notice).
    """
    word: uint256 = self._votes[vote_id]
    assert word != 0, "authenticator_registry: unknown vote"
    vote: Vote = self._unpack(word)
    if vote.executed:
        return EXECUTED
    if vote.yes * PASS_DENOMINATOR > vote.members_at_open * PASS_NUMERATOR:
        return PASSED
    if block.timestamp <= vote.opened_at + VOTING_WINDOW:
        return ACTIVE
    return REJECTED


@internal
@pure
def _pack(vote: Vote) -> uint256:
    """
    @dev Packs a vote word (members and yes <= MAX_MEMBERS < 256).
    """
    return (
        convert(vote.target, uint256)
        | (vote.opened_at << _OPENED_SHIFT)
        | (vote.members_at_open << _MEMBERS_SHIFT)
        | (vote.yes << _YES_SHIFT)
        | (convert(vote.executed, uint256) << _EXECUTED_SHIFT)
        | (vote.serial_at_open << _SERIAL_SHIFT)
    )


@internal
@pure
def _unpack(word: uint256) -> Vote:
    """
    @dev Splits a vote word.
    """
    return Vote(
        target=convert(word & _TARGET_MASK, address),
        opened_at=(word >> _OPENED_SHIFT) & _OPENED_MASK,
        members_at_open=(word >> _MEMBERS_SHIFT) & _COUNT_MASK,
        yes=(word >> _YES_SHIFT) & _COUNT_MASK,
        executed=(word >> _EXECUTED_SHIFT) & 1 == 1,
        serial_at_open=(word >> _SERIAL_SHIFT) & _SERIAL_MASK,
    )

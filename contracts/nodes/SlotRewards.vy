# pragma version ~=0.4.3
"""
@title CPC maintenance rewards per slot, paid to each slot's proposer
@custom:contract-name SlotRewards
@license GNU Affero General Public License v3.0 only
@notice The recipient of MaintenanceRewards (contracts/emission): the
        schedule releases Table 1 here, and this contract pays each slot's
        reward to the proposer of the slot, by pull, unless the slot was
        impeached; what a slot does not pay a proposer goes back to the
        community treasury. Nothing is lost or created, so the five-year
        total paid plus returned is Table 1's, to the wei.

        Glossary:
          g       a slot's index in the schedule, (slot start - T0) / 10:
                  the slot is Table 1's block g + 1. The committee's
                  genesis is T0 or a later block boundary; the blocks
                  before it were released to the schedule's earlier
                  recipient (the treasury), so this contract must be the
                  recipient from the genesis on (docs/nodes.md)
          A_y     the first global slot of reward year y; A_1 = 0,
                  A_{y+1} = A_y + YEAR_BLOCKS_y
          r_y     Table 1's reward per block of year y (read from the
                  schedule at deployment)
          G0      a term's first slot g, L its length, n its size
          s       a member's seat; its slots are G0 + s + j n, j < c,
                  c = ceil((L - s) / n)
          i_y     the member's impeached slots in year y (ProposerCommittee)
        A member's entitlement for a term:
          cnt(X)  = #{ j < c : G0 + s + j n < X }
                  = 0 if X <= G0 + s, else min(c, ceil((X - G0 - s) / n))
          gross   = sum_y r_y (cnt(A_{y+1}) - cnt(A_y))
          net     = gross - sum_y r_y i_y           (paid to the member)
          back    = sum_y r_y i_y                   (returned to treasury)
        A term without a committee (nobody elected, or no eligible
        candidate): back = the term's whole reward (n = 1, s = 0).
        All integer, no division of money: every slot's reward is paid
        whole to exactly one party. The seats of a term partition its
        slots, so sum over seats of gross is the schedule's accrual over
        the term, and over all terms the five years:
          released == paid + returned + claimable + not yet settled
        (docs/nodes.md proves it; tests check it to the wei).

        Claims are O(1): one committee read (`settlement`), a loop over
        the 5 reward years, at most two transfers. A term is settled at
        E(t) + IMPEACH_WINDOW, once no impeachment can change it.
@custom:security State is written before the transfers; CPC is the
        suite's token (trusted). The schedule's recipient must stay this
        contract: governance moving it (`set_recipient`) would leave
        later slots unfunded here (claims then revert "slot_rewards:
        insufficient balance"). Force-sent CPC is never counted.
@custom:kill Nothing to stop: claims pay what the schedule released. The
        owner moves the treasury; governance can redirect the schedule.
        Ownership moves in two steps and cannot be renounced.
"""


from ethereum.ercs import IERC20

from contracts.shared import asset_transfer
from contracts.shared import owner_2step
from interfaces import IMaintenanceRewards
from interfaces import IProposerCommittee
from interfaces import ISlotRewards

implements: ISlotRewards

initializes: owner_2step


exports: (
    owner_2step.__interface__,
    # Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
    # not exported: an ownerless contract could never move its treasury again.
)


# @dev Seconds per slot.
SLOT_TIME: constant(uint256) = 10
# @dev Reward years.
YEARS: public(constant(uint256)) = 5
# @dev Impeachment word: a 48-bit count per year.
_YEAR_FIELD: constant(uint256) = 48
_M48: constant(uint256) = 2**48 - 1
# @dev Settlement flags per (term, member).
_CLAIMED: constant(uint256) = 1
_RETURNED: constant(uint256) = 2

# @dev Blocks per reward year (Table 1: 366, 365, 365, 365, 366 days).
_YEAR_BLOCKS: immutable(uint256[YEARS])
# @dev Reward per block per year, read from the schedule.
_RPB: immutable(uint256[YEARS])

# @dev CPC.
token: public(immutable(address))
# @dev The MaintenanceRewards schedule that pays this contract.
schedule: public(immutable(address))
# @dev The ProposerCommittee.
committee: public(immutable(address))
# @dev The committee's genesis (the schedule's T0 or a later block boundary).
genesis: public(immutable(uint256))
# @dev Schedule blocks before the genesis: (genesis - T0) / 10.
block_offset: public(immutable(uint256))
# @dev Seconds after a term's end before it is settled.
settle_delay: public(immutable(uint256))

# @dev Where impeached and unassigned slots' rewards go (the community treasury).
treasury: public(address)
# @dev Paid to proposers so far, in wei.
paid: public(uint256)
# @dev Returned to the treasury so far, in wei.
returned: public(uint256)
# @dev Settlement flags per term and member (empty address: an unassigned term).
_settled: HashMap[uint256, HashMap[address, uint256]]


@deploy
def __init__(
    token_: address, schedule_: address, committee_: address, treasury_: address, owner_: address
):
    """
    @dev The schedule must be started, at the committee's genesis or
         earlier on a 10-second block boundary; it must pay this contract
         from the genesis on (`start` or `set_recipient` before it).
    @param token_ CPC.
    @param schedule_ MaintenanceRewards.
    @param committee_ ProposerCommittee.
    @param treasury_ The community treasury.
    @param owner_ The owner (governance).
    """
    assert token_ != empty(address), "slot_rewards: zero token"
    assert treasury_ != empty(address), "slot_rewards: zero treasury"
    assert owner_ != empty(address), "slot_rewards: zero owner"
    assert staticcall IMaintenanceRewards(schedule_).token() == token_, (
        "slot_rewards: schedule pays another token"
    )
    genesis_: uint256 = staticcall IProposerCommittee(committee_).genesis()
    t0: uint256 = staticcall IMaintenanceRewards(schedule_).start_time()
    assert t0 != 0 and t0 <= genesis_, "slot_rewards: schedule starts after genesis"
    assert (genesis_ - t0) % SLOT_TIME == 0, "slot_rewards: genesis between blocks"
    token = token_
    schedule = schedule_
    committee = committee_
    genesis = genesis_
    block_offset = (genesis_ - t0) // SLOT_TIME
    settle_delay = staticcall IProposerCommittee(committee_).IMPEACH_WINDOW()
    _YEAR_BLOCKS = [3_162_240, 3_153_600, 3_153_600, 3_153_600, 3_162_240]
    rpb: uint256[YEARS] = empty(uint256[YEARS])
    total: uint256 = 0
    for y: uint256 in range(YEARS):
        rpb[y] = staticcall IMaintenanceRewards(schedule_).reward_per_block(y + 1)
        total += rpb[y] * _YEAR_BLOCKS[y]
    # The year lengths here and the schedule's rewards must give Table 1's total.
    table_total: uint256 = staticcall IMaintenanceRewards(schedule_).TOTAL_REWARDS()
    assert total == table_total, "slot_rewards: schedule mismatch"
    _RPB = rpb
    self.treasury = treasury_
    owner_2step.__init__(owner_)


@external
def claim(term: uint256) -> uint256:
    """
    @notice Pays the caller its reward for `term` (the slots of its seat
            that were not impeached) and returns its impeached slots'
            reward to the treasury, once the term is settled.
    @param term The term.
    @return uint256 The amount paid, in wei.
    """
    start: uint256 = 0
    length: uint256 = 0
    size: uint256 = 0
    seat: uint256 = 0
    impeached: uint256 = 0
    start, length, size, seat, impeached = staticcall IProposerCommittee(committee).settlement(
        term, msg.sender
    )
    assert seat != 0, "slot_rewards: not a member"
    self._check_settled(start, length)
    flags: uint256 = self._settled[term][msg.sender]
    assert flags & _CLAIMED == 0, "slot_rewards: already claimed"
    back: uint256 = self._impeached_amount(impeached)
    net: uint256 = self._gross(self._first_slot(start), seat - 1, size, length) - back
    if flags & _RETURNED != 0:
        back = 0
    assert net != 0 or back != 0, "slot_rewards: nothing to claim"
    self._settled[term][msg.sender] = _CLAIMED | _RETURNED
    self.paid += net
    if back != 0:
        self.returned += back
    self._cover(net + back)
    if net != 0:
        asset_transfer._pay(token, msg.sender, net)
    if back != 0:
        asset_transfer._pay(token, self.treasury, back)
    log ISlotRewards.Claimed(term=term, member=msg.sender, amount=net, returned=back)
    return net


@external
def return_impeached(term: uint256, member: address) -> uint256:
    """
    @notice Returns `member`'s impeached slots' reward for `term` to the
            treasury, once the term is settled, whether or not the member
            ever claims. Anyone may call.
    @param term The term.
    @param member The member.
    @return uint256 The amount returned, in wei.
    """
    start: uint256 = 0
    length: uint256 = 0
    size: uint256 = 0
    seat: uint256 = 0
    impeached: uint256 = 0
    start, length, size, seat, impeached = staticcall IProposerCommittee(committee).settlement(
        term, member
    )
    assert seat != 0, "slot_rewards: not a member"
    self._check_settled(start, length)
    flags: uint256 = self._settled[term][member]
    assert flags & _RETURNED == 0, "slot_rewards: already returned"
    amount: uint256 = self._impeached_amount(impeached)
    assert amount != 0, "slot_rewards: nothing impeached"
    self._settled[term][member] = flags | _RETURNED
    self._send_back(term, member, amount)
    return amount


@external
def return_unassigned(term: uint256, segment: uint256) -> uint256:
    """
    @notice Returns the whole reward of a settled term without a
            committee (not elected before it started, or no eligible
            candidate) to the treasury. Anyone may call.
    @param term The term.
    @param segment The committee's schedule segment holding `term`
           (only read when the term was never elected).
    @return uint256 The amount returned, in wei.
    """
    start: uint256 = 0
    length: uint256 = 0
    size: uint256 = 0
    seat: uint256 = 0
    impeached: uint256 = 0
    start, length, size, seat, impeached = staticcall IProposerCommittee(committee).settlement(
        term, empty(address)
    )
    assert size == 0, "slot_rewards: term has a committee"
    if start == 0:
        # Never elected: nobody can elect it once it started.
        start, length = staticcall IProposerCommittee(committee).term_bounds(term, segment)
    self._check_settled(start, length)
    assert self._settled[term][empty(address)] == 0, "slot_rewards: already returned"
    amount: uint256 = self._gross(self._first_slot(start), 0, 1, length)
    assert amount != 0, "slot_rewards: nothing to return"
    self._settled[term][empty(address)] = _RETURNED
    self._send_back(term, empty(address), amount)
    return amount


@external
def set_treasury(treasury_: address):
    """
    @notice Only the owner: where returned rewards go from now on.
    @param treasury_ The community treasury.
    """
    owner_2step.ownable._check_owner()
    assert treasury_ != empty(address), "slot_rewards: zero treasury"
    self.treasury = treasury_
    log ISlotRewards.TreasurySet(treasury=treasury_)


@external
@view
def entitlement(term: uint256, member: address) -> (uint256, uint256):
    """
    @notice `member`'s reward for `term` as it stands (final once the term
            is settled): what its non-impeached slots earn and what its
            impeached slots return, whether or not already paid.
    @param term The term.
    @param member The member.
    @return net The net reward, in wei.
    @return back The impeached slots' reward, in wei.
    """
    start: uint256 = 0
    length: uint256 = 0
    size: uint256 = 0
    seat: uint256 = 0
    impeached: uint256 = 0
    start, length, size, seat, impeached = staticcall IProposerCommittee(committee).settlement(
        term, member
    )
    if seat == 0:
        return 0, 0
    back: uint256 = self._impeached_amount(impeached)
    return self._gross(self._first_slot(start), seat - 1, size, length) - back, back


@external
@view
def settled_flags(term: uint256, member: address) -> uint256:
    """
    @notice Bit 1: claimed; bit 2: impeached (or unassigned) reward returned.
    @param term The term.
    @param member The member (empty: the unassigned term).
    @return uint256 The flags.
    """
    return self._settled[term][member]


@external
@view
def slot_reward(slot: uint256) -> uint256:
    """
    @notice The reward of global slot `slot` (Table 1's block slot + 1).
    @param slot The global slot index.
    @return uint256 The reward, in wei (0 after year 5).
    """
    return self._gross(slot, 0, 1, 1)


@internal
@view
def _gross(first: uint256, seat: uint256, size: uint256, length: uint256) -> uint256:
    """
    @dev gross = sum_y r_y (cnt(A_{y+1}) - cnt(A_y)) for the slots
         first + seat + j size, j < ceil((length - seat) / size).
    @param first G0, the term's first global slot.
    @param seat The seat (< size <= length).
    @param size n.
    @param length L.
    @return uint256 The reward, in wei.
    """
    c: uint256 = (length - seat + size - 1) // size
    g: uint256 = first + seat
    total: uint256 = 0
    below: uint256 = 0
    boundary: uint256 = 0
    for y: uint256 in range(YEARS):
        boundary += _YEAR_BLOCKS[y]
        # cnt(A_{y+1}): rounds up, counting a slot that starts before the boundary.
        upto: uint256 = 0
        if boundary > g:
            upto = min(c, (boundary - g + size - 1) // size)
        total += _RPB[y] * (upto - below)
        below = upto
        if upto == c:
            break
    return total


@internal
@view
def _first_slot(start: uint256) -> uint256:
    """
    @dev G0: a term's first slot as a schedule block index,
         block_offset + (start - genesis) / 10 (exact: terms start on
         slot boundaries).
    @param start The term's start time.
    @return uint256 G0.
    """
    return block_offset + (start - genesis) // SLOT_TIME


@internal
@view
def _check_settled(start: uint256, length: uint256):
    """
    @dev Reverts before the term's end plus the impeachment window.
    @param start The term's start time.
    @param length Its length, in slots.
    """
    assert block.timestamp >= start + length * SLOT_TIME + settle_delay, (
        "slot_rewards: term not settled"
    )


@internal
@view
def _impeached_amount(word: uint256) -> uint256:
    """
    @dev sum_y r_y i_y.
    @param word The committee's impeachment word.
    @return uint256 The amount, in wei.
    """
    if word == 0:
        return 0
    total: uint256 = 0
    for y: uint256 in range(YEARS):
        total += _RPB[y] * ((word >> (y * _YEAR_FIELD)) & _M48)
    return total


@internal
def _send_back(term: uint256, member: address, amount: uint256):
    """
    @dev Books `amount` as returned and pays it to the treasury.
    @param term The term.
    @param member The member (empty: an unassigned term).
    @param amount The amount, in wei.
    """
    self.returned += amount
    self._cover(amount)
    asset_transfer._pay(token, self.treasury, amount)
    log ISlotRewards.Returned(term=term, member=member, amount=amount)


@internal
def _cover(amount: uint256):
    """
    @dev Releases the schedule's accrual when the balance lacks `amount`:
         a settled term's slots have all accrued by now.
    @param amount What is about to be paid, in wei.
    """
    if staticcall IERC20(token).balanceOf(self) < amount:
        extcall IMaintenanceRewards(schedule).release()
        balance: uint256 = staticcall IERC20(token).balanceOf(self)
        assert balance >= amount, "slot_rewards: insufficient balance"

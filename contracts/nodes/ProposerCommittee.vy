# pragma version ~=0.4.3
"""
@title CPChain proposer committee: terms, election by RPT, slots, impeachment
@custom:contract-name ProposerCommittee
@license GNU Affero General Public License v3.0 only
@notice Time is cut into slots of SLOT_TIME (10 s) from `genesis`, and
        slots into terms of `term_length` slots. Everything below is a
        pure function of block.timestamp and stored parameters; nobody
        has to start or advance a term.

        Glossary:
          t        a term (0 from genesis)
          S(t)     its start time, E(t) = S(t) + 10 L its end
          L, n     its length in slots and its committee size
          k        a slot of the term, 0 <= k < L, running
                   [S(t) + 10 k, S(t) + 10 (k + 1))
          s        a member's seat, 0 <= s < n
        Term schedule. A segment (first term b, its start T_b, length L)
        gives S(t) = T_b + (t - b) * 10 L. Changing `term_length` opens a
        new segment at the first term whose registration has not opened
        (current + 2), so no registered, elected or running term moves.

        Election of term t (all while term t-1 runs, or before genesis
        for t = 0):
          1. register  RNodes enter themselves until C(t) = S(t) -
                       ELECTION_LEAD if their RNodePool deposit at the
                       previous second (getPastVotes(node, now - 1)) is
                       at least MIN_RNODE_DEPOSIT; their RPT
                       (Reputation.rpt, which reads the same past
                       checkpoints) is recorded then; at most
                       MAX_CANDIDATES. Nothing borrowed inside the
                       registering block counts for either.
          2. draw      after C(t), anyone fixes the seed block
                       D = block.number + 1: a block nobody has seen.
          3. elect     in a later block, before S(t), anyone elects:
                         seed  = keccak256(blockhash(D), t)
                         key_i = (rpt_i + 1) * u_i,
                         u_i   = keccak256(seed, node_i) mod 2**64
                       the `size` largest keys win (ties: the earlier
                       registration), seat by descending key; a candidate
                       whose deposit fell below the minimum is skipped.
                       If D is more than 256 blocks old, blockhash is gone:
                       seed = keccak256(D, t), fixed since `draw`, so
                       waiting buys no new draw (threat model in
                       docs/nodes.md).
          A term nobody elected before S(t) has no committee: its slots
          earn nobody, SlotRewards returns their reward to the treasury.
        Slots. Slot k of term t is proposed by the member of seat k mod n
        (round robin from the term start).
        locked_until(node) = the largest E(t) over the terms the node was
        elected to (RNodePool refuses withdrawals before it).

        Impeachment. The owner sets a validators committee of 3f + 1
        members (at most MAX_VALIDATORS). Each validator votes on chain
        (`impeach(t, k)`) once slot k is complete and until E(t) +
        IMPEACH_WINDOW; with f + 1 votes the slot is impeached and its
        proposer earns nothing for it. Impeachments are counted per
        (term, member) and per reward year (MaintenanceRewards.year_at of
        the slot's start), so the reward contract stays O(1) per claim.
        Votes carry the validator set's epoch: a new set starts every
        slot's tally afresh.
@custom:security Reputation, RNodePool and MaintenanceRewards are trusted
        suite contracts. Loops: candidates (MAX_CANDIDATES) times the
        committee (MAX_SIZE) in `elect`, validators (MAX_VALIDATORS) in
        `set_validators`; never over nodes at large.
@custom:kill There is no pause: registration, election and impeachment
        need no owner and move no funds. In an emergency the owner replaces the
        validators (who can then impeach every slot of a faulty
        committee) and sets `size`; terms nobody elects pay the
        treasury. Ownership moves in two steps and cannot be renounced.
"""


from contracts.shared import tuned
from interfaces import IMaintenanceRewards
from interfaces import IProposerCommittee
from interfaces import IReputation
from interfaces import IRNodePool

implements: IProposerCommittee

initializes: tuned


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless committee could never change its validators again.
# Tunable numbers: once the parameter registry is named, it alone sets them
# (contracts/shared/tunable.vy).
exports: tuned.__interface__


# @dev Seconds per slot (one block every 10 s).
SLOT_TIME: public(constant(uint256)) = 10
# @dev Most candidates per term (bounds `elect`).
MAX_CANDIDATES: public(constant(uint256)) = 64
# @dev Largest committee.
MAX_SIZE: public(constant(uint256)) = 16
# @dev Shortest `term_length`, in slots: 5 minutes (above ELECTION_LEAD and MAX_SIZE).
MIN_TERM_LENGTH: public(constant(uint256)) = 30
# @dev Longest `term_length`, in slots: one day (the RNode lock's own bound).
MAX_TERM_LENGTH: public(constant(uint256)) = 8_640
# @dev Registration for a term closes this long before it starts.
ELECTION_LEAD: public(constant(uint256)) = 60
# @dev Impeachment stays open this long after a term ends; claims open then.
IMPEACH_WINDOW: public(constant(uint256)) = 300
# @dev Most validators (3f + 1 with f <= 10).
MAX_VALIDATORS: public(constant(uint256)) = 31
# @dev The RNode threshold (CPChain 5.1.1): 200,000 CPC in the RNodePool.
MIN_RNODE_DEPOSIT: public(constant(uint256)) = 200_000 * 10**18
# @dev Reward years of the maintenance schedule.
_YEARS: constant(uint256) = 5

# Segment word: first term (64) | its start (64) | length (64).
_M64: constant(uint256) = 2**64 - 1
_SEG_TIME_SHIFT: constant(uint256) = 64
_SEG_LENGTH_SHIFT: constant(uint256) = 128
# Term word: start (64) | length (32) | size (8) | elected (1).
_TERM_LENGTH_SHIFT: constant(uint256) = 64
_TERM_SIZE_SHIFT: constant(uint256) = 96
_TERM_ELECTED_SHIFT: constant(uint256) = 104
# Candidate word: node (160) | rpt (from bit 160).
_NODE_MASK: constant(uint256) = 2**160 - 1
_RPT_SHIFT: constant(uint256) = 160
# Service word: past slots (64) | prev term (64) | prev seat + 1 (8) | latest term (64)
# | latest seat + 1 (8).
_PREV_TERM_SHIFT: constant(uint256) = 64
_PREV_SEAT_SHIFT: constant(uint256) = 128
_LATEST_TERM_SHIFT: constant(uint256) = 136
_LATEST_SEAT_SHIFT: constant(uint256) = 200
_M8: constant(uint256) = 2**8 - 1
# Vote word: voters bitmap (32) | votes (8) | impeached (1) | epoch (from bit 48).
_VOTES_SHIFT: constant(uint256) = 32
_IMPEACHED_BIT: constant(uint256) = 2**40
_EPOCH_SHIFT: constant(uint256) = 48
# Impeachment word: count per reward year, 48 bits each (year 1 lowest).
_YEAR_FIELD: constant(uint256) = 48
_M48: constant(uint256) = 2**48 - 1


# @dev A schedule segment unpacked.
struct Segment:
    first_term: uint256
    start: uint256
    length: uint256


# @dev A term record unpacked.
struct Term:
    start: uint256
    length: uint256
    size: uint256
    elected: bool


# @dev A service word unpacked (seat 0: none).
struct Service:
    past: uint256
    prev_term: uint256
    prev_seat: uint256
    latest_term: uint256
    latest_seat: uint256


# @dev The first slot's start, T0 of the maintenance schedule.
genesis: public(immutable(uint256))
# @dev The RNodePool (deposits gate candidacy).
rnode_pool: public(immutable(address))
# @dev The reputation contract (RPT at registration).
reputation: public(immutable(address))
# @dev The maintenance schedule (reward year of an impeached slot).
schedule: public(immutable(address))

# @dev Committee size of the next election.
size: public(uint256)
# @dev Schedule segments by index (see the glossary).
_segments: HashMap[uint256, uint256]
# @dev Number of segments (at least one).
segment_count: public(uint256)
# @dev Candidates per term: index -> node | rpt.
_candidates: HashMap[uint256, HashMap[uint256, uint256]]
# @dev Candidates registered per term.
_candidate_count: HashMap[uint256, uint256]
# @dev Whether a node registered for a term.
_is_candidate: HashMap[uint256, HashMap[address, bool]]
# @dev The seed block per term (0: not drawn).
_seed_block: HashMap[uint256, uint256]
# @dev Elected term records (see the layout).
_terms: HashMap[uint256, uint256]
# @dev Members per term: seat -> node.
_members: HashMap[uint256, HashMap[uint256, address]]
# @dev Seats per term: node -> seat + 1 (0: not a member).
_seats: HashMap[uint256, HashMap[address, uint256]]
# @dev Service words per node (blocks proposed).
_service: HashMap[address, uint256]
# @dev Validator index + 1 per epoch.
_validator_index: HashMap[uint256, HashMap[address, uint256]]
# @dev Validators in the current set (3f + 1).
validator_count: public(uint256)
# @dev The validator set's epoch (moves with each new set).
validator_epoch: public(uint256)
# @dev Vote words per term and slot.
_votes: HashMap[uint256, HashMap[uint256, uint256]]
# @dev Impeached slots per term and member, per reward year.
_impeached: HashMap[uint256, HashMap[address, uint256]]
# @dev Impeached slots per node, all terms.
_impeached_total: HashMap[address, uint256]


@deploy
def __init__(
    rnode_pool_: address,
    reputation_: address,
    schedule_: address,
    owner_: address,
    genesis_: uint256,
    term_length_: uint256,
    size_: uint256,
):
    """
    @dev Fixes the sources, the genesis and the first segment.
    @param rnode_pool_ The RNodePool.
    @param reputation_ The Reputation contract.
    @param schedule_ The MaintenanceRewards schedule (its T0 is `genesis_`).
    @param owner_ The owner (governance).
    @param genesis_ The first slot's start.
    @param term_length_ Slots per term (within the bounds).
    @param size_ Committee size (1 to MAX_SIZE).
    """
    assert rnode_pool_ != empty(address), "proposer_committee: zero pool"
    assert reputation_ != empty(address), "proposer_committee: zero reputation"
    assert schedule_ != empty(address), "proposer_committee: zero schedule"
    assert owner_ != empty(address), "proposer_committee: zero owner"
    assert genesis_ != 0 and genesis_ <= _M64, "proposer_committee: bad genesis"
    self._check_term_length(term_length_)
    self._check_size(size_)
    rnode_pool = rnode_pool_
    reputation = reputation_
    schedule = schedule_
    genesis = genesis_
    self.size = size_
    self._segments[0] = self._pack_segment(
        Segment(first_term=0, start=genesis_, length=term_length_)
    )
    self.segment_count = 1
    tuned.__init__(owner_)


# Election


@external
def register(term: uint256):
    """
    @notice The caller, an RNode, enters the election of `term`, the next
            term, until `ELECTION_LEAD` seconds before it starts. Its RPT
            is recorded now.
    @dev Both the deposit and the RPT are read at the previous second
         (RNodePool's checkpoints): a deposit made in this block, e.g.
         with a flash loan that a lock of 0 minutes would let it repay
         at once, neither qualifies a candidate nor raises its RPT, so a
         borrowed deposit can neither buy a seat's odds nor fill the
         candidate list with throwaway entries.
    @param term The next term.
    """
    assert term == self._next_term(), "proposer_committee: not the next term"
    assert block.timestamp < self._start(term) - ELECTION_LEAD, (
        "proposer_committee: registration closed"
    )
    deposit: uint256 = staticcall IRNodePool(rnode_pool).getPastVotes(
        msg.sender, block.timestamp - 1
    )
    assert deposit >= MIN_RNODE_DEPOSIT, "proposer_committee: deposit below minimum"
    assert not self._is_candidate[term][msg.sender], "proposer_committee: already registered"
    count: uint256 = self._candidate_count[term]
    assert count < MAX_CANDIDATES, "proposer_committee: too many candidates"
    rpt: uint256 = staticcall IReputation(reputation).rpt(msg.sender)
    self._candidates[term][count] = convert(msg.sender, uint256) | (rpt << _RPT_SHIFT)
    self._candidate_count[term] = count + 1
    self._is_candidate[term][msg.sender] = True
    log IProposerCommittee.Registered(term=term, node=msg.sender, rpt=rpt)


@external
def draw(term: uint256):
    """
    @notice After registration for `term` closed, fixes its seed block:
            the next block, whose hash nobody knows yet. Once per term.
    @param term The term.
    """
    start: uint256 = self._start(term)
    assert block.timestamp >= start - ELECTION_LEAD, "proposer_committee: registration open"
    assert block.timestamp < start, "proposer_committee: term started"
    assert self._seed_block[term] == 0, "proposer_committee: already drawn"
    block_: uint256 = block.number + 1
    self._seed_block[term] = block_
    log IProposerCommittee.Drawn(term=term, seed_block=block_)


@external
def elect(term: uint256):
    """
    @notice Elects `term`'s committee from its candidates: the `size`
            largest keys (rpt + 1) * u, u from the drawn seed. Anyone,
            once, in a block after the seed block and before the term
            starts. Gas grows with the candidates (one deposit read and
            one hash each) and the committee (one insertion step each).
    @dev The deposit check here reads the live deposit (one cheap read
         per candidate). A candidate that tops up with borrowed CPC in
         the electing transaction gains nothing it can repay: once
         elected, its deposit is held by `locked_until` (RNodePool
         refuses the withdrawal that would repay the loan), and the
         RNode lock holds it `lock_minutes` anyway.
    @param term The term.
    """
    start: uint256 = self._start(term)
    assert block.timestamp < start, "proposer_committee: term started"
    seed_block_: uint256 = self._seed_block[term]
    assert seed_block_ != 0, "proposer_committee: not drawn"
    assert block.number > seed_block_, "proposer_committee: seed block not mined"
    assert self._terms[term] == 0, "proposer_committee: already elected"
    seed: bytes32 = self._seed(term, seed_block_)

    keys: uint256[MAX_SIZE] = empty(uint256[MAX_SIZE])
    nodes: address[MAX_SIZE] = empty(address[MAX_SIZE])
    seats: uint256 = self.size
    filled: uint256 = 0
    count: uint256 = self._candidate_count[term]
    for i: uint256 in range(count, bound=MAX_CANDIDATES):
        word: uint256 = self._candidates[term][i]
        node: address = convert(convert(word & _NODE_MASK, uint160), address)
        if staticcall IRNodePool(rnode_pool).deposit_of(node) < MIN_RNODE_DEPOSIT:
            continue
        luck: uint256 = convert(keccak256(abi_encode(seed, node)), uint256) & _M64
        # rpt <= 10,000, luck < 2**64: no overflow.
        key: uint256 = unsafe_mul(unsafe_add(word >> _RPT_SHIFT, 1), luck)
        # Insert into the descending top list; strict `>` keeps the earlier registration ahead.
        at: uint256 = filled
        if filled == seats:
            if key <= keys[seats - 1]:
                continue
            at = seats - 1
        else:
            filled += 1
        for _: uint256 in range(MAX_SIZE):
            if at == 0 or keys[at - 1] >= key:
                break
            keys[at] = keys[at - 1]
            nodes[at] = nodes[at - 1]
            at -= 1
        keys[at] = key
        nodes[at] = node

    length: uint256 = self._segment_of(term).length
    self._terms[term] = self._pack_term(Term(start=start, length=length, size=filled, elected=True))
    for seat: uint256 in range(filled, bound=MAX_SIZE):
        node: address = nodes[seat]
        self._members[term][seat] = node
        self._seats[term][node] = seat + 1
        # The service word's latest term is this one: `locked_until` reads its end from there.
        self._record_service(node, term, seat)
        log IProposerCommittee.Elected(term=term, seat=seat, node=node)
    log IProposerCommittee.TermElected(term=term, size=filled, start=start, length=length)


# Impeachment


@external
def impeach(term: uint256, slot: uint256):
    """
    @notice A validator's vote to impeach the proposer of slot `slot` of
            `term`, once the slot is complete and until IMPEACH_WINDOW
            after the term ends. The (f + 1)-th vote impeaches it.
    @param term The term.
    @param slot The slot, 0 to the term's length - 1.
    """
    epoch: uint256 = self.validator_epoch
    index: uint256 = self._validator_index[epoch][msg.sender]
    assert index != 0, "proposer_committee: caller is not a validator"
    t: Term = self._unpack_term(self._terms[term])
    assert t.size != 0, "proposer_committee: no committee"
    assert slot < t.length, "proposer_committee: slot out of term"
    slot_start: uint256 = t.start + slot * SLOT_TIME
    assert block.timestamp >= slot_start + SLOT_TIME, "proposer_committee: slot not complete"
    closes: uint256 = t.start + t.length * SLOT_TIME + IMPEACH_WINDOW
    assert block.timestamp < closes, "proposer_committee: impeachment closed"
    word: uint256 = self._votes[term][slot]
    if word >> _EPOCH_SHIFT != epoch:
        # A new validator set: the tally starts afresh (an impeachment stays).
        word = (word & _IMPEACHED_BIT) | (epoch << _EPOCH_SHIFT)
    assert word & _IMPEACHED_BIT == 0, "proposer_committee: slot already impeached"
    bit: uint256 = 1 << (index - 1)
    assert word & bit == 0, "proposer_committee: already voted"
    votes: uint256 = ((word >> _VOTES_SHIFT) & _M8) + 1
    word = (word | bit) & ~(_M8 << _VOTES_SHIFT) | (votes << _VOTES_SHIFT)
    proposer: address = self._members[term][slot % t.size]
    log IProposerCommittee.ImpeachmentVote(term=term, slot=slot, validator=msg.sender, votes=votes)
    # f + 1 with n = 3f + 1 validators.
    if votes == (self.validator_count - 1) // 3 + 1:
        word |= _IMPEACHED_BIT
        year: uint256 = staticcall IMaintenanceRewards(schedule).year_at(slot_start)
        if year != 0 and year <= _YEARS:
            self._impeached[term][proposer] += 1 << ((year - 1) * _YEAR_FIELD)
        self._impeached_total[proposer] += 1
        log IProposerCommittee.Impeached(term=term, slot=slot, proposer=proposer)
    self._votes[term][slot] = word


# Governance setters


@external
def set_validators(validators: DynArray[address, MAX_VALIDATORS]):
    """
    @notice Only the owner: a new validators committee of 3f + 1 distinct
            members (f >= 0); votes of the previous set stop counting.
    @param validators The members.
    """
    tuned.owner_2step.ownable._check_owner()
    count: uint256 = len(validators)
    assert count % 3 == 1, "proposer_committee: validators not 3f + 1"
    epoch: uint256 = self.validator_epoch + 1
    for i: uint256 in range(count, bound=MAX_VALIDATORS):
        v: address = validators[i]
        assert v != empty(address), "proposer_committee: zero validator"
        assert self._validator_index[epoch][v] == 0, "proposer_committee: duplicate validator"
        self._validator_index[epoch][v] = i + 1
    self.validator_epoch = epoch
    self.validator_count = count
    log IProposerCommittee.ValidatorsSet(epoch=epoch, count=count)


@external
def set_size(size_: uint256):
    """
    @notice Tunable: the committee size of elections from now on, 1 to
            MAX_SIZE.
    @param size_ The size.
    """
    tuned.tunable._check_writer()
    self._check_size(size_)
    self.size = size_
    log IProposerCommittee.SizeSet(size=size_)


@external
def set_term_length(term_length_: uint256):
    """
    @notice Tunable: slots per term from the first term whose
            registration has not opened (current + 2); earlier terms keep
            their times.
    @param term_length_ The length, in slots (within the bounds).
    """
    tuned.tunable._check_writer()
    self._check_term_length(term_length_)
    first: uint256 = self._next_term() + 1
    last_index: uint256 = self.segment_count - 1
    last: Segment = self._unpack_segment(self._segments[last_index])
    if last.first_term == first:
        # Not in force yet and nobody registered under it: change it in place.
        last.length = term_length_
        self._segments[last_index] = self._pack_segment(last)
    else:
        self._segments[last_index + 1] = self._pack_segment(
            Segment(first_term=first, start=self._start(first), length=term_length_)
        )
        self.segment_count = last_index + 2
    log IProposerCommittee.TermLengthSet(first_term=first, term_length=term_length_)


# Views


@external
@view
def candidate_count(term: uint256) -> uint256:
    """
    @notice Candidates registered for `term`.
    @param term The term.
    @return uint256 The count.
    """
    return self._candidate_count[term]


@external
@view
def is_candidate(term: uint256, node: address) -> bool:
    """
    @notice Whether `node` registered for `term`.
    @param term The term.
    @param node The node.
    @return bool True for a candidate.
    """
    return self._is_candidate[term][node]


@external
@view
def seed_block(term: uint256) -> uint256:
    """
    @notice The block whose hash seeds `term`'s election (0: not drawn).
    @param term The term.
    @return uint256 The block number.
    """
    return self._seed_block[term]


@external
@view
def locked_until(node: address) -> uint256:
    """
    @notice The end of the last term `node` was elected to, current or
            future (0: never elected): the RNodePool refuses its
            withdrawals before then.
    @param node The node.
    @return uint256 The Unix time.
    """
    s: Service = self._unpack_service(self._service[node])
    if s.latest_seat == 0:
        return 0
    # Elections run in term order, so the latest term is the last to end.
    t: Term = self._unpack_term(self._terms[s.latest_term])
    return t.start + t.length * SLOT_TIME


@external
@view
def impeached_total(node: address) -> uint256:
    """
    @notice `node`'s impeached slots over all terms.
    @param node The node.
    @return uint256 The count.
    """
    return self._impeached_total[node]


@external
@view
def term_at(timestamp: uint256) -> uint256:
    """
    @notice The term running at `timestamp`, at or after genesis and at
            or after the start of the segment before the latest (older
            times: `term_bounds`).
    @param timestamp A Unix time.
    @return uint256 The term.
    """
    assert timestamp >= genesis, "proposer_committee: before genesis"
    return self._term_at(timestamp)


@external
@view
def term_start(term: uint256) -> uint256:
    """
    @notice S(term) for a term of the current or the pending segment (an
            older term: `term_bounds` with its segment).
    @param term The term.
    @return uint256 The start time.
    """
    return self._start(term)


@external
@view
def term_length() -> uint256:
    """
    @notice Slots per term of the latest segment (pending or in force).
    @return uint256 The length, in slots.
    """
    return self._unpack_segment(self._segments[self.segment_count - 1]).length


@external
@view
def term_bounds(term: uint256, segment: uint256) -> (uint256, uint256):
    """
    @notice Start and length of any term, given the index of the segment
            it falls in (checked: O(1) for any past term).
    @param term The term.
    @param segment The segment's index.
    @return start The start time.
    @return length The length, in slots.
    """
    count: uint256 = self.segment_count
    assert segment < count, "proposer_committee: no such segment"
    seg: Segment = self._unpack_segment(self._segments[segment])
    assert term >= seg.first_term, "proposer_committee: term before segment"
    if segment + 1 < count:
        following: Segment = self._unpack_segment(self._segments[segment + 1])
        assert term < following.first_term, "proposer_committee: term after segment"
    return seg.start + (term - seg.first_term) * seg.length * SLOT_TIME, seg.length


@external
@view
def term_record(term: uint256) -> (uint256, uint256, uint256, bool):
    """
    @notice An elected term's start, length and committee size (all 0 and
            False before its election).
    @param term The term.
    @return start The start time.
    @return length The length, in slots.
    @return size The committee size (0: nobody eligible).
    @return elected Whether the term was elected.
    """
    t: Term = self._unpack_term(self._terms[term])
    return t.start, t.length, t.size, t.elected


@external
@view
def member(term: uint256, seat: uint256) -> address:
    """
    @notice The member of `seat` in `term` (empty: none).
    @param term The term.
    @param seat The seat.
    @return address The node.
    """
    return self._members[term][seat]


@external
@view
def seat_of(term: uint256, node: address) -> uint256:
    """
    @notice `node`'s seat in `term`, plus one (0: not a member).
    @param term The term.
    @param node The node.
    @return uint256 The seat + 1.
    """
    return self._seats[term][node]


@external
@view
def proposer_of(term: uint256, slot: uint256) -> address:
    """
    @notice Who proposes slot `slot` of `term`: seat slot mod size.
    @param term The term.
    @param slot The slot.
    @return address The proposer (empty: no committee or slot out of term).
    """
    t: Term = self._unpack_term(self._terms[term])
    if t.size == 0 or slot >= t.length:
        return empty(address)
    return self._members[term][slot % t.size]


@external
@view
def candidate(term: uint256, index: uint256) -> (address, uint256):
    """
    @notice The `index`-th candidate of `term` and its recorded RPT.
    @param term The term.
    @param index The registration index.
    @return node The node.
    @return rpt Its RPT at registration, in hundredths.
    """
    word: uint256 = self._candidates[term][index]
    return convert(convert(word & _NODE_MASK, uint160), address), word >> _RPT_SHIFT


@external
@view
def impeached_in(term: uint256, node: address, year: uint256) -> uint256:
    """
    @notice `node`'s impeached slots in `term` that fall in reward year
            `year` (1-5).
    @param term The term.
    @param node The node.
    @param year The reward year.
    @return uint256 The count.
    """
    if year == 0 or year > _YEARS:
        return 0
    return (self._impeached[term][node] >> ((year - 1) * _YEAR_FIELD)) & _M48


@external
@view
def is_impeached(term: uint256, slot: uint256) -> bool:
    """
    @notice Whether slot `slot` of `term` is impeached.
    @param term The term.
    @param slot The slot.
    @return bool True once f + 1 validators voted.
    """
    return self._votes[term][slot] & _IMPEACHED_BIT != 0


@external
@view
def impeachment_votes(term: uint256, slot: uint256) -> uint256:
    """
    @notice Votes on slot `slot` of `term` by the current validator set.
    @param term The term.
    @param slot The slot.
    @return uint256 The votes.
    """
    word: uint256 = self._votes[term][slot]
    if word >> _EPOCH_SHIFT != self.validator_epoch:
        return 0
    return (word >> _VOTES_SHIFT) & _M8


@external
@view
def is_validator(account: address) -> bool:
    """
    @notice Whether `account` is in the current validators committee.
    @param account The account.
    @return bool True for a member.
    """
    return self._validator_index[self.validator_epoch][account] != 0


@external
@view
def blocks_proposed(node: address) -> uint256:
    """
    @notice Complete slots of the terms `node` was elected to, impeached
            ones taken off (Reputation's BM).
    @param node The node.
    @return uint256 The blocks.
    """
    s: Service = self._unpack_service(self._service[node])
    done: uint256 = self._done(s.prev_term, s.prev_seat) + self._done(s.latest_term, s.latest_seat)
    return s.past + done - self._impeached_total[node]


@external
@view
def settlement(term: uint256, node: address) -> (uint256, uint256, uint256, uint256, uint256):
    """
    @notice What the reward contract needs for a claim, in one call: the
            term's recorded start, length and size, `node`'s seat + 1 and
            its impeached slots per reward year (48 bits each, year 1
            lowest).
    @param term The term.
    @param node The node.
    @return start The start time (0: not elected).
    @return length The length, in slots.
    @return size The committee size.
    @return seat The seat + 1 (0: not a member).
    @return impeached The impeachment word.
    """
    t: Term = self._unpack_term(self._terms[term])
    return t.start, t.length, t.size, self._seats[term][node], self._impeached[term][node]


@external
@view
def claim_time(term: uint256) -> uint256:
    """
    @notice When `term`'s rewards can be claimed: E(term) + IMPEACH_WINDOW
            (an elected term's recorded times).
    @param term The term.
    @return uint256 The Unix time (0: not elected).
    """
    t: Term = self._unpack_term(self._terms[term])
    if not t.elected:
        return 0
    return t.start + t.length * SLOT_TIME + IMPEACH_WINDOW


@internal
@view
def _seed(term: uint256, seed_block_: uint256) -> bytes32:
    """
    @dev keccak256(blockhash(D), t), or keccak256(D, t) once D is beyond
         the 256 blocks blockhash reaches (fixed since `draw`).
    @param term The term.
    @param seed_block_ D, mined before this block.
    @return bytes32 The seed.
    """
    if block.number - seed_block_ <= 256:
        return keccak256(abi_encode(blockhash(seed_block_), term))
    return keccak256(abi_encode(seed_block_, term))


@internal
def _record_service(node: address, term: uint256, seat: uint256):
    """
    @dev Shifts the node's terms: the previous one (ended: terms are
         elected while the one before runs) moves into `past` whole.
    @param node The node.
    @param term The term it was elected to.
    @param seat Its seat.
    """
    s: Service = self._unpack_service(self._service[node])
    if s.prev_seat != 0:
        s.past += self._slots_of(self._unpack_term(self._terms[s.prev_term]), s.prev_seat - 1)
    s.prev_term = s.latest_term
    s.prev_seat = s.latest_seat
    s.latest_term = term
    s.latest_seat = seat + 1
    self._service[node] = self._pack_service(s)


@internal
@view
def _done(term: uint256, seat_plus_one: uint256) -> uint256:
    """
    @dev Complete slots of a seat in a term: slots k < e with k = seat
         (mod n), e = min(L, (now - S) // 10), i.e. ceil((e - seat) / n).
    @param term The term.
    @param seat_plus_one The seat + 1 (0: none).
    @return uint256 The count.
    """
    if seat_plus_one == 0:
        return 0
    t: Term = self._unpack_term(self._terms[term])
    if block.timestamp <= t.start:
        return 0
    e: uint256 = min(t.length, (block.timestamp - t.start) // SLOT_TIME)
    seat: uint256 = seat_plus_one - 1
    if e <= seat:
        return 0
    return (e - seat + t.size - 1) // t.size


@internal
@pure
def _slots_of(t: Term, seat: uint256) -> uint256:
    """
    @dev All slots of a seat in a term: ceil((L - seat) / n).
    @param t The term.
    @param seat The seat (< n <= L).
    @return uint256 The count.
    """
    return (t.length - seat + t.size - 1) // t.size


@internal
@view
def _next_term() -> uint256:
    """
    @dev The term whose election runs now: 0 before genesis, else the
         running term + 1.
    @return uint256 The term.
    """
    if block.timestamp < genesis:
        return 0
    return self._term_at(block.timestamp) + 1


@internal
@view
def _term_at(timestamp: uint256) -> uint256:
    """
    @dev The term running at `timestamp` >= genesis: the latest segment's
         if it has started, else the one before (only the latest can be
         pending).
    @param timestamp A Unix time.
    @return uint256 The term.
    """
    index: uint256 = self.segment_count - 1
    seg: Segment = self._unpack_segment(self._segments[index])
    if timestamp < seg.start:
        seg = self._unpack_segment(self._segments[index - 1])
    return seg.first_term + (timestamp - seg.start) // (seg.length * SLOT_TIME)


@internal
@view
def _segment_of(term: uint256) -> Segment:
    """
    @dev The segment of a term at or after the running one's segment.
    @param term The term.
    @return Segment Its segment.
    """
    index: uint256 = self.segment_count - 1
    seg: Segment = self._unpack_segment(self._segments[index])
    if term < seg.first_term:
        seg = self._unpack_segment(self._segments[index - 1])
    return seg


@internal
@view
def _start(term: uint256) -> uint256:
    """
    @dev S(t) = T_b + (t - b) * 10 L in the term's segment.
    @param term A term of the running or a later segment.
    @return uint256 The start time.
    """
    seg: Segment = self._segment_of(term)
    assert term >= seg.first_term, "proposer_committee: term of an older segment"
    return seg.start + (term - seg.first_term) * seg.length * SLOT_TIME


@internal
@pure
def _check_term_length(term_length_: uint256):
    """
    @dev Bounds of the term length.
    @param term_length_ The length, in slots.
    """
    assert term_length_ >= MIN_TERM_LENGTH and term_length_ <= MAX_TERM_LENGTH, (
        "proposer_committee: term length out of bounds"
    )


@internal
@pure
def _check_size(size_: uint256):
    """
    @dev Bounds of the committee size.
    @param size_ The size.
    """
    assert size_ != 0 and size_ <= MAX_SIZE, "proposer_committee: size out of bounds"


@internal
@pure
def _pack_segment(s: Segment) -> uint256:
    """
    @dev A segment to its word.
    @param s The segment.
    @return uint256 The word.
    """
    return s.first_term | (s.start << _SEG_TIME_SHIFT) | (s.length << _SEG_LENGTH_SHIFT)


@internal
@pure
def _unpack_segment(word: uint256) -> Segment:
    """
    @dev A segment word to its fields.
    @param word The word.
    @return Segment The segment.
    """
    return Segment(
        first_term=word & _M64,
        start=(word >> _SEG_TIME_SHIFT) & _M64,
        length=word >> _SEG_LENGTH_SHIFT,
    )


@internal
@pure
def _pack_term(t: Term) -> uint256:
    """
    @dev A term record to its word.
    @param t The record.
    @return uint256 The word.
    """
    return (
        t.start
        | (t.length << _TERM_LENGTH_SHIFT)
        | (t.size << _TERM_SIZE_SHIFT)
        | (convert(t.elected, uint256) << _TERM_ELECTED_SHIFT)
    )


@internal
@pure
def _unpack_term(word: uint256) -> Term:
    """
    @dev A term word to its fields.
    @param word The word.
    @return Term The record.
    """
    return Term(
        start=word & _M64,
        length=(word >> _TERM_LENGTH_SHIFT) & (2**32 - 1),
        size=(word >> _TERM_SIZE_SHIFT) & _M8,
        elected=(word >> _TERM_ELECTED_SHIFT) != 0,
    )


@internal
@pure
def _pack_service(s: Service) -> uint256:
    """
    @dev A service record to its word.
    @param s The record.
    @return uint256 The word.
    """
    return (
        s.past
        | (s.prev_term << _PREV_TERM_SHIFT)
        | (s.prev_seat << _PREV_SEAT_SHIFT)
        | (s.latest_term << _LATEST_TERM_SHIFT)
        | (s.latest_seat << _LATEST_SEAT_SHIFT)
    )


@internal
@pure
def _unpack_service(word: uint256) -> Service:
    """
    @dev A service word to its fields.
    @param word The word.
    @return Service The record.
    """
    return Service(
        past=word & _M64,
        prev_term=(word >> _PREV_TERM_SHIFT) & _M64,
        prev_seat=(word >> _PREV_SEAT_SHIFT) & _M8,
        latest_term=(word >> _LATEST_TERM_SHIFT) & _M64,
        latest_seat=(word >> _LATEST_SEAT_SHIFT) & _M8,
    )

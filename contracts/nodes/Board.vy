# pragma version ~=0.4.3
"""
@title CPChain board: yearly director and chair elections, locked candidacies, board income
@custom:contract-name Board
@license GNU Affero General Public License v3.0 only
@notice CPChain whitepaper 5.2-5.4 (SPEC CPChain, "Board"). Every year
        from `genesis` an election cycle runs; its phases are a pure
        function of the timestamp (`stage_at`), so no one has to start or
        advance anything.

        Calendar of cycle c, with S_c = genesis + c * YEAR:
          candidacy        [S_c, S_c + 14 d)          `stand`
          round 0          [S_c + 14 d, S_c + 21 d)   directors' vote
          round r (1..9)   [S_c + 21 d + (r-1) * 3 d, + 3 d)  chair rounds
          term             [S_c + 48 d, S_c + 48 d + YEAR)  the board serves
        The term of cycle c overlaps the next cycle's election; the new
        board takes over when its own term starts.

        Candidacy. Anyone may `stand` with a deposit of CPC over
        `min_deposit` (200,000 CPC: "over" as the paper says, so exactly
        the minimum is refused), at most `MAX_CANDIDATES` per cycle. The
        deposit is locked: a candidate not elected withdraws it once the
        directors' round is over; a director only once its term has ended
        (the paper: directors cannot sell CPC while standing or serving).

        Voting. Approval voting: a voter approves any set of candidates
        (indices, strictly increasing) once per round, each with its whole
        weight w = votes.getPastVotes(voter, snapshot): the economy-node
        and RNode deposits (NodeVotes), read at the round's snapshot, one
        second before the round opens, so deposits moved afterwards count
        for nobody (and twice for nobody).

        Directors (round 0): the `board_size` candidates with the most
        approvals A_i, among those with A_i > 0. Ties: the earlier
        candidacy (lower index) wins.

        Chair (rounds 1..9, among the directors): with V the weight that
        voted in the round (sum of w over its ballots) and A_i the
        approvals of director i in it, the leader (most approvals, ties:
        earlier candidacy) becomes chair when
          V > 0 and 2 * A_leader >= V        (at least 50% approval).
        The denominator is the weight that voted, not all deposits: idle
        deposits would otherwise block every chair, and the paper's
        "approval rating" is a share of the ballots. Otherwise the
        director with the fewest approvals (ties: the later candidacy)
        leaves the race, unless it is the last one, and the next round
        runs. After round 9 without a chair the board serves without one.

        Lazy outcomes. A round's outcome is computed, once its window has
        ended, by whoever calls `finalize_round` (or by `vote`, `withdraw`
        and `claim`, which finalize every ended round of their cycle
        first): each round reads at most `MAX_CANDIDATES` tallies; a cycle
        has 1 + `CHAIR_ROUNDS` rounds.

        Income. `yearly_income` (400,000 CPC) is fixed for a board when
        its directors are finalized, and paid in two halves: once half h
        (0 or 1) of the term has ended, each director claims
          share = floor(floor(income / 2) / n)      (n directors)
        The first claim of a half reserves n * share out of the funded
        budget (`fund`, the community allocation's way in), all or
        nothing, so a half is either payable to every director or to none;
        rounding down keeps the dust in the budget. O(1) per director, no
        loop, no push.

        Conservation, to the wei: with D the deposits still locked, U the
        funded budget not reserved and O the income reserved but not
        claimed,
          CPC.balanceOf(Board) == D + U + O + surplus, surplus >= 0
        where the surplus (CPC sent here directly) is only ever swept by
        the owner and never changes anything else.
@custom:security CPC is the suite's CappedToken (no callbacks); every
        transfer comes after the state is written. The votes source is
        fixed at deployment and trusted (NodeVotes). Balances are never
        compared with bookkeeping except in `surplus`/`sweep`.
@custom:kill Nothing stops withdrawals or claims. In an emergency the
        guardian pauses new candidacies (`pause`), governance sets the
        income to 0 for boards finalized afterwards, and sweeps only what
        nobody is owed. Ownership moves in two steps and cannot be
        renounced.
"""


from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import governed
from ethereum.ercs import IERC20
from interfaces import IBoard
from interfaces import IPausable
from interfaces import IVotes

implements: IBoard
implements: IPausable

initializes: governed


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless board could never change its size or income, nor sweep a surplus.
# Tunable numbers: once the parameter registry is named, it alone sets them
# (contracts/shared/tunable.vy).
# Emergency pause of new candidacies by the guardian; withdrawals and claims stay open
# (contracts/shared/pausable.vy).
exports: governed.__interface__


# @dev Candidates per cycle (bounds every loop over candidates; indices fit a bitmask).
MAX_CANDIDATES: constant(uint256) = 20
# @dev Largest board (directors elected per cycle).
MAX_BOARD: constant(uint256) = 9
# @dev Smallest board.
MIN_BOARD: constant(uint256) = 1
# @dev Chair rounds per cycle: one director leaves per failed round, so every director can lead one.
CHAIR_ROUNDS: constant(uint256) = MAX_BOARD
# @dev Rounds per cycle: the directors' round 0 and the chair rounds.
ROUNDS: constant(uint256) = 1 + CHAIR_ROUNDS
# @dev Length of the candidacy phase.
CANDIDACY: constant(uint256) = 14 * constants.DAY
# @dev Length of the directors' round.
DIRECTOR_ROUND: constant(uint256) = 7 * constants.DAY
# @dev Length of each chair round.
CHAIR_ROUND: constant(uint256) = 3 * constants.DAY
# @dev From a cycle's start to its board's term start: candidacy and every round.
ELECTION: constant(uint256) = CANDIDACY + DIRECTOR_ROUND + CHAIR_ROUNDS * CHAIR_ROUND
# @dev A cycle and a term: one 365-day year.
TERM: constant(uint256) = constants.YEAR
# @dev Half a term: income is claimable per half.
HALF: constant(uint256) = TERM // 2
# @dev Stage of the candidacy phase; stage 1 + r is round r's window.
STAGE_CANDIDACY: constant(uint256) = 0
# @dev Stage when no election runs (before genesis, or after the last chair round).
STAGE_IDLE: constant(uint256) = 1 + ROUNDS
# @dev Bounds of the tunable numbers.
MAX_YEARLY_INCOME: constant(uint256) = 2_000_000 * 10**18
MIN_MIN_DEPOSIT: constant(uint256) = 20_000 * 10**18
MAX_MIN_DEPOSIT: constant(uint256) = 10_000_000 * 10**18
# @dev "No candidate" in a loop's running choice.
_NONE: constant(uint256) = max_value(uint256)


# @dev One cycle's election, as its finalized rounds left it.
struct Election:
    # candidates who stood
    count: uint256
    # rounds finalized (ROUNDS: the election is decided)
    finalized: uint256
    # bitmask of candidate indices elected directors
    directors: uint256
    # how many directors
    seats: uint256
    # bitmask of directors still in the chair race
    remaining: uint256
    # the chair's index + 1 (0: none)
    chair: uint256
    # the yearly income of this board, fixed when its directors were finalized
    income: uint256


# @dev CPC: deposits and income.
token: public(immutable(address))
# @dev The weight source (NodeVotes: economy-node and RNode deposits), ERC-5805 timestamp clock.
votes_source: public(immutable(address))
# @dev Start of cycle 0.
genesis: public(immutable(uint256))

# @dev Directors elected per cycle (tunable, MIN_BOARD..MAX_BOARD; read when round 0 is finalized).
board_size: public(uint256)
# @dev Board income per year, in CPC wei (tunable; fixed per board with its directors).
yearly_income: public(uint256)
# @dev A candidacy's deposit must be above this, in CPC wei (tunable).
min_deposit: public(uint256)

# @dev Deposits of candidates not yet withdrawn, all cycles.
locked_deposits: public(uint256)
# @dev Funded income not yet reserved for a half-year.
unallocated: public(uint256)
# @dev Income reserved for half-years and not yet claimed.
income_owed: public(uint256)

# @dev Elections per cycle.
_elections: HashMap[uint256, Election]
# @dev Candidates per cycle, by index.
_candidates: HashMap[uint256, HashMap[uint256, address]]
# @dev Candidate index + 1 per cycle and address (0: not a candidate).
_index: HashMap[uint256, HashMap[address, uint256]]
# @dev Locked deposit per cycle and candidate (0 once withdrawn).
_deposits: HashMap[uint256, HashMap[address, uint256]]
# @dev Approvals per round key (cycle * ROUNDS + round) and candidate index.
_approvals: HashMap[uint256, HashMap[uint256, uint256]]
# @dev Weight that voted per round key.
_voted_weight: HashMap[uint256, uint256]
# @dev Whether an address voted, per round key.
_voted: HashMap[uint256, HashMap[address, bool]]
# @dev Each director's share per half key (cycle * 2 + half); 0 until the half is reserved.
_half_share: HashMap[uint256, uint256]
# @dev Claimed halves per cycle: bit 2 * index + half.
_claimed: HashMap[uint256, uint256]


@deploy
def __init__(token_: address, votes_source_: address, genesis_: uint256, owner_: address):
    """
    @dev Fixes CPC, the weight source, the calendar's start and the owner;
         board of 5, income 400,000 CPC a year, minimum deposit 200,000 CPC.
    @param token_ CPC.
    @param votes_source_ NodeVotes (interfaces/IVotes.vyi, timestamp clock).
    @param genesis_ Start of cycle 0's candidacy (a Unix time, not zero).
    @param owner_ The owner (the deployer; governance accepts later).
    """
    assert token_ != empty(address), "board: zero token"
    assert votes_source_.is_contract, "board: votes source is not a contract"
    assert genesis_ != 0, "board: zero genesis"
    assert owner_ != empty(address), "board: zero owner"
    token = token_
    votes_source = votes_source_
    genesis = genesis_
    governed.__init__(owner_)
    self.board_size = 5
    self.yearly_income = 400_000 * 10**18
    self.min_deposit = 200_000 * 10**18


# Candidacy


@external
def stand(amount: uint256):
    """
    @notice Stands for this cycle's board with a deposit of `amount` CPC
            (approved beforehand), locked until the directors' round is
            over, or until the term ends if elected.
    @param amount The deposit, in CPC wei (above `min_deposit`).
    """
    governed.pausable._check_not_paused()
    cycle: uint256 = 0
    stage: uint256 = 0
    cycle, stage = self._stage(block.timestamp)
    assert stage == STAGE_CANDIDACY, "board: not in candidacy"
    assert amount > self.min_deposit, "board: deposit not over the minimum"
    assert self._index[cycle][msg.sender] == 0, "board: already standing"
    index: uint256 = self._elections[cycle].count
    assert index < MAX_CANDIDATES, "board: too many candidates"
    self._elections[cycle].count = index + 1
    self._candidates[cycle][index] = msg.sender
    self._index[cycle][msg.sender] = index + 1
    self._deposits[cycle][msg.sender] = amount
    self.locked_deposits += amount
    log IBoard.Stood(candidate=msg.sender, cycle=cycle, index=index, amount=amount)
    asset_transfer._pull_exact(token, msg.sender, amount)


@external
def withdraw(cycle: uint256) -> uint256:
    """
    @notice Returns the caller's deposit of `cycle`: once the directors'
            round is over if not elected, once the term has ended if
            elected. Finalizes the cycle's ended rounds first.
    @param cycle The cycle the caller stood in.
    @return uint256 The deposit paid back, in CPC wei.
    """
    amount: uint256 = self._deposits[cycle][msg.sender]
    assert amount != 0, "board: nothing to withdraw"
    e: Election = self._finalize_due(cycle)
    assert e.finalized != 0, "board: election not over"
    index: uint256 = self._index[cycle][msg.sender] - 1
    if e.directors & (1 << index) != 0:
        term_end: uint256 = self._term_start(cycle) + TERM
        assert block.timestamp >= term_end, "board: director locked until the term ends"
    self._deposits[cycle][msg.sender] = 0
    self.locked_deposits -= amount
    log IBoard.Withdrawn(candidate=msg.sender, cycle=cycle, amount=amount)
    asset_transfer._pay_token(token, msg.sender, amount)
    return amount


# Voting


@external
def vote(candidates: DynArray[uint256, MAX_CANDIDATES]):
    """
    @notice Approves `candidates` (indices, strictly increasing) in the
            round now open, with the caller's weight at the round's
            snapshot. Round 0 elects directors among all candidates;
            rounds 1.. elect the chair among the directors still in the
            race (earlier ended rounds are finalized first).
    @param candidates The approved candidates' indices.
    """
    cycle: uint256 = 0
    stage: uint256 = 0
    cycle, stage = self._stage(block.timestamp)
    assert stage != STAGE_CANDIDACY and stage != STAGE_IDLE, "board: not in a voting round"
    round: uint256 = stage - 1
    assert len(candidates) != 0, "board: no candidates approved"
    key: uint256 = cycle * ROUNDS + round
    assert not self._voted[key][msg.sender], "board: already voted"
    # Who may be approved: every candidate in round 0, the directors still in the race after.
    eligible: uint256 = 0
    if round == 0:
        eligible = (1 << self._elections[cycle].count) - 1
    else:
        e: Election = self._finalize_due(cycle)
        assert e.finalized == round, "board: election decided"
        eligible = e.remaining
    weight: uint256 = staticcall IVotes(votes_source).getPastVotes(
        msg.sender, self._round_start(cycle, round) - 1
    )
    assert weight != 0, "board: no voting weight"
    self._voted[key][msg.sender] = True
    self._voted_weight[key] += weight
    previous: uint256 = _NONE
    for index: uint256 in candidates:
        assert previous == _NONE or index > previous, "board: candidates not in increasing order"
        assert index < MAX_CANDIDATES and eligible & (1 << index) != 0, \
            "board: candidate not in this round"
        self._approvals[key][index] += weight
        previous = index
    log IBoard.Voted(
        voter=msg.sender, cycle=cycle, round=round, weight=weight, approved=len(candidates)
    )


@external
def finalize_round(cycle: uint256) -> uint256:
    """
    @notice Computes the outcome of every round of `cycle` whose window
            has ended and that nobody finalized yet (anyone may call).
    @param cycle The cycle.
    @return uint256 The rounds of `cycle` finalized in all (ROUNDS: decided).
    """
    before: uint256 = self._elections[cycle].finalized
    e: Election = self._finalize_due(cycle)
    assert e.finalized != before, "board: nothing to finalize"
    return e.finalized


# Income


@external
def fund(amount: uint256):
    """
    @notice Adds `amount` CPC (approved beforehand) to the income budget:
            the community allocation's way in. Anyone may fund.
    @param amount The amount, in CPC wei.
    """
    assert amount != 0, "board: zero amount"
    self.unallocated += amount
    log IBoard.Funded(funder=msg.sender, amount=amount)
    asset_transfer._pull_exact(token, msg.sender, amount)


@external
def claim(cycle: uint256, half: uint256) -> uint256:
    """
    @notice Pays the caller, a director of `cycle`'s board, its equal share
            of half-year `half` (0: first, 1: second) of the board's
            income, once that half has ended. Once per director and half.
    @param cycle The cycle whose board the caller sits on.
    @param half 0 or 1.
    @return uint256 The amount paid, in CPC wei.
    """
    assert half < 2, "board: unknown half"
    half_end: uint256 = self._term_start(cycle) + (half + 1) * HALF
    assert block.timestamp >= half_end, "board: half-year not over"
    e: Election = self._finalize_due(cycle)
    index: uint256 = self._index[cycle][msg.sender]
    assert index != 0 and e.directors & (1 << (index - 1)) != 0, "board: not a director"
    bit: uint256 = 1 << (2 * (index - 1) + half)
    claimed: uint256 = self._claimed[cycle]
    assert claimed & bit == 0, "board: already claimed"
    key: uint256 = cycle * 2 + half
    share: uint256 = self._half_share[key]
    if share == 0:
        # Rounds down twice: the dust stays in the budget, never owed.
        share = e.income // 2 // e.seats
        assert share != 0, "board: no income"
        reserve: uint256 = share * e.seats
        assert self.unallocated >= reserve, "board: income not funded"
        self.unallocated -= reserve
        self.income_owed += reserve
        self._half_share[key] = share
    self._claimed[cycle] = claimed | bit
    self.income_owed -= share
    log IBoard.IncomeClaimed(director=msg.sender, cycle=cycle, half=half, amount=share)
    asset_transfer._pay_token(token, msg.sender, share)
    return share


@external
def sweep(receiver: address) -> uint256:
    """
    @notice Only the owner: sends CPC held beyond what the board owes
            (locked deposits, unallocated budget, owed income) to `receiver`.
    @param receiver Where the surplus goes (the treasury).
    @return uint256 The amount swept, in CPC wei.
    """
    governed.owner_2step.ownable._check_owner()
    assert receiver != empty(address), "board: zero receiver"
    amount: uint256 = self._surplus()
    assert amount != 0, "board: no surplus"
    log IBoard.Swept(receiver=receiver, amount=amount)
    asset_transfer._pay_token(token, receiver, amount)
    return amount


# Tunable numbers


@external
def set_board_size(size: uint256):
    """
    @notice The parameter registry (the owner until one is named): the
            number of directors elected by rounds finalized from now on.
    @param size MIN_BOARD..MAX_BOARD.
    """
    governed.tunable._check_writer()
    assert size >= MIN_BOARD and size <= MAX_BOARD, "board: board size out of bounds"
    self.board_size = size
    log IBoard.BoardSizeSet(size=size)


@external
def set_yearly_income(amount: uint256):
    """
    @notice The parameter registry (the owner until one is named): the
            yearly income of boards whose directors are finalized from now
            on (boards already elected keep theirs).
    @param amount CPC wei per year, at most MAX_YEARLY_INCOME (0 stops income).
    """
    governed.tunable._check_writer()
    assert amount <= MAX_YEARLY_INCOME, "board: income above the limit"
    self.yearly_income = amount
    log IBoard.YearlyIncomeSet(amount=amount)


@external
def set_min_deposit(amount: uint256):
    """
    @notice The parameter registry (the owner until one is named): the
            amount a new candidacy's deposit must exceed.
    @param amount CPC wei, MIN_MIN_DEPOSIT..MAX_MIN_DEPOSIT.
    """
    governed.tunable._check_writer()
    assert amount >= MIN_MIN_DEPOSIT and amount <= MAX_MIN_DEPOSIT, \
        "board: minimum deposit out of bounds"
    self.min_deposit = amount
    log IBoard.MinDepositSet(amount=amount)


# Views


@external
@view
def stage_at(timestamp: uint256) -> (uint256, uint256):
    """
    @notice The cycle and its stage at `timestamp`: 0 candidacy, 1 + r
            round r's window (r = 0 directors, 1..CHAIR_ROUNDS chair),
            STAGE_IDLE no election running (before genesis: cycle 0).
    @param timestamp A Unix time.
    @return cycle The cycle.
    @return stage The stage.
    """
    return self._stage(timestamp)


@external
@view
def round_window(cycle: uint256, round: uint256) -> (uint256, uint256):
    """
    @notice When round `round` of `cycle` opens and closes (its snapshot is
            one second before it opens).
    @param cycle The cycle.
    @param round 0 (directors) .. CHAIR_ROUNDS.
    @return start The first second of the round.
    @return end The first second after it.
    """
    assert round < ROUNDS, "board: unknown round"
    start: uint256 = self._round_start(cycle, round)
    return start, start + self._round_length(round)


@external
@view
def term_window(cycle: uint256) -> (uint256, uint256):
    """
    @notice When the board elected in `cycle` serves: its directors'
            deposits are locked until the end.
    @param cycle The cycle.
    @return start The term's first second.
    @return end The first second after the term.
    """
    start: uint256 = self._term_start(cycle)
    return start, start + TERM


@external
@view
def candidate_count(cycle: uint256) -> uint256:
    """
    @notice How many candidates stood in `cycle`.
    @param cycle The cycle.
    @return uint256 The count.
    """
    return self._elections[cycle].count


@external
@view
def candidate_at(cycle: uint256, index: uint256) -> address:
    """
    @notice The candidate with `index` in `cycle` (empty if none).
    @param cycle The cycle.
    @param index The candidate's index (order of standing).
    @return address The candidate.
    """
    return self._candidates[cycle][index]


@external
@view
def candidate_index(cycle: uint256, candidate: address) -> uint256:
    """
    @notice `candidate`'s index in `cycle` plus one (0: did not stand).
    @param cycle The cycle.
    @param candidate The address.
    @return uint256 The index + 1.
    """
    return self._index[cycle][candidate]


@external
@view
def deposit_of(cycle: uint256, candidate: address) -> uint256:
    """
    @notice `candidate`'s deposit of `cycle` still in the board.
    @param cycle The cycle.
    @param candidate The candidate.
    @return uint256 The deposit, in CPC wei (0 once withdrawn).
    """
    return self._deposits[cycle][candidate]


@external
@view
def approvals(cycle: uint256, round: uint256, index: uint256) -> uint256:
    """
    @notice The weight approving candidate `index` in a round.
    @param cycle The cycle.
    @param round The round (0: directors).
    @param index The candidate's index.
    @return uint256 The approving weight.
    """
    return self._approvals[cycle * ROUNDS + round][index]


@external
@view
def voted_weight(cycle: uint256, round: uint256) -> uint256:
    """
    @notice The weight of every ballot cast in a round (the chair's 50%
            is of this).
    @param cycle The cycle.
    @param round The round.
    @return uint256 The weight.
    """
    return self._voted_weight[cycle * ROUNDS + round]


@external
@view
def has_voted(cycle: uint256, round: uint256, voter: address) -> bool:
    """
    @notice Whether `voter` cast a ballot in a round.
    @param cycle The cycle.
    @param round The round.
    @param voter The voter.
    @return bool True if it voted.
    """
    return self._voted[cycle * ROUNDS + round][voter]


@external
@view
def rounds_finalized(cycle: uint256) -> uint256:
    """
    @notice How many rounds of `cycle` are finalized (ROUNDS: decided).
    @param cycle The cycle.
    @return uint256 The count.
    """
    return self._elections[cycle].finalized


@external
@view
def directors(cycle: uint256) -> DynArray[address, MAX_BOARD]:
    """
    @notice The directors of `cycle`'s board, in candidacy order (empty
            until round 0 is finalized).
    @param cycle The cycle.
    @return DynArray[address, MAX_BOARD] The directors.
    """
    e: Election = self._elections[cycle]
    out: DynArray[address, MAX_BOARD] = []
    for index: uint256 in range(MAX_CANDIDATES):
        if index >= e.count:
            break
        if e.directors & (1 << index) != 0:
            out.append(self._candidates[cycle][index])
    return out


@external
@view
def is_director(cycle: uint256, account: address) -> bool:
    """
    @notice Whether `account` sits on `cycle`'s board (as finalized).
    @param cycle The cycle.
    @param account The address.
    @return bool True if a director.
    """
    index: uint256 = self._index[cycle][account]
    return index != 0 and self._elections[cycle].directors & (1 << (index - 1)) != 0


@external
@view
def in_chair_race(cycle: uint256, index: uint256) -> bool:
    """
    @notice Whether director `index` may still be approved for chair.
    @param cycle The cycle.
    @param index The candidate's index.
    @return bool True while it is in the race and no chair is decided.
    """
    e: Election = self._elections[cycle]
    return e.finalized != ROUNDS and index < MAX_CANDIDATES and e.remaining & (1 << index) != 0


@external
@view
def chair(cycle: uint256) -> address:
    """
    @notice The chair of `cycle`'s board (empty: none yet, or none elected).
    @param cycle The cycle.
    @return address The chair.
    """
    index: uint256 = self._elections[cycle].chair
    if index == 0:
        return empty(address)
    return self._candidates[cycle][index - 1]


@external
@view
def term_income(cycle: uint256) -> uint256:
    """
    @notice The yearly income of `cycle`'s board (fixed with its directors).
    @param cycle The cycle.
    @return uint256 CPC wei per year.
    """
    return self._elections[cycle].income


@external
@view
def has_claimed(cycle: uint256, half: uint256, director: address) -> bool:
    """
    @notice Whether `director` claimed half `half` of `cycle`'s income.
    @param cycle The cycle.
    @param half 0 or 1.
    @param director The director.
    @return bool True if claimed.
    """
    index: uint256 = self._index[cycle][director]
    if index == 0 or half > 1:
        return False
    return self._claimed[cycle] & (1 << (2 * (index - 1) + half)) != 0


@external
@view
def surplus() -> uint256:
    """
    @notice CPC held beyond what the board owes (sent here directly).
    @return uint256 The surplus, in CPC wei.
    """
    return self._surplus()


# Internal


@internal
@view
def _stage(t: uint256) -> (uint256, uint256):
    """
    @dev The calendar, a pure function of the time (see the notice).
    @param t A Unix time.
    @return uint256 The cycle (0 before genesis).
    @return uint256 The stage.
    """
    if t < genesis:
        return 0, STAGE_IDLE
    elapsed: uint256 = t - genesis
    cycle: uint256 = elapsed // TERM
    into: uint256 = elapsed % TERM
    if into < CANDIDACY:
        return cycle, STAGE_CANDIDACY
    if into < CANDIDACY + DIRECTOR_ROUND:
        return cycle, 1
    into -= CANDIDACY + DIRECTOR_ROUND
    if into < CHAIR_ROUNDS * CHAIR_ROUND:
        # Chair round r = 1 + into // CHAIR_ROUND, stage 1 + r.
        return cycle, 2 + into // CHAIR_ROUND
    return cycle, STAGE_IDLE


@internal
@pure
def _round_length(round: uint256) -> uint256:
    """
    @dev A round's window length.
    @param round The round.
    @return uint256 Seconds.
    """
    if round == 0:
        return DIRECTOR_ROUND
    return CHAIR_ROUND


@internal
@view
def _round_start(cycle: uint256, round: uint256) -> uint256:
    """
    @dev The first second of a round (its snapshot is one second earlier).
    @param cycle The cycle.
    @param round 0 .. CHAIR_ROUNDS.
    @return uint256 A Unix time.
    """
    start: uint256 = genesis + cycle * TERM + CANDIDACY
    if round == 0:
        return start
    return start + DIRECTOR_ROUND + (round - 1) * CHAIR_ROUND


@internal
@view
def _term_start(cycle: uint256) -> uint256:
    """
    @dev When the board of `cycle` takes office: the election is over.
    @param cycle The cycle.
    @return uint256 A Unix time.
    """
    return genesis + cycle * TERM + ELECTION


@internal
def _finalize_due(cycle: uint256) -> Election:
    """
    @dev Finalizes, in order, every round of `cycle` whose window has
         ended and that is not finalized yet; at most ROUNDS rounds of at
         most MAX_CANDIDATES tallies each.
    @param cycle The cycle.
    @return Election The election as it stands afterwards.
    """
    e: Election = self._elections[cycle]
    if e.finalized == ROUNDS:
        return e
    before: uint256 = e.finalized
    for _: uint256 in range(ROUNDS):
        if e.finalized == ROUNDS:
            break
        round: uint256 = e.finalized
        if block.timestamp < self._round_start(cycle, round) + self._round_length(round):
            break
        if round == 0:
            e = self._elect_directors(cycle, e)
        else:
            e = self._chair_round(cycle, round, e)
    if e.finalized != before:
        self._elections[cycle] = e
    return e


@internal
def _elect_directors(cycle: uint256, e: Election) -> Election:
    """
    @dev Round 0's outcome: the `board_size` candidates with the most
         approvals (> 0); ties go to the earlier candidacy (strict `>`
         keeps the lower index). O(board_size * count), both bounded.
    @param cycle The cycle.
    @param e The election before.
    @return Election The election after.
    """
    tally: uint256[MAX_CANDIDATES] = empty(uint256[MAX_CANDIDATES])
    key: uint256 = cycle * ROUNDS
    for index: uint256 in range(MAX_CANDIDATES):
        if index >= e.count:
            break
        tally[index] = self._approvals[key][index]
    size: uint256 = self.board_size
    chosen: uint256 = 0
    seats: uint256 = 0
    for _: uint256 in range(MAX_BOARD):
        if seats == size:
            break
        best: uint256 = _NONE
        best_approvals: uint256 = 0
        for index: uint256 in range(MAX_CANDIDATES):
            if index >= e.count:
                break
            if tally[index] > best_approvals and chosen & (1 << index) == 0:
                best = index
                best_approvals = tally[index]
        if best == _NONE:
            break
        chosen |= 1 << best
        seats += 1
    result: Election = e
    result.directors = chosen
    result.seats = seats
    result.remaining = chosen
    result.income = self.yearly_income
    result.finalized = 1
    if seats == 0:
        # No board: nothing to elect a chair from.
        result.finalized = ROUNDS
    log IBoard.DirectorsElected(cycle=cycle, directors=chosen, seats=seats, income=result.income)
    return result


@internal
def _chair_round(cycle: uint256, round: uint256, e: Election) -> Election:
    """
    @dev Chair round `round`'s outcome. The leader (most approvals, ties:
         earlier candidacy) is chair if 2 * A_leader >= V > 0; else the
         last (fewest approvals, ties: later candidacy) leaves the race
         unless it is alone in it. After the last round the election is
         decided either way.
    @param cycle The cycle.
    @param round 1 .. CHAIR_ROUNDS.
    @param e The election before.
    @return Election The election after.
    """
    key: uint256 = cycle * ROUNDS + round
    voted: uint256 = self._voted_weight[key]
    leader: uint256 = _NONE
    leader_approvals: uint256 = 0
    last: uint256 = _NONE
    last_approvals: uint256 = 0
    left: uint256 = 0
    for index: uint256 in range(MAX_CANDIDATES):
        if index >= e.count:
            break
        if e.remaining & (1 << index) == 0:
            continue
        a: uint256 = self._approvals[key][index]
        left += 1
        if leader == _NONE or a > leader_approvals:
            leader = index
            leader_approvals = a
        if last == _NONE or a <= last_approvals:
            last = index
            last_approvals = a
    result: Election = e
    result.finalized = round + 1
    chair_: address = empty(address)
    dropped: address = empty(address)
    # At least 50% of the weight that voted: 2 * A >= V (exact, no division).
    if voted != 0 and leader_approvals * 2 >= voted:
        result.chair = leader + 1
        result.finalized = ROUNDS
        chair_ = self._candidates[cycle][leader]
    elif left > 1:
        result.remaining = e.remaining ^ (1 << last)
        dropped = self._candidates[cycle][last]
    log IBoard.ChairRoundFinalized(
        cycle=cycle,
        round=round,
        voted=voted,
        leader_approvals=leader_approvals,
        chair=chair_,
        dropped=dropped,
    )
    return result


@internal
@view
def _surplus() -> uint256:
    """
    @dev The balance beyond what is owed: the one place the balance is read.
    @return uint256 The surplus, in CPC wei.
    """
    owed: uint256 = self.locked_deposits + self.unallocated + self.income_owed
    return staticcall IERC20(token).balanceOf(self) - owed

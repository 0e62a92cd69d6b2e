"""The Python mirror of the CPChain board (contracts/nodes/Board.vy): the calendar, the election
rules and the income ledger, with the contract's integer operations and rounding. The tests' oracle
and the demo's tables read it.

Glossary (as in the contract's notice):
    S_c   genesis + c * YEAR, the start of cycle c
    w     a voter's weight: the votes source's getPastVotes(voter, round start - 1)
    A_i   the weight approving candidate i in a round
    V     the weight that voted in a round (sum of w over its ballots)
    D     deposits locked, U funded budget not reserved, O income reserved and not claimed

Rules:
    directors  the `board_size` candidates with the highest A_i > 0; ties: lower index (earlier)
    chair      the leader (highest A_i among the directors left; ties: lower index) if 2 A >= V > 0;
               else the last (lowest A_i; ties: higher index) leaves, unless alone; after round
               CHAIR_ROUNDS without a chair, none
    income     share = income // 2 // seats per director and half; the first claim of a half
               reserves share * seats from U (all or nothing)
    balance    CPC held == D + U + O + surplus, surplus >= 0
"""

from __future__ import annotations

from dataclasses import dataclass, field

DAY = 86_400
YEAR = 365 * DAY
MAX_CANDIDATES = 20
MAX_BOARD = 9
MIN_BOARD = 1
CHAIR_ROUNDS = MAX_BOARD
ROUNDS = 1 + CHAIR_ROUNDS
CANDIDACY = 14 * DAY
DIRECTOR_ROUND = 7 * DAY
CHAIR_ROUND = 3 * DAY
ELECTION = CANDIDACY + DIRECTOR_ROUND + CHAIR_ROUNDS * CHAIR_ROUND
TERM = YEAR
HALF = TERM // 2
STAGE_CANDIDACY = 0
STAGE_IDLE = 1 + ROUNDS
WEI = 10**18
YEARLY_INCOME = 400_000 * WEI
MIN_DEPOSIT = 200_000 * WEI
BOARD_SIZE = 5
MAX_YEARLY_INCOME = 2_000_000 * WEI
MIN_MIN_DEPOSIT = 20_000 * WEI
MAX_MIN_DEPOSIT = 10_000_000 * WEI


def stage_at(genesis: int, t: int) -> tuple[int, int]:
    """(cycle, stage) at `t`: 0 candidacy, 1 + r round r's window, STAGE_IDLE no election running."""
    if t < genesis:
        return 0, STAGE_IDLE
    cycle, into = divmod(t - genesis, TERM)
    if into < CANDIDACY:
        return cycle, STAGE_CANDIDACY
    if into < CANDIDACY + DIRECTOR_ROUND:
        return cycle, 1
    into -= CANDIDACY + DIRECTOR_ROUND
    if into < CHAIR_ROUNDS * CHAIR_ROUND:
        return cycle, 2 + into // CHAIR_ROUND
    return cycle, STAGE_IDLE


def round_window(genesis: int, cycle: int, round_: int) -> tuple[int, int]:
    """A round's first second and the first second after it (its snapshot: first second - 1)."""
    start = genesis + cycle * TERM + CANDIDACY
    if round_ == 0:
        return start, start + DIRECTOR_ROUND
    start += DIRECTOR_ROUND + (round_ - 1) * CHAIR_ROUND
    return start, start + CHAIR_ROUND


def term_window(genesis: int, cycle: int) -> tuple[int, int]:
    """The term of cycle `cycle`'s board: it starts when the last chair round has ended."""
    start = genesis + cycle * TERM + ELECTION
    return start, start + TERM


def half_end(genesis: int, cycle: int, half: int) -> int:
    """The first second at which half-year `half` (0 or 1) of a term can be claimed."""
    return term_window(genesis, cycle)[0] + (half + 1) * HALF


def elect_directors(approvals: list[int], size: int) -> list[int]:
    """Round 0: indices of the `size` candidates with the most approvals (> 0), ties to the lower
    index; returned in election order."""
    ranked = sorted((i for i, a in enumerate(approvals) if a > 0), key=lambda i: (-approvals[i], i))
    return ranked[:size]


def chair_round(remaining: list[int], approvals: dict[int, int], voted: int) -> tuple[int | None, int | None]:
    """One chair round over the directors still in the race: (chair, None) if the leader has at
    least half of `voted`, else (None, the dropped director) or (None, None) if one is left."""
    leader = min(remaining, key=lambda i: (-approvals.get(i, 0), i))
    if voted and 2 * approvals.get(leader, 0) >= voted:
        return leader, None
    if len(remaining) == 1:
        return None, None
    last = max(remaining, key=lambda i: (-approvals.get(i, 0), i))
    return None, last


def half_share(income: int, seats: int) -> int:
    """Each director's share of one half-year: floor(floor(income / 2) / seats)."""
    return income // 2 // seats


@dataclass
class Election:
    """One cycle's election in the mirror: candidates in order, ballots per round, outcomes."""

    candidates: list[str] = field(default_factory=list)
    approvals: dict[int, dict[int, int]] = field(default_factory=dict)  # round -> index -> weight
    voted: dict[int, int] = field(default_factory=dict)  # round -> weight that voted
    finalized: int = 0
    directors: list[int] = field(default_factory=list)
    remaining: list[int] = field(default_factory=list)
    chair: int | None = None
    income: int = 0

    def ballot(self, round_: int, weight: int, indices: list[int]) -> None:
        tally = self.approvals.setdefault(round_, {})
        for i in indices:
            tally[i] = tally.get(i, 0) + weight
        self.voted[round_] = self.voted.get(round_, 0) + weight

    def finalize_due(self, genesis: int, cycle: int, now: int, size: int, yearly_income: int) -> None:
        """Every ended round not finalized yet, in order (what the contract does lazily)."""
        while self.finalized < ROUNDS and now >= round_window(genesis, cycle, self.finalized)[1]:
            r = self.finalized
            if r == 0:
                tally = self.approvals.get(0, {})
                self.directors = elect_directors([tally.get(i, 0) for i in range(len(self.candidates))], size)
                self.remaining = sorted(self.directors)
                self.income = yearly_income
                self.finalized = 1 if self.directors else ROUNDS
                continue
            chair, dropped = chair_round(self.remaining, self.approvals.get(r, {}), self.voted.get(r, 0))
            self.finalized = r + 1
            if chair is not None:
                self.chair = chair
                self.finalized = ROUNDS
            elif dropped is not None:
                self.remaining.remove(dropped)


@dataclass
class Ledger:
    """What the board holds and owes, to the wei: D, U, O and the surplus."""

    locked: int = 0  # D
    unallocated: int = 0  # U
    owed: int = 0  # O
    surplus: int = 0
    reserved: dict[tuple[int, int], int] = field(default_factory=dict)  # (cycle, half) -> share
    claimed: set[tuple[int, int, str]] = field(default_factory=set)

    @property
    def held(self) -> int:
        return self.locked + self.unallocated + self.owed + self.surplus

    def stand(self, amount: int) -> None:
        self.locked += amount

    def withdraw(self, amount: int) -> None:
        self.locked -= amount

    def fund(self, amount: int) -> None:
        self.unallocated += amount

    def force_send(self, amount: int) -> None:
        self.surplus += amount

    def sweep(self) -> int:
        amount, self.surplus = self.surplus, 0
        return amount

    def can_claim(self, cycle: int, half: int, director: str, income: int, seats: int) -> bool:
        """Whether a claim would pay (the caller checked it is a director and the half has ended)."""
        if (cycle, half, director) in self.claimed:
            return False
        if (cycle, half) in self.reserved:
            return True
        share = half_share(income, seats)
        return share != 0 and self.unallocated >= share * seats

    def claim(self, cycle: int, half: int, director: str, income: int, seats: int) -> int:
        """Pays one director's share of a half, reserving the half first if nobody claimed it yet."""
        assert (cycle, half, director) not in self.claimed, "claimed twice"
        share = self.reserved.get((cycle, half))
        if share is None:
            share = half_share(income, seats)
            self.unallocated -= share * seats
            self.owed += share * seats
            self.reserved[(cycle, half)] = share
        self.owed -= share
        self.claimed.add((cycle, half, director))
        return share

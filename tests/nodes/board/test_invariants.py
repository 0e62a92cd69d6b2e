"""Stateful fuzzing of the Board against fivefold/nodes/model_board.py over several cycles.

Random candidacies, ballots, lazy finalizations, withdrawals, funding, income claims, force-sent
CPC and sweeps, with time jumps from zero seconds to a third of a year. After every step, to the wei:
- CPC held by the board == locked deposits + unallocated budget + owed income + surplus;
- each of those equals the model's ledger;
- directors and chair of every cycle, once finalized, equal the model's election;
- a director's second claim of a half reverts "board: already claimed" (nobody claims twice).
"""

import ape
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fivefold.nodes import model_board as model

from .conftest import DEPOSIT, WEIGHTS

JUMPS = [0, 1, model.DAY, 3 * model.DAY]
POINTS = [
    ("candidacy",),
    ("candidacy",),
    ("round", 0),
    ("round", 1),
    ("round", 2),
    ("round", 3),
    ("term",),
    ("half", 0),
    ("half", 1),
]


def test_board__random_operations__balance_covers_deposits_and_income(
    board, board_cpc, board_candidates, board_voters, board_funder, owner, chain
):
    genesis = board.genesis()
    candidates = [c.address for c in board_candidates]

    class BoardMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.now = genesis
            self.ledger = model.Ledger()
            self.elections: dict[int, model.Election] = {}
            self.deposits: dict[tuple[int, str], int] = {}
            for i in range(3):  # every run starts with an election to hold
                self.stand(i, i + 1)

        def teardown(self):
            chain.restore(self.snapshot)

        def _at(self):
            chain.pending_timestamp = self.now
            return self.now

        def _election(self, cycle):
            e = self.elections.setdefault(cycle, model.Election())
            e.finalize_due(genesis, cycle, self.now, model.BOARD_SIZE, model.YEARLY_INCOME)
            return e

        @rule(seconds=st.sampled_from(JUMPS))
        def advance(self, seconds):
            self.now += seconds

        @rule(point=st.sampled_from(POINTS))
        def jump(self, point):
            """To the next calendar point: a round's opening, the term's start, a half's end."""
            cycle = model.stage_at(genesis, self.now)[0]
            for c in (cycle, cycle + 1):
                if point[0] == "candidacy":
                    t = genesis + c * model.TERM
                elif point[0] == "round":
                    t = model.round_window(genesis, c, point[1])[0]
                elif point[0] == "half":
                    t = model.half_end(genesis, c - 1, point[1])
                else:
                    t = model.term_window(genesis, c)[0] + 1
                if t > self.now:
                    self.now = t
                    return

        def _stage(self):
            return model.stage_at(genesis, self.now)[1]

        @precondition(lambda self: self._stage() == model.STAGE_CANDIDACY)
        @rule(i=st.integers(0, 3), extra=st.integers(1, 10**21))
        def stand(self, i, extra):
            cycle, stage = model.stage_at(genesis, self.now)
            e = self.elections.setdefault(cycle, model.Election())
            if stage != model.STAGE_CANDIDACY or candidates[i] in e.candidates:
                return
            # a candidate who left deposits locked in earlier cycles may not afford another one
            # (`make fuzz`'s long runs spent a candidate's whole balance: the token refused, rightly)
            if board_cpc.balanceOf(candidates[i]) < DEPOSIT + extra:
                return
            self._at()
            board.stand(DEPOSIT + extra, sender=board_candidates[i])
            e.candidates.append(candidates[i])
            self.deposits[(cycle, candidates[i])] = DEPOSIT + extra
            self.ledger.stand(DEPOSIT + extra)

        @rule(j=st.integers(0, 2), mask=st.integers(1, 15))
        def vote(self, j, mask):
            cycle, stage = model.stage_at(genesis, self.now)
            if stage == model.STAGE_CANDIDACY:  # on to the directors' round
                self.now = model.round_window(genesis, cycle, 0)[0]
                stage = 1
            if stage in (model.STAGE_CANDIDACY, model.STAGE_IDLE):
                return
            round_ = stage - 1
            e = self._election(cycle)
            if board.has_voted(cycle, round_, board_voters[j]):
                return
            eligible = range(len(e.candidates)) if round_ == 0 else e.remaining
            if round_ != 0 and e.finalized != round_:
                return
            indices = [i for i in eligible if mask & (1 << i)]
            if not indices:
                return
            self._at()
            board.vote(indices, sender=board_voters[j])
            e.ballot(round_, WEIGHTS[j], indices)

        @rule(back=st.integers(0, 1))
        def finalize(self, back):
            cycle = model.stage_at(genesis, self.now)[0] - back
            if cycle < 0 or cycle not in self.elections:
                return
            before = board.rounds_finalized(cycle)
            e = self._election(cycle)
            self._at()
            if e.finalized == before:
                with ape.reverts("board: nothing to finalize"):
                    board.finalize_round(cycle, sender=board_funder)
                return
            board.finalize_round(cycle, sender=board_funder)
            self._check_outcome(cycle, e)

        @precondition(lambda self: any(self.deposits.values()))
        @rule(i=st.integers(0, 3), back=st.integers(0, 1))
        def withdraw(self, i, back):
            cycle = model.stage_at(genesis, self.now)[0] - back
            amount = self.deposits.get((cycle, candidates[i]), 0)
            if cycle < 0 or amount == 0:
                return
            e = self._election(cycle)
            index = e.candidates.index(candidates[i])
            if e.finalized == 0 or (index in e.directors and self.now < model.term_window(genesis, cycle)[1]):
                return
            self._at()
            assert board.withdraw(cycle, sender=board_candidates[i]).return_value == amount
            self.deposits[(cycle, candidates[i])] = 0
            self.ledger.withdraw(amount)

        @rule(amount=st.sampled_from([1, 10**20, 66_666 * 10**18, 400_000 * 10**18]))
        def fund(self, amount):
            self._at()
            board.fund(amount, sender=board_funder)
            self.ledger.fund(amount)

        @rule(i=st.integers(0, 3), back=st.integers(0, 2), half=st.integers(0, 1))
        def claim(self, i, back, half):
            cycle = model.stage_at(genesis, self.now)[0] - back
            if cycle < 0 or cycle not in self.elections:
                return
            self.now = max(self.now, model.half_end(genesis, cycle, half))  # on to the half's end
            e = self._election(cycle)
            if candidates[i] not in e.candidates or e.candidates.index(candidates[i]) not in e.directors:
                return
            seats = len(e.directors)
            self._at()
            if (cycle, half, candidates[i]) in self.ledger.claimed:
                with ape.reverts("board: already claimed"):
                    board.claim(cycle, half, sender=board_candidates[i])
                return
            if not self.ledger.can_claim(cycle, half, candidates[i], e.income, seats):
                return
            paid = board.claim(cycle, half, sender=board_candidates[i]).return_value
            assert paid == self.ledger.claim(cycle, half, candidates[i], e.income, seats)

        @rule(amount=st.integers(1, 10**18))
        def force_send(self, amount):
            self._at()
            board_cpc.transfer(board, amount, sender=board_funder)
            self.ledger.force_send(amount)

        @rule()
        def sweep(self):
            if self.ledger.surplus == 0:
                return
            self._at()
            assert board.sweep(owner, sender=owner).return_value == self.ledger.sweep()

        def _check_outcome(self, cycle, e):
            assert board.rounds_finalized(cycle) == e.finalized
            assert board.directors(cycle) == [e.candidates[i] for i in sorted(e.directors)]
            chair = e.candidates[e.chair] if e.chair is not None else "0x" + "00" * 20
            assert board.chair(cycle) == chair

        @invariant()
        def balance_covers_what_is_owed(self):
            ledger = self.ledger
            assert board.locked_deposits() == ledger.locked
            assert board.unallocated() == ledger.unallocated
            assert board.income_owed() == ledger.owed
            assert board.surplus() == ledger.surplus
            assert board_cpc.balanceOf(board) == ledger.held

    profile = settings()
    run_state_machine_as_test(
        BoardMachine,
        settings=settings(
            profile,
            max_examples=max(1, profile.max_examples // 5),
            stateful_step_count=3 * profile.stateful_step_count,
        ),
    )

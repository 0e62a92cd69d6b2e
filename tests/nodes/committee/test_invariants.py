"""Stateful fuzzing of the maintenance reward flow against fivefold/nodes/model_committee.py.

Terms run one after another; each is elected from a random subset of the RNodes (possibly none)
or not elected at all, random complete slots are impeached by f + 1 validators, and settled terms
are claimed and returned in random order, with releases of the schedule in between. After every
step, to the wei:
- released == paid + returned + the contract's balance (the schedule's CPC is all accounted);
- accrued(now) == paid + claimable + returned + still to return + the running term's accrual,
  each term's split computed by the model slot by slot through Table 1;
- every claim and return moves exactly the model's amount.
"""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fivefold.nodes import model_committee as model
from tests.nodes.committee.conftest import LEAD, TERM_LENGTH, WINDOW, at

SLOT = 10


def _machine(chain, cm, cm_nodes, cm_validators, caller):
    """The state machine, bound to the deployed contracts."""

    class RewardsMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.next_term = 0
            self.terms = {}  # term -> {"members": [...], "impeached": {seat: {k}}}
            self.claimed, self.returned_back, self.returned_terms = set(), set(), set()
            self.paid = self.returned = 0
            self.now = chain.blocks.head.timestamp + 1

        def teardown(self):
            chain.restore(self.snapshot)

        def _start(self, term):
            return cm.genesis + term * TERM_LENGTH * SLOT

        def _go(self, t):
            self.now = max(self.now, t, chain.blocks.head.timestamp + 1)
            at(chain, self.now)

        def _settled(self, term):
            return self._start(term + 1) + WINDOW <= self.now

        def _split(self, term, seat):
            info = self.terms[term]
            k_set = info["impeached"].get(seat, set())
            counts = {}
            for k in k_set:
                y = model.year_of_slot(term * TERM_LENGTH + k)
                counts[y] = counts.get(y, 0) + 1
            back = model.impeached_amount(counts)
            size = len(info["members"])
            return model.gross(term * TERM_LENGTH, seat, size, TERM_LENGTH) - back, back

        @rule(
            picks=st.lists(st.integers(0, 5), max_size=5, unique=True),
            elect=st.sampled_from([True, True, True, False]),
            impeach=st.lists(st.integers(0, 20), max_size=2, unique=True),
        )
        def run_term(self, picks, elect, impeach):
            t = self.next_term
            if t:
                self._go(self._start(t - 1))
            if elect:
                for i in picks:
                    cm.committee.register(t, sender=cm_nodes[i])
                self._go(self._start(t) - LEAD)
                cm.committee.draw(t, sender=caller)
                chain.mine()
                self.now = max(self.now, chain.blocks.head.timestamp + 1)
                cm.committee.elect(t, sender=caller)
                size = cm.committee.term_record(t)[2]
                members = [cm.committee.member(t, s) for s in range(size)]
                self.terms[t] = {"members": members, "impeached": {}}
                for k in sorted(impeach) if members else []:
                    self._go(self._start(t) + (k + 1) * SLOT)
                    cm.committee.impeach(t, k, sender=cm_validators[0])
                    cm.committee.impeach(t, k, sender=cm_validators[3])
                    self.terms[t]["impeached"].setdefault(k % size, set()).add(k)
            else:
                self.terms[t] = {"members": [], "impeached": {}}
            self._go(self._start(t) + 1)
            chain.mine(timestamp=self.now)
            self.next_term = t + 1

        def _claims(self):
            return [
                (term, seat)
                for term, info in self.terms.items()
                if self._settled(term)
                for seat in range(len(info["members"]))
                if (term, seat) not in self.claimed and any(self._owed(term, seat))
            ]

        def _backs(self):
            return [
                (term, seat)
                for term, info in self.terms.items()
                if self._settled(term)
                for seat in range(len(info["members"]))
                if (term, seat) not in self.returned_back and self._split(term, seat)[1]
            ]

        def _unassigned(self):
            return [
                t
                for t, info in self.terms.items()
                if self._settled(t) and not info["members"] and t not in self.returned_terms
            ]

        def _owed(self, term, seat):
            net, back = self._split(term, seat)
            return net, 0 if (term, seat) in self.returned_back else back

        @precondition(lambda self: self._claims())
        @rule(pick=st.integers(0, 200))
        def claim(self, pick):
            options = self._claims()
            term, seat = options[pick % len(options)]
            net, back = self._owed(term, seat)
            receipt = cm.rewards.claim(term, sender=self.terms[term]["members"][seat])
            assert receipt.return_value == net
            self.claimed.add((term, seat))
            self.returned_back.add((term, seat))
            self.paid += net
            self.returned += back

        @precondition(lambda self: self._backs())
        @rule(pick=st.integers(0, 200))
        def return_impeached(self, pick):
            options = self._backs()
            term, seat = options[pick % len(options)]
            back = self._split(term, seat)[1]
            member = self.terms[term]["members"][seat]
            assert cm.rewards.return_impeached(term, member, sender=caller).return_value == back
            self.returned_back.add((term, seat))
            self.returned += back

        @precondition(lambda self: self._unassigned())
        @rule(pick=st.integers(0, 200))
        def return_unassigned(self, pick):
            options = self._unassigned()
            term = options[pick % len(options)]
            amount = model.gross(term * TERM_LENGTH, 0, 1, TERM_LENGTH)
            assert cm.rewards.return_unassigned(term, 0, sender=caller).return_value == amount
            self.returned_terms.add(term)
            self.returned += amount

        @rule()
        def release(self):
            if cm.maintenance.releasable() != 0:
                cm.maintenance.release(sender=caller)

        @invariant()
        def conserved(self):
            assert (cm.rewards.paid(), cm.rewards.returned()) == (self.paid, self.returned)
            released = cm.maintenance.released()
            assert released == self.paid + self.returned + cm.cpc.balanceOf(cm.rewards)
            now = chain.blocks.head.timestamp
            claimable = to_return = 0
            for term, info in self.terms.items():
                if self._start(term + 1) > now:
                    continue  # the running term: counted by its accrual below
                if not info["members"]:
                    if term not in self.returned_terms:
                        to_return += model.gross(term * TERM_LENGTH, 0, 1, TERM_LENGTH)
                    continue
                for seat in range(len(info["members"])):
                    net, back = self._split(term, seat)
                    claimable += 0 if (term, seat) in self.claimed else net
                    to_return += 0 if (term, seat) in self.returned_back else back
            ended = max([t + 1 for t in self.terms if self._start(t + 1) <= now], default=0)
            running = cm.maintenance.accrued_at(now) - model.accrued(ended * TERM_LENGTH)
            assert cm.maintenance.accrued_at(now) == (
                self.paid + claimable + self.returned + to_return + running
            )

    return RewardsMachine


def test_slot_rewards__random_terms__released_equals_paid_claimable_returned(
    chain, cm, cm_nodes, cm_validators, accounts
):
    """Hypothesis drives the machine (see the module's docstring)."""
    machine = _machine(chain, cm, cm_nodes, cm_validators, accounts[9])
    budget = settings.default
    run_state_machine_as_test(
        machine,
        settings=settings(budget, max_examples=max(3, budget.max_examples // 6), stateful_step_count=20),
    )


def test_slot_rewards__scripted_terms__released_equals_paid_claimable_returned(
    chain, cm, cm_nodes, cm_validators, accounts
):
    """Six terms (elected with impeachments, elected without, empty, not elected), then every claim
    and return: the invariant holds after each step and at the end nothing is left to claim, the
    ended terms' accrual is paid + returned to the wei."""
    m = _machine(chain, cm, cm_nodes, cm_validators, accounts[9])()
    try:
        for picks, elect, impeach in (
            ([0, 1, 2, 3], True, [3, 7]),
            ([1, 2, 4], True, [5, 20]),
            ([], True, []),
            ([0, 5], False, []),
            ([0, 1, 2, 3, 4], True, [0]),
            ([2], True, [1]),
            ([], False, []),
            ([], False, []),
        ):
            m.run_term(picks, elect, impeach)
            m.conserved()
        m.release()
        m.conserved()
        while m._backs():
            m.return_impeached(1)
            m.conserved()
        while m._claims():
            m.claim(0)
            m.conserved()
        while m._unassigned():
            m.return_unassigned(0)
            m.conserved()
        ended = 6
        assert cm.rewards.paid() + cm.rewards.returned() == model.accrued(ended * TERM_LENGTH)
        assert cm.rewards.returned() > 0 and cm.rewards.paid() > 0
    finally:
        m.teardown()

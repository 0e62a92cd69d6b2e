"""MaintenanceRewards as a state machine: releases by anyone, fundings, recoveries, recipient changes and
time leaps in any order.

Conservation invariant, wei-exact: funded == released + recovered + balance, released ==
accrued_at(last release) <= TOTAL_REWARDS, and each recipient holds exactly the rewards of its periods.
"""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fivefold.emission import model as emission
from fivefold.units import DAY, YEAR

HOUR = 3_600

TOTAL = emission.MAINTENANCE_TOTAL

# Each step is a transaction plus the invariant's calls (~0.2 s): an eighth of the loaded profile's
# examples (ci: 3, deep: 50), its full step count.
MACHINE_SETTINGS = settings(max_examples=max(3, settings().max_examples // 8))


class MaintenanceMachine(RuleBasedStateMachine):
    def __init__(self, chain, cpc, contract, t0, owner, funder, caller, recipients):
        super().__init__()
        self.chain, self.cpc, self.contract, self.t0 = chain, cpc, contract, t0
        self.owner, self.funder, self.caller, self.recipients = owner, funder, caller, recipients
        self.snapshot = chain.snapshot()
        self.now = t0  # every step moves past the start time (before it: unit tests)
        self.last = t0
        self.recipient = recipients[0]
        self.received = {r.address: 0 for r in recipients}
        self.funded = cpc.balanceOf(contract)
        self.recovered = 0

    def teardown(self):
        self.chain.restore(self.snapshot)

    def _next(self, gap):
        self.now += gap
        self.chain.pending_timestamp = self.now

    def _due(self, until):
        until = max(until, self.last)
        return emission.maintenance_accrued(self.t0, until) - emission.maintenance_accrued(self.t0, self.last)

    def _balance(self):
        return self.funded - self.recovered - sum(self.received.values())

    def _settle(self, until):
        amount = self._due(until)
        self.received[self.recipient.address] += amount
        self.last = max(until, self.last)
        return amount

    @initialize(amount=st.sampled_from([TOTAL, TOTAL, TOTAL // 1_000, 0]))
    def initial_funding(self, amount):
        """Mostly the exact total (the deployment), sometimes a part or nothing yet."""
        if amount:
            self.fund(amount)

    # Mostly days to months, sometimes years (leaps far past the end: the property tests).
    @rule(gap=st.one_of(st.integers(1, 60), st.integers(HOUR, 90 * DAY), st.integers(DAY, 3 * YEAR)))
    def release(self, gap):
        # Reverting transactions cost ~0.5 s in ape: when nothing is due or the balance is short, check
        # the contract's views agree instead of sending one (each revert reason has its own unit test).
        self._next(gap)
        due = self._due(self.now)
        if self.now < self.t0 or due == 0 or due > self._balance():
            assert self.contract.accrued_at(self.now) - self.contract.released() == due
            return
        self.contract.release(sender=self.caller)
        assert self._settle(self.now) == due  # the invariant checks each recipient's balance

    @rule(gap=st.integers(1, YEAR), index=st.integers(0, 1))
    def set_recipient(self, gap, index):
        self._next(gap)
        if self._due(self.now) > self._balance():
            return
        self._settle(self.now)
        self.recipient = self.recipients[index]
        self.contract.set_recipient(self.recipient, sender=self.owner)

    # Up to 1,000,000 CPC: the treasury holds 1e9 CPC, enough for any run of top-ups.
    @rule(amount=st.integers(1, 10**24))
    def top_up(self, amount):
        self.fund(amount)

    def fund(self, amount):
        self.cpc.transfer(self.contract, amount, sender=self.funder)
        self.funded += amount

    @precondition(lambda self: self._balance() > TOTAL - emission.maintenance_accrued(self.t0, self.last))
    @rule()
    def recover_excess(self):
        excess = self._balance() - (TOTAL - emission.maintenance_accrued(self.t0, self.last))
        assert self.contract.recover_excess(self.funder, sender=self.owner).return_value == excess
        self.recovered += excess

    @invariant()
    def conservation(self):
        """funded == released + recovered + balance; released == accrued_at(last release) <= total."""
        released = self.contract.released()
        assert released == emission.maintenance_accrued(self.t0, self.last) <= TOTAL
        assert released == sum(self.received.values())
        assert self.funded == released + self.recovered + self.cpc.balanceOf(self.contract)
        assert [self.cpc.balanceOf(r) for r in self.recipients] == [
            self.received[r.address] for r in self.recipients
        ]


def test_maintenance_state_machine(maintenance, cpc, chain, owner, treasury, stranger, beneficiary, holder):
    """Funded by the treasury in the machine's first step (mostly the exact total), topped up later."""
    t0 = chain.pending_timestamp + 100
    maintenance.start(t0, beneficiary, sender=owner)
    run_state_machine_as_test(
        lambda: MaintenanceMachine(
            chain, cpc, maintenance, t0, owner, treasury, stranger, [beneficiary, holder]
        ),
        settings=MACHINE_SETTINGS,
    )

"""HalvingEmitter as a state machine: mints by anyone, recipient changes and time leaps in any order.

Conservation invariant, wei-exact: minted == token supply (the emitter is the only minter) ==
the sum of what each recipient received == emitted_at(last mint) <= cap, and each recipient
holds exactly the emission of the periods it was the recipient.
"""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.emission import model as emission
from fivefold.units import DAY, YEAR

HPC = emission.HPC

# Each step is a transaction plus the invariant's calls (~0.2 s): an eighth of the loaded profile's
# examples (ci: 3, deep: 50), its full step count.
MACHINE_SETTINGS = settings(max_examples=max(3, settings().max_examples // 8))


class EmitterMachine(RuleBasedStateMachine):
    def __init__(self, chain, token, emitter, t0, owner, caller, recipients):
        super().__init__()
        self.chain, self.token, self.emitter, self.t0 = chain, token, emitter, t0
        self.owner, self.caller, self.recipients = owner, caller, recipients
        self.snapshot = chain.snapshot()
        self.now = t0  # every step moves past the start time (before it: unit tests)
        self.last = t0  # last mint time in the model
        self.recipient = recipients[0]
        self.received = {r.address: 0 for r in recipients}

    def teardown(self):
        self.chain.restore(self.snapshot)

    def _settle(self, until):
        """Model: what accrued since the last mint goes to the current recipient."""
        if until > self.last:
            amount = emission.emitted_at(HPC, self.t0, until) - emission.emitted_at(HPC, self.t0, self.last)
            self.received[self.recipient.address] += amount
            self.last = until
            return amount
        return 0

    def _next(self, gap):
        self.now += gap
        self.chain.pending_timestamp = self.now

    # Mostly days to years, sometimes eras; rarely a leap of two centuries (the schedule ends).
    @rule(
        gap=st.one_of(
            st.integers(1, 60), st.integers(DAY, 2 * YEAR), st.integers(YEAR, 20 * YEAR), st.just(200 * YEAR)
        )
    )
    def mint(self, gap):
        # Reverting transactions cost ~0.5 s in ape: when the mirror says nothing is due, check that the
        # contract agrees instead of sending one (each revert reason has its own unit test).
        self._next(gap)
        due = emission.emitted_at(HPC, self.t0, self.now) - emission.emitted_at(HPC, self.t0, self.last)
        if self.now < self.t0 or due == 0:
            assert self.emitter.emitted_at(self.now) == self.emitter.minted()
            return
        self.emitter.mint(sender=self.caller)
        assert self._settle(self.now) == due  # the invariant checks each recipient's balance

    @rule(gap=st.integers(1, 5 * YEAR), index=st.integers(0, 1))
    def set_recipient(self, gap, index):
        self._next(gap)
        self._settle(max(self.now, self.last))
        self.recipient = self.recipients[index]
        self.emitter.set_recipient(self.recipient, sender=self.owner)
        assert self.emitter.recipient() == self.recipient
        assert self.emitter.last_mint_time() == self.last

    @invariant()
    def conservation(self):
        """minted == supply == what the recipients hold == emitted_at(last mint) <= cap, each recipient
        holding exactly the emission of its own periods."""
        minted = self.emitter.minted()
        assert minted == self.token.totalSupply()
        assert minted == emission.emitted_at(HPC, self.t0, self.last) <= HPC.cap
        assert [self.token.balanceOf(r) for r in self.recipients] == [
            self.received[r.address] for r in self.recipients
        ]
        assert sum(self.received.values()) == minted


def test_emitter_state_machine(started_hpc, chain, owner, stranger, treasury, beneficiary):
    token, emitter, t0 = started_hpc
    run_state_machine_as_test(
        lambda: EmitterMachine(chain, token, emitter, t0, owner, stranger, [treasury, beneficiary]),
        settings=MACHINE_SETTINGS,
    )

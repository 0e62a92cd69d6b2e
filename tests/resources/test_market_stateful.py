"""Stateful fuzzing of the ResourceMarket against a Python ledger (fivefold/resources/model.py).

Random offers, orders, time jumps, served and faulty reports, refunds, claims, funding, HPC sent
without `fund` and synced, and exits by two providers and two requesters. After every step, to the wei:
- HPC held by the market == escrow + stakes + owed (unclaimed payments, rewards, slashes) + budget,
  counting HPC sent without `fund` until it is synced;
- each of those equals the ledger's;
- every account's `owed` equals the ledger's.
"""

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.resources import model
from tests.resources.conftest import BUDGET, HPC, PERIOD, QUORUM
from tests.tests_support import machine_settings

JUMPS = [0, 1, PERIOD // 2, PERIOD, 2 * PERIOD]


def test_market__random_operations__balance_equals_books(
    resources_market,
    resources_hpc,
    resources_provider,
    resources_other_provider,
    resources_requester,
    resources_other_requester,
    resources_authenticators,
    owner,
    chain,
):
    market, hpc = resources_market, resources_hpc
    providers = [resources_provider, resources_other_provider]
    requesters = [resources_requester, resources_other_requester]
    keys = [a.private_key for a in resources_authenticators[:QUORUM]]
    genesis = market.genesis()
    window = market.report_window()
    start = chain.blocks.head.timestamp + 1  # every example starts here (deterministic periods)

    class MarketMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.now = start
            self.offers = {}  # provider -> [kind, capacity, price, stake, busy_until]
            self.slots = {}  # (provider, period) -> [units, escrow, state, slashed]
            self.orders = {}  # id -> [requester, provider, period, amount, settled]
            self.used, self.capacity, self.frozen = {}, [0, 0, 0], {}
            self.owed = {}
            self.escrow, self.stakes, self.total_owed, self.budget, self.loose = 0, 0, 0, BUDGET, 0

        def teardown(self):
            chain.restore(self.snapshot)

        def _at(self):
            chain.pending_timestamp = self.now

        def _period(self):
            return model.period_of(self.now, genesis)

        @rule(seconds=st.sampled_from(JUMPS))
        def advance(self, seconds):
            self.now += seconds

        @rule(
            p=st.integers(0, 1), kind=st.integers(0, 2), capacity=st.integers(1, 50), price=st.integers(1, 5)
        )
        def register(self, p, kind, capacity, price):
            provider = providers[p]
            if provider.address in self.offers:
                return
            self._at()
            stake = capacity * HPC + price
            market.register(kind, capacity, price * HPC // 3, stake, sender=provider)
            self.offers[provider.address] = [kind, capacity, price * HPC // 3, stake, 0]
            self.capacity[kind] += capacity
            self.stakes += stake
            self.now = chain.blocks.head.timestamp

        @rule(r=st.integers(0, 1), p=st.integers(0, 1), ahead=st.integers(1, 3), units=st.integers(1, 30))
        def order(self, r, p, ahead, units):
            provider = providers[p].address
            offer = self.offers.get(provider)
            if offer is None:
                return
            period = self._period() + ahead
            slot = self.slots.setdefault((provider, period), [0, 0, model.OPEN, 0])
            if slot[0] + units > offer[1]:
                return
            self._at()
            receipt = market.place_order(provider, period, units, sender=requesters[r])
            amount = units * offer[2]
            slot[0] += units
            slot[1] += amount
            self.used[(offer[0], period)] = self.used.get((offer[0], period), 0) + units
            offer[4] = max(offer[4], period + 1)
            self.orders[receipt.return_value] = [requesters[r].address, provider, period, amount, False]
            self.escrow += amount

        @rule(i=st.integers(0, 50), served=st.booleans())
        def prove(self, i, served):
            self._at()
            due = [
                k
                for k, s in self.slots.items()
                if s[0]
                and s[2] == model.OPEN
                and model.period_end(k[1], genesis) <= self.now < model.period_end(k[1], genesis) + window
            ]
            if not due:
                return
            provider, period = due[i % len(due)]
            slot, offer = self.slots[(provider, period)], self.offers[provider]
            signatures = model.sign_report(market, provider, period, served, keys)
            market.prove(provider, period, served, signatures, sender=owner)
            if served:
                slot[2] = model.SERVED
                cap = self.frozen.setdefault((offer[0], period), self.capacity[offer[0]])
                usage = model.usage_bps(self.used[(offer[0], period)], cap)
                reward = model.reward(slot[0], usage, self.budget)
                self.budget -= reward
                self.escrow -= slot[1]
                self.total_owed += slot[1] + reward
                self.owed[provider] = self.owed.get(provider, 0) + slot[1] + reward
            else:
                slashed = model.slashed(offer[3], market.slash_bps())
                offer[3] -= slashed
                slot[2], slot[3] = model.FAULTY, slashed
                self.stakes -= slashed
                self.total_owed += slashed

        @rule(i=st.integers(0, 50))
        def refund(self, i):
            self._at()
            ready = [
                k
                for k, o in self.orders.items()
                if not o[4]
                and (
                    self.slots[(o[1], o[2])][2] == model.FAULTY
                    or (
                        self.slots[(o[1], o[2])][2] == model.OPEN
                        and self.now >= model.period_end(o[2], genesis) + window
                    )
                )
            ]
            if not ready:
                return
            order_id = ready[i % len(ready)]
            o = self.orders[order_id]
            slot = self.slots[(o[1], o[2])]
            share = model.compensation(slot[3], o[3], slot[1]) if slot[2] == model.FAULTY else 0
            before = hpc.balanceOf(o[0])
            market.refund(order_id, sender=owner)
            assert hpc.balanceOf(o[0]) == before + o[3] + share
            o[4] = True
            self.escrow -= o[3]
            self.total_owed -= share

        @rule(p=st.integers(0, 1))
        def claim(self, p):
            account = providers[p].address
            if not self.owed.get(account):
                return
            self._at()
            market.claim(sender=providers[p])
            self.total_owed -= self.owed.pop(account)

        @rule(p=st.integers(0, 1))
        def exit(self, p):
            provider = providers[p].address
            offer = self.offers.get(provider)
            if offer is None or (offer[4] and self.now < model.period_end(offer[4] - 1, genesis) + window):
                return
            self._at()
            market.exit(sender=providers[p])
            self.capacity[offer[0]] -= offer[1]
            self.stakes -= offer[3]
            del self.offers[provider]

        @rule(amount=st.integers(1, 10**20))
        def fund(self, amount):
            self._at()
            market.fund(amount, sender=owner)
            self.budget += amount

        @rule(amount=st.integers(1, 10**20), then_sync=st.booleans())
        def send_and_sync(self, amount, then_sync):
            """HPC arriving without `fund` (the emitter's mint) waits outside the books until synced."""
            self._at()
            hpc.transfer(market, amount, sender=owner)
            self.loose += amount
            if then_sync:
                self._at()
                market.sync(sender=owner)
                self.budget += self.loose
                self.loose = 0

        @invariant()
        def books(self):
            assert (
                market.total_escrow(),
                market.total_stakes(),
                market.total_owed(),
                market.reward_budget(),
            ) == (self.escrow, self.stakes, self.total_owed, self.budget)
            assert (
                hpc.balanceOf(market)
                == self.escrow + self.stakes + self.total_owed + self.budget + self.loose
            )
            for account in (p.address for p in providers):
                assert market.owed(account) == self.owed.get(account, 0)

    # A third of the profile's examples (each step reads every round or offer; the package stays fast).
    run_state_machine_as_test(MarketMachine, settings=machine_settings(3, at_least=5, round_up=False))

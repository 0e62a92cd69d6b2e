"""Stateful fuzzing of TokenSale against the Python mirror (fivefold.sale.model).

Random purchases (native coin and USDT, both rounds, two buyers), time jumps across the end and the
vesting start, refunds, withdrawals, closes and vault releases. After every step, to the wei:
- per asset: the sale's balance == sum over rounds of raised - paid_out (raised not withdrawn plus
  what is still refundable), and equals the mirror's paid in - refunded - kept - withdrawn;
- CC: funded == the sale's CC + the vault's CC + CC released to buyers + CC returned to the treasury;
  per round, CC committed to schedules (sold) + CC left for the round (cap - sold) == cap, with sold
  equal to the mirror's sum of its purchases;
- every schedule's total is its purchase's quote.
"""

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.sale import model as sale_model
from tests.tests_support import machine_settings

from .conftest import NATIVE, PUBLIC, SEED, sale_refresh, seed_proof


def test_sale__random_operations__every_wei_accounted(
    chain,
    sale,
    sale_vault,
    sale_cc,
    sale_usdt,
    sale_feeds,
    sale_times,
    owner,
    treasury,
    sale_buyer,
    sale_public_buyer,
):
    start, end, vesting = sale_times
    buyers = [sale_buyer, sale_public_buyer]
    assets = [NATIVE, sale_usdt.address]
    prices = {NATIVE: 2_000 * 10**18, sale_usdt.address: 10**30}  # the adapter's WAD prices
    rounds = {rid: sale.round(rid) for rid in (SEED, PUBLIC)}
    funded = sum(r.cap for r in rounds.values())
    for buyer in buyers:
        sale_usdt.approve(sale, 2**255, sender=buyer)
    chain.mine(timestamp=start)
    sale_refresh(sale_feeds, owner, chain)
    treasury_cc0 = sale_cc.balanceOf(treasury)

    class SaleMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.purchases = {}  # id -> (round, buyer, asset, paid, tokens)
            self.refunded = set()
            self.paid_in = dict.fromkeys(assets, 0)
            self.paid_back = dict.fromkeys(assets, 0)  # refunds + kept + withdrawn
            self.released = 0

        def teardown(self):
            chain.restore(self.snapshot)

        def _now(self):
            return chain.pending_timestamp

        def _phase(self, rid):
            r, sold = rounds[rid], sum(p[4] for p in self.purchases.values() if p[0] == rid)
            return sale_model.phase(self._now(), r.start, r.end, sold, r.cap, r.soft_cap)

        @rule(
            b=st.integers(0, 1),
            rid=st.sampled_from([SEED, PUBLIC]),
            a=st.integers(0, 1),
            units=st.integers(1, 4_000),
        )
        def buy(self, b, rid, a, units):
            buyer, asset = buyers[b], assets[a]
            if rid == SEED and b == 1:
                return  # off the whitelist (tests/sale/test_buy.py)
            amount = units * (10**15 if asset == NATIVE else 10**6)  # up to 4 native or 4,000 USDT
            sale_refresh(sale_feeds, owner, chain)
            tokens = sale_model.quote(amount, prices[asset], rounds[rid].price)
            sold = sum(p[4] for p in self.purchases.values() if p[0] == rid)
            bought = sum(p[4] for p in self.purchases.values() if p[0] == rid and p[1] == b)
            if (
                self._phase(rid) != sale_model.OPEN
                or sold + tokens > rounds[rid].cap
                or bought + tokens > rounds[rid].buyer_cap
            ):
                return
            proof = seed_proof(buyer, owner, treasury) if rid == SEED else []
            value = amount if asset == NATIVE else 0
            sid = sale.buy(rid, asset, amount, tokens, proof, value=value, sender=buyer).return_value
            self.purchases[sid] = (rid, b, asset, amount, tokens)
            self.paid_in[asset] += amount

        @rule(seconds=st.sampled_from([3_600, 86_400, 3 * 86_400, 40 * 86_400]))
        def wait(self, seconds):
            chain.mine(timestamp=self._now() + seconds)

        @rule(data=st.data())
        def refund(self, data):
            open_ = [
                i
                for i, p in self.purchases.items()
                if i not in self.refunded and self._phase(p[0]) == sale_model.FAILED
            ]
            if not open_:
                return
            sid = data.draw(st.sampled_from(open_))
            self.refunded.add(sid)
            self.paid_back[self.purchases[sid][2]] += self.purchases[sid][3]  # refund + kept
            sale.refund(sid, sender=treasury)

        @rule(rid=st.sampled_from([SEED, PUBLIC]), a=st.integers(0, 1))
        def withdraw(self, rid, a):
            asset = assets[a]
            if self._phase(rid) != sale_model.SUCCEEDED:
                return
            amount = sale.raised(rid, asset) - sale.paid_out(rid, asset)
            if amount:
                sale.withdraw(rid, asset, sender=treasury)
                self.paid_back[asset] += amount

        @rule(rid=st.sampled_from([SEED, PUBLIC]))
        def close(self, rid):
            if self._phase(rid) in (sale_model.SUCCEEDED, sale_model.FAILED) and not sale.round(rid).closed:
                sale.close(rid, sender=treasury)

        @rule(data=st.data())
        def release(self, data):
            ready = [i for i in self.purchases if sale_vault.releasable(i)]
            if ready:
                self.released += sale_vault.release(
                    data.draw(st.sampled_from(ready)), sender=owner
                ).return_value

        @invariant()
        def assets_conserved(self):
            for asset in assets:
                held = sale.balance if asset == NATIVE else sale_usdt.balanceOf(sale)
                owed = sum(sale.raised(r, asset) - sale.paid_out(r, asset) for r in rounds)
                assert held == owed == self.paid_in[asset] - self.paid_back[asset]

        @invariant()
        def cc_conserved(self):
            for rid, r in rounds.items():
                sold = sum(p[4] for p in self.purchases.values() if p[0] == rid)
                assert sale.round(rid).sold == sold <= r.cap
            back = sale_cc.balanceOf(treasury) - treasury_cc0
            assert funded == sale_cc.balanceOf(sale) + sale_cc.balanceOf(sale_vault) + self.released + back
            for sid, p in self.purchases.items():
                if sid not in self.refunded:
                    assert sale_vault.schedule(sid).total == p[4]

    # A third of the profile's examples (each step reads every round or offer; the package stays fast).
    run_state_machine_as_test(SaleMachine, settings=machine_settings(3, at_least=5, round_up=False))

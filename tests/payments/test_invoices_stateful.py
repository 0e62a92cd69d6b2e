"""Stateful fuzzing of MerchantInvoices against fivefold/payments/model.py: the contract holds, of
every asset, exactly what it owes.

Random payments (native coin or USDT, escrowed or credited at once, by two payers to two merchants),
refunds, releases, withdrawals and time jumps. After every step, to the wei and per asset:
    balance(X) == escrowed(X) + sum of every account's balance_of(X)
and each escrowed total and balance equals the model's.
"""

import ape
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.payments import invoices as inv
from fivefold.payments.model import Invoices
from tests.payments.conftest import NATIVE
from tests.tests_support import machine_settings


def test_invoices__random_operations__hold_exactly_what_is_owed(
    pay_invoices, pay_usdt, merchant, outsider, payer, tipper, pay_dex, chain
):
    merchants = [merchant, outsider]
    payers = [payer, tipper]
    pay_usdt.approve(pay_invoices, 2**256 - 1, sender=tipper)
    assets = [NATIVE, pay_usdt.address]
    accounts = [a.address for a in merchants + payers]

    class InvoiceMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.model = Invoices()
            self.next_id = 1
            self.open = []  # (invoice dict, payer)

        def teardown(self):
            chain.restore(self.snapshot)

        @rule(
            m=st.integers(0, 1),
            p=st.integers(0, 1),
            native=st.booleans(),
            amount=st.integers(1, 10**6),
            window=st.sampled_from([0, 0, 60, 3_600]),
        )
        def pay(self, m, p, native, amount, window):
            now = chain.pending_timestamp
            asset = assets[0] if native else assets[1]
            amount = amount * (10**10 if native else 1)
            invoice = inv.invoice(
                merchants[m].address,
                self.next_id,
                asset,
                amount,
                now + 86_400,
                refund_deadline=now + window if window else 0,
            )
            self.next_id += 1
            signature = inv.sign_invoice(merchants[m], pay_invoices, chain.chain_id, invoice)
            tx = pay_invoices.pay(
                inv.as_tuple(invoice), signature, value=amount if native else 0, sender=payers[p]
            )
            t = chain.blocks[tx.block_number].timestamp
            self.model.pay(
                merchants[m].address,
                invoice["id"],
                payers[p].address,
                asset,
                amount,
                invoice["refund_deadline"],
                t,
            )
            if t < invoice["refund_deadline"]:
                self.open.append((invoice, payers[p]))

        @rule(i=st.integers(0, 9))
        def refund(self, i):
            if not self.open:
                return
            invoice, who = self.open[i % len(self.open)]
            m = merchants[[x.address for x in merchants].index(invoice["merchant"])]
            if chain.pending_timestamp >= invoice["refund_deadline"]:
                with ape.reverts("merchant_invoices: refund deadline passed"):
                    pay_invoices.refund(inv.as_tuple(invoice), who, sender=m)
                return
            pay_invoices.refund(inv.as_tuple(invoice), who, sender=m)
            self.model.refund(invoice["merchant"], invoice["id"])
            self.open.remove((invoice, who))

        @rule(i=st.integers(0, 9))
        def release(self, i):
            if not self.open:
                return
            invoice, who = self.open[i % len(self.open)]
            if chain.pending_timestamp < invoice["refund_deadline"]:
                return
            pay_invoices.release(inv.as_tuple(invoice), who, sender=payer)
            self.model.release(invoice["merchant"], invoice["id"])
            self.open.remove((invoice, who))

        @rule(a=st.integers(0, 3), native=st.booleans())
        def withdraw(self, a, native):
            account = (merchants + payers)[a]
            asset = assets[0] if native else assets[1]
            owed = self.model.balances.get((account.address, asset), 0)
            if owed == 0:
                with ape.reverts("merchant_invoices: nothing to withdraw"):
                    pay_invoices.withdraw(asset, sender=account)
                return
            assert pay_invoices.withdraw(asset, sender=account).return_value == owed
            self.model.withdraw(account.address, asset)

        @rule(seconds=st.sampled_from([1, 61, 3_601]))
        def advance(self, seconds):
            chain.pending_timestamp += seconds

        @invariant()
        def holds_exactly_what_is_owed(self):
            held = {
                NATIVE: chain.provider.get_balance(pay_invoices.address),
                assets[1]: pay_usdt.balanceOf(pay_invoices),
            }
            for asset in assets:
                balances = {a: pay_invoices.balance_of(a, asset) for a in accounts}
                escrowed = pay_invoices.escrowed(asset)
                assert held[asset] == escrowed + sum(balances.values())
                assert held[asset] == self.model.held(asset)
                assert escrowed == self.model.escrowed[asset]
                assert balances == {a: self.model.balances.get((a, asset), 0) for a in accounts}

    # A third of the profile's examples: each step reads a dozen values (the whole package stays fast).
    run_state_machine_as_test(InvoiceMachine, settings=machine_settings(3, at_least=5, round_up=False))

"""Stateful fuzzing of AnchorTips against fivefold/payments/model.py: the contract holds, of every
asset, exactly what it owes, and the reward stream pays exactly what it streamed.

Random tips (native, USDT, CC, by two tippers to two anchors), withdrawals, collections, funding,
rate changes, reward claims and time jumps (zero seconds included). After every step, to the wei:
    balance(X) == sum anchors(X) + platform(X) + [X == CC] * (funded - paid)
every anchor balance, platform balance, `earned` and `unallocated` equal the model's, and
funded == paid + sum(earned) + dust + unallocated with dust >= 0.
"""

import ape
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.payments.model import Tips
from tests.payments.conftest import CC_BPS, NATIVE, USDT_BPS
from tests.tests_support import machine_settings


def test_tips__random_operations__hold_exactly_what_is_owed(
    pay_tips, pay_usdt, pay_cc, anchor, merchant, tipper, second_tipper, treasury, owner, chain
):
    anchors = [anchor, merchant]
    tippers = [tipper, second_tipper]
    assets = [NATIVE, pay_usdt.address, pay_cc.address]
    scale = {NATIVE: 10**12, assets[1]: 1, assets[2]: 10**12}

    class TipsMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.now = chain.blocks.head.timestamp + 1
            chain.mine(timestamp=self.now)
            self.model = Tips.start(pay_cc.address, self.now)
            self.model.bps.update({assets[1]: USDT_BPS, assets[2]: CC_BPS})

        def teardown(self):
            chain.restore(self.snapshot)

        def _at(self):
            chain.pending_timestamp = self.now
            return self.now

        @rule(seconds=st.sampled_from([0, 0, 1, 60, 3_600]))
        def advance(self, seconds):
            if seconds:
                self.now += seconds
                chain.mine(timestamp=self.now)

        @rule(t=st.integers(0, 1), a=st.integers(0, 1), k=st.integers(0, 2), amount=st.integers(1, 10**7))
        def tip(self, t, a, k, amount):
            asset = assets[k]
            amount *= scale[asset]
            now = self._at()
            value = amount if asset == NATIVE else 0
            pay_tips.tip(anchors[a], asset, amount, "x", value=value, sender=tippers[t])
            self.model.tip(tippers[t].address, anchors[a].address, asset, amount, now)

        @rule(a=st.integers(0, 1), k=st.integers(0, 2))
        def withdraw(self, a, k):
            owed = self.model.anchors.get((anchors[a].address, assets[k]), 0)
            self._at()
            if owed == 0:
                with ape.reverts("anchor_tips: nothing to withdraw"):
                    pay_tips.withdraw(assets[k], sender=anchors[a])
                return
            assert pay_tips.withdraw(assets[k], sender=anchors[a]).return_value == owed
            self.model.withdraw(anchors[a].address, assets[k])

        @rule(k=st.integers(0, 2))
        def collect(self, k):
            if self.model.platform.get(assets[k], 0) == 0:
                return
            self._at()
            assert pay_tips.collect(assets[k], sender=owner).return_value == self.model.collect(assets[k])

        @rule(amount=st.integers(1, 10**6))
        def fund(self, amount):
            now = self._at()
            pay_tips.fund(amount * 10**12, sender=treasury)
            self.model.acc.fund(amount * 10**12, now)

        @rule(rate=st.sampled_from([0, 10**9, 10**15]))
        def set_rate(self, rate):
            now = self._at()
            pay_tips.set_reward_rate(rate, sender=owner)
            self.model.acc.set_rate(rate, now)

        @rule(t=st.integers(0, 1))
        def claim(self, t):
            now = self._at()
            assert pay_tips.claim(sender=tippers[t]).return_value == self.model.claim(tippers[t].address, now)

        @invariant()
        def holds_exactly_what_is_owed(self):
            held = {
                NATIVE: chain.provider.get_balance(pay_tips.address),
                assets[1]: pay_usdt.balanceOf(pay_tips),
                assets[2]: pay_cc.balanceOf(pay_tips),
            }
            for asset in assets:
                assert held[asset] == self.model.held(asset)
                assert pay_tips.asset_config(asset).platform_balance == self.model.platform.get(asset, 0)
                for a in anchors:
                    assert pay_tips.balance_of(a, asset) == self.model.anchors.get((a.address, asset), 0)
            acc = self.model.acc
            for t in tippers:
                assert pay_tips.earned(t) == acc.earned(t.address, self.now)
            assert pay_tips.unallocated() == acc.streamed(self.now)[1]
            assert acc.dust(self.now) >= 0

    # A third of the profile's examples: each step reads a dozen values (the whole package stays fast).
    run_state_machine_as_test(TipsMachine, settings=machine_settings(3, at_least=5, round_up=False))

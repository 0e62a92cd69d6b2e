"""ERC-7281 stateful invariant: random limits, bridge mints and burns, approvals, holder burns, minter
mints and time on a token at home and the same token away, against fivefold/tokens/model_limits.py.

After every step, to the wei: every bridge's current minting and burning limits equal the model's;
balances, totalSupply and bridged_out equal the model's; at home totalSupply + bridged_out equals what
the home chain released (initial and minter mints less holder burns) and stays within the cap; away,
bridged_out is 0 and totalSupply within the cap. A step the model refuses must revert with the
model's reason.
"""

import ape
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold import units
from fivefold.tokens.model_limits import Refused, TokenModel
from tests.tokens.conftest import AWAY_HOME, CAP

TOKEN = units.to_wei(1)
AMOUNTS = st.one_of(st.integers(1, 400 * TOKEN), st.integers(1, 10**6))
LIMITS = st.one_of(st.integers(0, 600 * TOKEN), st.integers(0, 10**6), st.just(CAP))


def test_xerc20__random_operations__limits_and_supply_match_model(
    project, owner, minter_contract, holder, spender, stranger, chain
):
    home = project.CappedToken.deploy("Home", "HOME", CAP, owner, "Home", "1", chain.chain_id, sender=owner)
    away = project.CappedToken.deploy("Away", "AWAY", CAP, owner, "Away", "1", AWAY_HOME, sender=owner)
    away.close_initial_supply(sender=owner)
    home.set_minter(minter_contract, True, sender=owner)
    bridges = [project.BridgeProbe.deploy(sender=owner) for _ in range(2)]
    users = [holder, spender, stranger]
    tokens = [home, away]

    class BridgeMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.clock = chain.blocks.head.timestamp
            self.models = [TokenModel(cap=CAP, home=True), TokenModel(cap=CAP, home=False)]

        def teardown(self):
            chain.restore(self.snapshot)

        def _next(self, seconds=1):
            """Pins the next block `seconds` after the last one and returns its timestamp."""
            self.clock += seconds
            chain.pending_timestamp = self.clock
            return self.clock

        def _apply(self, model_step, send):
            """Runs `send()` if the model accepts the step, else expects the model's revert reason."""
            try:
                model_step()
            except Refused as refused:
                with ape.reverts(str(refused)):
                    send()
                return
            send()

        @rule(which=st.integers(0, 1), b=st.integers(0, 1), minting=LIMITS, burning=LIMITS)
        def set_limits(self, which, b, minting, burning):
            t = self._next()
            self.models[which].set_limits(bridges[b].address, minting, burning, t)
            tokens[which].setLimits(bridges[b], minting, burning, sender=owner)

        @rule(seconds=st.integers(1, 2 * 86_400))
        def wait(self, seconds):
            self.clock += seconds - 1  # the next transaction comes one second later still

        @rule(which=st.integers(0, 1), b=st.integers(0, 1), u=st.integers(0, 2), amount=AMOUNTS)
        def bridge_mint(self, which, b, u, amount):
            t = self._next()
            model, bridge, user = self.models[which], bridges[b], users[u]
            self._apply(
                lambda: model.bridge_mint(bridge.address, user.address, amount, t),
                lambda: bridge.mint(tokens[which], user, amount, sender=owner),
            )

        @rule(which=st.integers(0, 1), b=st.integers(0, 1), u=st.integers(0, 2), amount=AMOUNTS)
        def approve(self, which, b, u, amount):
            self._next()
            user = users[u]
            self.models[which].allowances[(user.address, bridges[b].address)] = amount
            tokens[which].approve(bridges[b], amount, sender=user)

        @rule(which=st.integers(0, 1), b=st.integers(0, 1), u=st.integers(0, 2), amount=AMOUNTS)
        def bridge_burn(self, which, b, u, amount):
            t = self._next()
            model, bridge, user = self.models[which], bridges[b], users[u]
            self._apply(
                lambda: model.bridge_burn(bridge.address, user.address, amount, t),
                lambda: bridge.burn(tokens[which], user, amount, sender=user),
            )

        @rule(which=st.integers(0, 1), u=st.integers(0, 2), amount=AMOUNTS)
        def holder_burn(self, which, u, amount):
            self._next()
            model, user = self.models[which], users[u]
            self._apply(
                lambda: model.bridge_burn(user.address, user.address, amount, 0),
                lambda: tokens[which].burn(user, amount, sender=user),
            )

        @rule(u=st.integers(0, 2), amount=st.one_of(AMOUNTS, st.integers(0, CAP)))
        def minter_mint(self, u, amount):
            self._next()
            user = users[u]
            self._apply(
                lambda: self.models[0].minter_mint(user.address, amount),
                lambda: minter_contract.mint(home, user, amount, sender=owner),
            )

        @invariant()
        def matches_model(self):
            chain.mine(timestamp=self._next())  # the views below run at this block's time
            for token, model in zip(tokens, self.models, strict=True):
                for bridge in bridges:
                    minting = model.minting.get(bridge.address)
                    burning = model.burning.get(bridge.address)
                    assert token.mintingCurrentLimitOf(bridge) == (
                        minting.available(self.clock) if minting else 0
                    )
                    assert token.burningCurrentLimitOf(bridge) == (
                        burning.available(self.clock) if burning else 0
                    )
                    assert token.mintingMaxLimitOf(bridge) == (minting.max if minting else 0)
                for user in users:
                    assert token.balanceOf(user) == model.balance(user.address)
                assert token.totalSupply() == model.total
                assert token.bridged_out() == model.bridged_out
                assert token.totalSupply() + token.bridged_out() <= CAP
            assert home.totalSupply() + home.bridged_out() == self.models[0].released
            assert away.bridged_out() == 0

    # Each step is one transaction plus a dozen calls: a fifth of the profile's examples.
    profile = settings()
    run_state_machine_as_test(
        BridgeMachine,
        settings=settings(
            profile,
            max_examples=max(1, profile.max_examples // 5),
            stateful_step_count=profile.stateful_step_count,
        ),
    )

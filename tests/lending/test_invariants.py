"""Stateful property test: many actors, three markets, time jumps and price moves.

Invariants after every step, for every market:
- vouchers: what all holders' vouchers are worth never exceeds C + B - R, and falls short of it
  by rounding only (the protocol's favour);
- cash: the market's token balance equals its accounted cash (nobody donated here);
- borrows: B never exceeds the sum of account debts and trails it by rounding only;
- health: a borrow or a withdrawal that went through left the account at health >= 1;
- ERC-4626 limits: for every market, holder and operation, op(maxOp(holder)) goes through (tried
  atomically by `LendingMaxProbe` in an eth_call, so the state does not change), under whatever
  caps and pauses governance set.
The machine's actions: supply, withdraw, borrow, repay, wait, price moves, liquidation, governance's
caps and pauses (`control`), a default (a sixth actor's loan turned bad debt by a crash of its
collateral, written off by anyone: its vouchers are burnt first) and write-off attempts on anyone.
At the end of each run every debt is repaid and every supplier withdraws: each gets at least
what its vouchers were worth, and the market keeps no more than rounding dust beyond reserves.
"""

from ape.exceptions import ContractLogicError
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.lending import model as lending
from fivefold.units import WAD

SYMBOLS = ("CC", "CMDT", "USD6")
ACCEPTED = (
    "controller: insufficient collateral",
    "market: not enough cash",
    "controller: account is healthy",
    "controller: repay exceeds close factor",
    "market: seize exceeds collateral",
    "market: zero amount",
    "market: no debt",
    "market: supply cap reached",
    "market: borrow cap reached",
    "market: deposit paused",
    "market: borrow paused",
    "controller: debt is not bad",
)


def test_markets__random_use__invariants_hold(
    project,
    chain,
    system,
    supplier,
    borrower,
    liquidator,
    non_owner,
    attacker,
    deployer,
    governance,
    defaulter,
):
    # actors 0..4 act at random; actor 5 only ever defaults (rule `default`)
    actors = [supplier, borrower, liquidator, non_owner, attacker, defaulter]
    markets, tokens, feeds, controller = system.markets, system.tokens, system.feeds, system.controller
    base = settings()
    # each example replays ~20 steps on a live chain: a third of a stateless test's budget
    examples = max(2, base.max_examples // 12)

    probe = project.LendingMaxProbe.deploy(sender=deployer)
    for actor in actors:
        for symbol in SYMBOLS:
            tokens[symbol].approve(markets[symbol], 2**256 - 1, sender=actor)
            markets[symbol].approve(probe, 2**256 - 1, sender=actor)
        controller.enter_markets([markets[s] for s in SYMBOLS], sender=actor)
    unit = {"CC": WAD, "CMDT": WAD, "USD6": 10**6}
    tokens["CC"].transfer(defaulter, 1_000 * WAD, sender=supplier)
    answers = {s: feeds[s].answer() for s in SYMBOLS}
    # every example starts from a live system: each actor supplies every market, three borrow, two of
    # them near their limit (so that health, not only cash, bounds what they may withdraw)
    for i, actor in enumerate(actors[:5]):
        for symbol in SYMBOLS:
            markets[symbol].deposit((1_000 + 500 * i) * unit[symbol], actor, sender=actor)
    seeded_loans = {"USD6": ((borrower, 3_900), (liquidator, 400)), "CC": ((attacker, 4_000),)}
    for symbol, loans in seeded_loans.items():
        for actor, amount in loans:
            markets[symbol].borrow(amount * unit[symbol], actor, sender=actor)
    seeded_steps = 5 * len(SYMBOLS) + 3

    class Markets(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            # every example starts from the same chain state and the same prices
            self.snapshot = chain.snapshot()
            for s in SYMBOLS:
                answers[s] = feeds[s].answer()
            self.steps = seeded_steps
            self.borrowers = {s: {actors.index(a) for a, _ in seeded_loans.get(s, ())} for s in SYMBOLS}
            self.holders = {s: set(range(5)) for s in SYMBOLS}
            self.defaulted = False

        def teardown(self):
            try:
                self._everyone_leaves()
            finally:
                chain.restore(self.snapshot)

        def _attempt(self, call):
            try:
                return call()
            except ContractLogicError as err:
                assert any(reason in str(err) for reason in ACCEPTED), str(err)
                return None

        @rule(who=st.integers(0, 4), symbol=st.sampled_from(SYMBOLS), amount=st.integers(1, 50_000))
        def supply(self, who, symbol, amount):
            self._attempt(
                lambda: markets[symbol].deposit(amount * unit[symbol], actors[who], sender=actors[who])
            )
            self.holders[symbol].add(who)
            self.steps += 1

        @rule(who=st.integers(0, 4), symbol=st.sampled_from(SYMBOLS), share=st.integers(1, 100))
        def withdraw(self, who, symbol, share):
            shares = markets[symbol].balanceOf(actors[who]) * share // 100
            if shares == 0:
                return
            receipt = self._attempt(
                lambda: markets[symbol].redeem(shares, actors[who], actors[who], sender=actors[who])
            )
            if receipt is not None:
                assert controller.health_factor(actors[who], block_id=receipt.block_number) >= WAD
            self.steps += 1

        @rule(who=st.integers(0, 4), symbol=st.sampled_from(SYMBOLS), amount=st.integers(1, 30_000))
        def borrow(self, who, symbol, amount):
            receipt = self._attempt(
                lambda: markets[symbol].borrow(amount * unit[symbol], actors[who], sender=actors[who])
            )
            if receipt is not None:
                self.borrowers[symbol].add(who)
                assert controller.health_factor(actors[who], block_id=receipt.block_number) >= WAD
            self.steps += 1

        @rule(who=st.integers(0, 4), symbol=st.sampled_from(SYMBOLS), share=st.integers(1, 100))
        def repay(self, who, symbol, share):
            debt = markets[symbol].debt_of(actors[who])
            if debt == 0:
                return
            amount = 2**256 - 1 if share == 100 else max(1, debt * share // 100)
            self._attempt(lambda: markets[symbol].repay(amount, actors[who], sender=actors[who]))
            self.steps += 1

        @rule(seconds=st.integers(1, 60 * 86400))
        def wait(self, seconds):
            chain.mine(deltatime=seconds)
            for s in SYMBOLS:
                lending.set_local_answer(feeds[s], answers[s], deployer)
            self.steps += 1

        @rule(symbol=st.sampled_from(SYMBOLS), percent=st.integers(50, 150))
        def move_price(self, symbol, percent):
            answers[symbol] = max(1, answers[symbol] * percent // 100)
            lending.set_local_answer(feeds[symbol], answers[symbol], deployer)

        @rule(
            who=st.integers(0, 4),
            by=st.integers(0, 4),
            debt_symbol=st.sampled_from(SYMBOLS),
            collateral=st.sampled_from(SYMBOLS),
            share=st.integers(1, 50),
        )
        def liquidate(self, who, by, debt_symbol, collateral, share):
            if who == by:
                return
            debt = markets[debt_symbol].debt_of(actors[who])
            if debt == 0 or controller.health_factor(actors[who]) >= WAD:
                return
            self._attempt(
                lambda: markets[debt_symbol].liquidate(
                    actors[who], max(1, debt * share // 100), markets[collateral], 0, sender=actors[by]
                )
            )
            self.holders[collateral].add(by)
            self.steps += 1

        @rule(
            symbol=st.sampled_from(SYMBOLS),
            paused=st.integers(0, 3),
            supply_pct=st.sampled_from((0, 90, 110)),
            borrow_pct=st.sampled_from((0, 90, 110)),
        )
        def control(self, symbol, paused, supply_pct, borrow_pct):
            # governance caps a market near its current size (0: no cap) and pauses deposits/borrows
            totals = markets[symbol].current_totals()
            assets = totals.cash + totals.borrows - totals.reserves
            controller.set_caps(
                markets[symbol],
                assets * supply_pct // 100,
                totals.borrows * borrow_pct // 100,
                sender=governance,
            )
            controller.set_paused(markets[symbol], bool(paused & 1), bool(paused & 2), sender=governance)
            self.steps += 1

        @rule(by=st.integers(0, 4))
        def default(self, by):
            # actor 5 pledges 100 CC, borrows 10 USD6, CC crashes to one unit of its feed: bad debt,
            # which anyone writes off; the 100 CC of vouchers are burnt first, to CC's suppliers
            if self.defaulted:
                return
            self.defaulted = True
            cc, usd = markets["CC"], markets["USD6"]
            if self._attempt(lambda: cc.deposit(100 * WAD, defaulter, sender=defaulter)) is None:
                return
            self.holders["CC"].add(5)
            if self._attempt(lambda: usd.borrow(10 * unit["USD6"], defaulter, sender=defaulter)) is None:
                return
            self.borrowers["USD6"].add(5)
            answers["CC"] = 1
            lending.set_local_answer(feeds["CC"], 1, deployer)
            shares, supply = cc.balanceOf(defaulter), cc.totalSupply()
            receipt = usd.write_off(defaulter, sender=actors[by])
            assert [e.shares for e in receipt.events.filter(controller.CollateralForfeited)] == [shares]
            assert (cc.balanceOf(defaulter), cc.totalSupply(), usd.debt_of(defaulter)) == (
                0,
                supply - shares,
                0,
            )
            self.steps += 1

        @rule(who=st.integers(0, 4), by=st.integers(0, 4), symbol=st.sampled_from(SYMBOLS))
        def write_off(self, who, by, symbol):
            # anyone, the defaulter included, may write off bad debt; its collateral is burnt first
            shares = [markets[s].balanceOf(actors[who]) for s in SYMBOLS]
            receipt = self._attempt(lambda: markets[symbol].write_off(actors[who], sender=actors[by]))
            if receipt is not None:
                assert all(markets[s].balanceOf(actors[who]) == 0 for s in SYMBOLS)
                burnt = [e.shares for e in receipt.events.filter(controller.CollateralForfeited)]
                assert sorted(burnt) == sorted(x for x in shares if x)
            self.steps += 1

        @invariant()
        def accounting(self):
            for s in SYMBOLS:
                market = markets[s]
                cash, borrows, reserves, _ = market.current_totals()
                assets = cash + borrows - reserves  # totalAssets() by definition (tested elsewhere)
                assert tokens[s].balanceOf(market) == cash
                # only actors that ever held or owed here (the others hold nothing)
                holders = [actors[i] for i in self.holders[s]]
                supply = market.totalSupply()
                # convertToAssets, mirrored (one call per holder instead of two)
                worth = sum(lending.to_assets(market.balanceOf(a), assets, supply) for a in holders)
                assert worth <= assets + 1
                assert assets - worth <= len(actors) + assets * 1000 // (supply + 1000) + 1
                debts = sum(market.debt_of(actors[i]) for i in self.borrowers[s])
                assert borrows <= debts
                assert debts - borrows <= len(actors) + 2 * self.steps + 2

        @invariant()
        def max_operations_go_through(self):
            codes, first_error = probe.check.call([markets[s] for s in SYMBOLS], actors)
            assert 2 not in codes, bytes(first_error)

        def _everyone_leaves(self):
            # every debt first: vouchers that back a loan elsewhere cannot leave before it is repaid
            for s in SYMBOLS:
                for a in actors:
                    if markets[s].debt_of(a):
                        markets[s].repay(2**256 - 1, a, sender=a)
            for s in SYMBOLS:
                market = markets[s]
                for a in actors:
                    shares = market.balanceOf(a)
                    if shares:
                        worth = market.convertToAssets(shares)
                        before = tokens[s].balanceOf(a)
                        market.redeem(shares, a, a, sender=a)
                        assert tokens[s].balanceOf(a) - before >= worth
                cash, borrows, reserves, _ = market.current_totals()
                assert market.totalSupply() == 0
                assert cash >= reserves
                assert cash - reserves <= len(actors) + 2 * self.steps + 2

    steps = max(10, base.stateful_step_count // 2)
    run_state_machine_as_test(
        Markets, settings=settings(base, max_examples=examples, stateful_step_count=steps)
    )

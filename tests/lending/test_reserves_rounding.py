"""Review finding 12: reserves never lose a unit per accrual. The reserves' share of each accrual's
interest rounds up (Market._current), and the independent Python model (fivefold/lending/model.py)
gives the same figures, wei for wei, over years of random actions on a small 6-decimal market
accrued often (every block to every few minutes, with waits of months in between)."""

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from fivefold.lending import model as lending
from fivefold.units import WAD

USD = 10**6
# (action, amount in USD6 units, seconds before it): small amounts and frequent accruals, where the
# old floor left the reserves at 0, mixed with waits of up to four months (years in all)
ACTION = st.tuples(
    st.sampled_from(("accrue", "deposit", "borrow", "repay")),
    st.integers(1, 50 * USD),
    st.one_of(st.integers(12, 600), st.integers(86400, 120 * 86400)),
)
# the first accrual, one 12-second block after the loan: interest B x r x 12 is about 1.7 units of
# USD6 on 100 USD6, where the old floor gave the reserves floor(0.17) = 0
FIRST = ("accrue", 1, 12)


def _stored(market) -> lending.Totals:
    return lending.Totals(
        market.cash(), market.total_borrows(), market.total_reserves(), market.borrow_index()
    )


def test_accrue__small_six_decimal_market_accrued_often__reserves_match_model_and_grow(
    chain, usd_market, supplier, borrower, supply, position, set_price, tokens
):
    """Contract and model agree on C, B, R and I after every action; R > 0 at the end, and never
    below (here: strictly above) what the old rounding, the floor of each accrual's share, kept."""
    supply(usd_market, supplier, 1_000 * USD)
    position(borrower, {"CC": 10_000 * WAD}, ("USD6", 100 * USD))
    for who in (supplier, borrower):
        tokens["USD6"].approve(usd_market, 2**256 - 1, sender=who)
    rf = usd_market.reserve_factor()

    # no shrinking phase: one example replays ~20 transactions, a shrink would replay thousands
    @settings(
        max_examples=max(3, settings().max_examples // 8),
        deadline=None,
        phases=(Phase.explicit, Phase.reuse, Phase.generate),
    )
    @given(actions=st.lists(ACTION, min_size=8, max_size=20))
    def run(actions):
        snapshot = chain.snapshot()
        try:
            model = _stored(usd_market)
            principal, account_index = usd_market.debt_principal(borrower), usd_market.debt_index(borrower)
            floor_reserves = model.reserves
            for action, amount, seconds in [FIRST, *actions]:
                rate = lending.per_second(lending.linear_rate_per_year(model.cash, model.borrows))
                assert usd_market.borrow_rate() == rate  # the model's own rate, not the contract's
                chain.mine(deltatime=seconds)
                if action == "borrow":  # the health check prices CC and USD6
                    set_price("CC", 2 * 10**8)
                    set_price("USD6", 10**8)
                before = usd_market.last_accrual()
                if action == "accrue":
                    receipt = usd_market.accrue(sender=supplier)
                elif action == "deposit":
                    receipt = usd_market.deposit(amount, supplier, sender=supplier)
                elif action == "borrow":
                    receipt = usd_market.borrow(min(amount, model.cash), borrower, sender=borrower)
                else:
                    receipt = usd_market.repay(amount, borrower, sender=borrower)
                dt = chain.blocks[receipt.block_number].timestamp - before
                accrued = lending.accrue(model, rate, dt, rf)
                floor_reserves += (accrued.borrows - model.borrows) * rf // WAD
                model = accrued
                owed = lending.debt(principal, model.index, account_index)
                if action == "deposit":
                    model = lending.replace(model, cash=model.cash + amount)
                elif action == "borrow":
                    lent = min(amount, accrued.cash)
                    principal, account_index = owed + lent, model.index
                    model = lending.replace(model, cash=model.cash - lent, borrows=model.borrows + lent)
                elif action == "repay":
                    repaid = min(amount, owed)
                    principal, account_index = owed - repaid, model.index
                    model = lending.replace(
                        model, cash=model.cash + repaid, borrows=model.borrows - min(repaid, model.borrows)
                    )
                assert _stored(usd_market) == model
                assert (usd_market.debt_principal(borrower), usd_market.debt_index(borrower)) == (
                    principal,
                    account_index,
                )
            assert model.reserves > 0
            assert model.reserves > floor_reserves  # the first block alone: 1 unit against 0
        finally:
            chain.restore(snapshot)

    run()

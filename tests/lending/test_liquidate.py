import ape
import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD


@pytest.fixture
def underwater(usd_market, tokens, supplier, borrower, liquidator, supply, position, set_price):
    """Borrower: 1,000 CC ($2, cf 0.75 -> $1,500) owes $1,400; CC falls to $1.80 -> $1,350 < $1,400."""
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    set_price("CC", 180 * 10**6)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)


def test_liquidate__underwater__seizes_value_plus_incentive(
    underwater, controller, usd_market, cc_market, borrower, liquidator
):
    assert controller.health_factor(borrower) < WAD
    repay = 500 * 10**6
    expected_assets = lending.seize_assets(repay, 10**30, 18 * 10**17)
    assert expected_assets == 300 * WAD  # $500 x 1.08 / $1.80
    expected = cc_market.convertToShares(expected_assets)
    receipt = usd_market.liquidate(borrower, repay, cc_market, 0, sender=liquidator)
    assert cc_market.balanceOf(liquidator) == expected
    assert cc_market.convertToAssets(cc_market.balanceOf(borrower)) == 700 * WAD
    event = receipt.events.filter(usd_market.Liquidate)[0]
    assert (
        event.repaid == repay
        and event.seized_shares == expected
        and event.collateral_market == cc_market.address
    )
    # cf x incentive < 1: the liquidation raised the borrower's health
    assert controller.health_factor(borrower) > controller.health_factor(
        borrower, block_id=receipt.block_number - 1
    )


def test_liquidate__healthy_account__reverts(
    usd_market, cc_market, tokens, supplier, borrower, liquidator, supply, position
):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    with ape.reverts("controller: account is healthy"):
        usd_market.liquidate(borrower, 100 * 10**6, cc_market, 0, sender=liquidator)


def test_liquidate__beyond_close_factor__reverts(underwater, usd_market, cc_market, borrower, liquidator):
    debt = usd_market.debt_of(borrower)
    with ape.reverts("controller: repay exceeds close factor"):
        usd_market.liquidate(borrower, debt // 2 + 10**6, cc_market, 0, sender=liquidator)


def test_liquidate__self__reverts(underwater, usd_market, cc_market, tokens, borrower):
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=borrower)
    with ape.reverts("market: self-liquidation"):
        usd_market.liquidate(borrower, 100 * 10**6, cc_market, 0, sender=borrower)


def test_liquidate__below_min_seized__reverts(underwater, usd_market, cc_market, borrower, liquidator):
    with ape.reverts("market: seized below minimum"):
        usd_market.liquidate(borrower, 100 * 10**6, cc_market, 10**40, sender=liquidator)


def test_liquidate__market_not_entered_by_borrower__reverts(
    underwater, usd_market, cmdt_market, borrower, liquidator
):
    with ape.reverts("controller: not the borrower's collateral"):
        usd_market.liquidate(borrower, 100 * 10**6, cmdt_market, 0, sender=liquidator)


def test_liquidate__zero__reverts(underwater, usd_market, cc_market, borrower, liquidator):
    with ape.reverts("market: zero amount"):
        usd_market.liquidate(borrower, 0, cc_market, 0, sender=liquidator)


def test_liquidate__stale_price__reverts(underwater, usd_market, cc_market, borrower, liquidator, warp):
    warp(3601, refresh=False)
    with ape.reverts("feed_reader: stale price"):
        usd_market.liquidate(borrower, 100 * 10**6, cc_market, 0, sender=liquidator)


def test_liquidate__same_market_collateral__moves_vouchers_inside(
    usd_market, tokens, supplier, borrower, liquidator, supply, position, warp, controller
):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"USD6": 1000 * 10**6}, ("USD6", 799 * 10**6))
    warp(2 * 365 * 86400)
    assert controller.health_factor(borrower) < WAD
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    before = usd_market.balanceOf(borrower)
    receipt = usd_market.liquidate(borrower, 100 * 10**6, usd_market, 1, sender=liquidator)
    seized = receipt.return_value
    assert usd_market.balanceOf(liquidator) == before - usd_market.balanceOf(borrower) == seized > 0


def test_seize__not_called_by_a_market__reverts(cc_market, borrower, liquidator):
    with ape.reverts("market: caller is not a listed market"):
        cc_market.seize(liquidator, borrower, 1, sender=liquidator)


def test_liquidation_seize__not_called_by_a_market__reverts(controller, cc_market, borrower, liquidator):
    with ape.reverts("controller: caller is not a listed market"):
        controller.liquidation_seize(borrower, cc_market, 1, 1, sender=liquidator)


def test_liquidate__seize_beyond_collateral__reverts(
    underwater, controller, usd_market, cc_market, borrower, liquidator, governance, set_price
):
    controller.set_close_factor(9 * 10**17, sender=governance)
    set_price("CC", 100 * 10**6)  # 1,000 CC now worth $1,000 against $1,400 of debt
    with ape.reverts("market: seize exceeds collateral"):
        usd_market.liquidate(borrower, 1260 * 10**6, cc_market, 0, sender=liquidator)


ACCEPTED_LIQUIDATION_FAILURES = ("market: seize exceeds collateral", "controller: account is healthy")


def test_liquidate__any_sequence_on_solvent_account__suppliers_never_lose(
    chain,
    controller,
    usd_market,
    cc_market,
    cmdt_market,
    tokens,
    supplier,
    borrower,
    liquidator,
    non_owner,
    supply,
    position,
    set_price,
):
    """Review finding 8, as a property: whatever the prices (collateral worth 1.002x to 1.4x the debt,
    liquidatable) and whoever liquidates (a stranger or the borrower's second account), in any order, amounts
    and collateral markets, the account stays solvent after every liquidation, suppliers' assets never fall,
    and no debt is left to write off."""
    from ape.exceptions import ContractLogicError
    from hypothesis import assume, given, settings
    from hypothesis import strategies as st

    supply(usd_market, supplier, 100_000 * 10**6)
    # $1,500 + $600 of borrowing power against $2,000 of debt
    position(borrower, {"CC": 1000 * WAD, "CMDT": 1000 * WAD}, ("USD6", 2000 * 10**6))
    accomplice = non_owner
    for who in (liquidator, accomplice):
        tokens["USD6"].approve(usd_market, 2**256 - 1, sender=who)
    markets = {"CC": cc_market, "CMDT": cmdt_market}
    step = st.tuples(
        st.sampled_from((liquidator, accomplice)), st.sampled_from(("CC", "CMDT")), st.integers(1, 100)
    )

    @settings(max_examples=max(4, settings().max_examples // 5))
    @given(
        cc_cents=st.integers(60, 200),
        cmdt_cents=st.integers(30, 100),
        steps=st.lists(step, min_size=1, max_size=6),
    )
    def run(cc_cents, cmdt_cents, steps):
        # C = 1,000 x (cc + cmdt); D = 2,000; liquidatable below 0.75 x 1,000 cc + 0.6 x 1,000 cmdt = 2,000
        assume(
            1000 * (cc_cents + cmdt_cents) >= 2004 * 100 and 750 * cc_cents + 600 * cmdt_cents < 2000 * 100
        )
        snapshot = chain.snapshot()
        try:
            set_price("CC", cc_cents * 10**6)
            set_price("CMDT", cmdt_cents * 10**6)
            assets = usd_market.totalAssets()
            for who, symbol, share in steps:
                debt = usd_market.debt_of(borrower)
                repay = max(1, debt * controller.close_factor() // WAD * share // 100)
                try:
                    usd_market.liquidate(borrower, repay, markets[symbol], 0, sender=who)
                except ContractLogicError as err:
                    assert any(reason in str(err) for reason in ACCEPTED_LIQUIDATION_FAILURES), str(err)
                    continue
                _, _, debt_value, raw = controller.account_liquidity(borrower)
                assert raw >= debt_value
                assert usd_market.totalAssets() >= assets
                assets = usd_market.totalAssets()
            with ape.reverts("controller: debt is not bad"):
                usd_market.write_off(borrower, sender=accomplice)
        finally:
            chain.restore(snapshot)

    run()


@pytest.mark.parametrize("seed", range(3))
def test_capped_incentive__model__collateral_ratio_never_falls(seed):
    """The mirror of the seizure arithmetic (prices, floors and ceilings as the contracts round), over many
    random solvent accounts and liquidation sequences: collateral / debt never falls, so a solvent account
    stays solvent."""
    import random

    rng = random.Random(seed)
    for _ in range(300):
        price_c = rng.randint(10**15, 10**20)  # collateral: 18 decimals, $0.001..$100
        price_d = 10**30  # debt: a 6-decimal dollar
        debt = rng.randint(10**6, 10**12)
        supplied = (debt * price_d // WAD) * rng.randint(1_000_050, 1_500_000) // 1_000_000 * WAD // price_c
        for _ in range(20):
            raw, debt_value = lending.value(supplied, price_c), lending.ceil_div(debt * price_d, WAD)
            if raw < debt_value or debt < 2:
                break
            repay = max(1, debt // 2 * rng.randint(1, 100) // 100)
            seized = lending.seize_assets(repay, price_d, price_c, lending.capped_incentive(raw, debt_value))
            if seized > supplied:
                break  # the market refuses: "seize exceeds collateral"
            supplied, debt = supplied - seized, debt - repay
            assert lending.value(supplied, price_c) >= lending.ceil_div(debt * price_d, WAD)

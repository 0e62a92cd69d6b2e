"""One-transaction borrow-and-withdraw, self-liquidation for profit, liquidation on a stale price."""

import ape
import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD


@pytest.fixture
def attack_contract(project, deployer, tokens, attacker):
    contract = project.ReentrantAttacker.deploy(sender=deployer)
    tokens["CC"].transfer(contract, 1000 * WAD, sender=attacker)
    return contract


def _call(method, *args):
    return (method.contract.address, method.encode_input(*args))


def test_borrow_then_withdraw__one_transaction__reverts(
    attack_contract, controller, cc_market, usd_market, tokens, supplier, supply, attacker
):
    supply(usd_market, supplier, 100_000 * 10**6)
    calls = [
        _call(tokens["CC"].approve, cc_market, 1000 * WAD),
        _call(cc_market.deposit, 1000 * WAD, attack_contract),
        _call(controller.enter_markets, [cc_market]),
        _call(usd_market.borrow, 1400 * 10**6, attack_contract),
        _call(cc_market.withdraw, 1000 * WAD, attack_contract, attack_contract),
    ]
    with ape.reverts("controller: insufficient collateral"):
        attack_contract.run(calls, sender=attacker)
    # the same without the last step is a fair loan
    attack_contract.run(calls[:-1], sender=attacker)
    assert controller.health_factor(attack_contract) >= WAD


def test_withdraw_then_borrow__one_transaction__reverts(
    attack_contract, controller, cc_market, usd_market, tokens, supplier, supply, attacker
):
    supply(usd_market, supplier, 100_000 * 10**6)
    calls = [
        _call(tokens["CC"].approve, cc_market, 1000 * WAD),
        _call(cc_market.deposit, 1000 * WAD, attack_contract),
        _call(controller.enter_markets, [cc_market]),
        _call(cc_market.withdraw, 900 * WAD, attack_contract, attack_contract),
        _call(usd_market.borrow, 1400 * 10**6, attack_contract),
    ]
    with ape.reverts("controller: insufficient collateral"):
        attack_contract.run(calls, sender=attacker)


def _net_worth(account, cc_market, usd_market, tokens, cc_price):
    """USD value (WAD) of what `account` holds in CC, USD6 and vouchers, minus its debt."""
    cc = tokens["CC"].balanceOf(account) + cc_market.convertToAssets(cc_market.balanceOf(account))
    usd = tokens["USD6"].balanceOf(account) - usd_market.debt_of(account)
    return cc * cc_price // WAD + usd * 10**12


def test_self_liquidation__same_account__reverts(
    usd_market, cc_market, tokens, supplier, attacker, supply, position, set_price
):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(attacker, {"CC": 1000 * WAD}, ("USD6", 1500 * 10**6))
    set_price("CC", 199 * 10**6)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=attacker)
    with ape.reverts("market: self-liquidation"):
        usd_market.liquidate(attacker, 500 * 10**6, cc_market, 0, sender=attacker)


def test_self_liquidation__second_account__earns_nothing(
    controller, usd_market, cc_market, tokens, supplier, attacker, non_owner, supply, position, set_price
):
    """The attacker borrows at the limit, waits for a tiny price dip and liquidates itself from a second
    account."""
    supply(usd_market, supplier, 10_000 * 10**6)
    position(attacker, {"CC": 1000 * WAD}, ("USD6", 1500 * 10**6))
    set_price("CC", 199 * 10**6)
    accomplice = non_owner
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=accomplice)
    price = 199 * 10**16
    before = sum(_net_worth(a, cc_market, usd_market, tokens, price) for a in (attacker, accomplice))
    suppliers_before = usd_market.totalAssets()
    hf_before = controller.health_factor(attacker)
    usd_market.liquidate(attacker, usd_market.debt_of(attacker) // 2, cc_market, 0, sender=accomplice)
    after = sum(_net_worth(a, cc_market, usd_market, tokens, price) for a in (attacker, accomplice))
    # the pair gains nothing beyond a second of interest and rounding ...
    assert after <= before + 10**13
    # ... the protocol loses nothing, and the account is healthier (cf x incentive < 1)
    assert usd_market.totalAssets() >= suppliers_before
    assert controller.health_factor(attacker) > hf_before


def test_self_liquidation__thin_surplus_to_the_end__pair_gains_nothing_and_no_bad_debt(
    controller, usd_market, cc_market, tokens, supplier, attacker, non_owner, supply, position, set_price
):
    """Review finding 8: 1,000 CC at $1.55 back $1,500 of debt (cf 0.75); the borrower's second account
    liquidates it to the end. With the incentive at 1.08 the pair left ~$64.84 of debt for suppliers to write
    off; the incentive is now capped at collateral / debt (1.0333), so the surplus only moves between the
    pair's two accounts."""
    supply(usd_market, supplier, 10_000 * 10**6)
    position(attacker, {"CC": 1000 * WAD}, ("USD6", 1500 * 10**6))
    set_price("CC", 155 * 10**6)
    accomplice = non_owner
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=accomplice)
    price = 155 * 10**16

    def pair():
        return sum(_net_worth(a, cc_market, usd_market, tokens, price) for a in (attacker, accomplice))

    before, suppliers_before = pair(), usd_market.totalAssets()
    _, _, debt_value, raw = controller.account_liquidity(attacker)
    incentive = lending.capped_incentive(raw, debt_value, controller.liquidation_incentive())
    assert WAD < incentive < controller.liquidation_incentive()  # 1.0333, not 1.08
    for _ in range(12):  # the debt halves each time: $1,500 -> $0.37, collateral -> $0.38
        repay = usd_market.debt_of(attacker) * controller.close_factor() // WAD
        usd_market.liquidate(attacker, repay, cc_market, 0, sender=accomplice)
        _, _, debt_value, raw = controller.account_liquidity(attacker)
        assert raw >= debt_value  # solvent after every liquidation
    assert raw <= controller.bad_debt_dust()  # collateral down to dust: where the old rule wrote debt off
    with ape.reverts("controller: debt is not bad"):
        usd_market.write_off(attacker, sender=accomplice)
    # the pair gains nothing (it pays a few seconds of interest); suppliers lose nothing
    assert pair() <= before
    assert usd_market.totalAssets() >= suppliers_before


def test_liquidation__stale_price__reverts(
    usd_market, cc_market, tokens, supplier, borrower, liquidator, supply, position, set_price, warp
):
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    set_price("CC", 180 * 10**6)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    warp(3601, refresh=False)
    with ape.reverts("feed_reader: stale price"):
        usd_market.liquidate(borrower, 100 * 10**6, cc_market, 0, sender=liquidator)

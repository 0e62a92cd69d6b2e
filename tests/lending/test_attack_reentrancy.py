"""Reentrancy through ERC-777-style token hooks and native-coin receivers, on borrow, redeem and liquidation.

The attacker contract makes one re-entrant call from its hook and records whether it went
through; the outer transaction is left to finish so the test can read what happened.
"""

import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD

NONREENTRANT = b""  # vyper's lock reverts without a reason


@pytest.fixture
def hook_token(project, deployer, supplier, borrower):
    token = project.MockQuirkyToken.deploy(0, sender=deployer)
    token.mint(supplier, 1_000_000 * WAD, sender=deployer)
    token.mint(borrower, 1_000_000 * WAD, sender=deployer)
    return token


@pytest.fixture
def hook_market(project, deployer, controller, adapter, system, hook_token, governance, supplier, supply):
    feed = lending.deploy_local_feed(project, deployer, "HOOK / USD", 10**8)
    adapter.set_feed(hook_token, feed, 3600, sender=governance)
    market = lending.create_market(
        project, controller, hook_token, system.linear, 0, 5 * 10**17, "Pledge HOOK", "slipHOOK", governance
    )
    supply(market, supplier, 100_000 * WAD)
    return market


@pytest.fixture
def attack_contract(project, deployer, tokens, attacker, controller, cc_market, hook_token):
    """An attacker contract with $1,500 of borrowing power (1,000 CC) and hooks registered."""
    contract = project.ReentrantAttacker.deploy(sender=deployer)
    tokens["CC"].transfer(contract, 1000 * WAD, sender=attacker)
    contract.run(
        [
            _call(tokens["CC"].approve, cc_market, 1000 * WAD),
            _call(cc_market.deposit, 1000 * WAD, contract),
            _call(controller.enter_markets, [cc_market]),
            _call(hook_token.register_hooks, True),
        ],
        sender=attacker,
    )
    return contract


def _call(method, *args):
    return (method.contract.address, method.encode_input(*args))


def _assert_blocked(contract, reason: bytes | None = None):
    assert contract.attempts() == 1
    assert contract.successes() == 0
    if reason == NONREENTRANT:
        assert bytes(contract.last_error()) == NONREENTRANT
    elif reason is not None:
        assert reason in bytes(contract.last_error())


def test_borrow__hook_reenters_same_market__blocked(attack_contract, hook_market, attacker):
    attack_contract.arm(
        hook_market, hook_market.borrow.encode_input(100 * WAD, attack_contract), sender=attacker
    )
    attack_contract.run([_call(hook_market.borrow, 100 * WAD, attack_contract)], sender=attacker)
    _assert_blocked(attack_contract, NONREENTRANT)
    assert hook_market.debt_of(attack_contract) == 100 * WAD


def test_borrow__hook_reenters_other_market__health_holds(
    attack_contract, hook_market, usd_market, supplier, supply, attacker, controller
):
    supply(usd_market, supplier, 100_000 * 10**6)
    # in the hook the HOOK loan is already recorded: borrowing the same power again must fail
    attack_contract.arm(
        usd_market, usd_market.borrow.encode_input(1400 * 10**6, attack_contract), sender=attacker
    )
    attack_contract.run([_call(hook_market.borrow, 1400 * WAD, attack_contract)], sender=attacker)
    _assert_blocked(attack_contract, b"controller: insufficient collateral")
    assert controller.health_factor(attack_contract) >= WAD


def test_redeem__hook_reenters_redeem__blocked(attack_contract, hook_market, hook_token, attacker, deployer):
    hook_token.mint(attack_contract, 100 * WAD, sender=deployer)
    attack_contract.run(
        [
            _call(hook_token.approve, hook_market, 100 * WAD),
            _call(hook_market.deposit, 100 * WAD, attack_contract),
        ],
        sender=attacker,
    )
    half = hook_market.balanceOf(attack_contract) // 2
    attack_contract.arm(
        hook_market, hook_market.redeem.encode_input(half, attack_contract, attack_contract), sender=attacker
    )
    attack_contract.run([_call(hook_market.redeem, half, attack_contract, attack_contract)], sender=attacker)
    _assert_blocked(attack_contract, NONREENTRANT)
    assert (
        hook_market.balanceOf(attack_contract) == hook_market.balanceOf(attack_contract)
        and hook_token.balanceOf(attack_contract) == 50 * WAD
    )


def test_redeem__hook_reenters_collateral_withdrawal__health_holds(
    attack_contract,
    hook_market,
    hook_token,
    usd_market,
    cc_market,
    supplier,
    supply,
    attacker,
    deployer,
    controller,
):
    """Redeeming free HOOK vouchers while owing USD: the hook tries to pull the CC collateral out."""
    supply(usd_market, supplier, 100_000 * 10**6)
    hook_token.mint(attack_contract, 100 * WAD, sender=deployer)
    attack_contract.run(
        [
            _call(hook_token.approve, hook_market, 100 * WAD),
            _call(hook_market.deposit, 100 * WAD, attack_contract),
            _call(usd_market.borrow, 1400 * 10**6, attack_contract),
        ],
        sender=attacker,
    )
    shares = hook_market.balanceOf(attack_contract)
    attack_contract.arm(
        cc_market,
        cc_market.withdraw.encode_input(500 * WAD, attack_contract, attack_contract),
        sender=attacker,
    )
    attack_contract.run(
        [_call(hook_market.redeem, shares, attack_contract, attack_contract)], sender=attacker
    )
    _assert_blocked(attack_contract, b"controller: insufficient collateral")
    assert controller.health_factor(attack_contract) >= WAD


def test_liquidate__hook_reenters_liquidate__blocked(
    attack_contract,
    hook_market,
    hook_token,
    cc_market,
    borrower,
    supply,
    position,
    set_price,
    attacker,
    deployer,
):
    # the borrower owes HOOK against CC; CC dips
    position(borrower, {"CC": 1000 * WAD})
    hook_market.borrow(1400 * WAD, borrower, sender=borrower)
    set_price("CC", 180 * 10**6)
    hook_token.mint(attack_contract, 2000 * WAD, sender=deployer)
    repay = 300 * WAD
    # ERC-777 `tokensToSend` fires on the liquidator before the repayment moves
    attack_contract.arm(
        hook_market, hook_market.liquidate.encode_input(borrower, repay, cc_market, 0), sender=attacker
    )
    attack_contract.run(
        [
            _call(hook_token.approve, hook_market, 2**256 - 1),
            _call(hook_market.liquidate, borrower, repay, cc_market, 0),
        ],
        sender=attacker,
    )
    _assert_blocked(attack_contract, NONREENTRANT)
    assert hook_token.balanceOf(attack_contract) == 1700 * WAD
    assert cc_market.balanceOf(attack_contract) > 0


def test_redeem_native__receiver_reenters__blocked(attack_contract, native_market, attacker):
    native_market.deposit_native(attack_contract, value=2 * WAD, sender=attacker)
    shares = native_market.balanceOf(attack_contract)
    attack_contract.arm(
        native_market,
        native_market.redeem_native.encode_input(shares // 2, attack_contract, attack_contract),
        sender=attacker,
    )
    attack_contract.run(
        [_call(native_market.redeem_native, shares // 2, attack_contract, attack_contract)], sender=attacker
    )
    _assert_blocked(attack_contract, NONREENTRANT)
    assert native_market.balanceOf(attack_contract) == shares - shares // 2


def test_borrow_native__receiver_reenters_other_market__health_holds(
    attack_contract, native_market, usd_market, supplier, supply, attacker, controller
):
    native_market.deposit_native(supplier, value=10 * WAD, sender=supplier)
    supply(usd_market, supplier, 100_000 * 10**6)
    # 0.7 native at $2,000 = $1,400 of the $1,500 power; the receiver then asks USD for $1,400 more
    attack_contract.arm(
        usd_market, usd_market.borrow.encode_input(1400 * 10**6, attack_contract), sender=attacker
    )
    attack_contract.run([_call(native_market.borrow_native, 7 * WAD // 10, attack_contract)], sender=attacker)
    _assert_blocked(attack_contract, b"controller: insufficient collateral")
    assert controller.health_factor(attack_contract) >= WAD


def test_borrow_native__receiver_reenters_same_market__blocked(
    attack_contract, native_market, supplier, attacker
):
    native_market.deposit_native(supplier, value=10 * WAD, sender=supplier)
    attack_contract.arm(
        native_market, native_market.borrow_native.encode_input(WAD // 10, attack_contract), sender=attacker
    )
    attack_contract.run([_call(native_market.borrow_native, WAD // 10, attack_contract)], sender=attacker)
    _assert_blocked(attack_contract, NONREENTRANT)

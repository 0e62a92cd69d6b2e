"""Review finding 14, Compound-family controls: supply and borrow caps, the pause guardian, delisting
and the sweep of stray tokens. Each refusal asserts its exact reason."""

import ape
import pytest

from fivefold.units import WAD

USD = 10**6
ZERO = "0x0000000000000000000000000000000000000000"


@pytest.fixture
def with_guardian(controller, governance, guardian):
    receipt = controller.set_pause_guardian(guardian, sender=governance)
    assert receipt.events.filter(controller.PauseGuardianSet)[0].pause_guardian == guardian.address
    return guardian


@pytest.fixture
def loan(usd_market, supplier, borrower, supply, position):
    """10,000 USD6 supplied; the borrower owes 500 USD6 against 1,000 CC ($1,500 of power)."""
    supply(usd_market, supplier, 10_000 * USD)
    position(borrower, {"CC": 1_000 * WAD}, ("USD6", 500 * USD))


# ------------------------------------------------------------------ caps


def test_set_caps__supply_cap__deposits_stop_at_it(
    controller, usd_market, governance, supplier, tokens, loan
):
    """A deposit that would take total assets above the cap is refused; maxDeposit is the room left,
    and depositing exactly that goes through."""
    cap = usd_market.totalAssets() + 1_000 * USD
    receipt = controller.set_caps(usd_market, cap, 0, sender=governance)
    assert [(e.supply_cap, e.borrow_cap) for e in receipt.events.filter(controller.CapsSet)] == [(cap, 0)]
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=supplier)
    room = usd_market.maxDeposit(supplier)
    assert cap - usd_market.totalAssets() - 10 <= room <= cap - usd_market.totalAssets()
    with ape.reverts("market: supply cap reached"):
        usd_market.deposit(room + 10, supplier, sender=supplier)
    usd_market.deposit(room, supplier, sender=supplier)
    assert usd_market.maxMint(supplier) <= usd_market.convertToShares(10)


def test_set_caps__borrow_cap__borrows_stop_at_it(controller, usd_market, governance, borrower, loan):
    """A borrow that would take total borrows above the cap is refused; up to it, it goes through."""
    borrows = usd_market.current_totals().borrows
    controller.set_caps(usd_market, 0, borrows + 100 * USD, sender=governance)
    with ape.reverts("market: borrow cap reached"):
        usd_market.borrow(100 * USD + 10, borrower, sender=borrower)
    usd_market.borrow(90 * USD, borrower, sender=borrower)
    controller.set_caps(usd_market, 0, 0, sender=governance)  # 0: no cap
    usd_market.borrow(100 * USD, borrower, sender=borrower)


def test_set_caps__lowered_below_positions__they_may_only_shrink(
    controller, usd_market, governance, supplier, borrower, tokens, loan
):
    """Caps below what is already there refuse growth, never repay or withdrawal."""
    controller.set_caps(usd_market, 1, 1, sender=governance)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=borrower)
    usd_market.repay(100 * USD, borrower, sender=borrower)
    usd_market.withdraw(1_000 * USD, supplier, supplier, sender=supplier)
    assert usd_market.maxDeposit(supplier) == 0


def test_set_caps__bad_input__reverts(controller, usd_market, governance, non_owner, stranger):
    with ape.reverts("ownable: caller is not the owner"):
        controller.set_caps(usd_market, 1, 1, sender=non_owner)
    with ape.reverts("controller: cap out of bounds"):
        controller.set_caps(usd_market, 2**128, 0, sender=governance)
    with ape.reverts("controller: cap out of bounds"):
        controller.set_caps(usd_market, 0, 2**128, sender=governance)
    with ape.reverts("controller: market not listed"):
        controller.set_caps(stranger, 0, 0, sender=governance)


# ----------------------------------------------------------------- pause


def test_set_paused__guardian_pauses__deposit_and_borrow_refused(
    controller, usd_market, with_guardian, supplier, borrower, tokens, loan
):
    """The guardian pauses both: deposit and mint are refused (maxDeposit/maxMint 0), borrow too."""
    receipt = controller.set_paused(usd_market, True, True, sender=with_guardian)
    paused = receipt.events.filter(controller.PausedSet)
    assert [(e.deposit_paused, e.borrow_paused) for e in paused] == [(True, True)]
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=supplier)
    with ape.reverts("market: deposit paused"):
        usd_market.deposit(USD, supplier, sender=supplier)
    with ape.reverts("market: deposit paused"):
        usd_market.mint(10**9, supplier, sender=supplier)
    assert usd_market.maxDeposit(supplier) == 0 and usd_market.maxMint(supplier) == 0
    with ape.reverts("market: borrow paused"):
        usd_market.borrow(USD, borrower, sender=borrower)


def test_set_paused__paused__repay_withdraw_liquidate_still_work(
    controller, usd_market, cc_market, with_guardian, supplier, borrower, liquidator, tokens, set_price, loan
):
    """Nothing the guardian does stops an exit: repay, a healthy withdrawal, a liquidation."""
    controller.set_paused(usd_market, True, True, sender=with_guardian)
    controller.set_paused(cc_market, True, True, sender=with_guardian)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=borrower)
    usd_market.repay(10 * USD, borrower, sender=borrower)
    usd_market.withdraw(1_000 * USD, supplier, supplier, sender=supplier)
    set_price("CC", 60 * 10**6)  # $600 x 0.75 = $450 < $490 of debt
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    usd_market.liquidate(borrower, 100 * USD, cc_market, 0, sender=liquidator)


def test_set_paused__guardian_unpauses__reverts(
    controller, usd_market, governance, with_guardian, supplier, supply
):
    """Only the owner resumes; the guardian may add a pause but not lift one."""
    controller.set_paused(usd_market, True, False, sender=with_guardian)
    with ape.reverts("controller: only the owner unpauses"):
        controller.set_paused(usd_market, False, True, sender=with_guardian)
    controller.set_paused(usd_market, True, True, sender=with_guardian)
    controller.set_paused(usd_market, False, False, sender=governance)
    supply(usd_market, supplier, USD)
    config = controller.market_config(usd_market)
    assert (config.deposit_paused, config.borrow_paused) == (False, False)


def test_set_paused__stranger__reverts(controller, usd_market, non_owner):
    """Without a guardian set, nobody but the owner pauses; a stranger never does."""
    with ape.reverts("controller: caller is not the owner or the pause guardian"):
        controller.set_paused(usd_market, True, True, sender=non_owner)


def test_set_pause_guardian__non_owner__reverts(controller, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        controller.set_pause_guardian(non_owner, sender=non_owner)


def test_set_controls__not_the_controller__reverts(usd_market, governance):
    """The market takes its controls only from its Controller, not even from governance directly."""
    with ape.reverts("market: caller is not the controller"):
        usd_market.set_controls(0, 0, sender=governance)


# ---------------------------------------------------------------- delist


def test_delist__new_entries_deposits_borrows__refused(
    controller, cc_market, usd_market, governance, supplier, borrower, non_owner, tokens, loan
):
    """A delisted market takes no new collateral, deposit or borrow, and cannot be resumed."""
    receipt = controller.delist(usd_market, sender=governance)
    assert [e.market for e in receipt.events.filter(controller.MarketDelisted)] == [usd_market.address]
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=supplier)
    with ape.reverts("market: delisted"):
        usd_market.deposit(USD, supplier, sender=supplier)
    with ape.reverts("market: delisted"):
        usd_market.borrow(USD, borrower, sender=borrower)
    with ape.reverts("controller: market delisted"):
        controller.enter_markets([usd_market], sender=non_owner)
    with ape.reverts("controller: market delisted"):
        controller.set_paused(usd_market, False, False, sender=governance)
    with ape.reverts("controller: market delisted"):
        controller.delist(usd_market, sender=governance)
    assert controller.market_config(usd_market).delisted


def test_delist__positions__repay_withdraw_liquidate(
    controller, cc_market, usd_market, governance, supplier, borrower, liquidator, tokens, set_price, loan
):
    """Delisting the collateral and the borrowed market leaves every way out open."""
    controller.delist(usd_market, sender=governance)
    controller.delist(cc_market, sender=governance)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=borrower)
    usd_market.repay(10 * USD, borrower, sender=borrower)
    usd_market.withdraw(1_000 * USD, supplier, supplier, sender=supplier)
    set_price("CC", 60 * 10**6)
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    usd_market.liquidate(borrower, 100 * USD, cc_market, 0, sender=liquidator)


def test_delist__non_owner__reverts(controller, usd_market, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        controller.delist(usd_market, sender=non_owner)


# ----------------------------------------------------------------- sweep


def test_sweep__stray_token__to_governance_cash_untouched(usd_market, tokens, governance, supplier, loan):
    """CMDT sent to the USD6 market by mistake goes to governance; the market's cash does not move."""
    tokens["CMDT"].transfer(usd_market, 7 * WAD, sender=supplier)
    cash, balance = usd_market.cash(), tokens["USD6"].balanceOf(usd_market)
    before = tokens["CMDT"].balanceOf(governance)
    usd_market.sweep(tokens["CMDT"], sender=governance)
    assert tokens["CMDT"].balanceOf(governance) - before == 7 * WAD
    assert (usd_market.cash(), tokens["USD6"].balanceOf(usd_market)) == (cash, balance)


def test_sweep__the_asset__reverts(usd_market, tokens, governance, supplier):
    """Not even a donation of the asset itself is swept: cash can never leave this way."""
    tokens["USD6"].transfer(usd_market, USD, sender=supplier)
    with ape.reverts("market: cannot sweep the asset"):
        usd_market.sweep(tokens["USD6"], sender=governance)


def test_sweep__non_governance__reverts(usd_market, tokens, non_owner):
    with ape.reverts("market: caller is not governance"):
        usd_market.sweep(tokens["CMDT"], sender=non_owner)

"""Review finding 9: one stale feed froze accounts without debt and shielded underwater borrowers from
liquidation.

An account without debt needs no price; collateral whose feed fails is worth zero, so a stale feed in a market
the borrower entered cannot veto its liquidation. A debt that cannot be priced still refuses (it cannot be
valued)."""

import ape
import pytest

from fivefold.lending import model as lending
from fivefold.units import WAD


@pytest.fixture
def stale(feeds, deployer, chain):
    """`stale("CMDT")`: the feed's last answer is older than the adapter's heartbeat (one hour)."""

    def do(symbol):
        lending.set_local_answer(
            feeds[symbol], feeds[symbol].answer(), deployer, chain.pending_timestamp - 3601
        )

    return do


def test_withdraw__no_debt_entered_market_feed_stale__succeeds(
    controller, cc_market, cmdt_market, tokens, supplier, supply, stale, non_owner
):
    """A supplier that enabled two markets as collateral but never borrowed withdraws, transfers and exits
    while one of the two feeds is stale (before: every one of these reverted with "feed_reader: stale price").
    """
    supply(cc_market, supplier, 100 * WAD)
    supply(cmdt_market, supplier, 100 * WAD)
    controller.enter_markets([cc_market, cmdt_market], sender=supplier)
    stale("CMDT")
    before = tokens["CC"].balanceOf(supplier)
    cc_market.withdraw(40 * WAD, supplier, supplier, sender=supplier)
    assert tokens["CC"].balanceOf(supplier) - before == 40 * WAD
    cmdt_market.transfer(non_owner, 1000, sender=supplier)
    controller.exit_market(cmdt_market, sender=supplier)
    assert not controller.is_member(supplier, cmdt_market)


def test_liquidate__borrower_enters_stale_market_with_one_wei__still_liquidated(
    controller,
    usd_market,
    cc_market,
    cmdt_market,
    tokens,
    supplier,
    borrower,
    liquidator,
    supply,
    position,
    set_price,
    stale,
):
    """An underwater borrower deposits 1 wei in a market whose feed is stale and enters it, so that pricing
    its account reverts; the liquidation goes through anyway, the stale market's collateral counted as zero.
    """
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 1400 * 10**6))
    set_price("CC", 180 * 10**6)  # $1,350 of borrowing power against $1,400
    supply(cmdt_market, borrower, 1)
    controller.enter_markets([cmdt_market], sender=borrower)
    stale("CMDT")
    tokens["USD6"].approve(usd_market, 2**256 - 1, sender=liquidator)
    receipt = usd_market.liquidate(borrower, 500 * 10**6, cc_market, 0, sender=liquidator)
    assert receipt.events.filter(usd_market.Liquidate)[0].seized_shares > 0
    assert cc_market.balanceOf(liquidator) > 0


def test_withdraw__debt_and_stale_collateral_elsewhere__priced_collateral_decides(
    controller, usd_market, cc_market, cmdt_market, supplier, borrower, supply, position, stale
):
    """A borrower whose CMDT feed is stale may still withdraw CC the CC alone does not need: the stale CMDT
    counts as zero, the conservative side, and a withdrawal the CC alone cannot afford is refused."""
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD, "CMDT": 1000 * WAD}, ("USD6", 1000 * 10**6))
    stale("CMDT")
    # CC alone: 1,000 x $2 x 0.75 = $1,500 against $1,000: 300 CC ($450 of power) may go
    cc_market.withdraw(300 * WAD, borrower, borrower, sender=borrower)
    with ape.reverts("controller: insufficient collateral"):
        cc_market.withdraw(50 * WAD, borrower, borrower, sender=borrower)


def test_borrow__debt_market_feed_stale__reverts_with_the_price_reason(
    usd_market, supplier, borrower, supply, position, stale
):
    """A debt cannot be valued without its price: borrowing more, or anything that needs the account's health,
    refuses with the adapter's reason."""
    supply(usd_market, supplier, 10_000 * 10**6)
    position(borrower, {"CC": 1000 * WAD}, ("USD6", 100 * 10**6))
    stale("USD6")
    with ape.reverts("feed_reader: stale price"):
        usd_market.borrow(10 * 10**6, borrower, sender=borrower)

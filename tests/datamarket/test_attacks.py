"""Attacks on DataMarket, each performed and shown to fail: a seller front-running a purchase with a
price raise, griefing proxies (naming one that never agreed, disputing a good delivery, handing it a
wrong key), reentrancy through native-coin payouts, and a fee-on-transfer token listed by mistake."""

import ape
import pytest

from fivefold.datamarket import model

from .conftest import DESCRIPTION, FEE_BPS, KEY, NATIVE, TOKEN


def test_attack__seller_raises_price_in_front_of_purchase__purchase_reverts(
    datamarket, datamarket_list, datamarket_seller, datamarket_buyer, datamarket_proxy
):
    """The seller sees a purchase at 1 ether pending and raises the price first: the purchase
    reverts on the buyer's limit; the buyer paid nothing."""
    trade = datamarket_list(price=TOKEN, deposit=10 * TOKEN, value=10 * TOKEN)
    datamarket.set_price(trade.listing, 5 * TOKEN, sender=datamarket_seller)  # mined first
    before = datamarket_buyer.balance
    with ape.reverts("data_market: price above the buyer's limit"):
        trade.buy(datamarket_buyer, datamarket_proxy, max_price=TOKEN, value=5 * TOKEN)
    assert datamarket_buyer.balance == before
    assert datamarket.balance == 10 * TOKEN


def test_attack__seller_raises_price_after_purchase__escrowed_price_holds(
    datamarket, datamarket_list, datamarket_seller, datamarket_buyer, datamarket_proxy
):
    """A raise after a purchase changes nothing for it: the seller is credited the escrowed price."""
    trade = datamarket_list(price=TOKEN, deposit=10 * TOKEN, value=10 * TOKEN)
    trade.buy(datamarket_buyer, datamarket_proxy)
    datamarket.set_price(trade.listing, 5 * TOKEN, sender=datamarket_seller)
    trade.deliver(datamarket_buyer, datamarket_proxy)
    datamarket.confirm(trade.id(datamarket_buyer), sender=datamarket_buyer)
    assert datamarket.unclaimed(NATIVE, datamarket_seller) == TOKEN - model.fee(TOKEN, FEE_BPS)


def test_attack__griefer_names_unwilling_proxy__proxy_declines_without_penalty(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy
):
    """A griefer buys naming a proxy that never agreed, hoping to record a missed delivery: the proxy
    declines; its score and record are untouched and the griefer only got its price back."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    datamarket.decline(trade.id(datamarket_buyer), sender=datamarket_proxy)
    record = datamarket.proxy(datamarket_proxy)
    assert (record.missed, record.disputes_lost, record.open_purchases) == (0, 0, 0)
    assert datamarket.unclaimed(NATIVE, datamarket_buyer) == TOKEN


def test_attack__buyer_disputes_good_delivery__fails_and_proxy_is_paid(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy, non_owner, chain
):
    """A buyer who received the right key disputes to get its money back (with its secret, or with a
    made-up one): both revert; at the window's end the proxy is paid its fee and keeps a clean record."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    trade.deliver(datamarket_buyer, datamarket_proxy)
    with ape.reverts("data_market: key matches the commitment"):
        trade.dispute(datamarket_buyer)
    with ape.reverts("data_market: secret is not the buyer key's"):
        trade.dispute(datamarket_buyer, secret=model.new_secret())
    chain.pending_timestamp += datamarket.dispute_window()
    datamarket.finalise(trade.id(datamarket_buyer), sender=non_owner)
    assert datamarket.unclaimed(NATIVE, datamarket_proxy) == model.fee(TOKEN, FEE_BPS)
    assert datamarket.pr_score(datamarket_proxy) == 100


def test_attack__seller_hands_proxy_wrong_key__proxy_declines(
    datamarket, datamarket_list, datamarket_buyer, datamarket_proxy
):
    """A seller gives the proxy a key that is not the committed one, hoping the proxy delivers it and
    loses a dispute: the proxy checks keccak256(key) against the listing first and declines."""
    trade = datamarket_list()
    trade.buy(datamarket_buyer, datamarket_proxy)
    handed = b"\x99" * 32
    assert model.commitment(handed) != trade.state.key_commitment  # what the proxy's client checks
    datamarket.decline(trade.id(datamarket_buyer), sender=datamarket_proxy)
    assert datamarket.proxy(datamarket_proxy).disputes_lost == 0


@pytest.fixture
def datamarket_attacker(project, deployer):
    return project.ReentrantAttacker.deploy(sender=deployer)


def test_attack__seller_contract_reenters_withdraw__second_withdrawal_fails(
    datamarket, datamarket_attacker, datamarket_buyer, datamarket_proxy
):
    """A seller contract whose receive hook calls `withdraw` again while being paid: the reentrant
    call reverts (lock), the seller gets its credit once and the market keeps the rest."""
    attacker = datamarket_attacker
    deposit = TOKEN
    data = datamarket.list_item.encode_input(NATIVE, TOKEN, deposit, DESCRIPTION, model.commitment(KEY))
    attacker.execute(datamarket, data, deposit, value=deposit, sender=datamarket_buyer)
    one_time = model.Buyer.new()
    datamarket.buy(1, datamarket_proxy, TOKEN, one_time.key, value=TOKEN, sender=datamarket_buyer)
    pid = model.purchase_id(1, datamarket_buyer.address)
    c, x, parity = model.encrypt(KEY, pid, one_time.public, model.new_secret())
    datamarket.deliver(pid, c, x, parity, sender=datamarket_proxy)
    datamarket.confirm(pid, sender=datamarket_buyer)
    credit = datamarket.unclaimed(NATIVE, attacker)
    withdraw = datamarket.withdraw.encode_input(NATIVE)
    attacker.arm(datamarket, withdraw, sender=datamarket_buyer)
    attacker.execute(datamarket, withdraw, 0, sender=datamarket_buyer)
    assert attacker.attempted() and not attacker.succeeded()
    assert attacker.balance == credit
    assert datamarket.unclaimed(NATIVE, attacker) == 0
    assert datamarket.balance == deposit + model.fee(TOKEN, FEE_BPS)


def test_attack__seller_contract_reenters_withdraw_deposit__fails(
    datamarket, datamarket_attacker, datamarket_buyer
):
    """Reentering `withdraw_deposit` from the deposit's payment reverts: the deposit is paid once."""
    attacker = datamarket_attacker
    data = datamarket.list_item.encode_input(NATIVE, TOKEN, TOKEN, DESCRIPTION, model.commitment(KEY))
    attacker.execute(datamarket, data, TOKEN, value=TOKEN, sender=datamarket_buyer)
    attacker.execute(datamarket, datamarket.close_listing.encode_input(1), 0, sender=datamarket_buyer)
    again = datamarket.withdraw_deposit.encode_input(1)
    attacker.arm(datamarket, again, sender=datamarket_buyer)
    attacker.execute(datamarket, again, 0, sender=datamarket_buyer)
    assert attacker.attempted() and not attacker.succeeded()
    assert attacker.balance == TOKEN
    assert datamarket.balance == 0


def test_attack__fee_on_transfer_token_listed__deposit_refused(
    project, deployer, owner, datamarket, datamarket_list, datamarket_seller
):
    """Governance lists a token that burns 1% of every transfer (a listing mistake): a seller's
    listing in it would leave the market holding less than its books say, so the deposit is refused
    with the reason and nothing is held or recorded."""
    token = project.MockQuirkyToken.deploy(1, sender=deployer)
    token.mint(datamarket_seller, 1_000 * TOKEN, sender=deployer)
    token.approve(datamarket, 2**256 - 1, sender=datamarket_seller)
    datamarket.set_asset_listed(token, True, sender=owner)
    with ape.reverts("data_market: token took a fee on transfer"):
        datamarket_list(token, price=100 * TOKEN)
    assert token.balanceOf(datamarket) == 0

"""DataMarket under random sequences of listings (native, CPC, USDT), purchases, deliveries with the
right or a wrong key, confirmations, disputes, time, finalisations, refunds, declines, proxy stakes
and exits, closings and withdrawals: per asset the market holds exactly
escrow + deposits + stakes (CPC) + unclaimed credits, to the wei."""

from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fivefold.datamarket import model
from tests.tests_support import machine_settings

from .conftest import DESCRIPTION, NATIVE, TOKEN

MACHINE_SETTINGS = machine_settings(10, min_steps=10)
KEYS = (b"\x01" * 32, b"\x02" * 32)


def test_datamarket__random_operations__balance_equals_liabilities(
    datamarket,
    datamarket_cpc,
    datamarket_usdt,
    datamarket_seller,
    datamarket_buyer,
    datamarket_proxy,
    datamarket_other_proxy,
    owner,
    non_owner,
    chain,
):
    """Random sequences of every function over three assets: the balance equation holds after each step."""
    sellers = [datamarket_seller, owner]
    buyers = [datamarket_buyer, non_owner]
    proxies = [datamarket_proxy, datamarket_other_proxy]
    for token in (datamarket_cpc, datamarket_usdt):
        for who in (owner, non_owner):
            if token == datamarket_usdt:
                token.faucet(who, 10**12, sender=who)
            else:
                token.transfer(who, 10_000 * TOKEN, sender=datamarket_seller)
            token.approve(datamarket, 2**256 - 1, sender=who)
    for p in proxies:
        datamarket_cpc.approve(datamarket, 2**256 - 1, sender=p)
    assets = {"native": NATIVE, "CPC": datamarket_cpc.address, "USDT": datamarket_usdt.address}
    tokens = {datamarket_cpc.address: datamarket_cpc, datamarket_usdt.address: datamarket_usdt}
    units = {"native": 10**12, "CPC": 10**15, "USDT": 10**3}
    accounts_ = {a.address: a for a in sellers + buyers + proxies}

    class Machine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.listings = []  # (id, asset, key)
            self.purchases = {}  # id -> dict(listing, buyer, proxy, one_time, delivery)

        def teardown(self):
            chain.restore(self.snapshot)

        @rule(
            symbol=st.sampled_from(sorted(assets)),
            who=st.integers(0, 1),
            price=st.integers(1, 10_000),
            key=st.integers(0, 1),
        )
        def list_item(self, symbol, who, price, key):
            asset, p = assets[symbol], price * units[symbol]
            deposit = model.min_deposit(p, datamarket.min_deposit_bps())
            value = deposit if asset == NATIVE else 0
            tx = datamarket.list_item(
                asset, p, deposit, DESCRIPTION, model.commitment(KEYS[0]), value=value, sender=sellers[who]
            )
            self.listings.append((tx.return_value, asset, KEYS[key]))  # KEYS[1]: the seller hands a wrong key

        @precondition(lambda self: self.listings)
        @rule(i=st.integers(0, 50), b=st.integers(0, 1), x=st.integers(0, 1))
        def buy(self, i, b, x):
            lid, asset, _ = self.listings[i % len(self.listings)]
            listing, buyer, proxy = datamarket.listing(lid), buyers[b], proxies[x]
            pid = model.purchase_id(lid, buyer.address)
            state = datamarket.purchase(pid).state
            if listing.status != model.LISTING_OPEN or state in (1, 2, 3) or not datamarket.is_proxy(proxy):
                return
            one_time = model.Buyer.new()
            value = listing.price if asset == NATIVE else 0
            datamarket.buy(lid, proxy, listing.price, one_time.key, value=value, sender=buyer)
            self.purchases[pid] = dict(
                listing=lid,
                buyer=buyer,
                proxy=proxy,
                one_time=one_time,
                key=self.listings[i % len(self.listings)][2],
            )

        def _pick(self, i, state):
            ids = [pid for pid in self.purchases if datamarket.purchase(pid).state == state]
            return ids[i % len(ids)] if ids else None

        @rule(i=st.integers(0, 50))
        def deliver(self, i):
            pid = self._pick(i, model.STATE_PAID)
            if pid is None or chain.pending_timestamp >= datamarket.purchase(pid).deadline:
                return
            p = self.purchases[pid]
            p["delivery"] = model.encrypt(p["key"], pid, p["one_time"].public, model.new_secret())
            datamarket.deliver(pid, *p["delivery"], sender=p["proxy"])

        @rule(i=st.integers(0, 50))
        def confirm_or_dispute(self, i):
            pid = self._pick(i, model.STATE_DELIVERED)
            if pid is None or chain.pending_timestamp >= datamarket.purchase(pid).deadline:
                return
            p = self.purchases[pid]
            if p["key"] == KEYS[0]:
                datamarket.confirm(pid, sender=p["buyer"])
            else:
                datamarket.dispute(pid, p["one_time"].secret, *p["delivery"], sender=p["buyer"])

        @rule(i=st.integers(0, 50))
        def decline(self, i):
            pid = self._pick(i, model.STATE_PAID)
            if pid is not None and chain.pending_timestamp < datamarket.purchase(pid).deadline:
                datamarket.decline(pid, sender=self.purchases[pid]["proxy"])

        @rule(seconds=st.sampled_from([3_600, 86_400, 3 * 86_400]))
        def wait(self, seconds):
            chain.pending_timestamp += seconds

        @rule(i=st.integers(0, 50))
        def finalise_or_refund(self, i):
            now = chain.pending_timestamp
            for pid in self.purchases:
                p = datamarket.purchase(pid)
                if p.state == model.STATE_DELIVERED and now >= p.deadline:
                    datamarket.finalise(pid, sender=non_owner)
                    return
                if p.state == model.STATE_PAID and now >= p.deadline:
                    datamarket.refund_undelivered(pid, sender=non_owner)
                    return

        @rule(who=st.sampled_from(sorted(accounts_)), symbol=st.sampled_from(sorted(assets)))
        def withdraw(self, who, symbol):
            if datamarket.unclaimed(assets[symbol], who):
                datamarket.withdraw(assets[symbol], sender=accounts_[who])

        @precondition(lambda self: self.listings)
        @rule(i=st.integers(0, 50))
        def close_and_withdraw_deposit(self, i):
            lid = self.listings[i % len(self.listings)][0]
            listing = datamarket.listing(lid)
            seller = accounts_[listing.seller]
            if listing.status == model.LISTING_OPEN:
                datamarket.close_listing(lid, sender=seller)
            elif listing.open_purchases == 0 and listing.deposit:
                datamarket.withdraw_deposit(lid, sender=seller)

        @rule(x=st.integers(0, 1), amount=st.integers(1, 10**6))
        def stake_more(self, x, amount):
            if not datamarket.proxy(proxies[x]).leaving:
                datamarket.stake_proxy(amount * 10**12, sender=proxies[x])

        @rule(x=st.integers(0, 1))
        def leave_and_withdraw_stake(self, x):
            record = datamarket.proxy(proxies[x])
            if not record.leaving:
                datamarket.leave_proxy(sender=proxies[x])
            elif record.open_purchases == 0 and record.stake:
                datamarket.withdraw_stake(sender=proxies[x])

        @invariant()
        def balance_equals_liabilities(self):
            for asset in assets.values():
                escrow = sum(
                    datamarket.purchase(pid).price
                    for pid in self.purchases
                    if datamarket.purchase(pid).state in (model.STATE_PAID, model.STATE_DELIVERED)
                    and datamarket.listing(self.purchases[pid]["listing"]).asset == asset
                )
                deposits = sum(datamarket.listing(lid).deposit for lid, a, _ in self.listings if a == asset)
                stakes = (
                    sum(datamarket.proxy(p).stake for p in proxies) if asset == datamarket_cpc.address else 0
                )
                credits = sum(datamarket.unclaimed(asset, a) for a in accounts_)
                held = datamarket.balance if asset == NATIVE else tokens[asset].balanceOf(datamarket)
                assert held == escrow + deposits + stakes + credits

    run_state_machine_as_test(Machine, settings=MACHINE_SETTINGS)

"""Stateful fuzzing of the mall against fivefold/nft/model_mall.py.

Random auction listings (ERC-721 and ERC-1155, native coin and USDT), bids at or above the minimum by
three bidders, settlements, withdrawals, signed-order sales, fee and royalty changes and time jumps
(including into the last 15 minutes). After every step, to the wei and per asset:
- the mall holds exactly the sum of every credit (`pending`) plus every live auction's top bid;
- every account's `pending` equals the model's;
- every NFT is where the model says: the seller's wallet, the mall while its auction is open, and
  after settlement only the winner (or, without bids, the seller).
"""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from fivefold.nft import model_mall, orders

NATIVE = orders.NATIVE
TOKEN_IDS = (1, 2, 3, 4, 5)
MULTI_ID = 7


def test_mall__random_operations__holds_exactly_what_it_owes(
    mall, nft, multi, mall_usdt, owner, seller, buyer, bidder, rival, royalty_receiver, treasury, chain
):
    bidders = [bidder, rival, buyer]
    accounts = [
        seller.address,
        buyer.address,
        bidder.address,
        rival.address,
        royalty_receiver.address,
        treasury.address,
    ]
    assets = [NATIVE, mall_usdt.address]

    class MallMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.now = chain.blocks.head.timestamp + 1
            self.ledger = model_mall.Ledger()
            self.owner_of = {t: seller.address for t in TOKEN_IDS}  # ERC-721 token -> holder
            self.multi_in_mall = 0  # ERC-1155 units escrowed
            self.multi_with_seller = multi.balanceOf(seller, MULTI_ID)
            self.auctions = {}  # id -> dict(kind, token, asset, end, fee, bidder, bid, settled)
            self.fee_bps = 0
            self.royalty_bps = 500
            self.salt = 0

        def teardown(self):
            chain.restore(self.snapshot)

        def _at(self):
            chain.pending_timestamp = self.now
            return self.now

        def _live(self):
            return [i for i, a in self.auctions.items() if not a["settled"] and self.now < a["end"]]

        # rules

        @rule(seconds=st.sampled_from([1, 60, 600, 3_000, 3_600]))
        def advance(self, seconds):
            self.now += seconds

        @rule(
            kind=st.sampled_from(["erc721", "erc1155"]),
            asset=st.sampled_from(assets),
            reserve=st.sampled_from([0, 1, 10**6, 10**18 + 7]),
        )
        def list_auction(self, kind, asset, reserve):
            self._at()
            if kind == "erc721":
                free = [t for t, h in self.owner_of.items() if h == seller.address]
                if not free:
                    return
                token = free[0]
                tx = mall.list_auction(nft, token, 1, False, asset, reserve, 3_600, sender=seller)
                self.owner_of[token] = mall.address
            else:
                if self.multi_with_seller == 0:
                    return
                token = MULTI_ID
                self.multi_with_seller -= 1
                tx = mall.list_auction(multi, token, 1, True, asset, reserve, 3_600, sender=seller)
                self.multi_in_mall += 1
            self.auctions[tx.return_value] = dict(
                kind=kind,
                token=token,
                asset=asset,
                end=self.now + 3_600,
                fee=self.fee_bps,
                bidder=None,
                bid=0,
                reserve=reserve,
                settled=False,
            )

        @rule(pick=st.integers(0, 10), who=st.integers(0, 2), extra=st.sampled_from([0, 0, 1, 10**17]))
        def bid(self, pick, who, extra):
            live = self._live()
            if not live:
                return
            id_ = live[pick % len(live)]
            a = self.auctions[id_]
            account = bidders[who]
            amount = model_mall.min_bid(a["reserve"], a["bid"], a["bidder"] is not None) + extra
            self._at()
            value = amount if a["asset"] == NATIVE else 0
            tx = mall.bid(id_, amount, value=value, sender=account)
            self.ledger.bid(id_, a["asset"], account.address, amount)
            a["end"] = model_mall.end_after_bid(a["end"], tx.timestamp)
            a["bidder"], a["bid"] = account.address, amount

        @rule(pick=st.integers(0, 10))
        def settle(self, pick):
            ended = [i for i, a in self.auctions.items() if not a["settled"] and self.now >= a["end"]]
            if not ended:
                return
            id_ = ended[pick % len(ended)]
            a = self.auctions[id_]
            self._at()
            mall.settle(id_, sender=rival)
            a["settled"] = True
            winner = a["bidder"] or seller.address
            answer = a["bid"] * self.royalty_bps // 10_000 if a["kind"] == "erc721" else 0
            receiver = royalty_receiver.address if answer else None
            self.ledger.settle(id_, seller.address, receiver, answer, a["fee"], treasury.address)
            if a["kind"] == "erc721":
                self.owner_of[a["token"]] = winner
            else:
                self.multi_in_mall -= 1
                self.multi_with_seller += winner == seller.address

        @rule(i=st.integers(0, 5), asset=st.sampled_from(assets))
        def withdraw(self, i, asset):
            expected = self.ledger.pending.get((accounts[i], asset), 0)
            if expected == 0:
                return
            self._at()
            tx = mall.withdraw(asset, sender=accounts[i])
            assert tx.return_value == self.ledger.withdraw(accounts[i], asset) == expected

        @rule(asset=st.sampled_from(assets), price=st.sampled_from([1, 999, 10**18]))
        def buy(self, asset, price):
            free = [t for t, h in self.owner_of.items() if h == seller.address]
            if not free:
                return
            self.salt += 1
            o = orders.order(
                mall,
                seller.address,
                nft.address,
                free[-1],
                price,
                self.now + 86_400,
                asset=asset,
                salt=self.salt,
            )
            signature = orders.sign_order(seller, mall, chain.chain_id, o)
            self._at()
            mall.buy(orders.as_tuple(o), signature, value=price if asset == NATIVE else 0, sender=buyer)
            _, fee, _ = model_mall.split(price, price * self.royalty_bps // 10_000, self.fee_bps)
            self.ledger.credit(treasury.address, asset, fee)  # royalty and proceeds are pushed
            self.owner_of[free[-1]] = buyer.address

        @rule(fee=st.sampled_from([0, 250, 1_000]))
        def set_fee(self, fee):
            self._at()
            mall.set_fee_bps(fee, sender=owner)
            self.fee_bps = fee

        @rule(bps=st.sampled_from([0, 500, 15_000]))
        def set_royalty(self, bps):
            self._at()
            nft.set_royalty(royalty_receiver, bps, sender=owner)
            self.royalty_bps = bps

        # invariants

        @invariant()
        def holds_exactly_what_it_owes(self):
            assert mall.balance == self.ledger.owed(NATIVE)
            assert mall_usdt.balanceOf(mall) == self.ledger.owed(mall_usdt.address)

        @invariant()
        def credits_match(self):
            for account in accounts:
                for asset in assets:
                    assert mall.pending(account, asset) == self.ledger.pending.get((account, asset), 0)

        @invariant()
        def nfts_where_expected(self):
            assert [nft.ownerOf(t) for t in TOKEN_IDS] == [self.owner_of[t] for t in TOKEN_IDS]
            assert multi.balanceOf(mall, MULTI_ID) == self.multi_in_mall
            assert multi.balanceOf(seller, MULTI_ID) == self.multi_with_seller

    profile = settings()
    run_state_machine_as_test(
        MallMachine,
        settings=settings(
            profile,
            max_examples=max(1, profile.max_examples // 5),
            stateful_step_count=profile.stateful_step_count,
        ),
    )

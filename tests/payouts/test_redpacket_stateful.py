"""RedPacket under random sequences of native and ERC-20 packets, many claimers, time and
refunds: wei-exact conservation per packet (deposited = claimed + refunded + fee) and per asset
(the contract holds exactly what packets have left plus unwithdrawn fees)."""

from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fivefold.payouts import model as payouts
from tests.tests_support import machine_settings

from .conftest import DAY, NATIVE, TEST_ROUNDS

# Each step is one to three transactions; scale the loaded profile (ci or deep) to the time budget.
MACHINE_SETTINGS = machine_settings(12, min_steps=8, steps_share=2)


def test_redpacket__random_operations__conserve_every_wei(
    redpacket, cmdt, creator, operator, treasury, accounts, chain
):
    creators = [creator, operator]
    claimers = list(accounts[3:8])

    class Machine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            # dicts: p, deposited, claimed, refunded, fee, remaining, claimers, expiry, asset
            self.packets = []
            self.salt = 0
            self.withdrawn = {NATIVE: 0, cmdt.address: 0}

        def teardown(self):
            chain.restore(self.snapshot)

        @rule(native=st.booleans(), who=st.integers(0, 1), shares=st.integers(1, 4), random=st.booleans(),
              units=st.integers(1, 10**6), duration=st.sampled_from([600, DAY]))
        def create(self, native, who, shares, random, units, duration):
            self.salt += 1
            c = creators[who]
            amount = units * (10**10 if native else 10**15) + shares * 100
            key = payouts.password_key(
                "pw", c.address, self.salt, chain.chain_id, redpacket.address, rounds=TEST_ROUNDS
            )
            asset = NATIVE if native else cmdt.address
            if native:
                tx = redpacket.create(
                    NATIVE,
                    amount,
                    redpacket.quote_fee(NATIVE, amount),
                    shares,
                    random,
                    duration,
                    key.address,
                    self.salt,
                    0,
                    value=amount,
                    sender=c,
                )
            else:
                cmdt.approve(redpacket, amount, sender=c)
                tx = redpacket.create(
                    cmdt,
                    amount,
                    redpacket.quote_fee(cmdt, amount),
                    shares,
                    random,
                    duration,
                    key.address,
                    self.salt,
                    0,
                    sender=c,
                )
            [log] = tx.decode_logs(redpacket.PacketCreated)
            pid = payouts.packet_id(c.address, key.address, asset, self.salt)
            state = redpacket.packet(pid)
            assert log.amount + log.fee == amount and state.remaining == log.amount
            self.packets.append(
                dict(
                    creator=c,
                    key=key,
                    salt=self.salt,
                    asset=asset,
                    id=pid,
                    deposited=amount,
                    fee=log.fee,
                    claimed=0,
                    refunded=0,
                    remaining=log.amount,
                    shares=shares,
                    random=random,
                    seed=state.seed,
                    claimers=set(),
                    expiry=log.expiry,
                )
            )

        def _open(self):
            now = chain.pending_timestamp
            return [p for p in self.packets if now < p["expiry"] and len(p["claimers"]) < p["shares"]]

        @precondition(lambda self: self._open())
        @rule(data=st.data())
        def claim(self, data):
            p = data.draw(st.sampled_from(self._open()))
            free = [c for c in claimers if c.address not in p["claimers"]]
            c = data.draw(st.sampled_from(free))
            k = len(p["claimers"])
            expected = payouts.share(p["remaining"], p["shares"] - k, k, p["seed"], p["random"])
            r, vs = payouts.sign_claim(p["key"].key, chain.chain_id, redpacket.address, p["id"], c.address)
            tx = redpacket.claim(p["creator"], p["key"].address, p["asset"], p["salt"], r, vs, sender=c)
            [log] = tx.decode_logs(redpacket.Claimed)
            assert log.amount == expected >= 1
            p["claimed"] += expected
            p["remaining"] -= expected
            p["claimers"].add(c.address)

        @rule(seconds=st.sampled_from([300, 3_600, DAY]))
        def wait(self, seconds):
            chain.pending_timestamp += seconds

        def _refundable(self):
            now = chain.pending_timestamp
            return [p for p in self.packets if now >= p["expiry"] and p["remaining"] > 0]

        @precondition(lambda self: self._refundable())
        @rule(data=st.data())
        def refund(self, data):
            p = data.draw(st.sampled_from(self._refundable()))
            tx = redpacket.refund(p["key"].address, p["asset"], p["salt"], sender=p["creator"])
            assert tx.decode_logs(redpacket.Refunded)[0].amount == p["remaining"]
            p["refunded"] += p["remaining"]
            p["remaining"] = 0

        @precondition(lambda self: self.packets)
        @rule(native=st.booleans())
        def withdraw_fees(self, native):
            asset = NATIVE if native else cmdt.address
            owed = redpacket.fees(asset)
            if owed:
                redpacket.withdraw_fees(asset, sender=treasury)
                self.withdrawn[asset] += owed

        @invariant()
        def every_wei_accounted(self):
            for p in self.packets:
                assert p["deposited"] == p["claimed"] + p["refunded"] + p["fee"] + p["remaining"]
                if p["remaining"] == 0:
                    assert p["deposited"] == p["claimed"] + p["refunded"] + p["fee"]
            for asset, held in ((NATIVE, redpacket.balance), (cmdt.address, cmdt.balanceOf(redpacket))):
                ps = [p for p in self.packets if p["asset"] == asset]
                fees = sum(p["fee"] for p in ps) - self.withdrawn[asset]
                assert redpacket.fees(asset) == fees
                assert held == sum(p["remaining"] for p in ps) + fees

    run_state_machine_as_test(Machine, settings=MACHINE_SETTINGS)

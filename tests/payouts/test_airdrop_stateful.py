"""AirdropRounds under random publications, draws, claims (by anyone, at the scheduled turn),
time and sweeps: per round, wei-exact, funded = paid to accounts + swept + still held."""

from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fivefold.payouts import merkle
from fivefold.payouts import model as payouts
from tests.tests_support import machine_settings

from .conftest import DAY, NATIVE, round_at, round_key

MACHINE_SETTINGS = machine_settings(10, min_steps=8, steps_share=2)


def test_airdrop__random_operations__conserve_every_wei(
    project, airdrop, cmdt, operator, treasury, accounts, chain
):
    recipients = [a.address for a in accounts[3:8]]

    class Machine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.snapshot = chain.snapshot()
            self.rounds = []

        def teardown(self):
            chain.restore(self.snapshot)

        def _held(self, r):
            return r["c"].holdings()

        @rule(native=st.booleans(), amounts=st.lists(st.integers(1, 10**20), min_size=1, max_size=5))
        def publish(self, native, amounts):
            number = int(airdrop.round_count()) + 1
            accts = recipients[: len(amounts)]
            key = round_key(chain, airdrop, number)
            tree = merkle.MerkleTree(
                merkle.airdrop_leaves(key.prefix, [bytes.fromhex(a[2:]) for a in accts], amounts)
            )
            total, start = sum(amounts), chain.pending_timestamp
            if native:
                airdrop.publish(
                    number,
                    NATIVE,
                    tree.root_int,
                    key.salt,
                    total,
                    len(amounts),
                    start,
                    start + 2 * DAY,
                    value=total,
                    sender=operator,
                )
            else:
                cmdt.approve(airdrop, total, sender=operator)
                airdrop.publish(
                    number,
                    cmdt,
                    tree.root_int,
                    key.salt,
                    total,
                    len(amounts),
                    start,
                    start + 2 * DAY,
                    sender=operator,
                )
            c = round_at(project, chain, airdrop.rounds(number))
            self.rounds.append(
                dict(
                    c=c,
                    tree=tree,
                    accounts=accts,
                    amounts=amounts,
                    total=total,
                    paid=0,
                    swept=0,
                    claimed=set(),
                    native=native,
                    end=start + 2 * DAY,
                    fee=int(c.FEE_BPS()),
                )
            )

        def _balance(self, r, who):
            return chain.provider.get_balance(who) if r["native"] else cmdt.balanceOf(who)

        def _claimable(self):
            now = chain.pending_timestamp
            return [(r, i) for r in self.rounds for i in range(len(r["amounts"]))
                    if i not in r["claimed"] and now < r["end"]]

        @precondition(lambda self: self._claimable())
        @rule(data=st.data())
        def claim(self, data):
            r, i = data.draw(st.sampled_from(self._claimable()))
            c = r["c"]
            if c.seed() == 0:
                target = c.draw_block()
                if chain.blocks.height <= target:  # one request for all blocks
                    chain.mine(target + 1 - chain.blocks.height)
                c.draw(sender=operator)
            unlock = int(c.unlock_time(i))
            if chain.pending_timestamp < unlock:
                chain.pending_timestamp = unlock
            if chain.pending_timestamp >= r["end"]:
                return  # its turn came too late: the window closed
            account = r["accounts"][i]
            before = self._balance(r, account)
            c.claim(i, account, r["amounts"][i], merkle.ints(r["tree"].proof(i)), sender=accounts[9])
            got = self._balance(r, account) - before
            assert got == payouts.airdrop_net(r["amounts"][i], r["fee"])
            r["paid"] += got
            r["claimed"].add(i)

        @rule(seconds=st.sampled_from([3_600, DAY]))
        def wait(self, seconds):
            chain.pending_timestamp += seconds

        def _sweepable(self):
            now = chain.pending_timestamp
            return [r for r in self.rounds if now >= r["end"] and r["total"] - r["paid"] - r["swept"] > 0]

        @precondition(lambda self: self._sweepable())
        @rule(data=st.data())
        def sweep(self, data):
            r = data.draw(st.sampled_from(self._sweepable()))
            before = self._balance(r, treasury.address)
            r["c"].sweep(sender=accounts[9])
            r["swept"] += self._balance(r, treasury.address) - before

        @invariant()
        def funded_equals_paid_plus_swept_plus_held(self):
            for r in self.rounds:
                assert r["total"] == r["paid"] + r["swept"] + self._held(r)

    run_state_machine_as_test(Machine, settings=MACHINE_SETTINGS)

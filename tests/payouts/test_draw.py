"""AirdropRound.draw and the random schedule: a seed no one can choose, tiers by registration."""

import ape
import pytest

from fivefold.payouts import model as payouts
from tests.tests_support import isolated

from .conftest import DAY, NATIVE, TOKEN


def _mine_to(chain, block):
    if chain.blocks.height < block:
        chain.mine(block - chain.blocks.height)


def test_draw__after_draw_block__seed_from_its_hash(publish_round, accounts, chain, stranger):
    rnd = publish_round(accounts[3:7], [TOKEN] * 4)
    target = rnd.contract.draw_block()
    _mine_to(chain, target)
    tx = rnd.contract.draw(sender=stranger)
    expected = payouts.schedule_seed(bytes(chain.blocks[target].hash), 1, rnd.tree.root_int)
    assert rnd.contract.seed() == expected
    [log] = tx.decode_logs(rnd.contract.ScheduleDrawn)
    assert (log.seed, log.hash_block) == (expected, target)


def test_draw__before_draw_block__reverts(publish_round, accounts, stranger, operator):
    rnd = publish_round(accounts[3:5], [TOKEN] * 2)
    with ape.reverts("airdrop_round: draw block not mined yet"):
        rnd.contract.draw(sender=operator)


def test_draw__in_the_draw_block_itself__reverts(publish_round, accounts, chain, operator):
    """The draw block's hash exists only once a later block does: a draw mined in the draw block
    is refused (gas given, so that it is mined there rather than estimated a block earlier)."""
    rnd = publish_round(accounts[3:5], [TOKEN] * 2)
    target = rnd.contract.draw_block()
    _mine_to(chain, target - 1)
    with ape.reverts("airdrop_round: draw block not mined yet"):
        rnd.contract.draw(sender=operator, gas=500_000)
    assert chain.blocks.height == target


def test_unlock_time__one_second_slots__leaf_i_at_start_plus_i(project, deployer, chain, stranger):
    """A round deployed on its own with a 12-second window (the registry's shortest is an hour):
    each of its four tiers is a one-second slot, so leaf i unlocks at start + i, as the model says,
    and any index past the last is read in the last tier."""
    start = chain.pending_timestamp + 100
    rnd = project.AirdropRound.deploy(
        1, NATIVE, 123, b"\x01" * 32, 4, 4, start, start + 12, 0, value=4, sender=deployer
    )
    _mine_to(chain, rnd.draw_block() + 1)
    rnd.draw(sender=stranger)
    times = [rnd.unlock_time(i) for i in range(4)]
    assert times == [payouts.unlock_time(start, start + 12, 0, rnd.seed(), i) for i in range(4)]
    assert times == [start + i for i in range(4)]
    assert rnd.unlock_time(1_000) == start + 3  # an index past the count reads the last tier


def test_draw__twice__reverts(publish_round, accounts, chain, stranger, operator):
    rnd = publish_round(accounts[3:5], [TOKEN] * 2)
    rnd.draw(chain, stranger)
    with ape.reverts("airdrop_round: schedule already drawn"):
        rnd.contract.draw(sender=operator)


def test_draw__operator_cannot_bias__same_seed_whoever_and_whenever(
    publish_round, accounts, chain, operator, stranger
):
    """The operator's only inputs (tree, publication time) are fixed before the draw block
    exists; afterwards the seed is the same whoever draws and however long they wait."""
    rnd = publish_round(accounts[3:9], [TOKEN] * 6)
    target = rnd.contract.draw_block()
    # The draw block is mined once, before the branches: re-mined inside each one it would get
    # another timestamp, so another hash (the test failed whenever a second passed in between).
    _mine_to(chain, target)
    seeds = []
    for drawer, extra_blocks in ((operator, 0), (stranger, 40), (operator, 200)):
        with isolated(chain):
            _mine_to(chain, target + extra_blocks)
            rnd.contract.draw(sender=drawer)
            seeds.append(rnd.contract.seed())
    assert len(set(seeds)) == 1
    # The operator has no call that sets or re-rolls it: every state-changing function of a
    # round is claim, draw (anyone, once) and sweep.
    mutating = {a.name for a in rnd.contract.contract_type.mutable_methods}
    assert mutating == {"claim", "draw", "sweep"}


def test_draw__missed_window__draws_from_the_latest_window_block(publish_round, accounts, chain, operator):
    """Nobody drew within 256 blocks: the draw takes the hash of draw block + 256 * k, the latest of
    that fixed sequence in reach; nothing is postponed and no second transaction is needed."""
    rnd = publish_round(accounts[3:5], [TOKEN] * 2)
    target = rnd.contract.draw_block()
    _mine_to(chain, target + 600)  # the draw lands in block target + 601: k = 2
    tx = rnd.contract.draw(sender=operator)
    assert payouts.seed_block(target, tx.block_number) == target + 512
    expected = payouts.schedule_seed(bytes(chain.blocks[target + 512].hash), 1, rnd.tree.root_int)
    assert rnd.contract.seed() == expected and rnd.contract.draw_block() == target + 512
    [log] = tx.decode_logs(rnd.contract.ScheduleDrawn)
    assert (log.seed, log.hash_block) == (expected, target + 512)


@pytest.mark.parametrize("late_blocks", [0, 255, 256, 1_000])
def test_claim__nobody_drew__the_first_claim_draws_itself(
    publish_round, accounts, chain, stranger, late_blocks
):
    """No separate `draw` transaction: the first claim records the seed (from the draw block, or
    from its latest reachable successor once 256 blocks have passed) and pays, so a round whose
    draw nobody sent is never stuck."""
    rnd = publish_round(accounts[3:5], [TOKEN, 2 * TOKEN], window=8 * DAY)
    c = rnd.contract
    target = c.draw_block()
    _mine_to(chain, target + late_blocks)
    chain.pending_timestamp = c.START() + 4 * DAY  # mid-window: every leaf's turn has come
    before = accounts[4].balance
    tx = rnd.claim(1, sender=stranger)
    hash_block = payouts.seed_block(target, tx.block_number)
    assert hash_block == target + (late_blocks // 256) * 256
    assert c.seed() == payouts.schedule_seed(bytes(chain.blocks[hash_block].hash), 1, rnd.tree.root_int)
    assert tx.decode_logs(c.ScheduleDrawn)[0].hash_block == hash_block
    assert accounts[4].balance == before + payouts.airdrop_net(2 * TOKEN, 500)


def test_claim__before_draw_block__reverts(publish_round, accounts, stranger):
    rnd = publish_round(accounts[4:6], [TOKEN, TOKEN])
    with ape.reverts("airdrop_round: draw block not mined yet"):
        rnd.claim(0, sender=stranger)


def test_claim__first_claim_before_its_turn__reverts_and_draws_nothing(
    publish_round, accounts, chain, stranger
):
    """A first claim that draws and then finds it is not yet its turn reverts whole: the seed
    stays undrawn (anyone's `draw` fixes it; the publish tool sends one)."""
    rnd = publish_round(accounts[:9], [TOKEN] * 9, window=8 * DAY)
    _mine_to(chain, rnd.contract.draw_block())
    with ape.reverts("airdrop_round: not yet this account's turn"):
        rnd.claim(8, sender=stranger)  # tier 2: not before two days into the window
    assert rnd.contract.seed() == 0


def test_unlock_time__tiers__by_registration_order(publish_round, accounts, chain, stranger):
    rnd = publish_round(accounts[:10] + accounts[:6], [1] * 16, window=8 * DAY)  # 16 leaves: 4 per tier
    assert rnd.contract.unlock_time(0) == 0
    rnd.draw(chain, stranger)
    c, seed = rnd.contract, rnd.contract.seed()
    start, end, shift = c.START(), c.END(), c.TIER_SHIFT()
    times = [c.unlock_time(i) for i in range(16)]
    assert times == [payouts.unlock_time(start, end, shift, seed, i) for i in range(16)]
    slot = DAY  # 8 days / (2 * 4 tiers)
    for i, t in enumerate(times):
        tier = i >> shift
        assert start + tier * slot <= t < start + (tier + 1) * slot

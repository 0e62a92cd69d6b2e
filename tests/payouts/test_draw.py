"""AirdropRound.draw and the random schedule: a seed no one can choose, tiers by registration."""

import ape

from fivefold.payouts import model as payouts

from .conftest import DAY, TOKEN


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
    with ape.reverts("airdrop: draw block not mined yet"):
        rnd.contract.draw(sender=operator)


def test_draw__twice__reverts(publish_round, accounts, chain, stranger, operator):
    rnd = publish_round(accounts[3:5], [TOKEN] * 2)
    rnd.draw(chain, stranger)
    with ape.reverts("airdrop: schedule already drawn"):
        rnd.contract.draw(sender=operator)


def test_draw__operator_cannot_bias__same_seed_whoever_and_whenever(publish_round, accounts, chain, operator, stranger):
    """The operator's only inputs (tree, publication time) are fixed before the draw block
    exists; afterwards the seed is the same whoever draws and however long they wait."""
    rnd = publish_round(accounts[3:9], [TOKEN] * 6)
    target = rnd.contract.draw_block()
    seeds = []
    for drawer, extra_blocks in ((operator, 0), (stranger, 40), (operator, 200)):
        with chain.isolate():
            _mine_to(chain, target + extra_blocks)
            rnd.contract.draw(sender=drawer)
            seeds.append(rnd.contract.seed())
    assert len(set(seeds)) == 1
    # The operator has no call that sets or re-rolls it: every state-changing function of a
    # round is claim, draw (anyone, once) and sweep.
    mutating = {a.name for a in rnd.contract.contract_type.mutable_methods}
    assert mutating == {"claim", "draw", "sweep"}


def test_draw__missed_window__moves_to_a_future_block(publish_round, accounts, chain, stranger, operator):
    rnd = publish_round(accounts[3:5], [TOKEN] * 2)
    target = rnd.contract.draw_block()
    _mine_to(chain, target + 257)
    tx = rnd.contract.draw(sender=operator)
    new_target = rnd.contract.draw_block()
    assert new_target == tx.block_number + payouts.DRAW_DELAY and rnd.contract.seed() == 0
    assert tx.decode_logs(rnd.contract.DrawPostponed)[0].draw_block == new_target
    _mine_to(chain, new_target)
    rnd.contract.draw(sender=stranger)
    assert rnd.contract.seed() == payouts.schedule_seed(bytes(chain.blocks[new_target].hash), 1, rnd.tree.root_int)


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

"""LocalPriceFeed: an owner-set AggregatorV3 stand-in."""

import ape

from .conftest import NATIVE


def test_set_answer__owner__new_round_readable(project, owner, chain):
    feed = project.LocalPriceFeed.deploy(8, "ETH / USD", owner, sender=owner)
    t = chain.pending_timestamp - 10
    tx = feed.set_answer(2_000 * 10**8, t, sender=owner)
    assert feed.latestRoundData() == (1, 2_000 * 10**8, t, t, 1)
    assert feed.decimals() == 8 and feed.description() == "ETH / USD"
    assert tx.decode_logs(feed.AnswerUpdated)[0].current == 2_000 * 10**8


def test_latest_round_data__no_answer__reverts(project, owner):
    feed = project.LocalPriceFeed.deploy(8, "X", owner, sender=owner)
    with ape.reverts("local_price_feed: no answer yet"):
        feed.latestRoundData()


def test_set_answer__non_owner__reverts(project, owner, non_owner, chain):
    feed = project.LocalPriceFeed.deploy(8, "X", owner, sender=owner)
    with ape.reverts("ownable: caller is not the owner"):
        feed.set_answer(1, chain.pending_timestamp - 1, sender=non_owner)


def test_set_answer__zero_time__reverts(project, owner):
    """A round at time 0 would read as "no answer" to many consumers: refused."""
    feed = project.LocalPriceFeed.deploy(8, "X", owner, sender=owner)
    with ape.reverts("local_price_feed: zero update time"):
        feed.set_answer(1, 0, sender=owner)


def test_set_answer__future_time__readable(project, owner, chain):
    """A future-dated answer is accepted, so that consumers' "timestamp in the future" checks can be tested."""
    feed = project.LocalPriceFeed.deploy(8, "X", owner, sender=owner)
    t = chain.pending_timestamp + 100
    feed.set_answer(1, t, sender=owner)
    assert (feed.answer(), feed.updated_at(), feed.round_id()) == (1, t, 1)


def test_set_answer__out_of_range__reverts(project, owner, chain):
    """The round is packed in one slot: the answer must fit 160 signed bits."""
    feed = project.LocalPriceFeed.deploy(8, "X", owner, sender=owner)
    with ape.reverts("local_price_feed: answer out of range"):
        feed.set_answer(2**159, chain.pending_timestamp, sender=owner)
    feed.set_answer(-(2**159), chain.pending_timestamp, sender=owner)
    assert feed.answer() == -(2**159)


def test_transfer_ownership__two_steps__new_owner_sets_answers(project, owner, non_owner, chain):
    """Ownership moves only when the proposed owner accepts; it cannot be renounced."""
    feed = project.LocalPriceFeed.deploy(8, "X", owner, sender=owner)
    feed.transfer_ownership(non_owner, sender=owner)
    assert (feed.owner(), feed.pending_owner()) == (owner.address, non_owner.address)
    with ape.reverts("ownable_2step: caller is not the new owner"):
        feed.accept_ownership(sender=owner)
    feed.accept_ownership(sender=non_owner)
    feed.set_answer(5, chain.pending_timestamp, sender=non_owner)
    assert feed.owner() == non_owner.address and not hasattr(feed, "renounce_ownership")


def test_deploy__bad_args__revert(project, owner):
    with ape.reverts("local_price_feed: zero owner"):
        project.LocalPriceFeed.deploy(8, "X", NATIVE, sender=owner)

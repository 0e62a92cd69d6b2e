"""LocalPriceFeed: the suite's one owner-set AggregatorV3 stand-in for local chains (ownership in
test_ownership.py)."""

import ape

from tests.tests_support import ZERO


def test_set_answer__owner__new_round_readable(feed, owner, chain):
    """Each answer starts a new round that `latestRoundData` returns as Chainlink would."""
    t = chain.pending_timestamp - 10
    tx = feed.set_answer(2_000 * 10**8, t, sender=owner)
    assert feed.latestRoundData() == (1, 2_000 * 10**8, t, t, 1)
    assert feed.decimals() == 8 and feed.description() == "ETH / USD"
    assert tx.decode_logs(feed.AnswerUpdated)[0].current == 2_000 * 10**8


def test_latest_round_data__no_answer__reverts(feed):
    """Before the first answer there is nothing to read."""
    with ape.reverts("local_price_feed: no answer yet"):
        feed.latestRoundData()


def test_views__no_answer__read_zero(feed):
    """Before the first answer the empty word reads as answer 0, time 0, round 0 (not the bias)."""
    assert (feed.answer(), feed.updated_at(), feed.round_id()) == (0, 0, 0)


def test_set_answer__update_time_bounds__last_48_bit_second_accepted_next_refused(feed, owner):
    """The update time has 48 bits of the packed round: 2**48 - 1 is accepted and read back with its
    neighbours intact, 2**48 is refused."""
    feed.set_answer(-7, 2**48 - 1, sender=owner)
    assert (feed.answer(), feed.updated_at(), feed.round_id()) == (-7, 2**48 - 1, 1)
    with ape.reverts("local_price_feed: update time out of range"):
        feed.set_answer(1, 2**48, sender=owner)


def test_set_answer__non_owner__reverts(feed, non_owner, chain):
    """Only the owner sets answers."""
    with ape.reverts("ownable: caller is not the owner"):
        feed.set_answer(1, chain.pending_timestamp - 1, sender=non_owner)


def test_set_answer__zero_time__reverts(feed, owner):
    """A round at time 0 would read as "no answer" to many consumers: refused."""
    with ape.reverts("local_price_feed: zero update time"):
        feed.set_answer(1, 0, sender=owner)


def test_set_answer__future_time__readable(feed, owner, chain):
    """A future-dated answer is accepted, so that consumers' "timestamp in the future" checks can be
    tested."""
    t = chain.pending_timestamp + 100
    feed.set_answer(1, t, sender=owner)
    assert (feed.answer(), feed.updated_at(), feed.round_id()) == (1, t, 1)


def test_set_answer__out_of_range__reverts(feed, owner, chain):
    """The round is packed in one slot: the answer must fit 160 signed bits."""
    with ape.reverts("local_price_feed: answer out of range"):
        feed.set_answer(2**159, chain.pending_timestamp, sender=owner)
    feed.set_answer(-(2**159), chain.pending_timestamp, sender=owner)
    assert feed.answer() == -(2**159)


def test_deploy__zero_owner__reverts(project, owner):
    """A feed without an owner could never be set."""
    with ape.reverts("local_price_feed: zero owner"):
        project.LocalPriceFeed.deploy(8, "X", ZERO, sender=owner)

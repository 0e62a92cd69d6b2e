"""LocalPriceFeed: an owner-set AggregatorV3 stand-in for local chains."""

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


def test_set_answer__non_owner__reverts(feed, non_owner, chain):
    """Only the owner sets answers."""
    with ape.reverts("ownable: caller is not the owner"):
        feed.set_answer(1, chain.pending_timestamp - 1, sender=non_owner)


def test_set_answer__future_or_zero_time__reverts(feed, owner, chain):
    """An answer cannot claim to come from the future, nor from time zero."""
    with ape.reverts("local_price_feed: update in the future"):
        feed.set_answer(1, chain.pending_timestamp + 100, sender=owner)
    with ape.reverts("local_price_feed: zero update time"):
        feed.set_answer(1, 0, sender=owner)


def test_deploy__bad_args__revert(project, owner):
    """More than 18 decimals and a zero owner are refused at deployment."""
    with ape.reverts("local_price_feed: too many decimals"):
        project.LocalPriceFeed.deploy(19, "X", owner, sender=owner)
    with ape.reverts("local_price_feed: zero owner"):
        project.LocalPriceFeed.deploy(8, "X", ZERO, sender=owner)

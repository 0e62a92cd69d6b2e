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
    with ape.reverts("pricefeed: no answer yet"):
        feed.latestRoundData()


def test_set_answer__non_owner__reverts(project, owner, non_owner, chain):
    feed = project.LocalPriceFeed.deploy(8, "X", owner, sender=owner)
    with ape.reverts("ownable: caller is not the owner"):
        feed.set_answer(1, chain.pending_timestamp - 1, sender=non_owner)


def test_set_answer__future_or_zero_time__reverts(project, owner, chain):
    feed = project.LocalPriceFeed.deploy(8, "X", owner, sender=owner)
    with ape.reverts("pricefeed: update in the future"):
        feed.set_answer(1, chain.pending_timestamp + 100, sender=owner)
    with ape.reverts("pricefeed: zero update time"):
        feed.set_answer(1, 0, sender=owner)


def test_deploy__bad_args__revert(project, owner):
    with ape.reverts("pricefeed: too many decimals"):
        project.LocalPriceFeed.deploy(19, "X", owner, sender=owner)
    with ape.reverts("pricefeed: zero owner"):
        project.LocalPriceFeed.deploy(8, "X", NATIVE, sender=owner)

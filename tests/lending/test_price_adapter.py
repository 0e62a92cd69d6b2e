"""PriceAdapter: one checked Chainlink-compatible feed per asset, read through
contracts/shared/feed_reader.vy."""

import ape

from fivefold.lending import model as lending
from fivefold.units import WAD

ZERO = "0x0000000000000000000000000000000000000000"


def test_price__normalises_feed_and_asset_decimals(adapter, tokens):
    """price = answer x 10**(36 - feed decimals - asset decimals): one whole unit of each asset is worth its
    answer."""
    assert adapter.price(tokens["CC"]) == lending.adapter_price(2 * 10**8, 8, 18) == 2 * WAD
    assert adapter.price(tokens["USD6"]) == lending.adapter_price(10**8, 8, 6) == 10**30
    assert adapter.scale(tokens["USD6"]) == 10**22
    # value = amount x price / 1e18: one whole unit of each
    assert lending.value(10**6, adapter.price(tokens["USD6"])) == WAD


def test_price__stale__reverts(adapter, tokens, feeds, deployer, chain):
    """An answer one second older than the heartbeat is refused with the feed reader's reason."""
    lending.set_local_answer(feeds["CC"], feeds["CC"].answer(), deployer, chain.pending_timestamp - 3601)
    with ape.reverts("feed_reader: stale price"):
        adapter.price(tokens["CC"])


def test_price__non_positive__reverts(adapter, tokens, feeds, deployer):
    """Zero and negative answers are refused."""
    for answer in (0, -1):
        lending.set_local_answer(feeds["CC"], answer, deployer)
        with ape.reverts("feed_reader: non-positive price"):
            adapter.price(tokens["CC"])


def test_price__future_timestamp__reverts(adapter, tokens, feeds, deployer, chain):
    """A future-dated answer (a faulty feed) is refused."""
    lending.set_local_answer(feeds["CC"], feeds["CC"].answer(), deployer, chain.pending_timestamp + 1000)
    with ape.reverts("feed_reader: timestamp in the future"):
        adapter.price(tokens["CC"])


def test_price__no_feed__reverts(adapter, governance):
    """An asset without a feed has no price."""
    with ape.reverts("price_adapter: no feed"):
        adapter.price(governance)


def test_set_feed__bad_arguments__revert(project, deployer, adapter, tokens, feeds, governance, non_owner):
    """Owner only; the heartbeat within 60 s..7 days; asset and feed with code; decimals that fit; a positive
    answer now."""
    with ape.reverts("ownable: caller is not the owner"):
        adapter.set_feed(tokens["CC"], feeds["CC"], 3600, sender=non_owner)
    with ape.reverts("feed_reader: heartbeat out of bounds"):
        adapter.set_feed(tokens["CC"], feeds["CC"], 59, sender=governance)
    with ape.reverts("feed_reader: heartbeat out of bounds"):
        adapter.set_feed(tokens["CC"], feeds["CC"], 7 * 86400 + 1, sender=governance)
    with ape.reverts("price_adapter: asset has no code"):
        adapter.set_feed(non_owner, feeds["CC"], 3600, sender=governance)
    with ape.reverts("feed_reader: feed has no code"):
        adapter.set_feed(tokens["CC"], non_owner, 3600, sender=governance)
    wide = lending.deploy_local_feed(project, deployer, "WIDE / USD", 10**19, decimals=19)
    with ape.reverts("price_adapter: decimals too large"):
        adapter.set_feed(tokens["CC"], wide, 3600, sender=governance)
    widest = lending.deploy_local_feed(project, deployer, "WIDEST / USD", 10**18, decimals=18)
    adapter.set_feed(tokens["CC"], widest, 3600, sender=governance)  # 18 + 18 = 36 is accepted
    assert (adapter.scale(tokens["CC"]), adapter.price(tokens["CC"])) == (1, WAD)
    zero = lending.deploy_local_feed(project, deployer, "ZERO / USD", 0)
    with ape.reverts("feed_reader: non-positive price"):
        adapter.set_feed(tokens["CC"], zero, 3600, sender=governance)


def test_set_feed__replaces_feed(project, deployer, adapter, tokens, governance):
    """A new feed and heartbeat take effect at once and are logged."""
    feed = lending.deploy_local_feed(project, deployer, "CC / USD", 3 * WAD, decimals=18)
    receipt = adapter.set_feed(tokens["CC"], feed, 600, sender=governance)
    assert adapter.price(tokens["CC"]) == 3 * WAD
    assert (adapter.feed(tokens["CC"]), adapter.heartbeat(tokens["CC"]), adapter.scale(tokens["CC"])) == (
        feed.address,
        600,
        1,
    )
    event = receipt.events.filter(adapter.FeedSet)[0]
    assert (event.asset, event.feed, event.heartbeat) == (tokens["CC"].address, feed.address, 600)


def test_set_feed__odd_scale_exponent__every_field_reads_back(project, deployer, adapter, tokens, governance):
    """A 7-decimal feed for an 18-decimal asset makes the scale exponent odd (36 - 25 = 11): the
    heartbeat beside it in the same word reads back untouched, and so does the price."""
    feed = lending.deploy_local_feed(project, deployer, "CC / USD", 2 * 10**7, decimals=7)
    adapter.set_feed(tokens["CC"], feed, 600, sender=governance)
    assert (adapter.heartbeat(tokens["CC"]), adapter.scale(tokens["CC"])) == (600, 10**11)
    assert adapter.price(tokens["CC"]) == lending.adapter_price(2 * 10**7, 7, 18) == 2 * WAD


def test_set_feed__shortest_heartbeat_and_an_answer_of_one__accepted(
    project, deployer, adapter, tokens, governance
):
    """The shortest heartbeat (60 s) is accepted, and so is the smallest positive answer, 1."""
    feed = lending.deploy_local_feed(project, deployer, "CC / USD", 1, decimals=18)
    adapter.set_feed(tokens["CC"], feed, 60, sender=governance)
    assert adapter.heartbeat(tokens["CC"]) == 60
    assert adapter.price(tokens["CC"]) == 1


def test_constructor__zero_owner__reverts(project, deployer):
    """An adapter without an owner could never set a feed."""
    with ape.reverts("price_adapter: zero owner"):
        project.PriceAdapter.deploy(ZERO, sender=deployer)


def test_transfer_ownership__two_steps__only_the_accepted_owner_sets_feeds(
    adapter, governance, non_owner, tokens, feeds
):
    """Ownership moves only when the proposed owner accepts; until then the old owner keeps it.
    `renounce_ownership` is not exported (an ownerless adapter could never replace a dead feed)."""
    adapter.transfer_ownership(non_owner, sender=governance)
    assert (adapter.owner(), adapter.pending_owner()) == (governance.address, non_owner.address)
    with ape.reverts("ownable: caller is not the owner"):
        adapter.set_feed(tokens["CC"], feeds["CC"], 600, sender=non_owner)
    with ape.reverts("ownable_2step: caller is not the new owner"):
        adapter.accept_ownership(sender=governance)
    adapter.accept_ownership(sender=non_owner)
    assert (adapter.owner(), adapter.pending_owner()) == (non_owner.address, ZERO)
    adapter.set_feed(tokens["CC"], feeds["CC"], 600, sender=non_owner)
    with ape.reverts("ownable: caller is not the owner"):
        adapter.set_feed(tokens["CC"], feeds["CC"], 600, sender=governance)
    assert not hasattr(adapter, "renounce_ownership")

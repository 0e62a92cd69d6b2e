import ape

from fivefold.lending import model as lending
from fivefold.units import WAD

ZERO = "0x0000000000000000000000000000000000000000"


def test_price__normalises_feed_and_asset_decimals(adapter, tokens):
    assert adapter.price(tokens["CC"]) == lending.adapter_price(2 * 10**8, 8, 18) == 2 * WAD
    assert adapter.price(tokens["USD6"]) == lending.adapter_price(10**8, 8, 6) == 10**30
    # value = amount x price / 1e18: one whole unit of each
    assert lending.value(10**6, adapter.price(tokens["USD6"])) == WAD


def test_price__stale__reverts(adapter, tokens, feeds, deployer, chain):
    feeds["CC"].set_updated_at(chain.pending_timestamp - 3601, sender=deployer)
    with ape.reverts("price: stale price"):
        adapter.price(tokens["CC"])


def test_price__non_positive__reverts(adapter, tokens, feeds, deployer):
    for answer in (0, -1):
        feeds["CC"].set_answer(answer, sender=deployer)
        with ape.reverts("price: non-positive price"):
            adapter.price(tokens["CC"])


def test_price__future_timestamp__reverts(adapter, tokens, feeds, deployer, chain):
    feeds["CC"].set_updated_at(chain.pending_timestamp + 1000, sender=deployer)
    with ape.reverts("price: timestamp in the future"):
        adapter.price(tokens["CC"])


def test_price__no_feed__reverts(adapter, governance):
    with ape.reverts("price: no feed"):
        adapter.price(governance)


def test_set_feed__checks(project, deployer, adapter, tokens, feeds, governance, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        adapter.set_feed(tokens["CC"], feeds["CC"], 3600, sender=non_owner)
    with ape.reverts("price: heartbeat out of bounds"):
        adapter.set_feed(tokens["CC"], feeds["CC"], 59, sender=governance)
    with ape.reverts("price: heartbeat out of bounds"):
        adapter.set_feed(tokens["CC"], feeds["CC"], 7 * 86400 + 1, sender=governance)
    with ape.reverts("price: asset has no code"):
        adapter.set_feed(non_owner, feeds["CC"], 3600, sender=governance)
    with ape.reverts("price: feed has no code"):
        adapter.set_feed(tokens["CC"], non_owner, 3600, sender=governance)
    wide = project.MockPriceFeed.deploy(19, 10**19, sender=deployer)
    with ape.reverts("price: decimals too large"):
        adapter.set_feed(tokens["CC"], wide, 3600, sender=governance)
    zero = project.MockPriceFeed.deploy(8, 0, sender=deployer)
    with ape.reverts("price: non-positive price"):
        adapter.set_feed(tokens["CC"], zero, 3600, sender=governance)


def test_set_feed__replaces_feed(project, deployer, adapter, tokens, governance):
    feed = project.MockPriceFeed.deploy(18, 3 * WAD, sender=deployer)
    receipt = adapter.set_feed(tokens["CC"], feed, 600, sender=governance)
    assert adapter.price(tokens["CC"]) == 3 * WAD
    assert (adapter.feed(tokens["CC"]), adapter.heartbeat(tokens["CC"])) == (feed.address, 600)
    assert receipt.events.filter(adapter.FeedSet)[0].feed == feed.address


def test_constructor__zero_owner__reverts(project, deployer):
    with ape.reverts("price: zero owner"):
        project.PriceAdapter.deploy(ZERO, sender=deployer)

"""ResourceMarket.claim, fund and sync: a provider claims its payments and rewards; anyone funds the
reward budget; HPC sent without `fund` (the halving emitter's mint) is credited by `sync`."""

import ape

from tests.resources.conftest import BUDGET, HPC, PRICE
from tests.resources.resources_support import books


def test_claim__served_period__pays_payment_and_reward(
    resources_market, resources_hpc, resources_served, resources_provider, owner
):
    """The provider receives the 10 HPC escrow and the 2 HPC reward."""
    resources_served(sender=owner)
    before = resources_hpc.balanceOf(resources_provider)
    resources_market.claim(sender=resources_provider)
    assert resources_hpc.balanceOf(resources_provider) == before + 10 * PRICE + 2 * HPC
    assert resources_market.owed(resources_provider) == 0
    assert books(resources_market, resources_hpc)


def test_claim__nothing_owed__reverts(resources_market, resources_provider):
    """Nothing to pay."""
    with ape.reverts("resource_market: nothing owed"):
        resources_market.claim(sender=resources_provider)


def test_fund__zero__reverts(resources_market, owner):
    """Funding nothing is refused."""
    with ape.reverts("resource_market: zero amount"):
        resources_market.fund(0, sender=owner)


def test_fund__amount__adds_to_budget(resources_market, resources_hpc, owner):
    """The budget grows by what was pulled."""
    resources_market.fund(5 * HPC, sender=owner)
    assert resources_market.reward_budget() == BUDGET + 5 * HPC
    assert books(resources_market, resources_hpc)


def test_sync__plain_transfer__credited_to_budget(resources_market, resources_hpc, owner):
    """What the emitter mints to the market (here a transfer) reaches the budget through sync, once."""
    resources_hpc.transfer(resources_market, 7 * HPC, sender=owner)
    assert resources_market.sync(sender=owner).return_value == 7 * HPC
    assert resources_market.reward_budget() == BUDGET + 7 * HPC
    assert resources_market.sync(sender=owner).return_value == 0
    assert books(resources_market, resources_hpc)

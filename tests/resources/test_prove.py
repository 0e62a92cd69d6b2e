"""ResourceMarket.prove: a quorum of authenticators signs a provider's period (EIP-712, once, within
the report window). Served: the escrow and a usage-tiered reward are owed to the provider (the seed's
two examples exactly). Faulty: a bounded share of the stake goes to the period's requesters."""

import ape

from fivefold.resources import model
from tests.resources.conftest import BUDGET, HPC, PERIOD, PRICE
from tests.resources.resources_support import books


def test_prove__under_30pct_usage__10_units_earn_2_hpc(
    resources_market, resources_hpc, resources_ordered, resources_goto, resources_sign, resources_provider
):
    """Smart 4.3: under 30% usage, 10 files stored earn 2 HPC (10 of 100 units: usage 10%)."""
    _, period = resources_ordered(units=10, capacity=100)
    resources_goto(period + 1)
    receipt = resources_market.prove(
        resources_provider,
        period,
        True,
        resources_sign(resources_provider, period),
        sender=resources_provider,
    )
    event = receipt.events[-1]
    assert event.event_name == "PeriodServed"
    assert (event.units, event.usage_bps, event.reward, event.payment) == (10, 1_000, 2 * HPC, 10 * PRICE)
    assert resources_market.owed(resources_provider) == 10 * PRICE + 2 * HPC
    assert resources_market.reward_budget() == BUDGET - 2 * HPC
    assert resources_market.slot(resources_provider, period).state == model.SERVED
    assert books(resources_market, resources_hpc)


def test_prove__above_50pct_usage__50_units_earn_3_hpc(
    resources_market, resources_ordered, resources_goto, resources_sign, resources_provider
):
    """Smart 4.3: above 50% usage, 50 files stored earn 3 HPC (50 of 90 units: usage 55.56%)."""
    _, period = resources_ordered(units=50, capacity=90)
    resources_goto(period + 1)
    receipt = resources_market.prove(
        resources_provider,
        period,
        True,
        resources_sign(resources_provider, period),
        sender=resources_provider,
    )
    assert receipt.events[-1].usage_bps == model.usage_bps(50, 90) == 5_556
    assert receipt.events[-1].reward == 3 * HPC


def test_prove__mid_tier__pays_mid_rate(
    resources_market, resources_ordered, resources_goto, resources_sign, resources_provider
):
    """Between 30% and 50% (both included) the mid rate, 0.1 HPC a unit: 40 units earn 4 HPC."""
    _, period = resources_ordered(units=40, capacity=100)
    resources_goto(period + 1)
    receipt = resources_market.prove(
        resources_provider,
        period,
        True,
        resources_sign(resources_provider, period),
        sender=resources_provider,
    )
    assert receipt.events[-1].reward == 4 * HPC == 40 * model.DEFAULT_CURVE.rate(4_000)


def test_prove__budget_short__reward_capped(
    resources_market,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    owner,
    project,
    resources_hpc,
    resources_registry,
):
    """A reward never exceeds the budget: with 1 HPC funded, 10 units earn 1 HPC, not 2."""
    market = project.ResourceMarket.deploy(
        resources_hpc, resources_registry, owner, "HPC Resource Market", "1", sender=owner
    )
    resources_hpc.approve(market, 2**256 - 1, sender=resources_provider)
    market.fund(HPC, sender=resources_provider)
    market.register(0, 100, PRICE, 100 * HPC, sender=resources_provider)
    period = market.current_period() + 1
    market.place_order(resources_provider, period, 10, sender=resources_provider)
    ape.chain.pending_timestamp = market.period_end(period)
    sigs = model.sign_report(
        market,
        resources_provider.address,
        period,
        True,
        [a.private_key for a in ape.accounts.test_accounts[7:8]],
    )
    receipt = market.prove(resources_provider, period, True, sigs, sender=resources_provider)
    assert receipt.events[-1].reward == HPC
    assert market.reward_budget() == 0
    assert books(market, resources_hpc)


def test_prove__faulty__slashes_bounded_share(
    resources_market, resources_hpc, resources_ordered, resources_goto, resources_sign, resources_provider
):
    """Faulty: slash_bps (10%) of the 100 HPC stake is set aside for the requesters; no payment."""
    _, period = resources_ordered()
    resources_goto(period + 1)
    receipt = resources_market.prove(
        resources_provider,
        period,
        False,
        resources_sign(resources_provider, period, False),
        sender=resources_provider,
    )
    assert receipt.events[-1].event_name == "PeriodFaulty"
    assert receipt.events[-1].slashed == 10 * HPC
    assert resources_market.offer(resources_provider)[3] == 90 * HPC
    assert resources_market.slot(resources_provider, period).slashed == 10 * HPC
    assert resources_market.owed(resources_provider) == 0
    assert books(resources_market, resources_hpc)


def test_prove__later_capacity__usage_frozen_at_first_report(
    resources_market,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_other_provider,
    resources_requester,
):
    """Capacity registered after a period's first report does not move its usage."""
    _, period = resources_ordered(units=60, capacity=100)
    resources_market.register(0, 100, PRICE, 100 * HPC, sender=resources_other_provider)
    resources_market.place_order(resources_other_provider, period, 10, sender=resources_requester)
    resources_goto(period + 1)
    first = resources_market.prove(
        resources_provider,
        period,
        True,
        resources_sign(resources_provider, period),
        sender=resources_provider,
    )
    assert first.events[-1].usage_bps == 3_500
    resources_market.register(0, 1_000, PRICE, 1_000 * HPC, sender=resources_requester)
    second = resources_market.prove(
        resources_other_provider,
        period,
        True,
        resources_sign(resources_other_provider, period),
        sender=resources_provider,
    )
    assert second.events[-1].usage_bps == 3_500
    assert resources_market.frozen_capacity_of(0, period) == 200


def test_prove__nothing_ordered__reverts(
    resources_market, resources_sign, resources_provider, resources_goto, owner
):
    """A period with no order has nothing to prove."""
    resources_goto(2)
    with ape.reverts("resource_market: nothing ordered"):
        resources_market.prove(
            resources_provider, 1, True, resources_sign(resources_provider, 1), sender=owner
        )


def test_prove__same_report_twice__reverts(
    resources_market, resources_ordered, resources_goto, resources_sign, resources_provider
):
    """Replay: a provider-period is reported once; its signatures cannot be submitted again."""
    _, period = resources_ordered()
    resources_goto(period + 1)
    signatures = resources_sign(resources_provider, period)
    resources_market.prove(resources_provider, period, True, signatures, sender=resources_provider)
    with ape.reverts("resource_market: already reported"):
        resources_market.prove(resources_provider, period, True, signatures, sender=resources_provider)


def test_prove__period_running__reverts(
    resources_market, resources_ordered, resources_goto, resources_sign, resources_provider, owner
):
    """A period is reported only once it is over."""
    _, period = resources_ordered()
    resources_goto(period, PERIOD - 2)
    with ape.reverts("resource_market: period not over"):
        resources_market.prove(
            resources_provider, period, True, resources_sign(resources_provider, period), sender=owner
        )


def test_prove__after_window__reverts(
    resources_market, resources_ordered, resources_goto, resources_sign, resources_provider, owner
):
    """After the report window the period is unproven (its orders refund)."""
    _, period = resources_ordered()
    resources_goto(period + 1, resources_market.report_window())
    with ape.reverts("resource_market: report window over"):
        resources_market.prove(
            resources_provider, period, True, resources_sign(resources_provider, period), sender=owner
        )


def test_prove__below_quorum__reverts(
    resources_market,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_authenticators,
    owner,
):
    """One signature where the quorum is two."""
    _, period = resources_ordered()
    resources_goto(period + 1)
    signatures = resources_sign(resources_provider, period, signers=resources_authenticators[:1])
    with ape.reverts("resource_market: too few signatures"):
        resources_market.prove(resources_provider, period, True, signatures, sender=owner)


def test_prove__duplicate_signer__reverts(
    resources_market,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_authenticators,
    owner,
):
    """One authenticator's signature twice does not make a quorum."""
    _, period = resources_ordered()
    resources_goto(period + 1)
    one = resources_sign(resources_provider, period, signers=resources_authenticators[:1])
    with ape.reverts("resource_market: signers not ascending"):
        resources_market.prove(resources_provider, period, True, one + one, sender=owner)


def test_prove__outsider_signature__reverts(
    resources_market,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_authenticators,
    resources_outsider,
    owner,
):
    """A signature of an account outside the registry does not count."""
    _, period = resources_ordered()
    resources_goto(period + 1)
    signatures = resources_sign(
        resources_provider,
        period,
        signers=sorted([resources_authenticators[0], resources_outsider], key=lambda a: int(a.address, 16)),
    )
    with ape.reverts("resource_market: signer is not an authenticator"):
        resources_market.prove(resources_provider, period, True, signatures, sender=owner)


def test_prove__served_signatures_submitted_as_faulty__reverts(
    resources_market, resources_ordered, resources_goto, resources_sign, resources_provider, owner
):
    """Attack: a requester submits a 'served' report's signatures as 'faulty' to slash the provider:
    the digest differs, the recovered signers are strangers."""
    _, period = resources_ordered()
    resources_goto(period + 1)
    with ape.reverts("resource_market: signer is not an authenticator"):
        resources_market.prove(
            resources_provider, period, False, resources_sign(resources_provider, period), sender=owner
        )

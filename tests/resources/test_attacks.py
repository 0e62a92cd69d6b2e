"""Attacks on the resource market, each performed and shown to fail: a report replayed on another
market, a removed authenticator's signature, capacity registered to lower a period's usage after its
first report, a provider leaving before a faulty report, a requester double-refunding."""

import ape

from fivefold.resources import model
from tests.resources.conftest import HPC, PRICE


def test_replay__report_signed_for_another_market__refused(
    project,
    owner,
    resources_hpc,
    resources_registry,
    resources_market,
    resources_sign,
    resources_provider,
    resources_requester,
):
    """The same provider-period on a second market: the first market's signatures recover to
    strangers on the second (EIP-712 domain: chain and contract)."""
    other = project.ResourceMarket.deploy(
        resources_hpc, resources_registry, owner, "HPC Resource Market", "1", sender=owner
    )
    resources_hpc.approve(other, 2**256 - 1, sender=resources_provider)
    resources_hpc.approve(other, 2**256 - 1, sender=resources_requester)
    other.register(0, 100, PRICE, 100 * HPC, sender=resources_provider)
    period = other.current_period() + 1
    other.place_order(resources_provider, period, 10, sender=resources_requester)
    ape.chain.pending_timestamp = other.period_end(period)
    signatures = resources_sign(resources_provider, period)  # signed for resources_market's domain
    with ape.reverts("resource_market: signer is not an authenticator"):
        other.prove(resources_provider, period, True, signatures, sender=resources_provider)


def test_removed_authenticator__signature__no_longer_counts(
    resources_market,
    resources_registry,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_authenticators,
):
    """Two members vote a third out (2 of 3 > 51%); its signature no longer makes a quorum."""
    first, second, removed = resources_authenticators
    vote_id = resources_registry.open_removal(removed, sender=first).return_value
    resources_registry.vote(vote_id, sender=second)
    resources_registry.execute(vote_id, sender=first)
    _, period = resources_ordered()
    resources_goto(period + 1)
    signers = sorted([first, removed], key=lambda a: int(a.address, 16))
    with ape.reverts("resource_market: signer is not an authenticator"):
        resources_market.prove(
            resources_provider,
            period,
            True,
            resources_sign(resources_provider, period, signers=signers),
            sender=resources_provider,
        )


def test_capacity_inflation__after_first_report__rate_unchanged(
    resources_market,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_other_provider,
    resources_requester,
):
    """A provider ordered 60 of 100 units (60%: 0.06 HPC a unit) registers 10,000 more units of
    capacity with a sybil before its own report, to fall under 30% (0.2 HPC): the first report
    (another provider's) froze the period's capacity, so it still earns 0.06."""
    _, period = resources_ordered(units=50, capacity=100)
    resources_market.register(0, 100, PRICE, 100 * HPC, sender=resources_other_provider)
    resources_market.place_order(resources_other_provider, period, 70, sender=resources_requester)
    resources_goto(period + 1)
    resources_market.prove(
        resources_other_provider,
        period,
        True,
        resources_sign(resources_other_provider, period),
        sender=resources_requester,
    )
    resources_market.register(0, 10_000, PRICE, 10_000 * HPC, sender=resources_requester)
    receipt = resources_market.prove(
        resources_provider,
        period,
        True,
        resources_sign(resources_provider, period),
        sender=resources_provider,
    )
    assert receipt.events[-1].usage_bps == 6_000
    assert receipt.events[-1].reward == 50 * model.DEFAULT_CURVE.high_rate


def test_exit_before_faulty_report__refused_then_slashed(
    resources_market,
    resources_hpc,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_requester,
):
    """A provider that failed its period tries to leave with its stake before the report: refused;
    the faulty report then pays the requester its escrow and 10 HPC of the stake."""
    order_id, period = resources_ordered()
    resources_goto(period + 1)
    with ape.reverts("resource_market: orders not settled"):
        resources_market.exit(sender=resources_provider)
    resources_market.prove(
        resources_provider,
        period,
        False,
        resources_sign(resources_provider, period, False),
        sender=resources_requester,
    )
    before = resources_hpc.balanceOf(resources_requester)
    resources_market.refund(order_id, sender=resources_requester)
    assert resources_hpc.balanceOf(resources_requester) == before + 10 * PRICE + 10 * HPC


def test_double_refund__faulty_period__second_refused(
    resources_market,
    resources_ordered,
    resources_goto,
    resources_sign,
    resources_provider,
    resources_requester,
):
    """A requester refunds its faulty order twice to take the slash twice: the second is refused."""
    order_id, period = resources_ordered()
    resources_goto(period + 1)
    resources_market.prove(
        resources_provider,
        period,
        False,
        resources_sign(resources_provider, period, False),
        sender=resources_requester,
    )
    resources_market.refund(order_id, sender=resources_requester)
    with ape.reverts("resource_market: order settled"):
        resources_market.refund(order_id, sender=resources_requester)

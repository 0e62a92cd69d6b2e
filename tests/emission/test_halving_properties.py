"""HalvingEmitter properties (hypothesis): the contract equals the mirror at any timestamps, and what is
minted depends only on time, never on how often `mint` is called."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fivefold.emission import model as emission
from fivefold.units import DAY, YEAR
from tests.tests_support import isolated

HPC, CARTY = emission.HPC, emission.CARTY

# Offsets from T0: around the era boundaries, anywhere in the schedule, far beyond its end.
offsets = st.one_of(
    st.integers(min_value=0, max_value=200 * YEAR),
    st.sampled_from([HPC.era_length, CARTY.era_length]).flatmap(
        lambda length: st.tuples(st.integers(0, 33), st.integers(-2, 2)).map(
            lambda er: max(0, er[0] * length + er[1])
        )
    ),
    st.integers(min_value=200 * YEAR, max_value=2**64),
)
# Mint sequences cost ~0.1 s a transaction: a third of the loaded profile's examples.
SEQUENCE_SETTINGS = settings(max_examples=max(3, settings().max_examples // 3))
# Views only (~25 ms a call): half the loaded profile's examples.
VIEW_SETTINGS = settings(max_examples=max(5, settings().max_examples // 2))

# Gaps between mints: seconds, days, eras, and one leap of two centuries.
gaps = st.one_of(
    st.integers(min_value=1, max_value=10 * DAY),
    st.integers(min_value=1, max_value=40 * YEAR),
    st.just(200 * YEAR),
)


@pytest.fixture(params=["HPC", "CARTY"])
def halving(request):
    return emission.HALVINGS[request.param]


@pytest.fixture
def started(started_hpc, started_carty, halving):
    return started_hpc if halving is HPC else started_carty


@VIEW_SETTINGS
@given(ts=st.lists(offsets, min_size=1, max_size=5))
def test_views__any_timestamps__equal_the_mirror_monotone_within_the_cap(started, halving, ts):
    _, emitter, t0 = started
    values = []
    for dt in sorted(ts):
        t = t0 + dt
        values.append(emitter.emitted_at(t))
        assert values[-1] == emission.emitted_at(halving, t0, t)
        assert emitter.era_at(t) == emission.era_at(halving, t0, t)
        assert emitter.rate_at(t) == emission.rate_at(halving, t0, t)
    assert values == sorted(values)
    assert values[-1] <= halving.cap


@pytest.fixture(scope="module")
def twins(create_emitter, chain, owner, treasury, beneficiary):
    """Two HPC emitters started at the same T0, paying the treasury and the beneficiary."""
    frequent_token, frequent = create_emitter(HPC)
    once_token, once = create_emitter(HPC)
    t0 = chain.pending_timestamp + 100
    frequent.start(t0, treasury, sender=owner)
    once.start(t0, beneficiary, sender=owner)
    return frequent_token, frequent, once_token, once, t0


@SEQUENCE_SETTINGS
@given(steps=st.lists(gaps, min_size=1, max_size=5))
def test_mint__any_sequence__total_equals_schedule_independent_of_frequency(
    twins, chain, at, treasury, beneficiary, stranger, steps
):
    """One emitter minted after every gap, its twin only at the end: same schedule, same total."""
    frequent_token, frequent, once_token, once, t0 = twins
    with isolated(chain):
        t = t0
        for gap in steps:
            t += gap
            due = emission.emitted_at(HPC, t0, t) - frequent.minted()
            if due == 0:
                # Nothing due (a revert costs ~0.5 s in ape; its reason has a unit test): the contract agrees.
                assert frequent.emitted_at(t) == frequent.minted()
                continue
            at(t)
            assert frequent.mint(sender=stranger).return_value == due
            assert frequent.minted() == frequent_token.totalSupply() == emission.emitted_at(HPC, t0, t)
            assert frequent_token.totalSupply() <= HPC.cap
        at(t + 1)
        once.mint(sender=stranger)
        total = emission.emitted_at(HPC, t0, t + 1)
        assert once_token.balanceOf(beneficiary) == total
        if total != frequent.minted():
            frequent.mint(sender=stranger)
        assert frequent_token.balanceOf(treasury) == once_token.balanceOf(beneficiary) == total

"""MaintenanceRewards properties (hypothesis): the contract equals the mirror at any timestamps, and what is
released depends only on time, never on how often `release` is called."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fivefold.emission import model as emission
from fivefold.units import DAY, YEAR
from tests.tests_support import isolated

# Offsets from T0: anywhere in the five years, around the year boundaries, far beyond.
_boundaries = [sum(emission.MAINTENANCE_YEAR_BLOCKS[:y]) * emission.BLOCK_TIME for y in range(6)]
offsets = st.one_of(
    st.integers(min_value=0, max_value=6 * YEAR),
    st.tuples(st.sampled_from(_boundaries), st.integers(-11, 11)).map(lambda bd: max(0, bd[0] + bd[1])),
    st.integers(min_value=6 * YEAR, max_value=2**64),
)
gaps = st.one_of(
    st.integers(min_value=1, max_value=10 * DAY),
    st.integers(min_value=1, max_value=2 * YEAR),
    st.just(200 * YEAR),
)

# Release sequences cost ~0.1 s a transaction: a third of the loaded profile's examples.
SEQUENCE_SETTINGS = settings(max_examples=max(3, settings().max_examples // 3))
# Views only (~25 ms a call): half the loaded profile's examples.
VIEW_SETTINGS = settings(max_examples=max(5, settings().max_examples // 2))


@VIEW_SETTINGS
@given(ts=st.lists(offsets, min_size=1, max_size=5))
def test_views__any_timestamps__equal_the_mirror_monotone_within_the_total(started_maintenance, ts):
    contract, t0 = started_maintenance
    values = []
    for dt in sorted(ts):
        t = t0 + dt
        values.append(contract.accrued_at(t))
        assert values[-1] == emission.maintenance_accrued(t0, t)
        assert contract.year_at(t) == emission.maintenance_year_at(t0, t)
    assert values == sorted(values)
    assert values[-1] <= emission.MAINTENANCE_TOTAL


@pytest.fixture(scope="module")
def twins(project, cpc, fund, chain, deployer, owner, beneficiary, holder):
    """Two funded schedules started at the same T0, paying the beneficiary and the holder."""
    frequent = project.MaintenanceRewards.deploy(cpc, owner, sender=deployer)
    once = project.MaintenanceRewards.deploy(cpc, owner, sender=deployer)
    fund(frequent)
    fund(once)
    t0 = chain.pending_timestamp + 100
    frequent.start(t0, beneficiary, sender=owner)
    once.start(t0, holder, sender=owner)
    return frequent, once, t0


@SEQUENCE_SETTINGS
@given(steps=st.lists(gaps, min_size=1, max_size=5))
def test_release__any_sequence__total_equals_schedule_independent_of_frequency(
    twins, cpc, chain, at, beneficiary, holder, stranger, steps
):
    """One schedule released after every gap, its twin only at the end: same total."""
    frequent, once, t0 = twins
    with isolated(chain):
        t = t0
        for gap in steps:
            t += gap
            due = emission.maintenance_accrued(t0, t) - frequent.released()
            if due == 0:
                # Nothing due (a revert costs ~0.5 s in ape; its reason has a unit test): the contract agrees.
                assert frequent.accrued_at(t) == frequent.released()
                continue
            at(t)
            assert frequent.release(sender=stranger).return_value == due
            assert frequent.released() == cpc.balanceOf(beneficiary) == emission.maintenance_accrued(t0, t)
            assert cpc.balanceOf(frequent) == emission.MAINTENANCE_TOTAL - frequent.released()
        t += 10
        at(t)
        once.release(sender=stranger)
        total = emission.maintenance_accrued(t0, t)
        if total != frequent.released():
            frequent.release(sender=stranger)
        assert cpc.balanceOf(beneficiary) == cpc.balanceOf(holder) == total

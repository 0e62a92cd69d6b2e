"""HalvingEmitter schedule views against SPEC's numbers and the Python mirror (no transactions)."""

import ape

from fivefold.emission import model as emission
from fivefold.units import DAY, WAD

HPC, CARTY = emission.HPC, emission.CARTY


def test_emitted_at__end_of_hpc_era_0__exactly_105_million(started_hpc):
    _, emitter, t0 = started_hpc
    assert emitter.emitted_at(t0 + HPC.era_length) == 105_000_000 * WAD
    assert emitter.emitted_at(t0 + HPC.era_length - 1) < 105_000_000 * WAD


def test_emitted_at__hpc_halvings__each_era_emits_half_the_previous(started_hpc):
    _, emitter, t0 = started_hpc
    totals = [emitter.emitted_at(t0 + e * HPC.era_length) for e in range(6)]
    eras = [b - a for a, b in zip(totals, totals[1:], strict=False)]
    assert eras == [105_000_000 * WAD, 52_500_000 * WAD, 26_250_000 * WAD, 13_125_000 * WAD, 6_562_500 * WAD]


def test_emitted_at__end_of_last_era__exactly_the_cap_and_never_more(started_hpc):
    _, emitter, t0 = started_hpc
    end = t0 + HPC.n_eras * HPC.era_length
    assert emitter.end_time() == end
    assert emitter.emitted_at(end - 1) < HPC.cap
    assert emitter.emitted_at(end) == HPC.cap
    assert emitter.emitted_at(t0 + 200 * 366 * DAY) == HPC.cap
    assert emitter.emitted_at(2**256 - 1) == HPC.cap


def test_emitted_at__before_start__zero(started_hpc):
    _, emitter, t0 = started_hpc
    assert emitter.emitted_at(0) == 0
    assert emitter.emitted_at(t0) == 0
    assert emitter.emitted_at(t0 + 1) == 105_000_000 * WAD // HPC.era_length


def test_emitted_at__not_started__zero(hpc):
    _, emitter = hpc
    assert emitter.emitted_at(10**10) == 0
    assert emitter.era_at(10**10) == 0
    assert emitter.rate_at(10**10) == 0


def test_era_emission__every_era_of_both_tokens__sums_to_the_cap():
    for p in (HPC, CARTY):
        eras = [emission.era_emission(p, e) for e in range(p.n_eras)]
        assert sum(eras) == p.cap
        # Half of what remains: equal to C >> (e + 1) while 2^(e+1) divides C.
        assert eras[:25] == [p.cap >> (e + 1) for e in range(25)]
        assert all(a >= b for a, b in zip(eras, eras[1:], strict=False))


def test_rate_at__carty_eras__32256_then_4032_per_day(started_carty):
    _, emitter, t0 = started_carty
    assert CARTY.era_length == 117_857_143
    day_rates = [emitter.rate_at(t0 + e * CARTY.era_length) * DAY / WAD for e in range(4)]
    assert [round(r, 2) for r in day_rates] == [32_256.00, 16_128.00, 8_064.00, 4_032.00]
    # The exact era rates (whole-era amount over the era) to 6 significant digits.
    assert f"{emission.daily_rate(CARTY, 0):.6g}" == "32256"
    assert f"{emission.daily_rate(CARTY, 3):.6g}" == "4032"
    assert emitter.emitted_at(t0 + CARTY.era_length) == 44_000_000 * WAD
    era_3 = emitter.emitted_at(t0 + 4 * CARTY.era_length) - emitter.emitted_at(t0 + 3 * CARTY.era_length)
    assert era_3 == 5_500_000 * WAD
    # One day of era 3, as minted: 4,032 CARTY to the 6th significant digit (rounded down, never above).
    era_3_start = t0 + 3 * CARTY.era_length
    first_day = emitter.emitted_at(era_3_start + DAY) - emitter.emitted_at(era_3_start)
    assert 4_031_990 * WAD // 1_000 < first_day < 4_032 * WAD


def test_emitted_at__end_of_carty__exactly_88_million(started_carty):
    _, emitter, t0 = started_carty
    end = t0 + CARTY.n_eras * CARTY.era_length
    assert emitter.emitted_at(end) == CARTY.cap == 88_000_000 * WAD
    assert emitter.emitted_at(end - 1) < CARTY.cap


def test_rate_at__hpc__halves_each_era_and_stops_after_the_last(started_hpc):
    _, emitter, t0 = started_hpc
    assert emitter.rate_at(t0) == 105_000_000 * WAD // HPC.era_length
    assert emitter.rate_at(t0 + HPC.era_length) == 52_500_000 * WAD // HPC.era_length
    assert emitter.rate_at(t0 - 1) == 0
    assert emitter.rate_at(t0 + HPC.n_eras * HPC.era_length) == 0
    assert (
        emitter.rate_at(t0 + HPC.n_eras * HPC.era_length - 1)
        == emission.era_emission(HPC, 31) // HPC.era_length
    )


def test_era_at__boundaries__counts_from_zero_then_n_eras(started_hpc):
    _, emitter, t0 = started_hpc
    assert emitter.era_at(t0 - 1) == 0
    assert emitter.era_at(t0) == 0
    assert emitter.era_at(t0 + HPC.era_length - 1) == 0
    assert emitter.era_at(t0 + HPC.era_length) == 1
    assert emitter.era_at(t0 + 31 * HPC.era_length) == 31
    assert emitter.era_at(t0 + 32 * HPC.era_length) == 32
    assert emitter.era_at(2**256 - 1) == 32


def test_single_era_schedule__emits_everything_linearly(project, start_emitter, deployer, owner):
    """N = 1: the only era is the last one and takes the whole cap."""
    token = project.CappedToken.deploy(
        "One", "ONE", 1_000 * WAD, owner, "One", "1", ape.chain.chain_id, sender=owner
    )
    emitter = project.HalvingEmitter.deploy(token, 1_000 * WAD, 1_000, 1, owner, sender=deployer)
    t0 = start_emitter(emitter)
    assert emitter.emitted_at(t0 + 250) == 250 * WAD
    assert emitter.emitted_at(t0 + 1_000) == 1_000 * WAD

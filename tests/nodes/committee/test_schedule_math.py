"""The reward split's math (fivefold/nodes/model_committee.py, the contract's mirror): every slot's
reward goes to exactly one party, so five years of terms pay Table 1's total to the wei."""

from hypothesis import given
from hypothesis import strategies as st

from fivefold.nodes import model_committee as model

FIVE_YEARS = sum(model.YEAR_BLOCKS)
BOUNDARIES = [sum(model.YEAR_BLOCKS[:i]) for i in range(1, 6)]


def test_gross__five_years_of_day_terms__table_1_total():
    """1,827 terms of 8,640 slots, 4 seats each: the seats' rewards sum to 122,219,971.2 CPC."""
    total = 0
    for term in range(FIVE_YEARS // 8_640):
        total += sum(model.gross(term * 8_640, seat, 4, 8_640) for seat in range(4))
    assert FIVE_YEARS % 8_640 == 0
    assert total == model.TOTAL_REWARDS == 122_219_971_200_000_000_000_000_000


def test_settle_term__impeachments_and_empty_terms__paid_plus_returned_is_table_1():
    """Terms of 8,629 slots (a prime: they straddle every year boundary), 3 seats, a slot of
    seat 1 impeached in every term and every tenth term without a committee: paid + returned ==
    Table 1, to the wei."""
    length, paid, returned, first = 8_629, 0, 0, 0
    term = 0
    while first < FIVE_YEARS + length:
        size = 0 if term % 10 == 9 else 3
        outcome = model.settle_term(first, length, size, {1: {4}} if size else {})
        paid, returned = paid + outcome.paid, returned + outcome.returned
        first, term = first + length, term + 1
    assert paid + returned == model.TOTAL_REWARDS
    assert returned > 0


@given(
    boundary=st.sampled_from(BOUNDARIES),
    offset=st.integers(-200, 200),
    size=st.integers(1, 16),
    extra=st.integers(0, 150),
)
def test_gross__terms_near_year_boundaries__equals_slot_by_slot(boundary, offset, size, extra):
    """The contract's O(years) count equals the reward summed slot by slot, and the seats of a
    term partition its accrual."""
    length = max(size, 30) + extra
    first = max(0, boundary + offset)
    seats = [model.gross(first, s, size, length) for s in range(size)]
    assert seats == [model.gross_by_slots(first, s, size, length) for s in range(size)]
    assert sum(seats) == model.accrued(first + length) - model.accrued(first)

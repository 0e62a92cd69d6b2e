"""`check-supply`'s books (fivefold/supply.py): what is away plus what is in flight must equal what
the home chain sent out (`bridged_out`), and the total stays within the cap."""

from fivefold.supply import ChainBooks, in_flight, summarize
from fivefold.units import to_wei

CAP = to_wei(1_000_000_000)
SENT = to_wei(1_800)
HOME, AWAY = 56, (1, 137, 66)


def _books(away_supply: dict[int, int], bridged_out: int = SENT, dispatched=(), processed=()):
    """CMDT at home on 56 (released 300M), `away_supply` on the others; other tokens absent."""
    books = {HOME: ChainBooks(tokens={"CMDT": (to_wei(300_000_000) - bridged_out, CAP, bridged_out, HOME)})}
    for chain_id, supply in away_supply.items():
        books[chain_id] = ChainBooks(tokens={"CMDT": (supply, CAP, 0, HOME)})
    books[HOME].dispatched = list(dispatched)
    for chain_id, ids in processed:
        books[chain_id].processed |= set(ids)
    return books


def _status(books) -> str:
    rows, _ = summarize(books)
    return next(r for r in rows["rows"] if r[0] == "CMDT")[-1]


def test_summarize__away_equals_bridged_out__ok():
    books = _books(dict.fromkeys(AWAY, SENT // 3))
    assert _status(books) == "ok" and summarize(books)[1] == []


def test_summarize__message_in_flight__counted_until_processed():
    """600 left BSC for Polygon and are not minted there yet: in flight makes up the difference."""
    message = (b"\x01" * 32, "CMDT", 137, SENT // 3)
    books = _books({1: SENT // 3, 137: 0, 66: SENT // 3}, dispatched=[message])
    assert in_flight(books)["CMDT"] == SENT // 3 and _status(books) == "ok"
    delivered = _books(dict.fromkeys(AWAY, SENT // 3), dispatched=[message], processed=[(137, [message[0]])])
    assert in_flight(delivered)["CMDT"] == 0 and _status(delivered) == "ok"


def test_summarize__more_away_than_sent__flagged_as_minted_without_a_burn():
    """A compromised router minted on Ethereum without a burn at home (within its daily limit)."""
    books = _books({1: SENT // 3 + 1, 137: SENT // 3, 66: SENT // 3})
    assert _status(books) == "MINTED WITHOUT A BURN" and summarize(books)[1] == ["CMDT"]


def test_summarize__less_away_than_sent__flagged():
    """Burnt by a holder away from home, or a message that never arrives: flagged, not hidden."""
    books = _books({1: SENT // 3 - 1, 137: SENT // 3, 66: SENT // 3})
    assert _status(books) == "LESS AWAY THAN SENT"


def test_summarize__total_above_cap__flagged():
    books = _books(dict.fromkeys(AWAY, SENT // 3))
    supply, cap, out, home = books[1].tokens["CMDT"]
    books[1].tokens["CMDT"] = (supply + CAP, cap, out, home)
    assert _status(books) == "OVER CAP"

"""MockVotes, the test double the Governor tests read: the ERC-5805 semantics IVotes fixes."""

import ape


def test_mock_votes__past_reads__value_after_last_change_and_future_reverts(votes, owner, stranger, chain):
    """The value at t is the one after the last change at or before t; t >= clock() reverts."""
    first = votes.set_votes(stranger, 5, sender=owner).timestamp
    chain.pending_timestamp = first + 10
    second = votes.set_votes(stranger, 7, sender=owner).timestamp
    chain.pending_timestamp = second + 1
    chain.mine()
    assert [votes.getPastVotes(stranger, t) for t in (first - 1, first, second - 1, second)] == [0, 5, 5, 7]
    assert votes.getPastTotalSupply(second) - votes.getPastTotalSupply(first) == 2
    assert votes.CLOCK_MODE() == "mode=timestamp"
    now = votes.clock()
    with ape.reverts("mock_votes: future lookup"):
        votes.getPastVotes(stranger, now)
    with ape.reverts("mock_votes: future lookup"):
        votes.getPastTotalSupply(now)


def test_mock_votes__misuse__reverts(votes, owner, stranger):
    with ape.reverts("mock_votes: caller is not the owner"):
        votes.set_votes(stranger, 1, sender=stranger)
    with ape.reverts("mock_votes: zero account"):
        votes.set_votes("0x0000000000000000000000000000000000000000", 1, sender=owner)

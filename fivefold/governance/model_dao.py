"""The Governor's and the AuthenticatorRegistry's integer rules in Python (the tests' oracle; the
lead merges this into fivefold/governance/model.py with the staking model)."""

BPS = 10_000
PASS_NUMERATOR, PASS_DENOMINATOR = 51, 100


def quorum(total_supply: int, quorum_bps: int) -> int:
    """Votes (for + against) a proposal needs: ceil(total * bps / 10_000), rounded up so that a
    proposal never passes with less than the stated fraction."""
    return -(-total_supply * quorum_bps // BPS)


def succeeded(for_votes: int, against_votes: int, total_supply: int, quorum_bps: int) -> bool:
    """A strict majority of the votes cast and the quorum."""
    return for_votes > against_votes and for_votes + against_votes >= quorum(total_supply, quorum_bps)


def removal_passed(yes: int, members_at_open: int) -> bool:
    """More than 51% of the members counted at opening: yes * 100 > members * 51."""
    return yes * PASS_DENOMINATOR > members_at_open * PASS_NUMERATOR


def min_yes(members_at_open: int) -> int:
    """The fewest yes votes that pass a removal."""
    return members_at_open * PASS_NUMERATOR // PASS_DENOMINATOR + 1

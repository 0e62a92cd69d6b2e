"""Helpers shared by the resource market tests."""


def books(market, token) -> bool:
    """The conservation identity: balance == escrow + stakes + owed + budget, to the wei."""
    return token.balanceOf(market) == (
        market.total_escrow() + market.total_stakes() + market.total_owed() + market.reward_budget()
    )

import pytest

from fivefold import units

CAP = units.to_wei(1_000)


@pytest.fixture
def capped(create_token):
    """A token with a small cap (1,000 tokens) for cap arithmetic."""
    return create_token(symbol="CAP", cap=CAP)


@pytest.fixture
def minted(capped, owner, minter_contract, holder):
    """`capped` with the probe as minter and 100 tokens held by `holder`."""
    capped.set_minter(minter_contract, True, sender=owner)
    minter_contract.mint(capped, holder, units.to_wei(100), sender=owner)
    return capped

import pytest


@pytest.fixture
def feed(project, owner):
    """A LocalPriceFeed for ETH / USD with 8 decimals, owned by `owner`, no answer yet."""
    return project.LocalPriceFeed.deploy(8, "ETH / USD", owner, sender=owner)

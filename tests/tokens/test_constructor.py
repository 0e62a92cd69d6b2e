import ape

from fivefold import units


def test_constructor__valid__metadata_and_roles(project, owner, deployer):
    token = project.CappedToken.deploy(
        "CloudChat",
        "CC",
        units.to_wei(10_000_000_000),
        owner,
        "CloudChat",
        "1",
        ape.chain.chain_id,
        sender=deployer,
    )
    assert token.name() == "CloudChat"
    assert token.symbol() == "CC"
    assert token.decimals() == 18
    assert token.cap() == units.to_wei(10_000_000_000)
    assert token.totalSupply() == 0
    assert token.owner() == owner
    # Neither the deployer nor the owner can mint.
    assert not token.is_minter(deployer)
    assert not token.is_minter(owner)
    assert not token.initial_supply_closed()


def test_constructor__zero_cap__reverts(project, owner):
    with ape.reverts("capped_token: zero cap"):
        project.CappedToken.deploy("X", "X", 0, owner, "X", "1", ape.chain.chain_id, sender=owner)


def test_constructor__zero_owner__reverts(project, owner):
    with ape.reverts("capped_token: zero owner"):
        project.CappedToken.deploy(
            "X", "X", 1, ape.utils.ZERO_ADDRESS, "X", "1", ape.chain.chain_id, sender=owner
        )

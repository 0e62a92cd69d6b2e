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
        56,
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
    assert token.home_chain_id() == 56  # BSC's, on any chain: the CREATE2 address is the same
    assert token.bridged_out() == 0
    assert token.parameter_registry() == ape.utils.ZERO_ADDRESS


def test_constructor__zero_cap__reverts(project, owner):
    with ape.reverts("capped_token: zero cap"):
        project.CappedToken.deploy("X", "X", 0, owner, "X", "1", ape.chain.chain_id, sender=owner)


def test_constructor__zero_owner__reverts(project, owner):
    with ape.reverts("capped_token: zero owner"):
        project.CappedToken.deploy(
            "X", "X", 1, ape.utils.ZERO_ADDRESS, "X", "1", ape.chain.chain_id, sender=owner
        )


def test_constructor__zero_home_chain__reverts(project, owner):
    with ape.reverts("capped_token: zero home chain"):
        project.CappedToken.deploy("X", "X", 1, owner, "X", "1", 0, sender=owner)


def test_constructor__cap_above_128_bits__reverts(project, owner):
    """The supply and bridged_out share one word: the cap must fit 128 bits."""
    project.CappedToken.deploy("X", "X", 2**128 - 1, owner, "X", "1", 1, sender=owner)
    with ape.reverts("capped_token: cap too large"):
        project.CappedToken.deploy("X", "X", 2**128, owner, "X", "1", 1, sender=owner)

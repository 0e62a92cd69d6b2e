"""Constructor, governance setters (the fee through the parameter registry, the treasury by the owner),
ownership and the EIP-5267 domain."""

import ape
import pytest

from fivefold.governance.registry import entry

ZERO = "0x0000000000000000000000000000000000000000"


def test_constructor__defaults__fee_zero_and_domain(mall, owner, treasury, chain):
    domain = mall.eip712Domain()
    assert (mall.fee_bps(), mall.treasury(), mall.owner()) == (0, treasury, owner)
    assert (domain[1], domain[2], domain[3], domain[4]) == (
        "CloudChat NFT Mall",
        "1",
        chain.chain_id,
        mall.address,
    )


def test_constructor__zero_owner__reverts(project, deployer, treasury):
    with ape.reverts("nft_mall: zero owner"):
        project.NftMall.deploy(ZERO, treasury, "M", "1", sender=deployer)


def test_constructor__zero_treasury__reverts(project, deployer, owner):
    with ape.reverts("nft_mall: zero treasury"):
        project.NftMall.deploy(owner, ZERO, "M", "1", sender=deployer)


def test_set_fee_bps__above_cap__reverts(mall, owner):
    with ape.reverts("nft_mall: fee above cap"):
        mall.set_fee_bps(1_001, sender=owner)


def test_set_fee_bps__cap__accepted(mall, owner):
    mall.set_fee_bps(1_000, sender=owner)
    assert mall.fee_bps() == 1_000


def test_set_fee_bps__non_owner__reverts(mall, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        mall.set_fee_bps(100, sender=non_owner)


@pytest.fixture
def registry(project, deployer, owner, mall):
    contract = project.ParameterRegistry.deploy(owner, sender=deployer)
    mall.set_parameter_registry(contract, sender=owner)
    return contract


def test_set_fee_bps__owner_after_registry_named__reverts(registry, mall, owner):
    with ape.reverts("tunable: caller is not the parameter registry"):
        mall.set_fee_bps(100, sender=owner)


def test_set_fee_bps__through_registry__within_bounds(registry, mall, owner):
    """The registry writes the fee within its bounds (0 to 10%); beyond the mall's cap it cannot."""
    registry.register(entry("nft_mall.fee_bps", mall, "set_fee_bps", maximum=1_000, value=0), sender=owner)
    registry.set_parameter("nft_mall.fee_bps", 250, sender=owner)
    assert mall.fee_bps() == 250


def test_set_treasury__owner__changed(mall, owner, stranger):
    mall.set_treasury(stranger, sender=owner)
    assert mall.treasury() == stranger


def test_set_treasury__zero__reverts(mall, owner):
    with ape.reverts("nft_mall: zero treasury"):
        mall.set_treasury(ZERO, sender=owner)


def test_set_treasury__non_owner__reverts(mall, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        mall.set_treasury(non_owner, sender=non_owner)


def test_transfer_ownership__two_steps__new_owner_accepts(mall, owner, non_owner):
    mall.transfer_ownership(non_owner, sender=owner)
    assert mall.owner() == owner
    mall.accept_ownership(sender=non_owner)
    assert mall.owner() == non_owner

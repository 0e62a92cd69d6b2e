"""RouterAdmin: the admin of the bridge routers' proxies (contracts/bridge/RouterAdmin.vy), against
Hyperlane's real TransparentUpgradeableProxy in front of a real HypXERC20 (fivefold/bridge/hyperlane.py).

The attack this contract exists to stop is a router upgrade by anyone but governance: an upgraded
router mints up to its daily limit (docs/security.md, bridge). Only the owner (the timelock) upgrades
or hands a proxy on; the calls are the proxy's own admin functions, which refuse anyone else.
"""

import ape
import pytest
from eth_account import Account
from eth_utils import to_checksum_address

from fivefold import units
from fivefold.bridge import hyperlane
from tests import ownership_support as ownership

# EIP-1967 slots of the proxy: its implementation and its admin.
IMPLEMENTATION_SLOT = 0x360894A13BA1A3210667C828492DB98DCA3E2076CC3735A920A3CA505D382BBC
ADMIN_SLOT = 0xB53127684A568B3173AE13B9F8A6016E243E63B6E8EE1178D6A717850B5D6103


def _slot_address(chain, address: str, slot: int) -> str:
    """The address stored in `slot` of `address` (the low 20 bytes of the word)."""
    word = chain.provider.web3.eth.get_storage_at(address, slot)
    return to_checksum_address(bytes(word)[-20:])


@pytest.fixture
def router_admin(project, owner):
    """A RouterAdmin owned by `owner` (the timelock in the deployed suite)."""
    return project.RouterAdmin.deploy(owner, sender=owner)


@pytest.fixture
def router_admin_route(project, chain, deployer, owner, router_admin):
    """(proxy address, second implementation): a HypXERC20 route behind a proxy whose admin is
    `router_admin`, and a second HypXERC20 implementation to upgrade to."""
    w3 = chain.provider.web3
    deploying = hyperlane.Chain(w3, Account.from_key(deployer.private_key))
    core = hyperlane.deploy_core(deploying, owner.address)
    token = project.CappedToken.deploy(
        "CMDMAX Token", "CMDT", units.to_wei(10**6), owner, "CMDMAX Token", "1", chain.chain_id, sender=owner
    )
    router = hyperlane.deploy_router(core, token.address, owner.address, router_admin.address, name="admin")
    abi, code = hyperlane.artifact("HypXERC20")["abi"], hyperlane.artifact("HypXERC20")["bytecode"]
    second = deploying.deploy("HypXERC20:admin-v2", [token.address, 1, 1, core.mailbox.address], abi, code)
    return router.address, to_checksum_address(second)


def test_constructor__zero_owner__reverts(project, deployer):
    """An admin nobody owns could never upgrade a router, not even to fix it."""
    with ape.reverts("router_admin: zero owner"):
        project.RouterAdmin.deploy(ownership.ZERO, sender=deployer)


def test_upgrade__owner__proxy_points_at_the_new_implementation(
    chain, owner, router_admin, router_admin_route
):
    """The owner's upgrade goes through the proxy's own `upgradeTo` and is logged."""
    proxy, second = router_admin_route
    assert _slot_address(chain, proxy, ADMIN_SLOT) == router_admin.address
    tx = router_admin.upgrade(proxy, second, sender=owner)
    assert _slot_address(chain, proxy, IMPLEMENTATION_SLOT) == second
    logged = [(e.proxy, e.implementation) for e in tx.events.filter(router_admin.RouterUpgraded)]
    assert logged == [(proxy, second)]


def test_attack__stranger_upgrades_a_router__refused(chain, stranger, router_admin, router_admin_route):
    """Attack: a stranger points the router at its own implementation (which could mint up to the
    router's daily limit). Refused; the proxy keeps its implementation."""
    proxy, second = router_admin_route
    before = _slot_address(chain, proxy, IMPLEMENTATION_SLOT)
    with ape.reverts("ownable: caller is not the owner"):
        router_admin.upgrade(proxy, second, sender=stranger)
    assert _slot_address(chain, proxy, IMPLEMENTATION_SLOT) == before


def test_upgrade__implementation_not_a_contract__reverts(owner, stranger, router_admin, router_admin_route):
    """An account as implementation would brick the route: refused before the proxy is called."""
    proxy, _ = router_admin_route
    with ape.reverts("router_admin: implementation is not a contract"):
        router_admin.upgrade(proxy, stranger, sender=owner)


def test_change_proxy_admin__owner__proxy_handed_on_and_logged(
    chain, owner, non_owner, router_admin, router_admin_route
):
    """The owner hands the proxy to another admin for good; the proxy says so."""
    proxy, _ = router_admin_route
    tx = router_admin.change_proxy_admin(proxy, non_owner, sender=owner)
    assert _slot_address(chain, proxy, ADMIN_SLOT) == non_owner.address
    logged = [(e.proxy, e.new_admin) for e in tx.events.filter(router_admin.ProxyAdminChanged)]
    assert logged == [(proxy, non_owner.address)]


def test_attack__stranger_takes_the_proxy__refused(chain, stranger, router_admin, router_admin_route):
    """Attack: a stranger makes itself the proxy's admin (then upgrades at will). Refused."""
    proxy, _ = router_admin_route
    with ape.reverts("ownable: caller is not the owner"):
        router_admin.change_proxy_admin(proxy, stranger, sender=stranger)
    assert _slot_address(chain, proxy, ADMIN_SLOT) == router_admin.address


def test_change_proxy_admin__zero_admin__reverts(owner, router_admin, router_admin_route):
    """A proxy without an admin could never be upgraded again."""
    proxy, _ = router_admin_route
    with ape.reverts("router_admin: zero admin"):
        router_admin.change_proxy_admin(proxy, ownership.ZERO, sender=owner)


@pytest.fixture
def owned(router_admin):
    """The admin."""
    return router_admin


@pytest.fixture
def act(router_admin, router_admin_route):
    """An owner-only action: upgrading the route (again) to the second implementation."""
    proxy, second = router_admin_route
    return lambda account: router_admin.upgrade(proxy, second, sender=account)


class TestOwnership(ownership.TwoStepOwnership):
    """Two steps, never renounced: an ownerless admin could never upgrade a router again."""

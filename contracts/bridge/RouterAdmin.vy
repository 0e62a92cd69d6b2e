# pragma version ~=0.4.3
"""
@title Admin of the bridge routers' proxies
@custom:contract-name RouterAdmin
@license GNU Affero General Public License v3.0 only
@notice Hyperlane's warp routes (`HypXERC20`) live behind OpenZeppelin's
        `TransparentUpgradeableProxy`, whose admin may call nothing but
        the proxy's own admin functions. The admin therefore cannot be the
        router's owner (the suite's timelock, which enrolls routers and
        sets hooks and security modules). OpenZeppelin's `ProxyAdmin`
        makes its deployer the owner, which through the CREATE2 proxy
        would be the proxy itself; this contract is the same role with its
        owner as a constructor argument, so it has one address on every
        chain and goes to the timelock like every other contract.
@custom:security Only the owner upgrades or hands a proxy to another
        admin; the calls are the proxy's own admin functions
        (`upgradeTo`, `changeAdmin`), which revert for anyone else.
@custom:kill Nothing to stop: without a proposal this contract does
        nothing. Ownership moves in two steps and cannot be renounced.
"""


from contracts.shared import owner_2step
from interfaces import IRouterAdmin

implements: IRouterAdmin

initializes: owner_2step

exports: (
    # Two-step ownership; `renounce_ownership` is deliberately not exported: an
    # ownerless admin could never upgrade a router again, not even to fix it.
    owner_2step.__interface__,
)


# OpenZeppelin 4.9's transparent proxy, as its admin sees it.
interface ITransparentUpgradeableProxy:
    def upgradeTo(implementation: address): nonpayable
    def changeAdmin(new_admin: address): nonpayable


@deploy
def __init__(owner_: address):
    """
    @dev Fixes the first owner (the deployer; the timelock accepts later).
    @param owner_ The owner.
    """
    assert owner_ != empty(address), "router_admin: zero owner"
    owner_2step.__init__(owner_)


@external
def upgrade(proxy: address, implementation: address):
    """
    @notice The owner: points `proxy` at a new router implementation.
    @param proxy The router's proxy.
    @param implementation The new implementation (a contract).
    """
    owner_2step.ownable._check_owner()
    assert implementation.is_contract, "router_admin: implementation is not a contract"
    extcall ITransparentUpgradeableProxy(proxy).upgradeTo(implementation)
    log IRouterAdmin.RouterUpgraded(proxy=proxy, implementation=implementation)


@external
def change_proxy_admin(proxy: address, new_admin: address):
    """
    @notice The owner: hands `proxy` to another admin for good.
    @param proxy The router's proxy.
    @param new_admin The new admin (never the router's owner: a
           transparent proxy's admin cannot call the router).
    """
    owner_2step.ownable._check_owner()
    assert new_admin != empty(address), "router_admin: zero admin"
    extcall ITransparentUpgradeableProxy(proxy).changeAdmin(new_admin)
    log IRouterAdmin.ProxyAdminChanged(proxy=proxy, new_admin=new_admin)

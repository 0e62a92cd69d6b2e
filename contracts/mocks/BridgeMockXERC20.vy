# pragma version ~=0.4.3
"""
@title Test double: the bridge side of an ERC-7281 (xERC20) token
@custom:contract-name BridgeMockXERC20
@license GNU Affero General Public License v3.0 only
@notice Tests only (tests/bridge/protocol/): the two calls Hyperlane's
        `HypXERC20` warp route makes, `mint(user, amount)` on receive and
        `burn(user, amount)` on send, with the reference xERC20's rule that
        a bridge burning someone else's tokens spends their allowance. No
        limits: the token helper's CappedToken replaces it. One bridge,
        named by the owner.
"""

from snekmate.auth import ownable
from snekmate.tokens import erc20

initializes: ownable
initializes: erc20[ownable := ownable]

# The ERC-20 surface the tests use; snekmate's own `mint`/`burn_from` are not
# exported (this contract's bridge `mint`/`burn` replace them).
exports: (
    erc20.transfer,
    erc20.transferFrom,
    erc20.approve,
    erc20.balanceOf,
    erc20.allowance,
    erc20.totalSupply,
    erc20.decimals,
    erc20.name,
    erc20.symbol,
)

# The one bridge allowed to mint and burn (zero until `set_bridge`).
bridge: public(address)


@deploy
def __init__(owner_: address, initial_holder_: address, initial_supply_: uint256):
    """
    @dev Mints `initial_supply_` to `initial_holder_` (the home chain's
         supply in the tests; zero elsewhere). `owner_` names the bridge:
         deployed through the CREATE2 proxy, the sender is not the owner.
    @param owner_ Who may name the bridge.
    @param initial_holder_ Who receives the initial supply.
    @param initial_supply_ The initial supply, in wei.
    """
    ownable.__init__()
    ownable._transfer_ownership(owner_)
    erc20.__init__("Bridge Mock", "BMX", 18, "Bridge Mock", "1")
    if initial_supply_ > 0:
        erc20._mint(initial_holder_, initial_supply_)


@external
def set_bridge(bridge_: address):
    """
    @dev Names the bridge (the owner only).
    @param bridge_ The HypXERC20 router of this chain.
    """
    ownable._check_owner()
    self.bridge = bridge_


@external
def mint(user: address, amount: uint256):
    """
    @dev The bridge mints `amount` to `user` (a message received).
    @param user The recipient.
    @param amount The amount, in wei.
    """
    assert msg.sender == self.bridge, "bridge_mock_xerc20: caller is not the bridge"
    erc20._mint(user, amount)


@external
def burn(user: address, amount: uint256):
    """
    @dev The bridge burns `amount` of `user` (a transfer out), spending
         the allowance `user` gave the bridge, as the reference xERC20 does.
    @param user Whose tokens are burned.
    @param amount The amount, in wei.
    """
    assert msg.sender == self.bridge, "bridge_mock_xerc20: caller is not the bridge"
    erc20._spend_allowance(user, msg.sender, amount)
    erc20._burn(user, amount)

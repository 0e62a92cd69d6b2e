# pragma version ~=0.4.3
"""
@title An ERC-1155 collection for tests: snekmate's erc1155, anyone mints
@custom:contract-name MockCollection1155
@license GNU Affero General Public License v3.0 only
@notice The mall's and the MToken vault's tests mint any id and amount to
        any account with `mint` (a contract receiver's hook is called, as
        `_safe_mint` does). The rest is snekmate's erc1155 as it is; its
        owner (the deployer) is the only minter of `safe_mint`, which
        nobody needs.
"""


from snekmate.auth import ownable
from snekmate.tokens import erc1155

initializes: ownable
initializes: erc1155[ownable := ownable]

exports: erc1155.__interface__


@deploy
def __init__():
    ownable.__init__()
    erc1155.__init__("")


@external
def mint(receiver: address, id: uint256, amount: uint256):
    """
    @notice Mints `amount` of `id` to `receiver` (anyone may).
    @param receiver The holder.
    @param id The token id.
    @param amount The quantity.
    """
    erc1155._safe_mint(receiver, id, amount, b"")

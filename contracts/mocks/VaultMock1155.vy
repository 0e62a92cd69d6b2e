# pragma version ~=0.4.3
"""
@title An ERC-1155 collection for the MToken vault tests: snekmate's erc1155, anyone mints
@custom:contract-name VaultMock1155
@license GNU Affero General Public License v3.0 only
@notice Tests and gas benches of contracts/nft/MTokenVault.vy mint amounts
        to any account with `mint` (no receiver hook on minting).
"""


from snekmate.auth import ownable
from snekmate.tokens import erc1155

initializes: ownable
initializes: erc1155[ownable := ownable]


exports: (
    erc1155.balanceOf,
    erc1155.balanceOfBatch,
    erc1155.safeTransferFrom,
    erc1155.safeBatchTransferFrom,
    erc1155.setApprovalForAll,
    erc1155.isApprovedForAll,
    erc1155.supportsInterface,
)


@deploy
def __init__():
    """
    @dev No base URI; nobody needs the minter role.
    """
    ownable.__init__()
    erc1155.__init__("")


@external
def mint(receiver: address, token_id: uint256, amount: uint256):
    """
    @notice Mints `amount` of `token_id` to `receiver` (anyone may).
    @param receiver The owner of the new tokens (an account: no hook is called).
    @param token_id The id.
    @param amount The quantity.
    """
    erc1155.balanceOf[receiver][token_id] += amount

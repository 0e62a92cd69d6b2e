# pragma version ~=0.4.3
"""
@title An ERC-1155 collection for the mall's tests: snekmate's erc1155, anyone mints
@custom:contract-name MallMock1155
@license GNU Affero General Public License v3.0 only
@notice Tests mint any id and amount to any account with `mint`.
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
    @dev No URI; nobody needs the minter role.
    """
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

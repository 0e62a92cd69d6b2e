# pragma version ~=0.4.3
"""
@title An ERC-721 collection for tests: snekmate's erc721, anyone mints
@custom:contract-name MockCollection
@license GNU Affero General Public License v3.0 only
@notice Tests and gas benches mint NFTs to any account with `mint`.
"""


from snekmate.auth import ownable
from snekmate.tokens import erc721

initializes: ownable
initializes: erc721[ownable := ownable]


exports: (
    erc721.balanceOf,
    erc721.ownerOf,
    erc721.transferFrom,
    erc721.safeTransferFrom,
    erc721.approve,
    erc721.setApprovalForAll,
    erc721.getApproved,
    erc721.isApprovedForAll,
    erc721.supportsInterface,
)


@deploy
def __init__():
    """
    @dev An unnamed collection; nobody needs the minter role.
    """
    ownable.__init__()
    erc721.__init__("Mock", "MOCK", "", "Mock", "1")


@external
def mint(receiver: address, token_id: uint256):
    """
    @notice Mints `token_id` to `receiver` (anyone may).
    @param receiver The owner of the new NFT.
    @param token_id The id (must not exist).
    """
    erc721._mint(receiver, token_id)

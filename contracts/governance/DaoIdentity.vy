# pragma version ~=0.4.3
"""
@title DAO identity: a non-transferable membership NFT
@custom:contract-name DaoIdentity
@license GNU Affero General Public License v3.0 only
@notice The DAO (the owner) issues one identity per member and may revoke
        it; nobody can transfer, approve or burn one. snekmate's `erc721`
        keeps the ownership records and the metadata views; its transfer,
        approval, permit, mint and burn functions are not exported, and
        ERC-721's transfer and approval functions are defined here to
        revert with a reason, so a wallet learns why.

        Each issue and revocation tells the governance staking contract
        (`staking`, fixed at deployment; empty for a DAO without staking
        weight for identities), which adds the identity weight in force
        to the member's voting power or removes the weight recorded at
        issue: O(1), no loop over members.
@custom:security Only the owner mints and burns. Tokens are minted with
        `_mint`, not `_safe_mint`: no receiver hook runs, so a member
        contract cannot re-enter the issue.
@custom:kill The owner revokes identities; nothing else moves. Ownership
        moves in two steps and cannot be renounced.
"""


from interfaces import IDaoIdentity
from interfaces import IStaking
from snekmate.auth import ownable
from snekmate.auth import ownable_2step
from snekmate.tokens import erc721

implements: IDaoIdentity

initializes: ownable
initializes: ownable_2step[ownable := ownable]
initializes: erc721[ownable := ownable]


exports: (
    erc721.balanceOf,
    erc721.ownerOf,
    erc721.tokenURI,
    erc721.totalSupply,
    erc721.tokenByIndex,
    erc721.tokenOfOwnerByIndex,
    erc721.name,
    erc721.symbol,
    erc721.supportsInterface,
    ownable.owner,
    ownable_2step.pending_owner,
    ownable_2step.transfer_ownership,
    ownable_2step.accept_ownership,
    # Deliberately not exported: erc721's transfers, approvals, permit, burn and minting
    # (identities move only by `issue` and `revoke`), erc721's own ownership transfer (it would
    # make the owner a minter), and renouncing ownership (a renounced DAO identity could never
    # issue or revoke again).
)


# @dev The staking contract told of every issue and revocation (empty: none).
staking: public(immutable(address))

# @dev The id the next identity gets.
next_id: public(uint256)


@deploy
def __init__(
    name_: String[25],
    symbol_: String[5],
    base_uri_: String[80],
    staking_: address,
    owner_: address,
):
    """
    @dev Makes `owner_` (the DAO) the owner; no identity exists yet.
    @param name_ The collection's name.
    @param symbol_ The collection's symbol.
    @param base_uri_ The base of `tokenURI`.
    @param staking_ The staking contract to tell (empty: none).
    @param owner_ The owner (the DAO's timelock).
    """
    assert owner_ != empty(address), "dao_identity: zero owner"
    ownable.__init__()
    ownable_2step.__init__()
    erc721.__init__(name_, symbol_, base_uri_, name_, "1")
    ownable_2step._transfer_ownership(owner_)
    staking = staking_


@external
def issue(member: address) -> uint256:
    """
    @notice Only the owner: issues an identity to `member` (one each).
    @param member The new member.
    @return uint256 The identity's token id.
    """
    ownable._check_owner()
    assert erc721._balance_of(member) == 0, "dao_identity: already a member"
    token_id: uint256 = self.next_id
    self.next_id = token_id + 1
    erc721._mint(member, token_id)
    if staking != empty(address):
        extcall IStaking(staking).on_identity_issued(member)
    return token_id


@external
def revoke(token_id: uint256):
    """
    @notice Only the owner: revokes (burns) an identity.
    @param token_id The identity.
    """
    ownable._check_owner()
    member: address = erc721._owners[token_id]
    assert member != empty(address), "dao_identity: no such identity"
    erc721._burn(token_id)
    if staking != empty(address):
        extcall IStaking(staking).on_identity_revoked(member)


@external
def transferFrom(owner: address, to: address, token_id: uint256):
    """
    @notice Refused: identities are not transferable.
    @param owner Unused.
    @param to Unused.
    @param token_id Unused.
    """
    raise "dao_identity: not transferable"


@external
def safeTransferFrom(owner: address, to: address, token_id: uint256, data: Bytes[1_024] = b""):
    """
    @notice Refused: identities are not transferable.
    @param owner Unused.
    @param to Unused.
    @param token_id Unused.
    @param data Unused.
    """
    raise "dao_identity: not transferable"


@external
def approve(to: address, token_id: uint256):
    """
    @notice Refused: identities are not transferable.
    @param to Unused.
    @param token_id Unused.
    """
    raise "dao_identity: not transferable"


@external
def setApprovalForAll(operator: address, approved: bool):
    """
    @notice Refused: identities are not transferable.
    @param operator Unused.
    @param approved Unused.
    """
    raise "dao_identity: not transferable"


@external
@view
def getApproved(token_id: uint256) -> address:
    """
    @notice Nobody is ever approved.
    @param token_id The identity.
    @return address Empty.
    """
    return empty(address)


@external
@view
def isApprovedForAll(owner: address, operator: address) -> bool:
    """
    @notice Nobody is ever approved.
    @param owner The holder.
    @param operator The operator.
    @return bool False.
    """
    return False

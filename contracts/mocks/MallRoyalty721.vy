# pragma version ~=0.4.3
"""
@title An ERC-721 with ERC-2981 royalties for the mall's tests and gas benches
@custom:contract-name MallRoyalty721
@license GNU Affero General Public License v3.0 only
@notice A plain, non-enumerable ERC-721 laid out as OpenZeppelin's (owner and
        balance per token and account, one approval per token, operators per
        owner), so `mall.buy` measures what a typical collection costs; anyone
        mints. `royaltyInfo` answers `price * royalty_bps / 10,000` to
        `royalty_receiver`, with no cap: a test sets 100% or more to play a
        malicious collection.
"""


# @dev `onERC721Received(address,address,uint256,bytes)`.
_RECEIVED: constant(bytes4) = 0x150b7a02


interface IERC721Receiver:
    def onERC721Received(
        operator: address, owner: address, token_id: uint256, data: Bytes[1_024]
    ) -> bytes4: nonpayable


# @dev Owner of each token (empty: none).
ownerOf_: HashMap[uint256, address]
# @dev Tokens held per account.
balanceOf: public(HashMap[address, uint256])
# @dev The one approved account per token.
getApproved: public(HashMap[uint256, address])
# @dev Operators per owner.
isApprovedForAll: public(HashMap[address, HashMap[address, bool]])
# @dev Who receives royalties.
royalty_receiver: public(address)
# @dev Royalty in basis points of the price (uncapped on purpose).
royalty_bps: public(uint256)


event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    token_id: indexed(uint256)


event Approval:
    owner: indexed(address)
    approved: indexed(address)
    token_id: indexed(uint256)


event ApprovalForAll:
    owner: indexed(address)
    operator: indexed(address)
    approved: bool


@external
@view
def ownerOf(token_id: uint256) -> address:
    """
    @notice The owner of `token_id`.
    @param token_id The token id.
    @return address The owner.
    """
    owner: address = self.ownerOf_[token_id]
    assert owner != empty(address), "mall_royalty_721: no such token"
    return owner


@external
@view
def supportsInterface(interface_id: bytes4) -> bool:
    """
    @notice ERC-165: ERC-165, ERC-721 and ERC-2981.
    @param interface_id The interface id.
    @return bool Whether it is supported.
    """
    return interface_id in [0x01ffc9a7, 0x80ac58cd, 0x2a55205a]


@external
@view
def royaltyInfo(token_id: uint256, price: uint256) -> (address, uint256):
    """
    @notice ERC-2981 royalty of a sale at `price`.
    @param token_id The token id (every token pays the same).
    @param price The sale price.
    @return address The receiver.
    @return uint256 The royalty.
    """
    return self.royalty_receiver, price * self.royalty_bps // 10_000


@external
def set_royalty(receiver: address, bps: uint256):
    """
    @notice Sets the royalty (anyone: a test double).
    @param receiver The receiver.
    @param bps Basis points of the price, any value.
    """
    self.royalty_receiver = receiver
    self.royalty_bps = bps


@external
def mint(receiver: address, token_id: uint256):
    """
    @notice Mints `token_id` to `receiver` (anyone may).
    @param receiver The owner of the new token.
    @param token_id The id (must not exist).
    """
    assert self.ownerOf_[token_id] == empty(address), "mall_royalty_721: token exists"
    self.ownerOf_[token_id] = receiver
    self.balanceOf[receiver] += 1
    log Transfer(sender=empty(address), receiver=receiver, token_id=token_id)


@external
def approve(approved: address, token_id: uint256):
    """
    @notice Approves one account for one token.
    @param approved The account.
    @param token_id The token id.
    """
    owner: address = self.ownerOf_[token_id]
    assert msg.sender == owner or self.isApprovedForAll[owner][msg.sender], "mall_royalty_721: not allowed"
    self.getApproved[token_id] = approved
    log Approval(owner=owner, approved=approved, token_id=token_id)


@external
def setApprovalForAll(operator: address, approved: bool):
    """
    @notice Approves or revokes an operator for all the caller's tokens.
    @param operator The operator.
    @param approved The new status.
    """
    self.isApprovedForAll[msg.sender][operator] = approved
    log ApprovalForAll(owner=msg.sender, operator=operator, approved=approved)


@external
def transferFrom(owner: address, receiver: address, token_id: uint256):
    """
    @notice Moves `token_id` from `owner` to `receiver`.
    @param owner The current owner.
    @param receiver The new owner.
    @param token_id The token id.
    """
    self._transfer(owner, receiver, token_id)


@external
def safeTransferFrom(owner: address, receiver: address, token_id: uint256, data: Bytes[1_024] = b""):
    """
    @notice `transferFrom`, then ERC-721's receiver check if `receiver` is a contract.
    @param owner The current owner.
    @param receiver The new owner.
    @param token_id The token id.
    @param data Passed to the receiver.
    """
    self._transfer(owner, receiver, token_id)
    if receiver.is_contract:
        answer: bytes4 = extcall IERC721Receiver(receiver).onERC721Received(msg.sender, owner, token_id, data)
        assert answer == _RECEIVED, "mall_royalty_721: receiver refused"


@internal
def _transfer(owner: address, receiver: address, token_id: uint256):
    """
    @dev Checks the caller's right and moves the token.
    @param owner The current owner.
    @param receiver The new owner.
    @param token_id The token id.
    """
    assert self.ownerOf_[token_id] == owner and owner != empty(address), "mall_royalty_721: wrong owner"
    assert receiver != empty(address), "mall_royalty_721: zero receiver"
    assert (
        msg.sender == owner
        or self.isApprovedForAll[owner][msg.sender]
        or self.getApproved[token_id] == msg.sender
    ), "mall_royalty_721: not allowed"
    if self.getApproved[token_id] != empty(address):
        self.getApproved[token_id] = empty(address)
    self.balanceOf[owner] -= 1
    self.balanceOf[receiver] += 1
    self.ownerOf_[token_id] = receiver
    log Transfer(sender=owner, receiver=receiver, token_id=token_id)

# pragma version ~=0.4.3
"""
@title A contract account for the mall's attack tests
@custom:contract-name MallActor
@license GNU Affero General Public License v3.0 only
@notice Buys, bids and sells through `execute`; as an EIP-1271 wallet it
        accepts signatures of `signer`. Switches make it refuse the native
        coin (`reject_payments`), refuse NFTs (`refuse_nfts`), or call
        `reenter_target` with `reenter_data` from inside its ERC-721/ERC-1155
        receiver hooks, recording whether that reentrant call succeeded.
"""

from . import erc1271_signer

initializes: erc1271_signer

exports: (erc1271_signer.signer, erc1271_signer.isValidSignature)


# @dev Revert on receiving the native coin.
reject_payments: public(bool)
# @dev Revert in the NFT receiver hooks.
refuse_nfts: public(bool)
# @dev What the hooks call (empty: nothing).
reenter_target: public(address)
reenter_data: public(Bytes[2_048])
# @dev Whether the last reentrant call from a hook succeeded, and how many hooks ran.
reentry_succeeded: public(bool)
hooks_run: public(uint256)


@deploy
def __init__(signer_: address):
    """
    @dev A wallet of `signer_`.
    @param signer_ The EOA whose signatures count as the wallet's.
    """
    erc1271_signer.__init__(signer_)


@external
@payable
def execute(target: address, data: Bytes[2_048], amount: uint256):
    """
    @notice Calls `target` with `data` and `amount` of the native coin; bubbles up a revert.
    @param target The contract.
    @param data The calldata.
    @param amount Value to send (from this contract's balance).
    """
    raw_call(target, data, value=amount)


@external
def set_switches(reject_payments: bool, refuse_nfts: bool, target: address, data: Bytes[2_048]):
    """
    @notice Sets the behaviour switches (anyone: a test double).
    @param reject_payments Revert on native coin.
    @param refuse_nfts Revert in the receiver hooks.
    @param target What the hooks call (empty: nothing).
    @param data The hooks' calldata.
    """
    self.reject_payments = reject_payments
    self.refuse_nfts = refuse_nfts
    self.reenter_target = target
    self.reenter_data = data


@external
@payable
def __default__():
    """
    @notice Takes the native coin unless `reject_payments`.
    """
    assert not self.reject_payments, "mall_actor: payment refused"


@external
def onERC721Received(operator: address, owner: address, token_id: uint256, data: Bytes[1_024]) -> bytes4:
    """
    @notice ERC-721 receiver hook (see the switches).
    @param operator Who moved the token.
    @param owner The previous owner.
    @param token_id The token id.
    @param data Extra data.
    @return bytes4 The acceptance value.
    """
    self._hook()
    return 0x150b7a02


@external
def onERC1155Received(
    operator: address, owner: address, id: uint256, amount: uint256, data: Bytes[1_024]
) -> bytes4:
    """
    @notice ERC-1155 receiver hook (see the switches).
    @param operator Who moved the tokens.
    @param owner The previous owner.
    @param id The token id.
    @param amount The quantity.
    @param data Extra data.
    @return bytes4 The acceptance value.
    """
    self._hook()
    return 0xf23a6e61


@internal
def _hook():
    """
    @dev Refuses, or runs the reentrant call and records its outcome.
    """
    assert not self.refuse_nfts, "mall_actor: nft refused"
    self.hooks_run += 1
    target: address = self.reenter_target
    if target != empty(address):
        self.reentry_succeeded = raw_call(target, self.reenter_data, revert_on_failure=False)

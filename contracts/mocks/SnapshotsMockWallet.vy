# pragma version ~=0.4.3
"""
@title A tiny ERC-1271 wallet for the snapshot registry's tests
@custom:contract-name SnapshotsMockWallet
@license GNU Affero General Public License v3.0 only
@notice Accepts, as ERC-1271 signatures, 65-byte signatures of its
        `signer` (an EOA key). The signer may rotate to another key
        (`set_signer`), which changes the wallet's answer for signatures
        made before; `execute` lets the signer make the wallet call a
        contract (a direct anchor, as a Safe transaction would).
"""


# @dev The ERC-1271 acceptance value: `isValidSignature(bytes32,bytes)`'s selector.
_MAGIC: constant(bytes4) = 0x1626ba7e


# @dev The EOA whose signatures count as the wallet's.
signer: public(address)


@deploy
def __init__(signer_: address):
    """
    @dev A wallet of `signer_`.
    @param signer_ The EOA whose signatures count as the wallet's.
    """
    self.signer = signer_


@external
def set_signer(signer_: address):
    """
    @notice Rotates the key (the signer only): signatures of the old key stop counting.
    @param signer_ The new signer.
    """
    assert msg.sender == self.signer, "snapshots_mock_wallet: caller is not the signer"
    self.signer = signer_


@external
def execute(target: address, data: Bytes[1_024]):
    """
    @notice Calls `target` with `data` as the wallet (the signer only); bubbles up a revert.
    @param target The contract.
    @param data The calldata.
    """
    assert msg.sender == self.signer, "snapshots_mock_wallet: caller is not the signer"
    raw_call(target, data)


@external
@view
def isValidSignature(hash: bytes32, signature: Bytes[65]) -> bytes4:
    """
    @notice ERC-1271: valid if `signer` signed `hash` (65 bytes: r, s, v).
    @param hash The digest.
    @param signature The signature.
    @return bytes4 The magic value, or zero.
    """
    if len(signature) != 65:
        return empty(bytes4)
    r: uint256 = extract32(signature, 0, output_type=uint256)
    s: uint256 = extract32(signature, 32, output_type=uint256)
    v: uint256 = convert(slice(signature, 64, 1), uint256)
    if ecrecover(hash, v, r, s) == self.signer:
        return _MAGIC
    return empty(bytes4)

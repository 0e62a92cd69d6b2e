# pragma version ~=0.4.3
"""
@title The test wallets' EIP-1271: signatures of one EOA key count as the wallet's
@custom:contract-name erc1271_signer
@license GNU Affero General Public License v3.0 only
@notice A module of MallActor and SnapshotsMockWallet (tests only): export
        `signer` and `isValidSignature`; the host may rotate `signer`.
"""


# @dev The EIP-1271 acceptance value: `isValidSignature(bytes32,bytes)`'s selector.
_MAGIC: constant(bytes4) = 0x1626ba7e


# @dev The EOA whose signatures count as the wallet's.
signer: public(address)


@deploy
def __init__(signer_: address):
    self.signer = signer_


@external
@view
def isValidSignature(hash: bytes32, signature: Bytes[65]) -> bytes4:
    """
    @notice EIP-1271: valid if `signer` signed `hash` (65 bytes: r, s, v).
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

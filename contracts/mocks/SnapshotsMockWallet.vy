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

from . import erc1271_signer

initializes: erc1271_signer

exports: (erc1271_signer.signer, erc1271_signer.isValidSignature)


@deploy
def __init__(signer_: address):
    """
    @dev The wallet of the EOA key `signer_`.
    """
    erc1271_signer.__init__(signer_)


@external
def set_signer(signer_: address):
    """
    @notice Rotates the key (the signer only): signatures of the old key stop counting.
    @param signer_ The new signer.
    """
    assert msg.sender == erc1271_signer.signer, "snapshots_mock_wallet: caller is not the signer"
    erc1271_signer.signer = signer_


@external
def execute(target: address, data: Bytes[1_024]):
    """
    @notice Calls `target` with `data` as the wallet (the signer only); bubbles up a revert.
    @param target The contract.
    @param data The calldata.
    """
    assert msg.sender == erc1271_signer.signer, "snapshots_mock_wallet: caller is not the signer"
    raw_call(target, data)


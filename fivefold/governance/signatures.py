"""EIP-712 delegation signatures for Staking.delegateBySig, signed by any ape account."""

from __future__ import annotations

from eth_account.messages import encode_typed_data


def delegation_signature(staking, signer, delegatee: str, nonce: int, expiry: int, chain_id: int):
    """Signs `Delegation(address delegatee,uint256 nonce,uint256 expiry)` in `staking`'s domain;
    returns (v, r, s) for `delegateBySig`."""
    domain = staking.eip712Domain()
    message = encode_typed_data(
        full_message={
            "types": {
                "EIP712Domain": [
                    {"name": "name", "type": "string"},
                    {"name": "version", "type": "string"},
                    {"name": "chainId", "type": "uint256"},
                    {"name": "verifyingContract", "type": "address"},
                ],
                "Delegation": [
                    {"name": "delegatee", "type": "address"},
                    {"name": "nonce", "type": "uint256"},
                    {"name": "expiry", "type": "uint256"},
                ],
            },
            "primaryType": "Delegation",
            "domain": {
                "name": domain[1],
                "version": domain[2],
                "chainId": chain_id,
                "verifyingContract": staking.address,
            },
            "message": {"delegatee": delegatee, "nonce": nonce, "expiry": expiry},
        }
    )
    sig = signer.sign_message(message)
    # Ape drops leading zero bytes of r and s: pad them back to 32 bytes (see fivefold/tokens/flow.py).
    return sig.v, bytes(sig.r).rjust(32, b"\0"), bytes(sig.s).rjust(32, b"\0")

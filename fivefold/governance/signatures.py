"""EIP-712 delegation signatures for Staking.delegateBySig, signed by any ape account."""

from __future__ import annotations

from fivefold.tokens.flow import sign_typed

DELEGATION = [("delegatee", "address"), ("nonce", "uint256"), ("expiry", "uint256")]


def delegation_signature(staking, signer, delegatee: str, nonce: int, expiry: int, chain_id: int):
    """Signs `Delegation(address delegatee,uint256 nonce,uint256 expiry)` in `staking`'s domain;
    returns (v, r, s) for `delegateBySig`."""
    message = {"delegatee": delegatee, "nonce": nonce, "expiry": expiry}
    return sign_typed(signer, staking, chain_id, "Delegation", DELEGATION, message)

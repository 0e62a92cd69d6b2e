"""EIP-712 typed data as a wallet signs it (eth_signTypedData_v4's JSON), for the suite's contracts
whose domain is snekmate's eip712_domain_separator (name, version, chain id, verifying contract)."""

from __future__ import annotations

DOMAIN_FIELDS = [
    {"name": "name", "type": "string"},
    {"name": "version", "type": "string"},
    {"name": "chainId", "type": "uint256"},
    {"name": "verifyingContract", "type": "address"},
]


def typed_data(
    name: str, version: str, chain_id: int, contract: str, primary: str, fields, message: dict
) -> dict:
    """The full message: `primary(fields...)` (pairs of name and type) in the contract's domain."""
    return {
        "types": {
            "EIP712Domain": DOMAIN_FIELDS,
            primary: [{"name": n, "type": t} for n, t in fields],
        },
        "primaryType": primary,
        "domain": {"name": name, "version": version, "chainId": chain_id, "verifyingContract": contract},
        "message": message,
    }

"""Deterministic addresses through the canonical CREATE2 deployment proxy.

The proxy at FACTORY (Arachnid's deterministic-deployment-proxy, present on Ethereum, BNB Smart
Chain, Polygon, OKT Chain and on anvil by default) takes `salt ++ init_code` as calldata and
creates the contract at

    keccak256(0xff ++ FACTORY ++ salt ++ keccak256(init_code))[12:]

Binding to the deployer: the proxy itself lets anyone deploy anything, so the suite binds the
deployer through the init code: every contract takes its initial owner (the deploying account)
as a constructor argument. Whoever submits `salt ++ init_code` first therefore creates exactly the
contract the deployer would have created, owned by the deployer; nobody else can obtain that
address with different code or a different owner, and chain-specific setup is owner-only.
The salt adds a namespace and the contract's name, so that two copies of one contract type get
distinct addresses and a new `salt_namespace` deploys a fresh, separate suite.
"""

from __future__ import annotations

from eth_utils import keccak, to_checksum_address

FACTORY = "0x4e59b44847b379578588920cA78FbF26c0B4956C"
# Runtime code of the proxy, to check that a chain has it before relying on it.
FACTORY_RUNTIME = bytes.fromhex(
    "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3"
)


def salt(namespace: str, name: str) -> bytes:
    return keccak(text=f"{namespace}:{name}")


def predict(salt_: bytes, init_code: bytes, factory: str = FACTORY) -> str:
    digest = keccak(b"\xff" + bytes.fromhex(factory[2:]) + salt_ + keccak(init_code))
    return to_checksum_address(digest[12:])


def calldata(salt_: bytes, init_code: bytes) -> bytes:
    return salt_ + init_code

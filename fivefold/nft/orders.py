"""The NFT mall's signed orders in Python: the EIP-712 `Order` type, a builder and the signature the
mall's `buy` takes (signed through `fivefold.tokens.flow.sign_typed`, like permits and delegations)."""

from __future__ import annotations

from fivefold.tokens.flow import sign_typed

NATIVE = "0x0000000000000000000000000000000000000000"

# The fields of NftMall's `Order`, in the order of its EIP-712 type string and of the struct.
ORDER = [
    ("seller", "address"),
    ("collection", "address"),
    ("token_id", "uint256"),
    ("amount", "uint256"),
    ("erc1155", "bool"),
    ("asset", "address"),
    ("price", "uint256"),
    ("nonce", "uint256"),
    ("salt", "uint256"),
    ("expiry", "uint256"),
]


def order(
    mall,
    seller: str,
    collection: str,
    token_id: int,
    price: int,
    expiry: int,
    *,
    amount: int = 1,
    erc1155: bool = False,
    asset: str = NATIVE,
    salt: int = 0,
    nonce: int | None = None,
) -> dict:
    """An order of `seller` (its current nonce unless given), as a dict keyed by field name."""
    return {
        "seller": str(seller),
        "collection": str(collection),
        "token_id": token_id,
        "amount": amount,
        "erc1155": erc1155,
        "asset": str(asset),
        "price": price,
        "nonce": mall.nonces(seller) if nonce is None else nonce,
        "salt": salt,
        "expiry": expiry,
    }


def as_tuple(order_: dict) -> tuple:
    """The order as the contract's struct argument."""
    return tuple(order_[name] for name, _ in ORDER)


def sign_order(signer, mall, chain_id: int, order_: dict) -> bytes:
    """`signer`'s 65-byte signature (r, s, v) of `order_` in `mall`'s EIP-712 domain."""
    v, r, s = sign_typed(signer, mall, chain_id, "Order", ORDER, order_)
    return r + s + bytes([v])

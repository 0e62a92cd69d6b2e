"""Merchant invoices in Python: the EIP-712 `Invoice` of contracts/payments/MerchantInvoices.vy, a
builder and the merchant's signature (signed through `fivefold.tokens.flow.sign_typed`, like permits
and the mall's orders)."""

from __future__ import annotations

from eth_utils import keccak

from fivefold.tokens.flow import sign_typed

NATIVE = "0x0000000000000000000000000000000000000000"

# The fields of `Invoice`, in the order of its EIP-712 type string and of the struct.
INVOICE = [
    ("merchant", "address"),
    ("id", "uint256"),
    ("asset", "address"),
    ("amount", "uint256"),
    ("payer", "address"),
    ("deadline", "uint256"),
    ("refund_deadline", "uint256"),
]
TYPE_STRING = "Invoice(" + ",".join(f"{kind} {name}" for name, kind in INVOICE) + ")"
TYPEHASH = keccak(text=TYPE_STRING)

# Record states, as `MerchantInvoices.status` returns them.
OPEN, ESCROWED, REFUNDED, SETTLED, CANCELLED = range(5)


def invoice(
    merchant: str,
    id: int,
    asset: str,
    amount: int,
    deadline: int,
    *,
    payer: str = NATIVE,
    refund_deadline: int = 0,
) -> dict:
    """An invoice as a dict keyed by field name (payer zero: anyone may pay; refund deadline 0: no
    refund window, the merchant is credited at once)."""
    return {
        "merchant": str(merchant),
        "id": id,
        "asset": str(asset),
        "amount": amount,
        "payer": str(payer),
        "deadline": deadline,
        "refund_deadline": refund_deadline,
    }


def as_tuple(invoice_: dict) -> tuple:
    """The invoice as the contract's struct argument."""
    return tuple(invoice_[name] for name, _ in INVOICE)


def sign_invoice(merchant, contract, chain_id: int, invoice_: dict) -> bytes:
    """The merchant's 65-byte signature (r, s, v) of `invoice_` in `contract`'s EIP-712 domain."""
    v, r, s = sign_typed(merchant, contract, chain_id, "Invoice", INVOICE, invoice_)
    return r + s + bytes([v])
